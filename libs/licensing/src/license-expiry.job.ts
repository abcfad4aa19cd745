import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RecurringRun } from '@chedun/db';
import { LicenseService } from './license.service';

const EVERY_SECONDS = 60;

/**
 * Expires licenses at the end of their term without anyone reading them: a minute after midnight in
 * Asia/Shanghai at the latest. Runs never overlap, and shutdown waits for a run in progress.
 */
@Injectable()
export class LicenseExpiryJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LicenseExpiryJob.name);
  private readonly schedule = new RecurringRun(this.logger, 'License expiry run (the next run retries)');

  constructor(private readonly licenses: LicenseService) {}

  onApplicationBootstrap(): void {
    this.schedule.start(EVERY_SECONDS, async () => {
      const count = await this.licenses.expireDueLicenses();
      if (count > 0) this.logger.log(`Expired ${count} license(s) at the end of their term`);
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }
}
