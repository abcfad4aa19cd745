import { createValidationPipe } from './validation.pipe';

describe('edge validation pipe', () => {
  const pipe = createValidationPipe();

  it('refuses an unpaired surrogate or a NUL anywhere in what the client sent', async () => {
    await expect(pipe.transform({ input: { name: 'ok\uD800' } }, { type: 'args' as never, data: '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(pipe.transform('a\u0000b', { type: 'query', data: 'from' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
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
});
