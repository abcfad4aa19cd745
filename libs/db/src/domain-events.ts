import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A past-tense fact of one context that others react to, e.g. `LicenseSuspended`. */
export interface DomainEvent {
  readonly type: string;
}

export type TransactionalHandler<E extends DomainEvent> = (event: E, manager: EntityManager) => Promise<void>;

/**
 * In-process events delivered inside the publisher's transaction: a subscriber's writes commit or roll back
 * with the change that caused them (a license suspended and its products leaving the shop are one commit).
 * Contexts subscribe in their module's `onModuleInit`; the publisher never knows who listens.
 */
@Injectable()
export class DomainEventBus {
  private readonly handlers = new Map<string, TransactionalHandler<DomainEvent>[]>();

  subscribe<E extends DomainEvent>(type: E['type'], handler: TransactionalHandler<E>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as TransactionalHandler<DomainEvent>);
    this.handlers.set(type, list);
  }

  async publish(event: DomainEvent, manager: EntityManager): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`${event.type} must be published inside a transaction`);
    }
    for (const handler of this.handlers.get(event.type) ?? []) await handler(event, manager);
  }
}
