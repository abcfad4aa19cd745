import { shanghaiDate, shanghaiDateTime } from './clock';

describe('Asia/Shanghai calendar', () => {
  it.each([
    [
      'an evening in Shanghai that is still the afternoon in UTC',
      '2026-12-12T11:30:00Z',
      '2026-12-12',
      '2026-12-12 19:30',
    ],
    [
      'just after midnight in Shanghai, the day before in UTC',
      '2026-12-11T16:05:00Z',
      '2026-12-12',
      '2026-12-12 00:05',
    ],
    ['the last minute of a year in Shanghai', '2026-12-31T15:59:59Z', '2026-12-31', '2026-12-31 23:59'],
  ])('reads %s', (_, at, day, minute) => {
    expect(shanghaiDate(new Date(at))).toBe(day);
    expect(shanghaiDateTime(new Date(at))).toBe(minute);
  });
});
