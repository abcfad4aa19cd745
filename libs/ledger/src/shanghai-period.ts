import { DomainError, parseCalendarDate } from '@chedun/kernel';

/** Asia/Shanghai has kept UTC+8 all year since 1991, so a business day starts at 00:00+08:00. */
export function shanghaiDayStart(date: string): Date {
  return new Date(`${parseCalendarDate(date)}T00:00:00+08:00`);
}

/** [start of `from`, start of the day after `to`) in Asia/Shanghai. */
export function shanghaiRange(from: string, to: string): { start: Date; end: Date } {
  const start = shanghaiDayStart(from);
  const end = new Date(shanghaiDayStart(to).getTime() + 24 * 3600 * 1000);
  if (end <= start) throw DomainError.badInput('from must not be after to', { from, to });
  return { start, end };
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** A calendar month "YYYY-MM" in Asia/Shanghai: its first day and [start, end) instants. */
export function shanghaiMonth(month: string): { firstDay: string; nextFirstDay: string; start: Date; end: Date } {
  const m = MONTH.exec(month);
  const year = Number(m?.[1]);
  const mon = Number(m?.[2]);
  if (!m || mon < 1 || mon > 12 || year < 2000) throw DomainError.badInput('month must be YYYY-MM', { month });
  const firstDay = `${m[1]}-${m[2]}-01`;
  const next = mon === 12 ? `${year + 1}-01-01` : `${m[1]}-${String(mon + 1).padStart(2, '0')}-01`;
  return { firstDay, nextFirstDay: next, start: shanghaiDayStart(firstDay), end: shanghaiDayStart(next) };
}
