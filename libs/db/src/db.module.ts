import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseHealth } from './database.health';
import { DomainEventBus } from './domain-events';
import { TypeOrmNestLogger } from './typeorm.logger';

export interface DbModuleOptions {
  url: string;
  poolSize: number;
  /** Logs slow queries above this many milliseconds. */
  slowQueryMs?: number;
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
          extra: { max: options.poolSize, application_name: 'chedun-market' },
        }),
      ],
      providers: [DatabaseHealth, DomainEventBus],
      exports: [DatabaseHealth, DomainEventBus],
    };
  }
}
