import { createHash } from 'node:crypto';
import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, RateLimitedFlow } from '@chedun/config';
import { DomainError, ErrorCode } from '@chedun/kernel';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

export const RATE_LIMITED = 'chedun:rate-limited';

export interface RateLimitedOptions {
  flow: RateLimitedFlow;
  /** The account a request counts against when nobody is signed in (sign-up: the email being registered). */
  accountOf?: (args: Record<string, unknown>) => string | undefined;
}

/**
 * Marks an operation whose calls count against `flow`'s limits, per account and per client address; the
 * global guard consumes a point of each before the resolver runs, and answers RATE_LIMITED with
 * `retryAfterSeconds` once either is spent.
 */
export const RateLimited = (flow: RateLimitedFlow, accountOf?: RateLimitedOptions['accountOf']): MethodDecorator =>
  SetMetadata(RATE_LIMITED, { flow, accountOf } satisfies RateLimitedOptions);

/** The Postgres-backed counters of every rate-limited flow, shared by every API process (table rate_limits). */
@Injectable()
export class RateLimits {
  private readonly limiters: Map<RateLimitedFlow, { perAccount: RateLimiterPostgres; perAddress: RateLimiterPostgres }>;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.limiters = new Map(
      (Object.entries(config.rateLimits) as [RateLimitedFlow, AppConfig['rateLimits'][RateLimitedFlow]][]).map(
        ([flow, limit]) => {
          const common = {
            storeClient: dataSource,
            storeType: 'typeorm',
            tableName: 'rate_limits',
            tableCreated: true,
            duration: limit.windowSeconds,
          };
          return [
            flow,
            {
              perAccount: new RateLimiterPostgres({
                ...common,
                keyPrefix: `${flow}-account`,
                points: limit.perAccount,
              }),
              perAddress: new RateLimiterPostgres({
                ...common,
                keyPrefix: `${flow}-address`,
                points: limit.perAddress,
              }),
            },
          ];
        },
      ),
    );
  }

  /** Counts one call; RATE_LIMITED when the account or the address has used up its window. */
  async consume(flow: RateLimitedFlow, account: string | undefined, address: string): Promise<void> {
    const limiter = this.limiters.get(flow);
    if (!limiter) return;
    const attempts: Promise<RateLimiterRes>[] = [limiter.perAddress.consume(address)];
    // Hashed: the key is whatever the client sent (an unvalidated email may be any length), the column is not.
    if (account)
      attempts.push(
        limiter.perAccount.consume(createHash('sha256').update(account.trim().toLowerCase()).digest('base64url')),
      );
    const results = await Promise.allSettled(attempts);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (refused.length === 0) return;
    const limited = refused.filter((r): r is RateLimiterRes => r instanceof RateLimiterRes);
    // A store failure (not a spent limit) is a real error: let the filter report it.
    if (limited.length < refused.length) throw refused.find((r) => !(r instanceof RateLimiterRes));
    const retryAfterSeconds = Math.max(1, ...limited.map((r) => Math.ceil(r.msBeforeNext / 1000)));
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many requests; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}
