import { DynamicModule, Module } from '@nestjs/common';
import { OrdersModule } from '@chedun/orders';
import { SearchModule } from '@chedun/search';
import { AppMetrics } from './app-metrics';
import { MetricsCollector } from './metrics.collector';

/** What feeds /metrics; the same AppMetrics instance goes to the GraphQL plugin, the HTTP middleware and the endpoint (bootstrap.ts). */
@Module({})
export class MetricsModule {
  static forRoot(metrics: AppMetrics): DynamicModule {
    return {
      module: MetricsModule,
      imports: [OrdersModule, SearchModule],
      providers: [{ provide: AppMetrics, useValue: metrics }, MetricsCollector],
      exports: [AppMetrics, MetricsCollector],
    };
  }
}
