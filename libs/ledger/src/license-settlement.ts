/** Where a license stands when a statement is issued. Amounts in minor units of the statement's currency. */
export interface LicenseStanding {
  advance: number;
  advanceRecoupedSoFar: number;
  minimumGuarantee: number;
  /** Royalty of this license in this statement, net of reversals. */
  royaltyThisStatement: number;
  /** Royalty of this license in every issued statement, this one included. */
  royaltyLifetime: number;
  /** The term ended on or before the statement's last day and no statement has charged the guarantee yet. */
  guaranteeDue: boolean;
}

export interface LicenseSettlement {
  /** Royalty kept back against the advance the merchant already paid the studio. */
  advanceRecouped: number;
  /** What the merchant still owes the studio to reach the minimum guarantee. */
  guaranteeShortfall: number;
}

/**
 * Royalties first repay the advance (never more than is left of it, never from a negative month); at the end of
 * the term the merchant tops the studio up to the minimum guarantee, which the advance already counts towards.
 */
export function settleLicense(s: LicenseStanding): LicenseSettlement {
  const left = Math.max(0, s.advance - s.advanceRecoupedSoFar);
  const advanceRecouped = Math.min(left, Math.max(0, s.royaltyThisStatement));
  const earned = Math.max(s.royaltyLifetime, s.advance);
  const guaranteeShortfall = s.guaranteeDue ? Math.max(0, s.minimumGuarantee - earned) : 0;
  return { advanceRecouped, guaranteeShortfall };
}
