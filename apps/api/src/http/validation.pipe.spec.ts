import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { MoneyInput } from '@chedun/kernel';
import { createValidationPipe } from './validation.pipe';

@InputType()
class PricedThingInput {
  @Field(() => [MoneyInput])
  @ValidateNested({ each: true })
  @Type(() => MoneyInput)
  prices!: MoneyInput[];
}

describe('edge validation pipe', () => {
  const pipe = createValidationPipe({ amountCeilingMinor: 100_000_000, orderTotalCeilingMinor: 1_000_000_000 });

  it('refuses an unpaired surrogate or a NUL anywhere in what the client sent', async () => {
    await expect(
      pipe.transform({ input: { name: 'ok\uD800' } }, { type: 'args' as never, data: '' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(pipe.transform('a\u0000b', { type: 'query', data: 'from' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('never walks the resolver context, parent or request, which are not client text', async () => {
    const request = {
      get socket(): never {
        throw new Error('walked into the request');
      },
    };
    for (const type of ['context', 'root', 'custom']) {
      await expect(pipe.transform(request, { type: type as never, data: 'req' })).resolves.toBe(request);
    }
  });

  it('holds every money input, however deeply nested, to the configured ceiling', async () => {
    const args = (amountMinor: number) => ({
      prices: [
        { amountMinor: 1, currency: 'CNY' },
        { amountMinor, currency: 'CNY' },
      ],
    });
    const metadata = { type: 'body' as const, data: 'input', metatype: PricedThingInput };
    await expect(pipe.transform(args(100_000_000), metadata)).resolves.toBeInstanceOf(PricedThingInput);
    await expect(pipe.transform(args(100_000_001), metadata)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'input.prices.1.amountMinor', ceilingMinor: 100_000_000 },
    });
    // GraphQL arguments (Nest's 'args'), and a lone MoneyInput argument names itself.
    await expect(
      pipe.transform(
        { amountMinor: 100_000_001, currency: 'CNY' },
        { type: 'args' as never, data: 'price', metatype: MoneyInput },
      ),
    ).rejects.toMatchObject({
      details: { field: 'price.amountMinor' },
    });
  });
});
