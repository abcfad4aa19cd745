import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity } from './identity.entity';

export type NewRefreshToken = Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>;

/** The `refresh_tokens` table: tokens stored as their hash, one family per log-in. */
@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): RefreshTokenRepository {
    return new RefreshTokenRepository(manager);
  }

  async insert(token: NewRefreshToken): Promise<void> {
    await this.manager.insert(RefreshTokenEntity, token);
  }

  findByTokenHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.manager.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  /** Locked until the transaction ends: a token is rotated once. */
  lockByTokenHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.manager.findOne(RefreshTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.manager.update(RefreshTokenEntity, id, { usedAt: at });
  }

  /** Revokes every token of the family not revoked yet. */
  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
