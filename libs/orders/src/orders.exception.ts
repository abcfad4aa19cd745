import { DomainError, ErrorCode, ErrorDetails } from '@chedun/kernel';

/** The orders context's own exception; its code is one of the kernel's list. */
export class OrdersException extends DomainError {
  static override badInput(message: string, details?: ErrorDetails): OrdersException {
    return new OrdersException(ErrorCode.BAD_USER_INPUT, message, details);
  }

  static override notFound(what: string, id?: string): OrdersException {
    return new OrdersException(ErrorCode.NOT_FOUND, `${what} not found`, id === undefined ? {} : { id });
  }

  static override forbidden(message = 'You may not do this'): OrdersException {
    return new OrdersException(ErrorCode.FORBIDDEN, message);
  }

  static override conflict(message: string, details?: ErrorDetails): OrdersException {
    return new OrdersException(ErrorCode.CONFLICT, message, details);
  }

  static outOfStock(message: string, details: ErrorDetails): OrdersException {
    return new OrdersException(ErrorCode.OUT_OF_STOCK, message, details);
  }

  static rateLimited(message: string, details?: ErrorDetails): OrdersException {
    return new OrdersException(ErrorCode.RATE_LIMITED, message, details);
  }
}
