import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '@chedun/db';
import { AccountEmailRequested } from '@chedun/identity';
import { EntityManager } from 'typeorm';
import { NotificationRepository } from './notification.repository';

/**
 * Identity's account emails (verification and invitation links, payout-account changes) join the notifications
 * outbox in the transaction that asked for them, and go out through the same EmailSender port as order emails.
 */
@Injectable()
export class AccountEmailSubscriber {
  constructor(private readonly notifications: NotificationRepository) {}

  register(bus: DomainEventBus): void {
    bus.subscribe<AccountEmailRequested>('AccountEmailRequested', (event, manager) => this.queue(event, manager));
  }

  private async queue(event: AccountEmailRequested, manager: EntityManager): Promise<void> {
    const { kind, ...payload } = event.email;
    await this.notifications
      .forManager(manager)
      .queueAccountEmail(kind, event.recipientUserId, event.recipientEmail, payload);
  }
}
