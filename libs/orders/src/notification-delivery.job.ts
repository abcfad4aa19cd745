import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { IdentityReader, Recipient } from '@chedun/identity';
import { Clock } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { EmailSender } from './email-sender';
import { DueNotification, NotificationRepository } from './notification.repository';
import { renderNotificationEmail } from './notification-email';
import { RecurringRun, withSessionLock } from '@chedun/db';
import { backoffMs } from './backoff';

const BATCH = 50;
/** After this many failed attempts a notification is left unsent, its last error kept for people to look at. */
export const MAX_NOTIFICATION_ATTEMPTS = 10;
const BACKOFF_BASE_MS = 15_000;
const BACKOFF_MAX_MS = 3_600_000;
const JOB_LOCK = 'orders:notifications';

export interface NotificationDeliveryRun {
  sent: number;
  retrying: number;
}

/**
 * Delivers the notifications outbox through the EmailSender port, one run at a time across processes. A message is
 * marked sent once, after the sender accepted it; a failure waits longer each time before the next attempt.
 */
@Injectable()
export class NotificationDeliveryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationDeliveryJob.name);
  private readonly schedule = new RecurringRun(this.logger, 'Notification delivery');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly sender: EmailSender,
    private readonly identity: IdentityReader,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule.start(this.config.mail.sweepSeconds, () => this.deliverDue());
  }

  onModuleDestroy(): Promise<void> {
    return this.schedule.stop();
  }

  /** Notifications not sent yet (due or waiting for a retry). */
  pendingCount(): Promise<number> {
    return this.notifications.countUnsent();
  }

  /** Sends every due notification; null when another run holds the job. */
  deliverDue(): Promise<NotificationDeliveryRun | null> {
    return this.schedule.track(withSessionLock(this.dataSource, JOB_LOCK, () => this.sweep()));
  }

  private async sweep(): Promise<NotificationDeliveryRun> {
    const result: NotificationDeliveryRun = { sent: 0, retrying: 0 };
    const seen: string[] = [];
    for (;;) {
      const due = await this.notifications.due(this.clock.now(), MAX_NOTIFICATION_ATTEMPTS, seen, BATCH);
      const recipients = await this.identity.recipients(
        due.flatMap((n) => (n.recipientUserId ? [n.recipientUserId] : [])),
      );
      for (const notification of due) {
        seen.push(notification.id);
        const recipient = this.recipientOf(notification, recipients);
        // An account that no longer exists has nowhere to be written to: its notification stays unsent, not retried.
        if (!recipient) continue;
        if (await this.deliver(notification, recipient)) result.sent += 1;
        else result.retrying += 1;
      }
      if (due.length < BATCH) return result;
    }
  }

  /**
   * An account's notification goes to its address, or to the one the notification names (an account email); an
   * invitation to an address with no account has only that address, and no name to greet.
   */
  private recipientOf(
    n: DueNotification,
    accounts: Map<string, Recipient>,
  ): { email: string; displayName: string | null } | null {
    if (n.recipientUserId === null)
      return n.recipientEmail === null ? null : { email: n.recipientEmail, displayName: null };
    const account = accounts.get(n.recipientUserId);
    if (!account) return null;
    return { email: n.recipientEmail ?? account.email, displayName: account.displayName };
  }

  private async deliver(n: DueNotification, to: { email: string; displayName: string | null }): Promise<boolean> {
    try {
      await this.sender.send(
        renderNotificationEmail(n.kind, n.payload, to.email, to.displayName, this.config.mail.webUrl),
      );
    } catch (error) {
      const attempts = n.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        { notificationId: n.id, kind: n.kind, attempts, err: error },
        'Email not accepted; retrying later',
      );
      const nextAttemptAt = new Date(this.clock.now().getTime() + backoffMs(attempts, BACKOFF_BASE_MS, BACKOFF_MAX_MS));
      await this.notifications.recordFailedAttempt(n.id, attempts, nextAttemptAt, message.slice(0, 1000));
      return false;
    }
    // Once a real mail server has the message, the outbox need not keep the link's secret: the token is stored only
    // hashed by identity, and a copy of this table should not open anyone's account. The development sender's
    // "inbox" is this table (devNotifications), so there it stays.
    await this.notifications.markSent(n.id, this.clock.now(), this.sender.kind === 'smtp');
    return true;
  }
}
