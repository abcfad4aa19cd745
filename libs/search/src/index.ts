export { SearchModule } from './search.module';
export {
  SearchIndex,
  SearchDocument,
  SearchQuery,
  SearchPage,
  SearchFilter,
  SearchSort,
  FacetCount,
} from './search-index.port';
export { PostgresSearchIndex, POSTGRES_SEARCH_SESSION_SETTINGS } from './postgres-search.index';
export { SearchDocumentRepository, SEARCH_CHANGED_CHANNEL, textMatch } from './search-document.repository';
export { SearchResultCache } from './search-cache';
export { MeilisearchSearchIndex, MeilisearchOptions } from './meilisearch-search.index';
export { SearchSync } from './search-sync.service';
export { SearchOutboxRepository } from './search-outbox.repository';
export { cjkGrams, escapeLike, queryWords } from './search-text';
