import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { Clock, Lifecycle } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { assertMerchantOf } from './catalog.policy';
import { AddTimeSlotInput, AddWeeklyTimeSlotsInput, ChangeTimeSlotCapacityInput } from './catalog.types';
import { isUniqueViolation } from './catalog.mappers';
import { ProductEntity, TimeSlotEntity, TimeSlotStatus } from './product.entity';
import { ProductRepository } from './product.repository';
import { ProductKind } from './product-status';
import { TimeSlotRepository } from './time-slot.repository';
import { expandWeeklyPattern } from './weekly-pattern';
import { CatalogException } from './catalog.exception';

const MAX_SLOT_MS = 7 * 24 * 60 * 60 * 1000;

const CLOSE = { action: 'close', event: 'TimeSlotClosed' };
const CANCEL = { action: 'cancel', event: 'TimeSlotCancelled' };

/** A closed slot may reopen; a cancelled one is final (its tickets are to be refunded). */
export const timeSlotLifecycle = new Lifecycle<TimeSlotStatus>('time slot', {
  [TimeSlotStatus.OPEN]: { [TimeSlotStatus.CLOSED]: CLOSE, [TimeSlotStatus.CANCELLED]: CANCEL },
  [TimeSlotStatus.CLOSED]: {
    [TimeSlotStatus.OPEN]: { action: 'reopen', event: 'TimeSlotReopened' },
    [TimeSlotStatus.CANCELLED]: CANCEL,
  },
  [TimeSlotStatus.CANCELLED]: {},
});

@Injectable()
export class TimeSlotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly slots: TimeSlotRepository,
    private readonly events: CatalogEvents,
    private readonly clock: Clock,
  ) {}

  add(actor: Actor, input: AddTimeSlotInput): Promise<TimeSlotEntity> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt > startsAt)) throw CatalogException.badInput('endsAt must be after startsAt', { field: 'endsAt' });
    if (endsAt.getTime() - startsAt.getTime() > MAX_SLOT_MS)
      throw CatalogException.badInput('A slot lasts at most 7 days', { field: 'endsAt' });
    if (startsAt <= this.clock.now())
      throw CatalogException.badInput('A slot must start in the future', { field: 'startsAt' });
    return this.dataSource.transaction(async (manager) => {
      const experience = await this.ownExperience(manager, actor, input.experienceId);
      try {
        const slot = await this.slots
          .forManager(manager)
          .insert({ productId: experience.id, startsAt, endsAt, capacity: input.capacity });
        await this.events.productsChanged(manager, [experience.id], 'TimeSlotAdded');
        return slot;
      } catch (error) {
        if (isUniqueViolation(error, 'time_slots_unique_start')) {
          throw CatalogException.conflict('The experience already has a slot starting then', { field: 'startsAt' });
        }
        throw error;
      }
    });
  }

  /** Adds every future slot of the pattern that does not exist yet (same start); returns the new ones. */
  addWeekly(actor: Actor, input: AddWeeklyTimeSlotsInput): Promise<TimeSlotEntity[]> {
    const now = this.clock.now();
    const slots = expandWeeklyPattern(input).filter((s) => s.startsAt > now);
    return this.dataSource.transaction(async (manager) => {
      const experience = await this.ownExperience(manager, actor, input.experienceId);
      if (slots.length === 0) return [];
      const repository = this.slots.forManager(manager);
      const ids = await repository.insertMissing(experience.id, slots, input.capacity);
      await this.events.productsChanged(manager, [experience.id], 'TimeSlotsAdded');
      if (ids.length === 0) return [];
      return repository.findByIds(ids);
    });
  }

  /** Atomic relative change: concurrent changes all land, and capacity never drops below sold + reserved. */
  changeCapacity(actor: Actor, input: ChangeTimeSlotCapacityInput): Promise<TimeSlotEntity> {
    return this.dataSource.transaction(async (manager) => {
      const productId = await this.ownSlotProduct(manager, actor, input.timeSlotId);
      const slots = this.slots.forManager(manager);
      if (!(await slots.changeCapacity(input.timeSlotId, input.delta))) {
        throw CatalogException.conflict('Capacity cannot go below the seats already sold or reserved', {
          field: 'delta',
        });
      }
      await this.events.productsChanged(manager, [productId], 'TimeSlotCapacityChanged');
      const slot = await slots.findById(input.timeSlotId);
      // Changed just above, and locked until commit.
      if (!slot) throw new Error(`Time slot ${input.timeSlotId} vanished while its capacity changed`);
      return slot;
    });
  }

  setStatus(actor: Actor, timeSlotId: string, status: TimeSlotStatus): Promise<TimeSlotEntity> {
    return this.dataSource.transaction(async (manager) => {
      const productId = await this.ownSlotProduct(manager, actor, timeSlotId);
      const slots = this.slots.forManager(manager);
      const slot = await slots.lockById(timeSlotId);
      // Its product was found through it just above, and slots are never deleted.
      if (!slot) throw new Error(`Time slot ${timeSlotId} vanished while its status changed`);
      const step = timeSlotLifecycle.transition(slot.status, status);
      slot.status = step.to;
      if (status === TimeSlotStatus.CANCELLED) slot.cancelledAt = this.clock.now();
      const saved = await slots.save(slot);
      await this.events.productsChanged(manager, [productId], step.event as string);
      if (status === TimeSlotStatus.CANCELLED) {
        await this.events.slotCancelled(manager, {
          timeSlotId,
          productId,
          cancelledBy: actor.userId,
          cancelledAt: slot.cancelledAt as Date,
        });
      }
      return saved;
    });
  }

  private async ownExperience(manager: EntityManager, actor: Actor, experienceId: string): Promise<ProductEntity> {
    const product = await this.products.forManager(manager).findById(experienceId);
    assertMerchantOf(actor, product, 'Experience');
    if (product.kind !== ProductKind.EXPERIENCE)
      throw CatalogException.badInput('Time slots belong to experiences', { field: 'experienceId' });
    return product as ProductEntity;
  }

  private async ownSlotProduct(manager: EntityManager, actor: Actor, timeSlotId: string): Promise<string> {
    const product = await this.products.forManager(manager).partiesOfTimeSlot(timeSlotId);
    if (!product) throw CatalogException.notFound('Time slot', timeSlotId);
    assertMerchantOf(actor, product, 'Time slot');
    return product.id;
  }
}
