import { DomainError, ErrorCode, ErrorDetails } from '@chedun/kernel';

/** The payments context's exception; provider errors are wrapped into it at the adapter. */
export class PaymentsException extends DomainError {
  static paymentFailed(message: string, details?: ErrorDetails): PaymentsException {
    return new PaymentsException(ErrorCode.PAYMENT_FAILED, message, { retryable: false, ...details });
  }

  /** The provider could not be reached or answered with a server error: the same call may succeed later. */
  static providerUnavailable(message: string, details?: ErrorDetails): PaymentsException {
    return new PaymentsException(ErrorCode.INTERNAL, message, { retryable: true, ...details });
  }

  static misconfigured(message: string, details?: ErrorDetails): PaymentsException {
    return new PaymentsException(ErrorCode.INTERNAL, message, { retryable: false, ...details });
  }

  static badWebhook(message: string): PaymentsException {
    return new PaymentsException(ErrorCode.BAD_USER_INPUT, message);
  }
}
