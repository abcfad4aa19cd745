import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import { AppMetrics } from './app-metrics';

function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/** Latency of every GraphQL operation by name, and the outcome of every checkout, from the response sent. */
export function graphqlMetricsPlugin(metrics: AppMetrics): ApolloServerPlugin {
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse(context) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = context.response.body;
          // The errors as sent (after formatError), so the outcome is the code a client sees.
          const errors = (body.kind === 'single' ? body.singleResult.errors : undefined) ?? context.errors;
          const first = errors?.[0] as { extensions?: { code?: unknown } } | undefined;
          const outcome = first ? String(first.extensions?.code ?? 'INTERNAL') : 'OK';
          const operation = context.operation;
          metrics.graphqlDuration.observe(
            {
              operation: metrics.operationLabel(context.operationName ?? operation?.name?.value),
              type: operation?.operation ?? 'unknown',
              outcome,
            },
            seconds,
          );
          if (operation && rootFields(operation).includes('checkout')) metrics.checkoutOutcomes.inc({ outcome });
          return Promise.resolve();
        },
      });
    },
  };
}
