import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { RecurringRun } from '@chedun/db';
import { Clock } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderStatus } from './order-status';
import { OrderRepository } from './order.repository';

const BATCH = 200;

/** Cancels unpaid orders whose reservation lapsed and returns their stock and seats, on a timer. */
@Injectable()
export class ReservationExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReservationExpiryJob.name);
  private readonly schedule = new RecurringRun(this.logger, 'Reservation expiry');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
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
      const due = await this.orders.idsOfLapsedReservations(now, BATCH);
      for (const id of due) {
        // Each order in its own transaction: a payment confirming it concurrently wins or loses on the row lock.
        const done = await this.dataSource.transaction(async (manager) => {
          const order = await this.orders.forManager(manager).lockById(id);
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
