import { ALL_SALES_CHANNELS, LicenseStatus, ProductCategory } from '@chedun/kernel';
import { LicenseReader, LicenseSnapshot } from './license.reader';
import { LicenseRepository } from './license.repository';

const reader = new LicenseReader({} as LicenseRepository);
const snapshot: LicenseSnapshot = {
  id: 'l',
  studioId: 's',
  merchantId: 'm',
  filmIpId: 'f',
  status: LicenseStatus.ACTIVE,
  categories: [ProductCategory.APPAREL, ProductCategory.TOUR],
  territory: 'CN',
  channels: [...ALL_SALES_CHANNELS],
  startsOn: '2026-12-01',
  endsOn: '2027-11-30',
  royaltyBps: 1_000,
};

describe('LicenseReader.isUsableOn', () => {
  it.each([
    ['the first day of the term', snapshot, ProductCategory.APPAREL, '2026-12-01', true],
    ['the last day of the term', snapshot, ProductCategory.TOUR, '2027-11-30', true],
    ['the day before the term', snapshot, ProductCategory.APPAREL, '2026-11-30', false],
    ['the day after the term', snapshot, ProductCategory.APPAREL, '2027-12-01', false],
    ['a category the license does not cover', snapshot, ProductCategory.FOOD, '2027-01-01', false],
    [
      'a suspended license',
      { ...snapshot, status: LicenseStatus.SUSPENDED },
      ProductCategory.APPAREL,
      '2027-01-01',
      false,
    ],
    [
      'an expired license',
      { ...snapshot, status: LicenseStatus.EXPIRED },
      ProductCategory.APPAREL,
      '2027-01-01',
      false,
    ],
  ])('%s', (_, s, category, date, expected) => {
    expect(reader.isUsableOn(s, category, date)).toBe(expected);
  });

  it('answers null for an id that is not a uuid without asking the database', async () => {
    await expect(reader.findById('not-an-id')).resolves.toBeNull();
  });
});
