import { DomainError, ErrorCode, ErrorDetails } from '@chedun/kernel';

/** The catalog context's own exception; its code is one of the kernel's list, which the global filter sends as-is. */
export class CatalogException extends DomainError {
  static override badInput(message: string, details?: ErrorDetails): CatalogException {
    return new CatalogException(ErrorCode.BAD_USER_INPUT, message, details);
  }

  static override notFound(what: string, id?: string): CatalogException {
    return new CatalogException(ErrorCode.NOT_FOUND, `${what} not found`, id === undefined ? {} : { id });
  }

  static override forbidden(message = 'You may not do this'): CatalogException {
    return new CatalogException(ErrorCode.FORBIDDEN, message);
  }

  static override conflict(message: string, details?: ErrorDetails): CatalogException {
    return new CatalogException(ErrorCode.CONFLICT, message, details);
  }
}
