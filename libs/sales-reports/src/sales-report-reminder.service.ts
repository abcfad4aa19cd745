import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEventBus } from '@chedun/db';
import { AccountEmailRequested, IdentityReader, OrganizationService } from '@chedun/identity';
import { Clock, shanghaiDate } from '@chedun/kernel';
import { LicenseReader } from '@chedun/licensing';
import { DataSource } from 'typeorm';
import { previousMonth } from './sales-report-query.service';
import { SalesReportRepository } from './sales-report.repository';
import { reportMonth } from './sales-report-rules';

/** Reports of a month are due by this day of the next month (Asia/Shanghai); the reminder goes out from then on. */
export const REMINDER_DAY = 5;

/** The month whose reminders are due on `today` (YYYY-MM-DD): last month from the 5th on, else the one before. */
export function reminderMonth(today: string): string {
  const last = previousMonth(today.slice(0, 7));
  return Number(today.slice(8, 10)) >= REMINDER_DAY ? last : previousMonth(last);
}

/**
 * Emails the merchant of each license that has no report for the month due (its first owner, through the
 * notifications outbox), once per license and month: the reminder row and the email commit together, so a rerun,
 * another process or a crash between them never sends it twice or loses it.
 */
@Injectable()
export class SalesReportReminderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly bus: DomainEventBus,
    private readonly reports: SalesReportRepository,
    private readonly licenses: LicenseReader,
    private readonly identity: IdentityReader,
    private readonly organizations: OrganizationService,
  ) {}

  /** The number of reminders queued by this run. */
  async remindDue(): Promise<number> {
    const now = this.clock.now();
    const month = reminderMonth(shanghaiDate(now));
    const { firstDay, lastDay } = reportMonth(month);
    const licenses = await this.licenses.inTermDuring(firstDay, lastDay);
    const reported = await this.reports.monthsReported(licenses.map((l) => l.id));
    let sent = 0;
    for (const license of licenses.filter((l) => !reported.get(l.id)?.has(month))) {
      const ownerId = await this.identity.firstOwnerId(license.merchantId);
      const recipient = ownerId ? (await this.identity.recipients([ownerId])).get(ownerId) : undefined;
      const [merchant] = await this.organizations.profiles([license.merchantId]);
      await this.dataSource.transaction(async (m) => {
        if (!(await this.reports.forManager(m).markReminded(license.id, month, now))) return;
        if (!ownerId || !recipient || !merchant) return;
        const event: AccountEmailRequested = {
          type: 'AccountEmailRequested',
          recipientUserId: ownerId,
          recipientEmail: recipient.email,
          email: { kind: 'SALES_REPORT_REMINDER', organizationName: merchant.name, licenseId: license.id, month },
        };
        await this.bus.publish(event, m);
        sent++;
      });
    }
    return sent;
  }
}
