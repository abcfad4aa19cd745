import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { RecurringRun } from '@chedun/db';
import { Clock } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { findOrder } from './order-records';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderStatus } from './order-status';

const BATCH = 200;

/** Cancels unpaid orders whose reservation lapsed and returns their stock and seats, on a timer. */
@Injectable()
export class ReservationExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReservationExpiryJob.name);
  private readonly schedule = new RecurringRun(this.logger, 'Reservation expiry');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule.start(this.config.orders.reservationSweepSeconds, async () => {
      const cancelled = await this.expireReservations();
      if (cancelled > 0) this.logger.log({ cancelled }, 'Expired lapsed reservations');
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.schedule.stop();
  }

  /** Expires every lapsed reservation; returns how many orders it cancelled. */
  expireReservations(): Promise<number> {
    return this.schedule.track(this.sweep());
  }

  private async sweep(): Promise<number> {
    let cancelled = 0;
    for (;;) {
      const now = this.clock.now();
      const due: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND expires_at <= $1 ORDER BY expires_at LIMIT ${BATCH}`,
        [now],
      );
      for (const { id } of due) {
        // Each order in its own transaction: a payment confirming it concurrently wins or loses on the row lock.
        const done = await this.dataSource.transaction(async (manager) => {
          const order = await findOrder(manager, id, true);
          if (order?.status !== OrderStatus.PENDING_PAYMENT || order.expiresAt.getTime() > now.getTime()) return false;
          await this.lifecycle.cancelUnpaid(manager, order, 'EXPIRED', now);
          return true;
        });
        if (done) cancelled += 1;
      }
      if (due.length < BATCH) return cancelled;
    }
  }
}
