/// <reference types="jest" />
import { formatMessage } from './format-message';
import { messages } from './messages';

describe('formatMessage', () => {
  it.each([
    ['one result', 0, '0 results'],
    ['one result', 1, '1 result'],
    ['two results', 2, '2 results'],
  ])('%s: English plural rules choose the form (%i)', (_name, count, expected) => {
    expect(formatMessage('{count, plural, one {# result} other {# results}}', { count }, 'en-GB')).toBe(expected);
  });

  it('fills plain placeholders and leaves unknown ones', () => {
    expect(formatMessage('{a} of {b} · {c}', { a: 1, b: 'x' })).toBe('1 of x · {c}');
  });

  it('an exact form wins over the category', () => {
    expect(formatMessage('{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 }, 'en')).toBe('none');
  });

  it('the English counts on the pages read "1 result", never "1 results"', () => {
    const one = (key: keyof typeof messages.en, extra: Record<string, string | number> = {}) =>
      formatMessage(messages.en[key], { count: 1, ...extra }, 'en-GB');
    expect(one('search.count')).toBe('1 result');
    expect(one('home.items')).toBe('1 item');
    expect(one('product.seatsLeft')).toBe('1 seat left');
    expect(one('review.stars', { average: 5 })).toBe('5 out of 5 from 1 review');
    expect(one('orders.ticketsRedeemed', { redeemed: 0 })).toBe('0 of 1 ticket used');
    expect(formatMessage(messages.en['search.count'], { count: 3 }, 'en-GB')).toBe('3 results');
    expect(formatMessage(messages.zh['search.count'], { count: 1 }, 'zh-CN')).toBe('共 1 个结果');
  });

  it('no English message with a count keeps a bare plural noun after it', () => {
    const bare = Object.entries(messages.en).filter(([, text]) => /\{count\} [a-z]+s\b/.test(text));
    expect(bare).toEqual([]);
  });
});
