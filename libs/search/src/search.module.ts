import { Module, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { CatalogModule, CatalogProductChanged } from '@chedun/catalog';
import { DomainEventBus } from '@chedun/db';
import { MeilisearchSearchIndex } from './meilisearch-search.index';
import { PostgresSearchIndex } from './postgres-search.index';
import { SearchResultCache } from './search-cache';
import { SearchDocumentRepository } from './search-document.repository';
import { SearchIndex } from './search-index.port';
import { SearchOutboxRepository } from './search-outbox.repository';
import { SearchSync } from './search-sync.service';
import { SearchHitCoverResolver } from './search-hit-cover.resolver';
import { SearchResolver } from './search.resolver';

@Module({
  imports: [CatalogModule],
  providers: [
    {
      provide: SearchIndex,
      inject: [APP_CONFIG, SearchDocumentRepository],
      useFactory: (config: AppConfig, documents: SearchDocumentRepository): SearchIndex =>
        config.meili.host
          ? new MeilisearchSearchIndex({ host: config.meili.host, apiKey: config.meili.apiKey })
          : new PostgresSearchIndex(documents, new SearchResultCache()),
    },
    SearchDocumentRepository,
    SearchOutboxRepository,
    SearchSync,
    SearchResolver,
    SearchHitCoverResolver,
  ],
  exports: [SearchIndex, SearchSync],
})
export class SearchModule implements OnModuleInit {
  constructor(
    private readonly bus: DomainEventBus,
    private readonly sync: SearchSync,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe<CatalogProductChanged>('CatalogProductChanged', (event, manager) =>
      this.sync.productsChanged(event.productIds, manager),
    );
  }
}
