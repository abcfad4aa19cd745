import { DomainError } from '@chedun/kernel';

/** The catalog context's own exception; its code is one of the kernel's list, which the global filter sends as-is. */
export class CatalogException extends DomainError {}
