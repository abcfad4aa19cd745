import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseHealth } from './database.health';
import { DomainEventBus } from './domain-events';
import { PreparingClient } from './preparing-client';
import { TypeOrmNestLogger } from './typeorm.logger';

export interface DbModuleOptions {
  url: string;
  poolSize: number;
  /** Logs slow queries above this many milliseconds. */
  slowQueryMs?: number;
  /**
   * Settings every pooled connection starts with (libpq `options`), so a statement that needs one runs alone
   * instead of inside BEGIN / SET LOCAL / COMMIT.
   */
  sessionSettings?: Readonly<Record<string, string>>;
  /**
   * Prepare statements a connection runs often (PreparingClient); on unless false. Off only behind a pooler that
   * cannot carry named statements from one transaction to the next (PgBouncer before 1.21, or with
   * `max_prepared_statements = 0`, in transaction pooling).
   */
  preparedStatements?: boolean;
}

/**
 * Planner settings of every app connection. random_page_cost: PostgreSQL's default 4 prices a random page read as
 * on a spinning disk; on SSD-backed storage (the embedded cluster, any managed service) 1.1 is the usual value.
 * With 4, a common English word ("mug", 12 % of 100,000 search documents) tipped the planner into a parallel
 * sequential scan of search_documents that ran 736 ms where the bitmap index plan takes 214 ms.
 */
export const DATABASE_SESSION_SETTINGS: Readonly<Record<string, string>> = { random_page_cost: '1.1' };

const SETTING = /^[A-Za-z_][\w.]*$/;
const SETTING_VALUE = /^[\w.:-]+$/;

/** `{ a.b: '1' }` → `-c a.b=1`; names and values are plain words, never quoted text from a user. */
export function connectionOptions(settings: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(settings);
  for (const [name, value] of entries) {
    if (!SETTING.test(name) || !SETTING_VALUE.test(value))
      throw new Error(`Unsupported session setting ${name}=${value}`);
  }
  return entries.length ? entries.map(([name, value]) => `-c ${name}=${value}`).join(' ') : undefined;
}

/**
 * One TypeORM connection for the app. Entities register themselves through each context's
 * `TypeOrmModule.forFeature`; the schema is owned by migrations only (`synchronize` is never on).
 */
@Module({})
export class DbModule {
  static forRoot(options: DbModuleOptions): DynamicModule {
    return {
      module: DbModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          maxQueryExecutionTime: options.slowQueryMs ?? 500,
          logging: ['warn', 'error'],
          logger: new TypeOrmNestLogger(['warn', 'error']),
          extra: {
            max: options.poolSize,
            // Hot statements prepared once per connection instead of parsed and planned on every use (#18).
            ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
            application_name: 'chedun-market',
            options: connectionOptions({ ...DATABASE_SESSION_SETTINGS, ...options.sessionSettings }),
          },
        }),
      ],
      providers: [DatabaseHealth, DomainEventBus],
      exports: [DatabaseHealth, DomainEventBus],
    };
  }
}
