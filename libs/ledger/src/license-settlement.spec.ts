import { settleLicense } from './license-settlement';

const base = {
  advance: 0,
  advanceRecoupedSoFar: 0,
  minimumGuarantee: 0,
  royaltyThisStatement: 0,
  royaltyLifetime: 0,
  guaranteeDue: false,
};

describe('settleLicense: statements a studio would check by hand', () => {
  it.each([
    ['no advance, no guarantee: the royalty is all due', { royaltyThisStatement: 600, royaltyLifetime: 600 }, [0, 0]],
    [
      'March: 6.00 royalty against a 10.00 advance is all kept back',
      { advance: 1_000, royaltyThisStatement: 600, royaltyLifetime: 600 },
      [600, 0],
    ],
    [
      'April: 7.00 royalty repays the last 4.00 of the advance',
      { advance: 1_000, advanceRecoupedSoFar: 600, royaltyThisStatement: 700, royaltyLifetime: 1_300 },
      [400, 0],
    ],
    [
      'a month of refunds recoups nothing',
      { advance: 1_000, royaltyThisStatement: -200, royaltyLifetime: 100 },
      [0, 0],
    ],
    [
      'the term ends 37.00 short of a 50.00 guarantee',
      {
        advance: 1_000,
        advanceRecoupedSoFar: 1_000,
        minimumGuarantee: 5_000,
        royaltyThisStatement: 0,
        royaltyLifetime: 1_300,
        guaranteeDue: true,
      },
      [0, 3_700],
    ],
    [
      'an advance at least the guarantee leaves no shortfall',
      { advance: 6_000, minimumGuarantee: 5_000, royaltyLifetime: 200, guaranteeDue: true },
      [0, 0],
    ],
    [
      'royalties beyond the guarantee leave no shortfall',
      { minimumGuarantee: 5_000, royaltyLifetime: 5_001, guaranteeDue: true },
      [0, 0],
    ],
    ['the guarantee is not charged before the term ends', { minimumGuarantee: 5_000, royaltyLifetime: 100 }, [0, 0]],
  ])('%s', (_, standing, [recouped, shortfall]) => {
    expect(settleLicense({ ...base, ...standing })).toEqual({
      advanceRecouped: recouped,
      guaranteeShortfall: shortfall,
    });
  });
});
