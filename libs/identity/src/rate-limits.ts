import { createHash } from 'node:crypto';
import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RateLimitedFlow } from '@chedun/config';
import { DomainError, ErrorCode } from '@chedun/kernel';
import { RateLimitRepository } from './rate-limit.repository';

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

/**
 * The Postgres-backed counters of every rate-limited flow, shared by every API process (table rate_limits, the
 * shape and keys rate-limiter-flexible's store used). A request's counters are charged in one statement.
 */
@Injectable()
export class RateLimits {
  constructor(
    private readonly counters: RateLimitRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one call; RATE_LIMITED when the account or the address has used up its window. */
  async consume(flow: RateLimitedFlow, account: string | undefined, address: string): Promise<void> {
    const limit = this.config.rateLimits[flow] as AppConfig['rateLimits'][RateLimitedFlow] | undefined;
    if (!limit) return;
    const windowMs = limit.windowSeconds * 1000;
    const wanted = [{ key: `${flow}-address:${address}`, windowMs, points: limit.perAddress }];
    // Hashed: the key is whatever the client sent (an unvalidated email may be any length), the column is not.
    if (account)
      wanted.push({
        key: `${flow}-account:${createHash('sha256').update(account.trim().toLowerCase()).digest('base64url')}`,
        windowMs,
        points: limit.perAccount,
      });
    // Wall-clock time, as the log-in throttle's store reads it on the same table, so every window is measured alike.
    const now = Date.now();
    const charged = await this.counters.charge(wanted, now);
    const spent = charged.filter((c) => c.points > (wanted.find((w) => w.key === c.key)?.points ?? Infinity));
    if (spent.length === 0) return;
    const retryAfterSeconds = Math.max(1, ...spent.map((c) => Math.ceil(Math.max(c.expire - now, 0) / 1000)));
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many requests; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}
