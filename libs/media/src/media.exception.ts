import { DomainError } from '@chedun/kernel';

/** Why an upload was refused, sent as `reason` beside the code so a client can tell the cases apart. */
export type MediaRefusal =
  'EMPTY_FILE' | 'FILE_TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'CORRUPT_IMAGE' | 'TOO_MANY_PIXELS' | 'MISSING_FILE';

/** The media context's own exception; its code is one of the kernel's list, which the global filter sends as-is. */
export class MediaException extends DomainError {
  static refused(reason: MediaRefusal, message: string): MediaException {
    return MediaException.badInput(message, { reason });
  }
}
