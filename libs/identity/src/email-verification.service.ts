import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, DomainError } from '@chedun/kernel';
import { EntityManager } from 'typeorm';
import { AccountEmails } from './account-email.events';
import { EmailVerificationRepository } from './email-verification.repository';
import { UserEntity } from './identity.entity';
import { hashSecretToken, newSecretToken } from './secret-token';
import { UserRepository } from './user.repository';

/**
 * Verification links: one working link per account at a time (a new one voids the older), single use, expiring.
 * Each method runs inside the caller's transaction.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly emails: AccountEmails,
    private readonly clock: Clock,
    private readonly verifications: EmailVerificationRepository,
    private readonly users: UserRepository,
  ) {}

  /** Queues an email with a fresh link to the user's address. */
  async send(manager: EntityManager, user: UserEntity): Promise<void> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.auth.emailVerificationTtlHours * 3_600_000);
    const { token, hash } = newSecretToken();
    const verifications = this.verifications.forManager(manager);
    await verifications.expireUnusedOf(user.id, now);
    await verifications.insert({ userId: user.id, email: user.email, tokenHash: hash, expiresAt });
    await this.emails.request(
      manager,
      { userId: user.id, email: user.email },
      { kind: 'EMAIL_VERIFICATION', token, expiresAt: expiresAt.toISOString() },
    );
  }

  /**
   * Uses a link: marks its address verified and answers the account. Unknown, used and expired links are one answer,
   * so the page cannot be used to probe which tokens once existed.
   */
  async consume(manager: EntityManager, token: string): Promise<UserEntity> {
    const now = this.clock.now();
    const verifications = this.verifications.forManager(manager);
    const users = this.users.forManager(manager);
    const row = await verifications.lockByTokenHash(hashSecretToken(token));
    const user = row ? await users.findById(row.userId) : null;
    if (!row || !user || row.usedAt || row.expiresAt <= now || user.email !== row.email) {
      throw DomainError.badInput('This verification link is invalid, used or expired; ask for a new one', {
        field: 'token',
      });
    }
    await verifications.markUsed(row.id, now);
    if (!user.emailVerifiedAt) {
      // Two sign-ups of one address may each hold a link; the first verified owns the address.
      const owner = await users.findVerifiedOwnerOf(user.email);
      if (owner)
        throw DomainError.conflict('This email address already belongs to another account; log in with it', {
          field: 'token',
        });
      user.emailVerifiedAt = now;
      await users.markEmailVerified(user.id, now);
    }
    return user;
  }
}
