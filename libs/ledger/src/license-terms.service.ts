import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor } from '@chedun/identity';
import { assertWithinCeiling, DomainError, Money, MoneyType, parseCalendarDate, parseId } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { LicenseTermsEntity } from './license-terms.entity';
import { LedgerPolicy } from './ledger.policy';
import { LicenseTerms } from './ledger.types';

export interface SignedLicenseTerms {
  licenseId: string;
  studioId: string;
  merchantId: string;
  advance: Money;
  minimumGuarantee: Money;
  startsOn: string;
  endsOn: string;
}

/**
 * The money terms of a license as signed. Licensing lives on another branch: until it records them itself (through
 * `record`, inside its approval transaction), platform operators enter them with `recordLicenseTerms`.
 */
@Injectable()
export class LicenseTermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(manager: EntityManager, terms: SignedLicenseTerms): Promise<LicenseTermsEntity> {
    if (terms.advance.currency !== terms.minimumGuarantee.currency) {
      throw DomainError.badInput('Advance and minimum guarantee must share a currency');
    }
    assertWithinCeiling(terms.advance.amountMinor, this.config.amounts.amountCeilingMinor, 'advance');
    assertWithinCeiling(terms.minimumGuarantee.amountMinor, this.config.amounts.amountCeilingMinor, 'minimumGuarantee');
    const startsOn = parseCalendarDate(terms.startsOn);
    const endsOn = parseCalendarDate(terms.endsOn);
    if (endsOn < startsOn) throw DomainError.badInput('A term cannot end before it starts', { field: 'endsOn' });
    const licenseId = parseId(terms.licenseId, 'licenseId');
    const inserted = (await manager.query(
      `INSERT INTO license_terms (license_id, studio_id, merchant_id, currency, advance_minor, minimum_guarantee_minor, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (license_id) DO NOTHING RETURNING license_id`,
      [licenseId, parseId(terms.studioId, 'studioId'), parseId(terms.merchantId, 'merchantId'), terms.advance.currency,
        terms.advance.amountMinor, terms.minimumGuarantee.amountMinor, startsOn, endsOn],
    )) as unknown[];
    if (inserted.length === 0) throw DomainError.conflict('The terms of this license are already recorded', { licenseId });
    return manager.findOneByOrFail(LicenseTermsEntity, { licenseId });
  }

  async recordAsOperator(actor: Actor, terms: SignedLicenseTerms): Promise<LicenseTermsEntity> {
    LedgerPolicy.platformOnly(actor);
    return this.dataSource.transaction((m) => this.record(m, terms));
  }

  async find(actor: Actor, licenseId: string): Promise<LicenseTermsEntity> {
    const terms = await this.dataSource.getRepository(LicenseTermsEntity).findOneBy({ licenseId: parseId(licenseId, 'licenseId') });
    const visible = terms && (actor.isPlatform || actor.isMemberOf(terms.studioId) || actor.isMemberOf(terms.merchantId));
    if (!terms || !visible) throw DomainError.notFound('License terms', licenseId);
    return terms;
  }
}

export function toLicenseTerms(e: LicenseTermsEntity): LicenseTerms {
  const money = (v: number) => MoneyType.from(Money.of(v, e.currency));
  return {
    licenseId: e.licenseId,
    advance: money(e.advanceMinor),
    advanceRecouped: money(e.advanceRecoupedMinor),
    minimumGuarantee: money(e.minimumGuaranteeMinor),
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    guaranteeSettled: e.guaranteeSettledBy !== null,
  };
}
