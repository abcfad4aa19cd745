import fc from 'fast-check';
import { MerchantPartLine, shippingFeeToRefund } from './shipping-fee-refund';

const line = (id: string, netMinor: number, committedMinor = 0, handedOver = false): MerchantPartLine => ({
  id,
  netMinor,
  committedMinor,
  handedOver,
});

describe('shippingFeeToRefund: the fee goes back with the refund that completes an unshipped part', () => {
  it.each([
    ['the only line refunded in full, nothing shipped', [line('a', 9_900)], 'a', 9_900, 1_200],
    ['the only line refunded in part', [line('a', 9_900)], 'a', 9_899, 0],
    ['the last of two lines, the first already refunded', [line('a', 9_900, 9_900), line('b', 500)], 'b', 500, 1_200],
    [
      'the last of two lines, the first still with the provider',
      [line('a', 9_900, 9_900), line('b', 500)],
      'b',
      500,
      1_200,
    ],
    ['the first of two lines, the other not refunded', [line('a', 9_900), line('b', 500)], 'a', 9_900, 0],
    ['the rest of a line partly refunded before', [line('a', 9_900, 4_000)], 'a', 5_900, 1_200],
    [
      'all refunded but one line shipped: the goods travelled',
      [line('a', 9_900, 9_900, true), line('b', 500)],
      'b',
      500,
      0,
    ],
    ['the refunded line itself was shipped', [line('a', 9_900, 0, true)], 'a', 9_900, 0],
  ])('%s', (_, lines, orderLineId, amountMinor, expected) => {
    expect(
      shippingFeeToRefund({ feeMinor: 1_200, feeAlreadyRefunded: false, lines }, { orderLineId, amountMinor }),
    ).toBe(expected);
  });

  it('free shipping, a fee already being refunded, or a line outside the part give nothing', () => {
    const lines = [line('a', 9_900)];
    expect(
      shippingFeeToRefund({ feeMinor: 0, feeAlreadyRefunded: false, lines }, { orderLineId: 'a', amountMinor: 9_900 }),
    ).toBe(0);
    expect(
      shippingFeeToRefund({ feeMinor: 800, feeAlreadyRefunded: true, lines }, { orderLineId: 'a', amountMinor: 9_900 }),
    ).toBe(0);
    expect(
      shippingFeeToRefund(
        { feeMinor: 800, feeAlreadyRefunded: false, lines },
        { orderLineId: 'x', amountMinor: 9_900 },
      ),
    ).toBe(0);
  });

  it('for every refund sequence of an unshipped part, the fee goes back exactly once, with the refund that completes it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0.01, max: 1, noNaN: true })), { maxLength: 12 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.option(fc.nat(), { nil: null }),
        (nets, steps, feeMinor, shippedIndex) => {
          const lines = nets.map((n, i) =>
            line(`l${i}`, n, 0, shippedIndex !== null && shippedIndex % (nets.length + 1) === i),
          );
          const shipped = lines.some((l) => l.handedOver);
          // Random partial refunds, then the rest of every line: the part always ends refunded in full.
          const sequence = [
            ...steps.map(([i, f]) => ({ index: i % nets.length, fraction: f })),
            ...nets.map((_, i) => ({ index: i, fraction: 1 })),
          ];
          let given = 0;
          let givenWith = -1;
          for (const [k, step] of sequence.entries()) {
            const target = lines[step.index]!;
            const amountMinor = Math.max(1, Math.floor((target.netMinor - target.committedMinor) * step.fraction));
            if (target.committedMinor >= target.netMinor) continue;
            const fee = shippingFeeToRefund(
              { feeMinor, feeAlreadyRefunded: given > 0, lines },
              { orderLineId: target.id, amountMinor },
            );
            lines[step.index] = { ...target, committedMinor: target.committedMinor + amountMinor };
            if (fee > 0) {
              given += fee;
              givenWith = k;
              // Given with the very refund after which every line is refunded in full.
              expect(lines.every((l) => l.committedMinor >= l.netMinor)).toBe(true);
            }
          }
          expect(given).toBe(shipped ? 0 : feeMinor);
          if (!shipped) expect(givenWith).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
