import { ErrorCode } from './error-code';

export type ErrorDetails = Record<string, unknown>;

/** A context's exception class: the factories below build an instance of the class they are called on. */
type DomainErrorClass<E extends DomainError> = new (code: ErrorCode, message: string, details?: ErrorDetails) => E;

/**
 * Base of every context's exception. The global filter turns it into a GraphQL error whose
 * `extensions.code` is `code`; `details` travel in `extensions` so clients can point at the field or line.
 * The factories are written once here: `CatalogException.notFound(...)` builds a `CatalogException`, so a context's
 * exception class declares only the factories no other context needs.
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

  static badInput<E extends DomainError>(this: DomainErrorClass<E>, message: string, details?: ErrorDetails): E {
    return new this(ErrorCode.BAD_USER_INPUT, message, details);
  }

  static notFound<E extends DomainError>(this: DomainErrorClass<E>, what: string, id?: string): E {
    return new this(ErrorCode.NOT_FOUND, `${what} not found`, id === undefined ? {} : { id });
  }

  static forbidden<E extends DomainError>(this: DomainErrorClass<E>, message = 'You may not do this'): E {
    return new this(ErrorCode.FORBIDDEN, message);
  }

  static conflict<E extends DomainError>(this: DomainErrorClass<E>, message: string, details?: ErrorDetails): E {
    return new this(ErrorCode.CONFLICT, message, details);
  }

  static unauthenticated<E extends DomainError>(this: DomainErrorClass<E>, message = 'Sign in first'): E {
    return new this(ErrorCode.UNAUTHENTICATED, message);
  }
}
