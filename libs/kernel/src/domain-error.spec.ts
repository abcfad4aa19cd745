import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

class ShopException extends DomainError {}

describe('DomainError factories', () => {
  it.each([
    [
      'badInput',
      () => ShopException.badInput('Name is too long', { field: 'name' }),
      ErrorCode.BAD_USER_INPUT,
      'Name is too long',
      { field: 'name' },
    ],
    [
      'notFound with an id',
      () => ShopException.notFound('Product', 'p-1'),
      ErrorCode.NOT_FOUND,
      'Product not found',
      { id: 'p-1' },
    ],
    ['notFound without an id', () => ShopException.notFound('Product'), ErrorCode.NOT_FOUND, 'Product not found', {}],
    ['forbidden by default', () => ShopException.forbidden(), ErrorCode.FORBIDDEN, 'You may not do this', {}],
    [
      'conflict',
      () => ShopException.conflict('Already published', { status: 'PUBLISHED' }),
      ErrorCode.CONFLICT,
      'Already published',
      { status: 'PUBLISHED' },
    ],
    [
      'unauthenticated by default',
      () => ShopException.unauthenticated(),
      ErrorCode.UNAUTHENTICATED,
      'Sign in first',
      {},
    ],
  ])('%s builds the calling context\u2019s exception with the kernel code', (_, build, code, message, details) => {
    const error = build();
    expect(error).toBeInstanceOf(ShopException);
    expect(error.name).toBe('ShopException');
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({ code, message, details });
  });

  it('called on the kernel class, builds a plain DomainError', () => {
    const error = DomainError.conflict('Taken');
    expect(error.constructor).toBe(DomainError);
    expect(error.name).toBe('DomainError');
  });
});
