import { DomainError, ErrorCode, ErrorDetails } from '@chedun/kernel';

/** The search context's own exception; its code is one of the kernel's list, which the global filter sends as-is. */
export class SearchException extends DomainError {
  static override badInput(message: string, details?: ErrorDetails): SearchException {
    return new SearchException(ErrorCode.BAD_USER_INPUT, message, details);
  }

  static override notFound(what: string, id?: string): SearchException {
    return new SearchException(ErrorCode.NOT_FOUND, `${what} not found`, id === undefined ? {} : { id });
  }

  static override forbidden(message = 'You may not do this'): SearchException {
    return new SearchException(ErrorCode.FORBIDDEN, message);
  }

  static override conflict(message: string, details?: ErrorDetails): SearchException {
    return new SearchException(ErrorCode.CONFLICT, message, details);
  }
}
