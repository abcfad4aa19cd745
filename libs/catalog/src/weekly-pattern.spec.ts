import { ErrorCode } from '@chedun/kernel';
import { expandWeeklyPattern } from './weekly-pattern';

describe('weekly slot pattern', () => {
  it('creates Saturday and Sunday 10:00 Shanghai slots over two weeks', () => {
    // 2026-12-05 is a Saturday.
    const slots = expandWeeklyPattern({
      fromDate: '2026-12-01',
      toDate: '2026-12-14',
      weekdays: [6, 7],
      startTime: '10:00',
      durationMinutes: 90,
    });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-12-05T02:00:00.000Z',
      '2026-12-06T02:00:00.000Z',
      '2026-12-12T02:00:00.000Z',
      '2026-12-13T02:00:00.000Z',
    ]);
    expect(slots[0]!.endsAt.toISOString()).toBe('2026-12-05T03:30:00.000Z');
  });

  it('puts an early-morning local slot on the previous UTC day', () => {
    const [slot] = expandWeeklyPattern({
      fromDate: '2026-12-07',
      toDate: '2026-12-07',
      weekdays: [1],
      startTime: '06:30',
      durationMinutes: 30,
    });
    expect(slot!.startsAt.toISOString()).toBe('2026-12-06T22:30:00.000Z');
  });

  it('refuses a reversed range and patterns that would create too many slots', () => {
    expect(() =>
      expandWeeklyPattern({
        fromDate: '2026-12-10',
        toDate: '2026-12-01',
        weekdays: [1],
        startTime: '10:00',
        durationMinutes: 30,
      }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    expect(() =>
      expandWeeklyPattern({
        fromDate: '2026-01-01',
        toDate: '2027-12-31',
        weekdays: [1],
        startTime: '10:00',
        durationMinutes: 30,
      }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
  });
});
