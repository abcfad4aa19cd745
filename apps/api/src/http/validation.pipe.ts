import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AmountLimits, assertWithinCeiling, DomainError, ErrorCode, MoneyInput } from '@chedun/kernel';

/**
 * Input refused at the edge, before any resolver ran: the request itself is malformed, as when a document or its
 * variables do not fit the schema, so it answers HTTP 400 like those (a page size over the limit is one).
 */
export class EdgeInputError extends DomainError {
  constructor(message: string, fields: string[]) {
    super(ErrorCode.BAD_USER_INPUT, message, { fields });
  }
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The first text that is not well-formed Unicode (a lone surrogate) or holds a NUL, which PostgreSQL cannot
 * store and some validators throw on (validator's isEmail calls encodeURI): found anywhere in an argument.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badText(value: unknown, path: string, seen = 0): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) || value.includes('\u0000') ? path : undefined;
  if (seen > 8 || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = badText(inner, path ? `${path}.${key}` : key, seen + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * What a client sent: GraphQL arguments and HTTP body, query and route parameters. Never the resolver's parent
 * object, context or request (walking an Express request's object graph on every resolved field cost tens of
 * milliseconds of CPU per product page).
 */
const CLIENT_INPUT: ReadonlySet<string> = new Set(['args', 'body', 'query', 'param']);

/**
 * Every money input (a `MoneyInput`, wherever it is nested: a variant's price, a ticket type's, an offer's advance)
 * held to the configured ceiling, which a static class-validator decorator cannot read.
 */
function assertAmountsWithin(value: unknown, path: string, ceilingMinor: number, depth = 0): void {
  if (value instanceof MoneyInput) {
    assertWithinCeiling(value.amountMinor, ceilingMinor, `${path || 'amount'}.amountMinor`);
    return;
  }
  if (depth > 8 || value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value))
    assertAmountsWithin(inner, path ? `${path}.${key}` : key, ceilingMinor, depth + 1);
}

class EdgeValidationPipe extends ValidationPipe {
  constructor(
    private readonly amounts: AmountLimits,
    options: ConstructorParameters<typeof ValidationPipe>[0],
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const client = CLIENT_INPUT.has(metadata.type);
    const field = client ? badText(value, metadata.data ?? '') : undefined;
    if (field !== undefined) {
      throw new EdgeInputError(`${field || 'A value'} must be valid text (no unpaired surrogates or NUL characters)`, [
        field,
      ]);
    }
    const transformed: unknown = await super.transform(value, metadata);
    if (client) assertAmountsWithin(transformed, metadata.data ?? '', this.amounts.amountCeilingMinor);
    return transformed;
  }
}

/** Validates every input class at the edge; failures are BAD_USER_INPUT naming each field. */
export function createValidationPipe(amounts: AmountLimits): ValidationPipe {
  return new EdgeValidationPipe(amounts, {
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const message = fields.map((f) => f.messages.join(', ')).join('; ') || 'Invalid input';
      return new EdgeInputError(
        message,
        fields.map((f) => f.field),
      );
    },
  });
}
