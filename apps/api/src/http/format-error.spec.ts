import { DomainError } from '@chedun/kernel';
import { GraphQLError } from 'graphql';
import { formatError } from './format-error';

describe('formatError', () => {
  it('keeps the kernel codes and drops stack traces', () => {
    const out = formatError({ message: 'Nope', extensions: { code: 'FORBIDDEN', stacktrace: ['at x'] } });
    expect(out).toEqual({ message: 'Nope', extensions: { code: 'FORBIDDEN' } });
  });

  it('turns schema validation and parse failures into BAD_USER_INPUT', () => {
    expect(
      formatError({ message: 'Field "x" is not defined', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })
        .extensions?.['code'],
    ).toBe('BAD_USER_INPUT');
    expect(
      formatError({ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }).extensions?.['code'],
    ).toBe('BAD_USER_INPUT');
  });

  it('masks anything unknown as INTERNAL without its message', () => {
    const out = formatError({
      message: 'relation "users" does not exist',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(out.message).toBe('Internal error');
    expect(out.extensions?.['code']).toBe('INTERNAL');
    expect(JSON.stringify(out)).not.toMatch(/relation/);
  });

  it('keeps only the retry hint and request id of an internal error', () => {
    const out = formatError({
      message: 'ETIMEDOUT api.stripe.com',
      extensions: { code: 'INTERNAL', retryable: true, requestId: 'req-12345678', operation: 'transfer' },
    });
    expect(out).toEqual({
      message: 'Internal error',
      path: undefined,
      extensions: { code: 'INTERNAL', requestId: 'req-12345678', retryable: true },
    });
  });

  it('gives an error thrown past the exception filter (a field resolver) the code it carries', () => {
    const thrown = new GraphQLError('Only members', {
      path: ['me', 'memberships'],
      originalError: DomainError.forbidden('Only members'),
    });
    const out = formatError(
      { message: 'Only members', path: ['me', 'memberships'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      thrown,
    );
    expect(out).toEqual({
      message: 'Only members',
      path: ['me', 'memberships'],
      locations: undefined,
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
