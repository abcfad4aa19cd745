/** A report period of Asia/Shanghai days, inclusive, as the API's royalty and sales queries take it. */
export interface Period {
  from: string;
  to: string;
}

function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** From the first of January to today, in Shanghai: where every report opens. */
export function yearToDate(): Period {
  const today = shanghaiToday();
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Whether the period can be asked for: a reversed one is refused here, once, before any report asks the API. */
export function isReversed(period: Period): boolean {
  return period.from > period.to;
}
