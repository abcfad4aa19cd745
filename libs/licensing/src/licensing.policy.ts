import { Actor, OrganizationKind } from '@chedun/identity';
import { DomainError } from '@chedun/kernel';

/** A licensing record and the two parties to it (an offer has only its studio). */
export interface LicensingParties {
  id: string;
  studioId: string;
  merchantId?: string | null;
}

/**
 * Who may do what to a licensing record. Parties learn why they are refused (FORBIDDEN); anyone else is told
 * the record does not exist (NOT_FOUND), so ids of other parties' records reveal nothing.
 */
export const LicensingPolicy = {
  isParty(actor: Actor, record: LicensingParties): boolean {
    return (
      actor.isMemberOf(record.studioId, OrganizationKind.STUDIO) ||
      (!!record.merchantId && actor.isMemberOf(record.merchantId, OrganizationKind.MERCHANT))
    );
  },

  assertCanRead(actor: Actor, record: LicensingParties, what: string): void {
    if (!LicensingPolicy.isParty(actor, record) && !actor.isPlatform) throw DomainError.notFound(what, record.id);
  },

  /** Decisions on applications and licenses belong to staff of the studio that owns the IP. */
  assertStudioStaff(actor: Actor, record: LicensingParties, what: string): void {
    if (actor.isMemberOf(record.studioId, OrganizationKind.STUDIO)) return;
    if (LicensingPolicy.isParty(actor, record))
      throw DomainError.forbidden(`Only the licensing studio’s staff may do this to a ${what.toLowerCase()}`);
    throw DomainError.notFound(what, record.id);
  },

  /** Withdrawing an application belongs to staff of the merchant that applied. */
  assertMerchantStaff(actor: Actor, record: LicensingParties, what: string): void {
    if (record.merchantId && actor.isMemberOf(record.merchantId, OrganizationKind.MERCHANT)) return;
    if (LicensingPolicy.isParty(actor, record))
      throw DomainError.forbidden(`Only the applying merchant’s staff may do this to a ${what.toLowerCase()}`);
    throw DomainError.notFound(what, record.id);
  },
};
