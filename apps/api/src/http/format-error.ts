import { ErrorCode, isErrorCode } from '@chedun/kernel';
import { GraphQLFormattedError } from 'graphql';

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

/**
 * The last stop of every GraphQL error: the code is always one of the kernel's list, and nothing internal
 * (stack traces, SQL) leaves the server.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (isErrorCode(code) && code !== ErrorCode.INTERNAL) {
    const { stacktrace: _omit, ...rest } = formatted.extensions ?? {};
    return { ...formatted, extensions: rest };
  }
  if (typeof code === 'string' && INPUT_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
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
