import { registerEnumType } from '@nestjs/graphql';
import { CatalogException } from './catalog.exception';

export enum ProductKind {
  MERCHANDISE = 'MERCHANDISE',
  EXPERIENCE = 'EXPERIENCE',
}

export enum ProductStatus {
  DRAFT = 'DRAFT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
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
  Published = 'ProductPublished',
  Unpublished = 'ProductUnpublished',
  Suspended = 'ProductSuspended',
  Revised = 'ProductRevisedAfterApproval',
}

const S = ProductStatus;

/**
 * The product's one transition table (design approval, DESIGN §2). A republish after a license suspension goes
 * SUSPENDED → PUBLISHED through the merchant, never automatically. Revising an approved design's name,
 * description or images sends it back for approval.
 */
export const PRODUCT_TRANSITIONS: Readonly<Record<ProductTransition, { from: readonly ProductStatus[]; to: ProductStatus }>> = {
  [ProductTransition.Submitted]: { from: [S.DRAFT, S.REJECTED], to: S.PENDING_APPROVAL },
  [ProductTransition.Approved]: { from: [S.PENDING_APPROVAL], to: S.APPROVED },
  [ProductTransition.Rejected]: { from: [S.PENDING_APPROVAL], to: S.REJECTED },
  [ProductTransition.Published]: { from: [S.APPROVED, S.SUSPENDED], to: S.PUBLISHED },
  [ProductTransition.Unpublished]: { from: [S.PUBLISHED], to: S.APPROVED },
  [ProductTransition.Suspended]: { from: [S.PUBLISHED, S.APPROVED], to: S.SUSPENDED },
  [ProductTransition.Revised]: { from: [S.APPROVED, S.PUBLISHED, S.SUSPENDED], to: S.PENDING_APPROVAL },
};

/** The status after `transition`, or CONFLICT when the product's current status does not allow it. */
export function nextProductStatus(current: ProductStatus, transition: ProductTransition): ProductStatus {
  const rule = PRODUCT_TRANSITIONS[transition];
  if (!rule.from.includes(current)) {
    throw CatalogException.conflict(`A ${current} product cannot be ${describe(transition)}`, { status: current, transition });
  }
  return rule.to;
}

export function canTransition(current: ProductStatus, transition: ProductTransition): boolean {
  return PRODUCT_TRANSITIONS[transition].from.includes(current);
}

function describe(transition: ProductTransition): string {
  return transition
    .replace(/^Product/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
