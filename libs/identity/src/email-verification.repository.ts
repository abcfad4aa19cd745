import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, IsNull } from 'typeorm';
import { EmailVerificationEntity } from './identity.entity';

export type NewEmailVerification = Pick<EmailVerificationEntity, 'userId' | 'email' | 'tokenHash' | 'expiresAt'>;

/** The `email_verifications` table: links stored as their token's hash. */
@Injectable()
export class EmailVerificationRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): EmailVerificationRepository {
    return new EmailVerificationRepository(manager);
  }

  /** The user's unused links expire at `at`. */
  async expireUnusedOf(userId: string, at: Date): Promise<void> {
    await this.manager.update(EmailVerificationEntity, { userId, usedAt: IsNull() }, { expiresAt: at });
  }

  async insert(verification: NewEmailVerification): Promise<void> {
    await this.manager.insert(EmailVerificationEntity, verification);
  }

  /** Locked until the transaction ends: a link is used once. */
  lockByTokenHash(tokenHash: string): Promise<EmailVerificationEntity | null> {
    return this.manager.findOne(EmailVerificationEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.manager.update(EmailVerificationEntity, id, { usedAt: at });
  }
}
