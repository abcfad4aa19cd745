import { registerEnumType } from '@nestjs/graphql';
import { Lifecycle, TransitionTable } from '@chedun/kernel';
import { ProductStatus } from './product-status';

/** One design round's answer from the studio: pending until it is approved, rejected or sent back for changes. */
export enum DesignRoundStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
}

registerEnumType(DesignRoundStatus, { name: 'DesignRoundStatus' });

const R = DesignRoundStatus;

/** A round is decided once; the merchant's answer is the next round, never an edit of this one. */
const DESIGN_ROUND_TRANSITIONS: TransitionTable<DesignRoundStatus> = {
  [R.PENDING]: { [R.APPROVED]: 'approve', [R.REJECTED]: 'reject', [R.CHANGES_REQUESTED]: 'requestChanges' },
  [R.APPROVED]: {},
  [R.REJECTED]: {},
  [R.CHANGES_REQUESTED]: {},
};

export const designRoundLifecycle = new Lifecycle<DesignRoundStatus>('design round', DESIGN_ROUND_TRANSITIONS);

/** The round's answer for the product status the studio's decision moved the product to. */
export function roundStatusFor(decided: ProductStatus): DesignRoundStatus {
  switch (decided) {
    case ProductStatus.APPROVED:
      return R.APPROVED;
    case ProductStatus.REJECTED:
      return R.REJECTED;
    case ProductStatus.CHANGES_REQUESTED:
      return R.CHANGES_REQUESTED;
    default:
      throw new Error(`A design round is not decided by moving to ${decided}`);
  }
}
