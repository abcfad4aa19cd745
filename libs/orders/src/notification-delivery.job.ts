import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { IdentityReader, Recipient } from '@chedun/identity';
import { Clock } from '@chedun/kernel';
import { DataSource } from 'typeorm';
import { EmailSender } from './email-sender';
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

interface DueNotification {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  recipientUserId: string;
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
  async pendingCount(): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE sent_at IS NULL`)) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Sends every due notification; null when another run holds the job. */
  deliverDue(): Promise<NotificationDeliveryRun | null> {
    return this.schedule.track(withSessionLock(this.dataSource, JOB_LOCK, () => this.sweep()));
  }

  private async sweep(): Promise<NotificationDeliveryRun> {
    const result: NotificationDeliveryRun = { sent: 0, retrying: 0 };
    const seen: string[] = [];
    for (;;) {
      const due: DueNotification[] = await this.dataSource.query(
        `SELECT n.id, n.kind, n.payload, n.attempts, n.recipient_user_id AS "recipientUserId"
           FROM notifications n
          WHERE n.sent_at IS NULL AND n.next_attempt_at <= $1 AND n.attempts < $2 AND NOT (n.id = ANY($3))
          ORDER BY n.next_attempt_at, n.created_at, n.id LIMIT ${BATCH}`,
        [this.clock.now(), MAX_NOTIFICATION_ATTEMPTS, seen],
      );
      const recipients = await this.identity.recipients(due.map((n) => n.recipientUserId));
      for (const notification of due) {
        seen.push(notification.id);
        const recipient = recipients.get(notification.recipientUserId);
        // An account that no longer exists has nowhere to be written to: its notification stays unsent, not retried.
        if (!recipient) continue;
        if (await this.deliver(notification, recipient)) result.sent += 1;
        else result.retrying += 1;
      }
      if (due.length < BATCH) return result;
    }
  }

  private async deliver(n: DueNotification, to: Recipient): Promise<boolean> {
    try {
      await this.sender.send(renderNotificationEmail(n.kind, n.payload, to.email, to.displayName));
    } catch (error) {
      const attempts = n.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ notificationId: n.id, kind: n.kind, attempts, err: error }, 'Email not accepted; retrying later');
      await this.dataSource.query(
        `UPDATE notifications SET attempts = $2::int, next_attempt_at = $3, last_error = $4 WHERE id = $1 AND sent_at IS NULL`,
        [n.id, attempts, new Date(this.clock.now().getTime() + backoffMs(attempts, BACKOFF_BASE_MS, BACKOFF_MAX_MS)), message.slice(0, 1000)],
      );
      return false;
    }
    await this.dataSource.query(`UPDATE notifications SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1 AND sent_at IS NULL`, [
      n.id,
      this.clock.now(),
    ]);
    return true;
  }
}
