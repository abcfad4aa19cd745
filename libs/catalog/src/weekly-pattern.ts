import { CatalogException } from './catalog.exception';

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so local times convert with a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_SLOTS_PER_PATTERN = 500;

export interface WeeklyPattern {
  fromDate: string;
  toDate: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: readonly number[];
  /** Local HH:MM in Asia/Shanghai. */
  startTime: string;
  durationMinutes: number;
}

/** Every slot a weekly pattern describes, as UTC instants, in date order. */
export function expandWeeklyPattern(pattern: WeeklyPattern): { startsAt: Date; endsAt: Date }[] {
  const from = Date.parse(`${pattern.fromDate}T00:00:00Z`);
  const to = Date.parse(`${pattern.toDate}T00:00:00Z`);
  if (to < from) throw CatalogException.badInput('toDate must not be before fromDate', { field: 'toDate' });
  if ((to - from) / DAY_MS > 366)
    throw CatalogException.badInput('A pattern covers at most a year', { field: 'toDate' });
  const [hours, minutes] = pattern.startTime.split(':').map(Number) as [number, number];
  const slots: { startsAt: Date; endsAt: Date }[] = [];
  for (let day = from; day <= to; day += DAY_MS) {
    const isoWeekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    if (!pattern.weekdays.includes(isoWeekday)) continue;
    const startsAt = new Date(day + (hours * 60 + minutes) * 60_000 - SHANGHAI_OFFSET_MS);
    slots.push({ startsAt, endsAt: new Date(startsAt.getTime() + pattern.durationMinutes * 60_000) });
  }
  if (slots.length > MAX_SLOTS_PER_PATTERN) {
    throw CatalogException.badInput(`A pattern creates at most ${MAX_SLOTS_PER_PATTERN} slots`, {
      count: slots.length,
    });
  }
  return slots;
}
