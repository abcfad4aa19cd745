import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { RecurringRun, withSessionLock } from '@chedun/db';
import { SUPPORTED_CURRENCIES } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { PayoutRunResult, PayoutService } from './payout.service';

/** Same key in every API process, so only one of them runs payouts at a time. */
const PAYOUT_RUN_LOCK = 'ledger:scheduled-payout-run';

/**
 * Pays what is due to studios and merchants on a timer (`PAYOUT_RUN_SECONDS`), each payee once it is owed at least
 * `PAYOUT_MINIMUM_MINOR`. A session advisory lock makes a run exclusive across processes: a process that finds it
 * taken skips its turn. Reruns are safe because each subject has at most one live payout.
 */
@Injectable()
export class PayoutScheduleJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PayoutScheduleJob.name);
  private readonly schedule = new RecurringRun(this.logger, 'Scheduled payout run');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly payouts: PayoutService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule.start(this.config.payouts.runSeconds, () => this.payDue());
  }

  onModuleDestroy(): Promise<void> {
    return this.schedule.stop();
  }

  /** One run over every currency; null when another process (or call) holds the run. */
  payDue(): Promise<PayoutRunResult | null> {
    return this.schedule.track(this.exclusively());
  }

  private exclusively(): Promise<PayoutRunResult | null> {
    return withSessionLock(this.dataSource, PAYOUT_RUN_LOCK, async () => {
      const total: PayoutRunResult = { payouts: [], errors: [] };
      for (const currency of SUPPORTED_CURRENCIES) {
        const result = await this.payouts.runDueFor(null, currency, this.config.payouts.minimumMinor);
        total.payouts.push(...result.payouts);
        total.errors.push(...result.errors);
      }
      if (total.payouts.length > 0 || total.errors.length > 0) {
        this.logger.log({ paid: total.payouts.length, errors: total.errors.length }, 'Scheduled payout run');
      }
      return total;
    });
  }
}
