import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { DomainError, ErrorCode } from '@chedun/kernel';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

/**
 * Counts failed log-ins per account and per client address in Postgres (shared by every API process).
 * Failures consume points; a success clears the account's count.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    const common = {
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: 'rate_limits',
      tableCreated: true,
      duration: config.auth.loginWindowSeconds,
    };
    this.perAccount = new RateLimiterPostgres({ ...common, keyPrefix: 'login-account', points: config.auth.loginAttemptsPerAccount });
    this.perAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'login-address', points: config.auth.loginAttemptsPerAddress });
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, client] = await Promise.all([this.perAccount.get(email), this.perAddress.get(address)]);
    const blocked = [
      { res: account, limit: this.perAccount.points },
      { res: client, limit: this.perAddress.points },
    ].find(({ res, limit }) => res !== null && res.consumedPoints >= limit);
    if (blocked?.res) throw this.limited(blocked.res);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.perAccount.penalty(email, 1),
      this.perAddress.penalty(address, 1),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }

  private limited(res: RateLimiterRes): DomainError {
    const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new DomainError(ErrorCode.RATE_LIMITED, `Too many failed log-in attempts; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}
