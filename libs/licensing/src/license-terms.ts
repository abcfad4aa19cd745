import { bigintMinorUnits } from '@chedun/db';
import {
  ALL_SALES_CHANNELS,
  bps,
  LicenseStatus,
  Money,
  parseCalendarDate,
  ProductCategory,
  SalesChannel,
} from '@chedun/kernel';
import { Column } from 'typeorm';
import { LicensingException } from './licensing.exception';

/**
 * The terms of a license offer, embedded in the offer and copied verbatim into every license signed on it,
 * so a later change to the offer never changes a signed license.
 */
export class LicenseTermsColumns {
  @Column('integer', { name: 'royalty_bps' })
  royaltyBps!: number;

  @Column('text', { array: true })
  categories!: ProductCategory[];

  @Column('text')
  territory!: string;

  /** Where the merchant may sell; a product sells on this marketplace only under ONLINE. */
  @Column('text', { array: true })
  channels!: SalesChannel[];

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('date', { name: 'ends_on' })
  endsOn!: string;

  @Column('bigint', { name: 'advance_minor', nullable: true, transformer: bigintMinorUnits })
  advanceMinor!: number | null;

  @Column('char', { name: 'advance_currency', length: 3, nullable: true })
  advanceCurrency!: string | null;

  @Column('bigint', { name: 'minimum_guarantee_minor', nullable: true, transformer: bigintMinorUnits })
  minimumGuaranteeMinor!: number | null;

  @Column('char', { name: 'minimum_guarantee_currency', length: 3, nullable: true })
  minimumGuaranteeCurrency!: string | null;
}

export function moneyOrNull(amountMinor: number | null, currency: string | null): Money | null {
  return amountMinor === null || currency === null ? null : Money.of(amountMinor, currency);
}

export function copyTerms(terms: LicenseTermsColumns): LicenseTermsColumns {
  return Object.assign(new LicenseTermsColumns(), {
    royaltyBps: terms.royaltyBps,
    categories: [...terms.categories],
    territory: terms.territory,
    channels: [...terms.channels],
    startsOn: terms.startsOn,
    endsOn: terms.endsOn,
    advanceMinor: terms.advanceMinor,
    advanceCurrency: terms.advanceCurrency,
    minimumGuaranteeMinor: terms.minimumGuaranteeMinor,
    minimumGuaranteeCurrency: terms.minimumGuaranteeCurrency,
  });
}

/** Statuses in which a license still runs and can therefore expire. */
export const RUNNING_LICENSE_STATUSES: readonly LicenseStatus[] = [LicenseStatus.ACTIVE, LicenseStatus.SUSPENDED];

export interface LicenseTermsDraft {
  royaltyBps: number;
  categories: readonly ProductCategory[];
  territory: string;
  /** Omitted or null: all three channels. */
  channels?: readonly SalesChannel[] | null;
  startsOn: string;
  endsOn: string;
  advance?: Money | null;
  minimumGuarantee?: Money | null;
}

/**
 * The rules every offer's terms obey (DESIGN §2): a whole bps rate 0..10000, at least one category, a term
 * that ends after it starts and not before today (Asia/Shanghai), money from zero to the configured ceiling. Broken terms are
 * BAD_USER_INPUT naming the field; the database CHECKs repeat the invariant ones.
 */
export function validTerms(draft: LicenseTermsDraft, today: string, amountCeilingMinor: number): LicenseTermsColumns {
  const royaltyBps = bps(draft.royaltyBps);
  const categories = [...new Set(draft.categories)];
  if (categories.length === 0)
    throw LicensingException.badTerms('categories must list at least one product category', 'categories');
  if (!/^[A-Z]{2}$/.test(draft.territory)) {
    throw LicensingException.badTerms('territory must be a two-letter country code such as CN', 'territory');
  }
  const channels = ALL_SALES_CHANNELS.filter((c) => (draft.channels ?? ALL_SALES_CHANNELS).includes(c));
  if (channels.length === 0)
    throw LicensingException.badTerms('channels must list at least one sales channel', 'channels');
  const startsOn = parseCalendarDate(draft.startsOn);
  const endsOn = parseCalendarDate(draft.endsOn);
  if (endsOn <= startsOn) throw LicensingException.badTerms('endsOn must be after startsOn', 'endsOn');
  if (endsOn < today) throw LicensingException.badTerms(`endsOn must not be before today (${today})`, 'endsOn');
  for (const [field, amount] of [
    ['advance', draft.advance],
    ['minimumGuarantee', draft.minimumGuarantee],
  ] as const) {
    if (amount?.isNegative()) throw LicensingException.badTerms(`${field} must not be negative`, field);
    if (amount && amount.amountMinor > amountCeilingMinor) {
      throw LicensingException.badTerms(`${field} must be at most ${amountCeilingMinor} minor units`, field);
    }
  }
  return Object.assign(new LicenseTermsColumns(), {
    royaltyBps,
    categories,
    territory: draft.territory,
    channels,
    startsOn,
    endsOn,
    advanceMinor: draft.advance?.amountMinor ?? null,
    advanceCurrency: draft.advance?.currency ?? null,
    minimumGuaranteeMinor: draft.minimumGuarantee?.amountMinor ?? null,
    minimumGuaranteeCurrency: draft.minimumGuarantee?.currency ?? null,
  });
}
