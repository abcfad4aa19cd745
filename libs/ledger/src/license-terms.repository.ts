import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { LicenseTermsEntity } from './license-terms.entity';

export type NewLicenseTerms = Omit<LicenseTermsEntity, 'advanceRecoupedMinor' | 'guaranteeSettledBy'>;

/** What one statement settled of a license: royalties kept back against the advance, and whether it charged the guarantee. */
export interface LicenseSettlementApplied {
  advanceRecoupedMinor: number;
  /** The statement that charged the guarantee's shortfall, when this one did. */
  guaranteeSettledBy: string | null;
}

/** The `license_terms` table: a license's money terms as signed, and how far they are settled. */
@Injectable()
export class LicenseTermsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside the caller's transaction. */
  forManager(manager: EntityManager): LicenseTermsRepository {
    return new LicenseTermsRepository(manager);
  }

  /** Records the terms once; false when the license's terms were already recorded. */
  async insertIfAbsent(terms: NewLicenseTerms): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO license_terms (license_id, studio_id, merchant_id, currency, advance_minor, minimum_guarantee_minor, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (license_id) DO NOTHING RETURNING license_id`,
      [
        terms.licenseId,
        terms.studioId,
        terms.merchantId,
        terms.currency,
        terms.advanceMinor,
        terms.minimumGuaranteeMinor,
        terms.startsOn,
        terms.endsOn,
      ],
    );
    return rows.length > 0;
  }

  findByLicenseId(licenseId: string): Promise<LicenseTermsEntity | null> {
    return this.manager.findOneBy(LicenseTermsEntity, { licenseId });
  }

  async applySettlement(licenseId: string, settled: LicenseSettlementApplied): Promise<void> {
    await this.manager.query(
      `UPDATE license_terms SET advance_recouped_minor = advance_recouped_minor + $2,
              guarantee_settled_by = CASE WHEN $3 THEN $4::uuid ELSE guarantee_settled_by END
        WHERE license_id = $1`,
      [licenseId, settled.advanceRecoupedMinor, settled.guaranteeSettledBy !== null, settled.guaranteeSettledBy],
    );
  }
}
