import { Injectable } from '@nestjs/common';
import { DomainEvent, DomainEventBus } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { MembershipRole } from './identity.entity';

/** The account emails identity sends, with what each needs to be written. Links carry a single-use secret. */
export type AccountEmail =
  | { kind: 'EMAIL_VERIFICATION'; token: string; expiresAt: string }
  /** Someone signed up with an address that already has an account: its owner hears of it, the caller does not. */
  | { kind: 'SIGN_UP_EXISTING_ACCOUNT' }
  | {
      kind: 'INVITATION';
      token: string;
      expiresAt: string;
      organizationName: string;
      role: MembershipRole;
      invitedBy: string;
    }
  | {
      kind: 'PAYOUT_ACCOUNT_CHANGED';
      organizationName: string;
      previous: string | null;
      next: string | null;
      changedBy: string;
      at: string;
    }
  /** Sales reports (#17): a license-month that has ended has no report yet; sent once per license and month. */
  | { kind: 'SALES_REPORT_REMINDER'; organizationName: string; licenseId: string; month: string }
  /** Sales reports (#17): the studio disputed a report; the merchant's owners read why, to revise it. */
  | {
      kind: 'SALES_REPORT_DISPUTED';
      organizationName: string;
      studioName: string;
      licenseId: string;
      month: string;
      reason: string;
    };

/**
 * Identity asks for an email to be sent; the notifications outbox (orders context) queues it in the same transaction,
 * so the email exists exactly when the change that caused it commits.
 */
export interface AccountEmailRequested extends DomainEvent {
  readonly type: 'AccountEmailRequested';
  /** Null when the address has no account (an invitation to someone new). */
  readonly recipientUserId: string | null;
  /** The address the email goes to: for a verification, exactly the address being proved. */
  readonly recipientEmail: string;
  readonly email: AccountEmail;
}

@Injectable()
export class AccountEmails {
  constructor(private readonly bus: DomainEventBus) {}

  async request(
    manager: EntityManager,
    recipient: { userId: string | null; email: string },
    email: AccountEmail,
  ): Promise<void> {
    const event: AccountEmailRequested = {
      type: 'AccountEmailRequested',
      recipientUserId: recipient.userId,
      recipientEmail: recipient.email,
      email,
    };
    await this.bus.publish(event, manager);
  }
}
