import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, MoreThan } from 'typeorm';
import { KnownLoginAddressEntity } from './identity.entity';

/** The `known_login_addresses` table: addresses (as digests) each account has logged in from. */
@Injectable()
export class KnownLoginAddressRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): KnownLoginAddressRepository {
    return new KnownLoginAddressRepository(manager);
  }

  async remember(userId: string, addressHash: string, at: Date): Promise<void> {
    await this.manager.upsert(KnownLoginAddressEntity, { userId, addressHash, lastLoginAt: at }, [
      'userId',
      'addressHash',
    ]);
  }

  /** Whether the account logged in from the address after `since`. */
  loggedInFromSince(userId: string, addressHash: string, since: Date): Promise<boolean> {
    return this.manager.existsBy(KnownLoginAddressEntity, { userId, addressHash, lastLoginAt: MoreThan(since) });
  }
}
