import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLSafeInt } from 'graphql-scalars';

export { GraphQLSafeInt as SafeInt };

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseCalendarDate(value: unknown): string {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) {
    throw new TypeError('Date must be a string in the form YYYY-MM-DD');
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new TypeError(`${value} is not a calendar date`);
  }
  return value;
}

/** A calendar day "YYYY-MM-DD", kept as a string so no time zone can shift it. */
export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (business days are Asia/Shanghai).',
  serialize: (value) => parseCalendarDate(value),
  parseValue: (value) => parseCalendarDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string in the form YYYY-MM-DD');
    return parseCalendarDate(ast.value);
  },
});

export { parseCalendarDate };
