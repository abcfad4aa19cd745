import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@chedun/config';
import { Actor } from '@chedun/identity';
import { assertWithinCeiling, DomainError, Money, MoneyType, parseCalendarDate, parseId } from '@chedun/kernel';
import { DataSource, EntityManager } from 'typeorm';
import { LicenseTermsEntity } from './license-terms.entity';
import { LicenseTermsRepository } from './license-terms.repository';
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
    private readonly licenseTerms: LicenseTermsRepository,
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
    const licenseTerms = this.licenseTerms.forManager(manager);
    const inserted = await licenseTerms.insertIfAbsent({
      licenseId,
      studioId: parseId(terms.studioId, 'studioId'),
      merchantId: parseId(terms.merchantId, 'merchantId'),
      currency: terms.advance.currency,
      advanceMinor: terms.advance.amountMinor,
      minimumGuaranteeMinor: terms.minimumGuarantee.amountMinor,
      startsOn,
      endsOn,
    });
    if (!inserted) throw DomainError.conflict('The terms of this license are already recorded', { licenseId });
    const recorded = await licenseTerms.findByLicenseId(licenseId);
    if (!recorded) throw DomainError.notFound('License terms', licenseId);
    return recorded;
  }

  async recordAsOperator(actor: Actor, terms: SignedLicenseTerms): Promise<LicenseTermsEntity> {
    LedgerPolicy.platformOnly(actor);
    return this.dataSource.transaction((m) => this.record(m, terms));
  }

  async find(actor: Actor, licenseId: string): Promise<LicenseTermsEntity> {
    const terms = await this.licenseTerms.findByLicenseId(parseId(licenseId, 'licenseId'));
    const visible =
      terms && (actor.isPlatform || actor.isMemberOf(terms.studioId) || actor.isMemberOf(terms.merchantId));
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
