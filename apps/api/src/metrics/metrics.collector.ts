import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { DomainEventBus } from '@chedun/db';
import { Clock, OrderCancelled } from '@chedun/kernel';
import { NotificationDeliveryJob } from '@chedun/orders';
import { PaymentEvent } from '@chedun/payments';
import { SearchSync } from '@chedun/search';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppMetrics } from './app-metrics';

const PAYMENT_EVENTS: PaymentEvent['type'][] = [
  'PaymentSucceeded',
  'PaymentFailed',
  'PaymentCancelled',
  'RefundSucceeded',
];

/**
 * Feeds the metrics that are not request latencies: domain events as they are applied (payment lag, expiries),
 * and, at scrape time, the outbox depths and this process's pool.
 */
@Injectable()
export class MetricsCollector implements OnModuleInit {
  private readonly logger = new Logger(MetricsCollector.name);

  constructor(
    private readonly metrics: AppMetrics,
    private readonly bus: DomainEventBus,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly search: SearchSync,
    private readonly notifications: NotificationDeliveryJob,
  ) {}

  onModuleInit(): void {
    for (const type of PAYMENT_EVENTS) {
      this.bus.subscribe<PaymentEvent>(type, (event) => {
        const lag = (this.clock.now().getTime() - event.occurredAt.getTime()) / 1000;
        this.metrics.paymentEventLag.observe({ type: event.type }, Math.max(0, lag));
        return Promise.resolve();
      });
    }
    this.bus.subscribe<OrderCancelled>('OrderCancelled', (event) => {
      if (event.reason === 'EXPIRED') this.metrics.reservationsExpired.inc();
      return Promise.resolve();
    });
  }

  /** Reads what lives outside this process's memory; a failure leaves the last values and never fails the scrape. */
  async refresh(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (pool) {
      this.metrics.dbPool.set({ state: 'total' }, pool.totalCount);
      this.metrics.dbPool.set({ state: 'idle' }, pool.idleCount);
      this.metrics.dbPool.set({ state: 'waiting' }, pool.waitingCount);
    }
    this.metrics.dbPool.set({ state: 'max' }, this.config.database.poolSize);
    try {
      const [search, notifications] = await Promise.all([
        this.search.pendingCount(),
        this.notifications.pendingCount(),
      ]);
      this.metrics.outboxPending.set({ outbox: 'search' }, search);
      this.metrics.outboxPending.set({ outbox: 'notifications' }, notifications);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not read outbox depths for /metrics');
    }
  }
}
