import { DomainError, ErrorCode, ErrorDetails } from '@chedun/kernel';

/** The orders context's own exception; its code is one of the kernel's list. */
export class OrdersException extends DomainError {
  static outOfStock(message: string, details: ErrorDetails): OrdersException {
    return new OrdersException(ErrorCode.OUT_OF_STOCK, message, details);
  }

  static rateLimited(message: string, details?: ErrorDetails): OrdersException {
    return new OrdersException(ErrorCode.RATE_LIMITED, message, details);
  }
}
