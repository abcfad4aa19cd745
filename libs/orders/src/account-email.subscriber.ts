import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '@chedun/db';
import { AccountEmailRequested } from '@chedun/identity';
import { EntityManager } from 'typeorm';

/**
 * Identity's account emails (verification and invitation links, payout-account changes) join the notifications
 * outbox in the transaction that asked for them, and go out through the same EmailSender port as order emails.
 */
@Injectable()
export class AccountEmailSubscriber {
  register(bus: DomainEventBus): void {
    bus.subscribe<AccountEmailRequested>('AccountEmailRequested', (event, manager) => this.queue(event, manager));
  }

  private async queue(event: AccountEmailRequested, manager: EntityManager): Promise<void> {
    const { kind, ...payload } = event.email;
    await manager.query(`INSERT INTO notifications (kind, recipient_user_id, recipient_email, payload) VALUES ($1, $2, $3, $4)`, [
      kind,
      event.recipientUserId,
      event.recipientEmail,
      JSON.stringify(payload),
    ]);
  }
}
