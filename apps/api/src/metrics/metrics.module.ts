import { DynamicModule, Module } from '@nestjs/common';
import { AppMetrics } from './app-metrics';
import { MetricsCollector } from './metrics.collector';

/** What feeds /metrics; the same AppMetrics instance goes to the GraphQL plugin, the HTTP middleware and the endpoint (bootstrap.ts). */
@Module({})
export class MetricsModule {
  static forRoot(metrics: AppMetrics): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: AppMetrics, useValue: metrics }, MetricsCollector],
      exports: [AppMetrics, MetricsCollector],
    };
  }
}
