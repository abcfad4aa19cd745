import 'reflect-metadata';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import compression from 'compression';
import type { ValidationRule } from 'graphql';
import { Histogram, Registry } from 'prom-client';

/**
 * The app's layers, restated here because the bench may import only the libraries, not apps/api: the same armor
 * settings as apps/api/src/http/graphql-limits.ts and a histogram observed per operation as
 * apps/api/src/metrics/graphql-metrics.plugin.ts does.
 */
function armorLayer(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: 10, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: 5_000, ignoreIntrospection: true },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin[], validationRules: validationRules as ValidationRule[] };
}

function metricsLayer(): ApolloServerPlugin {
  const histogram = new Histogram({
    name: 'graphql_duration_seconds',
    help: 'GraphQL operations',
    labelNames: ['operation', 'type', 'outcome'],
    registers: [new Registry()],
  });
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse(context) {
          histogram.observe(
            {
              operation: context.operationName ?? 'anonymous',
              type: context.operation?.operation ?? 'unknown',
              outcome: 'OK',
            },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * The GraphQL floor without the app: Nest, Apollo and one resolver on Express or on Fastify, with the app's layers on
 * the hot path added one at a time, so `{ __typename }` on each variant shows what the adapter and each layer cost,
 * all measured in one bench run. Usage: floor-app.ts <port>, with
 *   FLOOR_ADAPTER  express | fastify
 *   FLOOR_LAYERS   comma-separated: armor (graphql-armor's validation rules and plugins, as the app configures them),
 *                  metrics (the app's per-operation histogram plugin), compression (Express only: the app's
 *                  compression middleware)
 */
@Resolver()
class PingResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  const adapter = process.env['FLOOR_ADAPTER'] === 'fastify' ? 'fastify' : 'express';
  const layers = new Set((process.env['FLOOR_LAYERS'] ?? '').split(',').filter((l) => l.length > 0));
  const armor = armorLayer();

  @Module({
    imports: [
      GraphQLModule.forRoot<ApolloDriverConfig>({
        driver: ApolloDriver,
        autoSchemaFile: true,
        playground: false,
        introspection: false,
        csrfPrevention: true,
        allowBatchedHttpRequests: false,
        ...(layers.has('armor') ? { validationRules: armor.validationRules, parseOptions: { maxTokens: 2_000 } } : {}),
        plugins: [
          ...(layers.has('armor') ? armor.plugins : []),
          ...(layers.has('metrics') ? [metricsLayer()] : []),
          ApolloServerPluginCacheControlDisabled(),
        ],
      }),
    ],
    providers: [PingResolver],
  })
  class FloorModule {}

  if (adapter === 'fastify') {
    const app = await NestFactory.create<NestFastifyApplication>(FloorModule, new FastifyAdapter(), { logger: false });
    await app.listen(port, '127.0.0.1');
  } else {
    const app = await NestFactory.create<NestExpressApplication>(FloorModule, { logger: false });
    if (layers.has('compression')) app.use(compression());
    await app.listen(port, '127.0.0.1');
  }
  process.stdout.write('listening\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
