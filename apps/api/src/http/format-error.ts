import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, isErrorCode } from '@chedun/kernel';
import { GraphQLFormattedError } from 'graphql';
import { classify } from './error.filter';

/** Apollo's own codes for a request the schema rejects: all the client's input to fix. */
const INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const logger = new Logger('Errors');

/**
 * The last stop of every GraphQL error: the code is always one of the kernel's list, and nothing internal
 * (stack traces, SQL) leaves the server. `error` is the error as thrown, when Apollo has it.
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (isErrorCode(code) && code !== ErrorCode.INTERNAL) {
    const { stacktrace: _omit, ...rest } = formatted.extensions ?? {};
    return { ...formatted, extensions: rest };
  }
  if (typeof code === 'string' && INPUT_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  if (!isErrorCode(code) && error !== undefined) {
    // The global exception filter maps errors of operations only; a field's resolver (and its argument pipes) throw
    // past it, so the same classification runs here, and a field answers the code its operation would.
    const thrown = unwrapResolverError(error);
    const classified = classify(thrown);
    if (classified.code !== ErrorCode.INTERNAL) {
      return {
        message: classified.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: classified.code, ...classified.details },
      };
    }
    logger.error({ err: thrown, path: formatted.path }, 'Unhandled error');
    if (classified.details['retryable'] === true) {
      return {
        message: 'Internal error',
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL, retryable: true },
      };
    }
  }
  const requestId = formatted.extensions?.['requestId'];
  // Whether trying again may help (a payment provider that timed out) is the one detail a client may act on.
  const retryable = formatted.extensions?.['retryable'];
  return {
    message: 'Internal error',
    path: formatted.path,
    extensions: {
      code: ErrorCode.INTERNAL,
      ...(typeof requestId === 'string' ? { requestId } : {}),
      ...(typeof retryable === 'boolean' ? { retryable } : {}),
    },
  };
}
