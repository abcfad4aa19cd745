import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, DomainError } from '@chedun/kernel';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RefreshTokenEntity, UserEntity } from './identity.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password.hasher';
import { TokenService } from './token.service';
import { randomUUID } from 'node:crypto';

export interface Session {
  user: UserEntity;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
}

const UNIQUE_VIOLATION = '23505';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  /** Verifying against this when the email is unknown keeps both failures equally slow. */
  private readonly dummyHash: Promise<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {
    this.dummyHash = hasher.hash(randomUUID());
  }

  async signUp(input: { email: string; password: string; displayName: string }, clientAddress?: string): Promise<Session> {
    const email = normalizeEmail(input.email);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      let user: UserEntity;
      try {
        user = await manager.save(manager.create(UserEntity, { email, passwordHash, displayName: input.displayName.trim() }));
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
          throw DomainError.conflict('An account with this email already exists', { field: 'email' });
        }
        throw error;
      }
      await this.acceptPendingInvitations(manager, user);
      // The address an account was created from is its owner's, known to the log-in throttle from the start (none
      // when the operator's seed creates the account).
      if (clientAddress) await this.throttle.rememberAddress(manager, user.id, clientAddress);
      return this.openSession(manager, user, randomUUID());
    });
  }

  async logIn(input: { email: string; password: string }, clientAddress: string): Promise<Session> {
    const email = normalizeEmail(input.email);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    await this.throttle.assertAllowed(email, clientAddress, user?.id);
    const valid = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), input.password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, clientAddress);
      throw DomainError.unauthenticated('Email or password is incorrect');
    }
    if (this.hasher.needsRehash(user.passwordHash)) {
      user.passwordHash = await this.hasher.hash(input.password);
      await this.dataSource.getRepository(UserEntity).update(user.id, { passwordHash: user.passwordHash });
    }
    await this.throttle.forgive(email, clientAddress);
    return this.dataSource.transaction(async (manager) => {
      await this.throttle.rememberAddress(manager, user.id, clientAddress);
      return this.openSession(manager, user, randomUUID());
    });
  }

  /**
   * Rotates a refresh token. A token used twice means it leaked: its whole family is revoked and the
   * caller must log in again.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const hash = TokenService.hashRefreshToken(refreshToken);
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(RefreshTokenEntity, { where: { tokenHash: hash }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.revokedAt || row.expiresAt <= now) return { kind: 'invalid' as const };
      if (row.usedAt) {
        // Committed, not rolled back with the error below: the leaked family must stay revoked.
        await manager.update(RefreshTokenEntity, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return { kind: 'reused' as const };
      }
      await manager.update(RefreshTokenEntity, row.id, { usedAt: now });
      const user = await manager.findOneByOrFail(UserEntity, { id: row.userId });
      return { kind: 'ok' as const, session: await this.openSession(manager, user, row.familyId) };
    });
    if (outcome.kind === 'reused') throw DomainError.unauthenticated('The refresh token was already used; log in again');
    if (outcome.kind === 'invalid') throw DomainError.unauthenticated('The refresh token is invalid or has expired');
    return outcome.session;
  }

  /** Revokes the refresh token's whole session; access tokens lapse at their short expiry. */
  async logOut(refreshToken: string): Promise<void> {
    const row = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .findOneBy({ tokenHash: TokenService.hashRefreshToken(refreshToken) });
    if (!row) return;
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private async openSession(manager: EntityManager, user: UserEntity, familyId: string): Promise<Session> {
    const access = await this.tokens.issueAccessToken(user.id);
    const refresh = this.tokens.newRefreshToken();
    const ttlMs = this.config.auth.refreshTokenTtlDays * 86_400_000;
    await manager.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: new Date(this.clock.now().getTime() + ttlMs),
    });
    return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token };
  }

  private async acceptPendingInvitations(manager: EntityManager, user: UserEntity): Promise<void> {
    await manager.query(
      `WITH accepted AS (
         UPDATE invitations SET accepted_at = now() WHERE email = $1 AND accepted_at IS NULL
         RETURNING organization_id, role)
       INSERT INTO memberships (organization_id, user_id, role)
       SELECT organization_id, $2, role FROM accepted
       ON CONFLICT DO NOTHING`,
      [user.email, user.id],
    );
  }

}
