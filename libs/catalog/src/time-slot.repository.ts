import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { updateReturning } from '@chedun/db';
import { EntityManager } from 'typeorm';
import { TimeSlotEntity } from './product.entity';

export type NewTimeSlot = Pick<TimeSlotEntity, 'productId' | 'startsAt' | 'endsAt' | 'capacity'>;

/** The `time_slots` table (the seats they hold for checkout are InventoryRepository's). */
@Injectable()
export class TimeSlotRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): TimeSlotRepository {
    return new TimeSlotRepository(manager);
  }

  insert(slot: NewTimeSlot): Promise<TimeSlotEntity> {
    return this.manager.save(this.manager.create(TimeSlotEntity, slot));
  }

  /** Inserts the slots of one experience whose start it does not have yet; returns the new ones' ids. */
  async insertMissing(
    productId: string,
    slots: readonly { startsAt: Date; endsAt: Date }[],
    capacity: number,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO time_slots (product_id, starts_at, ends_at, capacity)
       SELECT $1, s, e, $4 FROM unnest($2::timestamptz[], $3::timestamptz[]) AS t(s, e)
       ON CONFLICT (product_id, starts_at) DO NOTHING
       RETURNING id`,
      [productId, slots.map((s) => s.startsAt.toISOString()), slots.map((s) => s.endsAt.toISOString()), capacity],
    );
    return rows.map((r) => r.id);
  }

  save(slot: TimeSlotEntity): Promise<TimeSlotEntity> {
    return this.manager.save(slot);
  }

  findById(id: string): Promise<TimeSlotEntity | null> {
    return this.manager.findOneBy(TimeSlotEntity, { id });
  }

  /** Locked until the transaction ends. */
  lockById(id: string): Promise<TimeSlotEntity | null> {
    return this.manager.findOne(TimeSlotEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** By start. */
  findByIds(ids: readonly string[]): Promise<TimeSlotEntity[]> {
    return this.manager
      .getRepository(TimeSlotEntity)
      .createQueryBuilder('s')
      .where('s.id IN (:...ids)', { ids: [...ids] })
      .orderBy('s.starts_at')
      .getMany();
  }

  /** Atomic relative change; false when capacity would drop below sold + reserved (or there is no such slot). */
  async changeCapacity(id: string, delta: number): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      this.manager,
      `UPDATE time_slots SET capacity = capacity + $2
        WHERE id = $1 AND capacity + $2 >= sold + reserved
        RETURNING id`,
      [id, delta],
    );
    return rows.length > 0;
  }
}
