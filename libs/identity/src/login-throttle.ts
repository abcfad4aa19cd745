import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Clock, DomainError, ErrorCode } from '@chedun/kernel';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource, EntityManager } from 'typeorm';
import { KnownLoginAddressRepository } from './known-login-address.repository';

/** How long an address an account logged in from stays known to it. */
const KNOWN_ADDRESS_DAYS = 90;

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Counts failed log-ins in Postgres (shared by every API process), so that guessing is slow but a stranger cannot
 * lock the owner out:
 * - per account and address: a few failures refuse that pair only, so the guesser locks out himself;
 * - per address: one address guessing across many accounts is refused;
 * - per account from every address together: past this (higher) limit, which only many addresses reach, an address
 *   the account has not logged in from is refused, while the owner's known addresses still get through.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccountAddress: RateLimiterPostgres;
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(
    // The counters' store: rate-limiter-flexible owns the rate_limits table's statements.
    @InjectDataSource() dataSource: DataSource,
    private readonly knownAddresses: KnownLoginAddressRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    const common = {
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: 'rate_limits',
      tableCreated: true,
      duration: config.auth.loginWindowSeconds,
    };
    this.perAccountAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-account-address',
      points: config.auth.loginAttemptsPerAccountAddress,
    });
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-account',
      points: config.auth.loginAttemptsPerAccount,
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-address',
      points: config.auth.loginAttemptsPerAddress,
    });
  }

  /** RATE_LIMITED when this address may not try this account now; `userId` when the email belongs to an account. */
  async assertAllowed(email: string, address: string, userId: string | undefined): Promise<void> {
    const [pair, client, account] = await Promise.all([
      this.perAccountAddress.get(this.pairKey(email, address)),
      this.perAddress.get(address),
      this.perAccount.get(email),
    ]);
    const spent = (res: RateLimiterRes | null, limit: number): res is RateLimiterRes =>
      res !== null && res.consumedPoints >= limit;
    if (spent(pair, this.perAccountAddress.points)) throw this.limited(pair);
    if (spent(client, this.perAddress.points)) throw this.limited(client);
    if (spent(account, this.perAccount.points) && !(userId && (await this.isKnown(userId, address))))
      throw this.limited(account);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.perAccountAddress.penalty(this.pairKey(email, address), 1),
      this.perAccount.penalty(email, 1),
      this.perAddress.penalty(address, 1),
    ]);
  }

  /**
   * A success forgives the pair's failures. The account-wide count runs out its window: only the owner can succeed,
   * which says nothing of the strangers who may still be guessing.
   */
  async forgive(email: string, address: string): Promise<void> {
    await this.perAccountAddress.delete(this.pairKey(email, address));
  }

  /** Remembers an address the account has just logged in (or signed up) from, in the session's transaction. */
  async rememberAddress(manager: EntityManager, userId: string, address: string): Promise<void> {
    await this.knownAddresses.forManager(manager).remember(userId, digest(address), this.clock.now());
  }

  private async isKnown(userId: string, address: string): Promise<boolean> {
    const since = new Date(this.clock.now().getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
    return this.knownAddresses.loggedInFromSince(userId, digest(address), since);
  }

  /** Hashed: an email (up to 254 characters) and an address together may not fit the counters' key column. */
  private pairKey(email: string, address: string): string {
    return digest(`${email}\n${address}`);
  }

  private limited(res: RateLimiterRes): DomainError {
    const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new DomainError(
      ErrorCode.RATE_LIMITED,
      `Too many failed log-in attempts; try again in ${retryAfterSeconds} s`,
      {
        retryAfterSeconds,
      },
    );
  }
}
