import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** A message of the outbox that is due to be sent. */
export interface DueNotification {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  recipientUserId: string | null;
  /** Set for account emails: the address itself (for a verification, exactly the one being proved). */
  recipientEmail: string | null;
}

/** A message as its recipient reads it in development, its payload as stored. */
export interface StoredNotification {
  id: string;
  kind: string;
  orderId: string | null;
  payload: unknown;
  createdAt: Date;
  sentAt: Date | null;
}

/** Who reads their messages: an account, and the address it has verified (if it has). */
export interface NotificationReader {
  userId: string;
  email: string;
  emailVerified: boolean;
}

/** The `notifications` table: the outbox every email goes through. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): NotificationRepository {
    return new NotificationRepository(manager);
  }

  /** The order's confirmation, with its tickets, for the buyer. */
  async queueOrderConfirmation(buyerUserId: string, orderId: string, payload: object): Promise<void> {
    await this.manager.query(
      `INSERT INTO notifications (kind, recipient_user_id, order_id, payload) VALUES ('ORDER_CONFIRMATION', $1, $2, $3)`,
      [buyerUserId, orderId, JSON.stringify(payload)],
    );
  }

  /** A message about an order (or one of its lines, `subjectId`) sent once: queuing it again changes nothing. */
  async queueOnceForOrder(
    kind: string,
    recipientUserId: string,
    orderId: string,
    subjectId: string | null,
    payload: object,
    now: Date,
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO notifications (kind, recipient_user_id, order_id, subject_id, payload, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, order_id, coalesce(subject_id, order_id)) DO NOTHING`,
      [kind, recipientUserId, orderId, subjectId, JSON.stringify(payload), now],
    );
  }

  /** An account email, to the address it names; `recipientUserId` is null when the address has no account. */
  async queueAccountEmail(
    kind: string,
    recipientUserId: string | null,
    recipientEmail: string,
    payload: object,
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO notifications (kind, recipient_user_id, recipient_email, payload) VALUES ($1, $2, $3, $4)`,
      [kind, recipientUserId, recipientEmail, JSON.stringify(payload)],
    );
  }

  /** Messages not sent yet (due or waiting for a retry). */
  async countUnsent(): Promise<number> {
    const rows: { n: number }[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM notifications WHERE sent_at IS NULL`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Unsent messages due by `now` with fewer than `maxAttempts`, except those already `seen`; `limit` at most. */
  due(now: Date, maxAttempts: number, seen: readonly string[], limit: number): Promise<DueNotification[]> {
    return this.manager.query(
      `SELECT n.id, n.kind, n.payload, n.attempts, n.recipient_user_id AS "recipientUserId", n.recipient_email AS "recipientEmail"
           FROM notifications n
          WHERE n.sent_at IS NULL AND n.next_attempt_at <= $1 AND n.attempts < $2 AND NOT (n.id = ANY($3))
          ORDER BY n.next_attempt_at, n.created_at, n.id LIMIT ${limit}`,
      [now, maxAttempts, seen],
    );
  }

  /** The sender did not take the message: it waits until `nextAttemptAt`, its error kept. */
  async recordFailedAttempt(
    notificationId: string,
    attempts: number,
    nextAttemptAt: Date,
    lastError: string,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE notifications SET attempts = $2::int, next_attempt_at = $3, last_error = $4 WHERE id = $1 AND sent_at IS NULL`,
      [notificationId, attempts, nextAttemptAt, lastError],
    );
  }

  /** The sender took the message; `dropToken` removes the link's secret from the stored payload. */
  async markSent(notificationId: string, now: Date, dropToken: boolean): Promise<void> {
    await this.manager.query(
      `UPDATE notifications SET sent_at = $2, attempts = attempts + 1, last_error = NULL,
              payload = CASE WHEN $3 THEN payload - 'token' ELSE payload END
        WHERE id = $1 AND sent_at IS NULL`,
      [notificationId, now, dropToken],
    );
  }

  /**
   * The reader's messages, oldest first, optionally of one order: those to the account, and those to an address
   * that had no account when sent once the reader has verified that address.
   */
  ofReader(reader: NotificationReader, orderId: string | null): Promise<StoredNotification[]> {
    return this.manager.query(
      `SELECT id, kind, order_id AS "orderId", payload, created_at AS "createdAt", sent_at AS "sentAt" FROM notifications
        WHERE (recipient_user_id = $1 OR (recipient_user_id IS NULL AND recipient_email = $3 AND $4::boolean))
          AND ($2::uuid IS NULL OR order_id = $2::uuid) ORDER BY created_at, id`,
      [reader.userId, orderId, reader.email, reader.emailVerified],
    );
  }
}
