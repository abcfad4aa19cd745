import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { ConnectionShape, decodeCursor, toConnection } from '@chedun/kernel';
import { EntityManager, In } from 'typeorm';
import { VenueEntity } from './venue.entity';

export type NewVenue = Omit<VenueEntity, 'id' | 'createdAt' | 'updatedAt'>;

/** The `venues` table. */
@Injectable()
export class VenueRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): VenueRepository {
    return new VenueRepository(manager);
  }

  insert(venue: NewVenue): Promise<VenueEntity> {
    const repo = this.manager.getRepository(VenueEntity);
    return repo.save(repo.create(venue));
  }

  save(venue: VenueEntity): Promise<VenueEntity> {
    return this.manager.save(venue);
  }

  findById(id: string): Promise<VenueEntity | null> {
    return this.manager.findOneBy(VenueEntity, { id });
  }

  findByIds(ids: readonly string[]): Promise<VenueEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.findBy(VenueEntity, { id: In([...new Set(ids)]) });
  }

  /** Locked until the transaction ends. */
  lockById(id: string): Promise<VenueEntity | null> {
    return this.manager.findOne(VenueEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Oldest first, keyset on (created_at, id). */
  async pageOfMerchant(
    merchantId: string,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<VenueEntity>> {
    const qb = this.manager
      .getRepository(VenueEntity)
      .createQueryBuilder('v')
      .where('v.merchant_id = :merchantId', { merchantId });
    const totalCount = await qb.clone().getCount();
    if (after) {
      const [createdAt, id] = decodeCursor(after, 2);
      qb.andWhere('(v.created_at, v.id) > (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb
      .orderBy('v.created_at', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return toConnection(rows, first, totalCount, (v) => [v.createdAt.toISOString(), v.id]);
  }
}
