import { pastMonths, salesHistoryStart } from './ledger-demo-seeder';

describe('the demo sales history’s months', () => {
  it('are the months before the current one in Shanghai, oldest first', () => {
    expect(pastMonths(new Date('2026-11-25T06:00:00Z'), 3)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('cross into the previous year in January', () => {
    expect(pastMonths(new Date('2027-01-10T00:00:00Z'), 3)).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('follow Shanghai’s calendar: 20:00 UTC on 31 December is already January there', () => {
    expect(pastMonths(new Date('2026-12-31T20:00:00Z'), 1)).toEqual(['2026-12']);
    expect(salesHistoryStart(new Date('2026-12-31T20:00:00Z'))).toEqual(new Date('2026-10-01T00:00:00+08:00'));
  });
});
