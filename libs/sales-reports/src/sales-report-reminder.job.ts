import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { RecurringRun } from '@chedun/db';
import { SalesReportReminderService } from './sales-report-reminder.service';

const EVERY_SECONDS = 3600;

/**
 * Reminds merchants of missing sales reports, hourly: each license-month is reminded once (a row per reminder), so
 * runs in several processes or after a restart only send what is still due. Runs never overlap.
 */
@Injectable()
export class SalesReportReminderJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SalesReportReminderJob.name);
  private readonly schedule = new RecurringRun(this.logger, 'Sales report reminder run (the next run retries)');

  constructor(private readonly reminders: SalesReportReminderService) {}

  onApplicationBootstrap(): void {
    this.schedule.start(EVERY_SECONDS, async () => {
      const count = await this.reminders.remindDue();
      if (count > 0) this.logger.log(`Reminded ${count} merchant(s) of a missing sales report`);
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }
}
