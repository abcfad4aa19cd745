import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, DomainError } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from './identity.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password.hasher';
import { TokenService } from './token.service';
import { AccountEmails } from './account-email.events';
import { EmailVerificationService } from './email-verification.service';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UserRepository } from './user.repository';
import { randomUUID } from 'node:crypto';

export interface Session {
  user: UserEntity;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
}

/** One answer for an unknown email, a wrong password and an address not verified yet. */
export const LOG_IN_REFUSED = 'Email or password is incorrect, or the email address is not verified yet';

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
    private readonly verifications: EmailVerificationService,
    private readonly emails: AccountEmails,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {
    this.dummyHash = hasher.hash(randomUUID());
  }

  /**
   * Creates an account, unverified, and signs it in: it may shop at once, but nothing that grants or moves power
   * over an organization until its address is verified. The answer is the same whether or not the address already
   * belongs to a (verified) account: every sign-up gets its own new account. When the address is taken, its owner
   * is told of the attempt instead of being sent a link, so that duplicate can never be verified, nor log in.
   */
  async signUp(
    input: { email: string; password: string; displayName: string },
    clientAddress: string,
  ): Promise<Session> {
    const email = normalizeEmail(input.email);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const users = this.users.forManager(manager);
      const user = await users.insert({
        email,
        passwordHash,
        displayName: input.displayName.trim(),
        emailVerifiedAt: null,
      });
      const owner = await users.findVerifiedOwnerOf(email);
      if (owner)
        await this.emails.request(
          manager,
          { userId: owner.id, email: owner.email },
          { kind: 'SIGN_UP_EXISTING_ACCOUNT' },
        );
      else await this.verifications.send(manager, user);
      // The address the account was created from is its owner's, known to the log-in throttle from the start.
      await this.throttle.rememberAddress(manager, user.id, clientAddress);
      return this.openSession(manager, user, randomUUID());
    });
  }

  /**
   * An account whose address the operator vouches for (the demo seed, an operator's own tooling): verified at once.
   * Never reachable from the API.
   */
  async registerVerified(input: { email: string; password: string; displayName: string }): Promise<UserEntity> {
    return this.users.insert({
      email: normalizeEmail(input.email),
      passwordHash: await this.hasher.hash(input.password),
      displayName: input.displayName.trim(),
      emailVerifiedAt: this.clock.now(),
    });
  }

  /**
   * Follows a verification link: the address is proved, and the person who followed it is signed in, from an address
   * the log-in throttle then knows as the owner's.
   */
  verifyEmail(token: string, clientAddress: string): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.verifications.consume(manager, token);
      await this.throttle.rememberAddress(manager, user.id, clientAddress);
      return this.openSession(manager, user, randomUUID());
    });
  }

  /**
   * A new link for the signed-in account's address, the older one void. Nothing is sent when the account is
   * verified already, or when its address belongs to another, verified account (see signUp): the answer is the same.
   */
  async resendVerificationEmail(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const users = this.users.forManager(manager);
      const user = await users.findById(userId);
      if (!user || user.emailVerifiedAt) return;
      const owner = await users.findVerifiedOwnerOf(user.email);
      if (!owner) await this.verifications.send(manager, user);
    });
  }

  async logIn(input: { email: string; password: string }, clientAddress: string): Promise<Session> {
    const email = normalizeEmail(input.email);
    // Only the account that verified the address logs in with it. An unverified one (which keeps the session its
    // sign-up opened) answers like a wrong password: otherwise signing up and then logging in would tell a stranger
    // whether the address was new.
    const user = await this.users.findVerifiedOwnerOf(email);
    await this.throttle.assertAllowed(email, clientAddress, user?.id);
    const valid = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), input.password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, clientAddress);
      throw DomainError.unauthenticated(LOG_IN_REFUSED);
    }
    if (this.hasher.needsRehash(user.passwordHash)) {
      user.passwordHash = await this.hasher.hash(input.password);
      await this.users.setPasswordHash(user.id, user.passwordHash);
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
      const refreshTokens = this.refreshTokens.forManager(manager);
      const row = await refreshTokens.lockByTokenHash(hash);
      if (!row || row.revokedAt || row.expiresAt <= now) return { kind: 'invalid' as const };
      if (row.usedAt) {
        // Committed, not rolled back with the error below: the leaked family must stay revoked.
        await refreshTokens.revokeFamily(row.familyId, now);
        return { kind: 'reused' as const };
      }
      await refreshTokens.markUsed(row.id, now);
      const user = await this.users.forManager(manager).getById(row.userId);
      return { kind: 'ok' as const, session: await this.openSession(manager, user, row.familyId) };
    });
    if (outcome.kind === 'reused')
      throw DomainError.unauthenticated('The refresh token was already used; log in again');
    if (outcome.kind === 'invalid') throw DomainError.unauthenticated('The refresh token is invalid or has expired');
    return outcome.session;
  }

  /** Revokes the refresh token's whole session; access tokens lapse at their short expiry. */
  async logOut(refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.findByTokenHash(TokenService.hashRefreshToken(refreshToken));
    if (!row) return;
    await this.refreshTokens.revokeFamily(row.familyId, this.clock.now());
  }

  private async openSession(manager: EntityManager, user: UserEntity, familyId: string): Promise<Session> {
    const access = await this.tokens.issueAccessToken(user.id);
    const refresh = this.tokens.newRefreshToken();
    const ttlMs = this.config.auth.refreshTokenTtlDays * 86_400_000;
    await this.refreshTokens.forManager(manager).insert({
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: new Date(this.clock.now().getTime() + ttlMs),
    });
    return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token };
  }
}
