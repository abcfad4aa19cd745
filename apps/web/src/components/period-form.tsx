import { FormEvent, ReactNode, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { isReversed, type Period } from '../lib/period';

export { isReversed, yearToDate, type Period } from '../lib/period';

/**
 * The from / to form of the sales and royalty reports; the period changes only when submitted, and never to a
 * reversed one (each report section would show the API's refusal). `children` adds buttons.
 */
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
  const [reversed, setReversed] = useState(false);
  const edit = (next: Period) => {
    setDraft(next);
    setReversed(false);
  };
  return (
    <form
      className="period"
      aria-label={t('royalty.period')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (isReversed(draft)) return setReversed(true);
        onApply(draft);
      }}
    >
      <label>
        {t('royalty.from')}
        <input
          type="date"
          value={draft.from}
          onChange={(e) => edit({ ...draft, from: e.target.value })}
          aria-invalid={reversed || undefined}
          required
        />
      </label>
      <label>
        {t('royalty.to')}
        <input
          type="date"
          value={draft.to}
          onChange={(e) => edit({ ...draft, to: e.target.value })}
          aria-invalid={reversed || undefined}
          required
        />
      </label>
      <button type="submit" className="secondary">
        {t('royalty.show')}
      </button>
      {children}
      {reversed && (
        <p className="state state-error" role="alert" data-testid="period-reversed">
          {t('royalty.reversed')}
        </p>
      )}
    </form>
  );
}
