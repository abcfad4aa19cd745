import { ErrorCode } from './error-code';

export type ErrorDetails = Record<string, unknown>;

/**
 * Base of every context's exception. The global filter turns it into a GraphQL error whose
 * `extensions.code` is `code`; `details` travel in `extensions` so clients can point at the field or line.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  static badInput(message: string, details?: ErrorDetails): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`, id === undefined ? {} : { id });
  }

  static forbidden(message = 'You may not do this'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static conflict(message: string, details?: ErrorDetails): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, details);
  }

  static unauthenticated(message = 'Sign in first'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
}
