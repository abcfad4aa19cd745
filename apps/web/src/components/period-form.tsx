import { FormEvent, ReactNode, useState } from 'react';
import { useI18n } from '../lib/i18n';

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

/** The from / to form of the sales and royalty reports; the period changes only when submitted. `children` adds buttons. */
export function PeriodForm({
  period,
  onApply,
  children,
}: {
  period: Period;
  onApply(period: Period): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(period);
  return (
    <form
      className="period"
      aria-label={t('royalty.period')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <label>
        {t('royalty.from')}
        <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} required />
      </label>
      <label>
        {t('royalty.to')}
        <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} required />
      </label>
      <button type="submit" className="secondary">
        {t('royalty.show')}
      </button>
      {children}
    </form>
  );
}
