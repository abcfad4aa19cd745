export { SearchModule } from './search.module';
export { SearchIndex, SearchDocument, SearchQuery, SearchPage, SearchFilter, SearchSort, FacetCount } from './search-index.port';
export { PostgresSearchIndex, POSTGRES_SEARCH_SESSION_SETTINGS, SEARCH_CHANGED_CHANNEL, textMatch } from './postgres-search.index';
export { SearchResultCache } from './search-cache';
export { MeilisearchSearchIndex, MeilisearchOptions } from './meilisearch-search.index';
export { SearchSync } from './search-sync.service';
export { cjkGrams, escapeLike, queryWords } from './search-text';
