import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig, ConfigModule } from '@chedun/config';
import { DbModule } from '@chedun/db';
import { CatalogModule } from '@chedun/catalog';
import { IdentityModule, JWT_SIGNING_SECRET } from '@chedun/identity';
import { IpModule } from '@chedun/ip';
import { Clock, SystemClock } from '@chedun/kernel';
import { LicensingModule } from '@chedun/licensing';
import { MediaModule } from '@chedun/media';
import { OrdersModule } from '@chedun/orders';
import { PaymentsModule } from '@chedun/payments';
import { POSTGRES_SEARCH_SESSION_SETTINGS, SearchModule } from '@chedun/search';
import { LedgerModule } from '@chedun/ledger';
import { SalesReportsModule } from '@chedun/sales-reports';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { CatalogDemoSeeder } from './demo/catalog-demo-seeder';
import { DemoSeeder } from './demo/demo-seeder';
import { LedgerDemoSeeder } from './demo/ledger-demo-seeder';
import { LicensingDemoSeeder } from './demo/licensing-demo';
import { GlobalExceptionFilter } from './http/error.filter';
import { formatError } from './http/format-error';
import { graphqlLimits } from './http/graphql-limits';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { HealthController } from './http/health.controller';
import { createValidationPipe } from './http/validation.pipe';
import { AppMetrics } from './metrics/app-metrics';
import { graphqlMetricsPlugin } from './metrics/graphql-metrics.plugin';
import { MetricsModule } from './metrics/metrics.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  jwtSecret: string;
  /** Tests pass a settable clock; production uses the system clock. */
  clock?: Clock;
}

@Global()
@Module({})
class RuntimeModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: JWT_SIGNING_SECRET, useValue: options.jwtSecret },
      ],
      exports: [Clock, JWT_SIGNING_SECRET],
    };
  }
}

const REQUEST_ID = /^[A-Za-z0-9_\-:.]{8,128}$/;

/** `/graphql?query=...&variables=...` → `/graphql?query&variables`: which parameters came, never their values. */
function withoutQueryValues(url: string | undefined): string | undefined {
  const at = url?.indexOf('?') ?? -1;
  if (!url || at < 0) return url;
  return `${url.slice(0, at)}?${url
    .slice(at + 1)
    .split('&')
    .map((pair) => pair.split('=')[0])
    .join('&')}`;
}

/** Composition root: wires the bounded contexts; holds no domain logic. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    const metrics = new AppMetrics();
    const limits = graphqlLimits(config.isProduction);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        RuntimeModule.forRoot(options),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            // Query values (a GET /graphql carries variables, passwords included) and SQL parameters stay out of the logs.
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["stripe-signature"]',
              'req.query',
              'err.parameters',
            ],
            serializers: { req: (req: { url?: string }) => ({ ...req, url: withoutQueryValues(req.url) }) },
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        DbModule.forRoot({
          url: options.databaseUrl,
          poolSize: config.database.poolSize,
          preparedStatements: config.database.preparedStatements,
          slowQueryMs: config.database.slowQueryMs,
          sessionSettings: POSTGRES_SEARCH_SESSION_SETTINGS,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          // Nest checks the schema it built by running an introspection query over it: 35 ms of every production start
          // (#18). The schema is the code's, the same in every environment, and development and the tests still check it
          // (and schema-and-contract.e2e-spec.ts compares it with the contract).
          buildSchemaOptions: { skipCheck: config.isProduction },
          playground: false,
          introspection: !config.isProduction,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          validationRules: limits.validationRules,
          parseOptions: limits.parseOptions,
          // Nest resets the status of any answer with data to 200; only refusals by a limit set one (error.filter.ts),
          // and they must reach the client as 429 or 400.
          preserveHttpStatusForExecutionErrors: false,
          // No resolver sets cache hints, and Apollo's cache-control plugin (on by default) wraps every field's resolver
          // to collect them: per-field work on every request for headers nobody reads. Inline tracing is for federated
          // subgraphs, which this schema is not: without the Disabled marker Apollo loads it (and its protobuf
          // encoder, 360 KB of source) at every start only to switch it off (#18).
          plugins: [
            ...limits.plugins,
            graphqlMetricsPlugin(metrics),
            ApolloServerPluginCacheControlDisabled(),
            ApolloServerPluginInlineTraceDisabled(),
          ],
          includeStacktraceInErrorResponses: false,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError,
        }),
        IdentityModule,
        IpModule,
        LicensingModule,
        MediaModule,
        CatalogModule,
        SearchModule,
        PaymentsModule,
        LedgerModule,
        SalesReportsModule,
        OrdersModule,
        MetricsModule.forRoot(metrics),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        { provide: APP_PIPE, useFactory: (c: AppConfig) => createValidationPipe(c.amounts), inject: [APP_CONFIG] },
        DemoSeeder,
        LicensingDemoSeeder,
        CatalogDemoSeeder,
        LedgerDemoSeeder,
      ],
    };
  }
}
