import { DomainError, ErrorCode } from '@chedun/kernel';

/** Licensing's own exception; its code is one of the kernel's list, which the global filter sends as-is. */
export class LicensingException extends DomainError {
  static badTerms(message: string, field: string): LicensingException {
    return new LicensingException(ErrorCode.BAD_USER_INPUT, message, { fields: [field] });
  }
}
