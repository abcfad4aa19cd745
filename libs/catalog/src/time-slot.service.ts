import { Injectable } from '@nestjs/common';
import { updateReturning } from '@chedun/db';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@chedun/identity';
import { Clock, Lifecycle } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogEvents } from './catalog.events';
import { assertMerchantOf } from './catalog.policy';
import { AddTimeSlotInput, AddWeeklyTimeSlotsInput, ChangeTimeSlotCapacityInput } from './catalog.types';
import { isUniqueViolation } from './catalog.mappers';
import { ProductEntity, TimeSlotEntity, TimeSlotStatus } from './product.entity';
import { ProductKind } from './product-status';
import { expandWeeklyPattern } from './weekly-pattern';
import { CatalogException } from './catalog.exception';

const MAX_SLOT_MS = 7 * 24 * 60 * 60 * 1000;

const CLOSE = { action: 'close', event: 'TimeSlotClosed' };
const CANCEL = { action: 'cancel', event: 'TimeSlotCancelled' };

/** A closed slot may reopen; a cancelled one is final (its tickets are to be refunded). */
export const timeSlotLifecycle = new Lifecycle<TimeSlotStatus>('time slot', {
  [TimeSlotStatus.OPEN]: { [TimeSlotStatus.CLOSED]: CLOSE, [TimeSlotStatus.CANCELLED]: CANCEL },
  [TimeSlotStatus.CLOSED]: { [TimeSlotStatus.OPEN]: { action: 'reopen', event: 'TimeSlotReopened' }, [TimeSlotStatus.CANCELLED]: CANCEL },
  [TimeSlotStatus.CANCELLED]: {},
});

@Injectable()
export class TimeSlotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: CatalogEvents,
    private readonly clock: Clock,
  ) {}

  add(actor: Actor, input: AddTimeSlotInput): Promise<TimeSlotEntity> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt > startsAt)) throw CatalogException.badInput('endsAt must be after startsAt', { field: 'endsAt' });
    if (endsAt.getTime() - startsAt.getTime() > MAX_SLOT_MS) throw CatalogException.badInput('A slot lasts at most 7 days', { field: 'endsAt' });
    if (startsAt <= this.clock.now()) throw CatalogException.badInput('A slot must start in the future', { field: 'startsAt' });
    return this.dataSource.transaction(async (manager) => {
      const experience = await this.ownExperience(manager, actor, input.experienceId);
      try {
        const slot = await manager.save(
          manager.create(TimeSlotEntity, { productId: experience.id, startsAt, endsAt, capacity: input.capacity }),
        );
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
      const ids: { id: string }[] = await manager.query(
        `INSERT INTO time_slots (product_id, starts_at, ends_at, capacity)
         SELECT $1, s, e, $4 FROM unnest($2::timestamptz[], $3::timestamptz[]) AS t(s, e)
         ON CONFLICT (product_id, starts_at) DO NOTHING
         RETURNING id`,
        [experience.id, slots.map((s) => s.startsAt.toISOString()), slots.map((s) => s.endsAt.toISOString()), input.capacity],
      );
      await this.events.productsChanged(manager, [experience.id], 'TimeSlotsAdded');
      if (ids.length === 0) return [];
      return manager
        .getRepository(TimeSlotEntity)
        .createQueryBuilder('s')
        .where('s.id IN (:...ids)', { ids: ids.map((r) => r.id) })
        .orderBy('s.starts_at')
        .getMany();
    });
  }

  /** Atomic relative change: concurrent changes all land, and capacity never drops below sold + reserved. */
  changeCapacity(actor: Actor, input: ChangeTimeSlotCapacityInput): Promise<TimeSlotEntity> {
    return this.dataSource.transaction(async (manager) => {
      const productId = await this.ownSlotProduct(manager, actor, input.timeSlotId);
      const rows = await updateReturning<{ id: string }>(
        manager,
        `UPDATE time_slots SET capacity = capacity + $2
          WHERE id = $1 AND capacity + $2 >= sold + reserved
          RETURNING id`,
        [input.timeSlotId, input.delta],
      );
      if (rows.length === 0) {
        throw CatalogException.conflict('Capacity cannot go below the seats already sold or reserved', { field: 'delta' });
      }
      await this.events.productsChanged(manager, [productId], 'TimeSlotCapacityChanged');
      return manager.findOneByOrFail(TimeSlotEntity, { id: input.timeSlotId });
    });
  }

  setStatus(actor: Actor, timeSlotId: string, status: TimeSlotStatus): Promise<TimeSlotEntity> {
    return this.dataSource.transaction(async (manager) => {
      const productId = await this.ownSlotProduct(manager, actor, timeSlotId);
      const slot = await manager.findOneOrFail(TimeSlotEntity, { where: { id: timeSlotId }, lock: { mode: 'pessimistic_write' } });
      const step = timeSlotLifecycle.transition(slot.status, status);
      slot.status = step.to;
      if (status === TimeSlotStatus.CANCELLED) slot.cancelledAt = this.clock.now();
      const saved = await manager.save(slot);
      await this.events.productsChanged(manager, [productId], step.event as string);
      if (status === TimeSlotStatus.CANCELLED) {
        await this.events.slotCancelled(manager, { timeSlotId, productId, cancelledBy: actor.userId, cancelledAt: slot.cancelledAt as Date });
      }
      return saved;
    });
  }

  private async ownExperience(manager: EntityManager, actor: Actor, experienceId: string): Promise<ProductEntity> {
    const product = await manager.findOneBy(ProductEntity, { id: experienceId });
    assertMerchantOf(actor, product, 'Experience');
    if (product.kind !== ProductKind.EXPERIENCE) throw CatalogException.badInput('Time slots belong to experiences', { field: 'experienceId' });
    return product as ProductEntity;
  }

  private async ownSlotProduct(manager: EntityManager, actor: Actor, timeSlotId: string): Promise<string> {
    const rows: Pick<ProductEntity, 'id' | 'merchantId' | 'studioId' | 'status'>[] = await manager.query(
      `SELECT p.id, p.merchant_id AS "merchantId", p.studio_id AS "studioId", p.status
         FROM time_slots s JOIN products p ON p.id = s.product_id WHERE s.id = $1`,
      [timeSlotId],
    );
    const product = rows[0] ?? null;
    if (!product) throw CatalogException.notFound('Time slot', timeSlotId);
    assertMerchantOf(actor, product, 'Time slot');
    return product.id;
  }
}
