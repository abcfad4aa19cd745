import { registerEnumType } from '@nestjs/graphql';
import { TransitionTable } from '@chedun/kernel';

export enum ProductKind {
  MERCHANDISE = 'MERCHANDISE',
  EXPERIENCE = 'EXPERIENCE',
}

export enum ProductStatus {
  DRAFT = 'DRAFT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** The studio asked for changes to the latest design round; the merchant answers with the next round. */
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  PUBLISHED = 'PUBLISHED',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(ProductKind, { name: 'ProductKind' });
registerEnumType(ProductStatus, { name: 'ProductStatus' });

/** What can happen to a product, each named by the past-tense event it produces. */
export enum ProductTransition {
  Submitted = 'ProductSubmittedForApproval',
  Approved = 'ProductApproved',
  Rejected = 'ProductRejected',
  ChangesRequested = 'ProductDesignChangesRequested',
  Published = 'ProductPublished',
  Unpublished = 'ProductUnpublished',
  Suspended = 'ProductSuspended',
  Revised = 'ProductRevisedAfterApproval',
}

const S = ProductStatus;
const T = ProductTransition;

/**
 * The product's one transition table (design approval, DESIGN §2), each move named by its event. A republish after a
 * license suspension goes SUSPENDED → PUBLISHED through the merchant, never automatically. Revising an approved
 * design's name, description, images or artwork sends it back for approval. Every move into PENDING_APPROVAL opens a
 * design round and every move out of it decides that round (design-round-status.ts), so the product is APPROVED (and
 * may be published) only while its latest round is. The lifecycle, with the audit trail it writes,
 * is `productLifecycle` (product-steps.ts).
 */
export const PRODUCT_TRANSITIONS: TransitionTable<ProductStatus> = {
  [S.DRAFT]: { [S.PENDING_APPROVAL]: { action: 'submit', event: T.Submitted } },
  [S.PENDING_APPROVAL]: {
    [S.APPROVED]: { action: 'approve', event: T.Approved },
    [S.REJECTED]: { action: 'reject', event: T.Rejected },
    [S.CHANGES_REQUESTED]: { action: 'requestChanges', event: T.ChangesRequested },
  },
  [S.APPROVED]: {
    [S.PUBLISHED]: { action: 'publish', event: T.Published },
    [S.SUSPENDED]: { action: 'suspend', event: T.Suspended },
    [S.PENDING_APPROVAL]: { action: 'revise', event: T.Revised },
  },
  [S.REJECTED]: { [S.PENDING_APPROVAL]: { action: 'submit', event: T.Submitted } },
  [S.CHANGES_REQUESTED]: { [S.PENDING_APPROVAL]: { action: 'submit', event: T.Submitted } },
  [S.PUBLISHED]: {
    [S.APPROVED]: { action: 'unpublish', event: T.Unpublished },
    [S.SUSPENDED]: { action: 'suspend', event: T.Suspended },
    [S.PENDING_APPROVAL]: { action: 'revise', event: T.Revised },
  },
  [S.SUSPENDED]: {
    [S.PUBLISHED]: { action: 'publish', event: T.Published },
    [S.PENDING_APPROVAL]: { action: 'revise', event: T.Revised },
  },
};
