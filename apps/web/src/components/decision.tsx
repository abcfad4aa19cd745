import { FormEvent, useState } from 'react';
import type { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { ErrorMessage } from './states';

interface Refusal {
  /** The button that opens the reason form. */
  label: string;
  reasonLabel: string;
  confirmLabel: string;
  maxLength: number;
  pending: boolean;
  error: ApiError | undefined;
  /** Resolves true when done, which closes the form. */
  run(reason: string): Promise<boolean>;
  onOpen?(): void;
}

/**
 * A decision the other party sees: approve at once, or refuse with a written reason (license applications,
 * designs, suspending a license). Without `approve` only the refusal is offered.
 */
export function ApproveOrRefuse({
  approve,
  refuse,
}: {
  approve?: { label: string; pending: boolean; run(): void };
  refuse: Refusal;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <div className="actions">
        {approve && (
          <button type="button" disabled={approve.pending} onClick={approve.run}>
            {approve.label}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setReason('');
            setOpen(true);
            refuse.onOpen?.();
          }}
        >
          {refuse.label}
        </button>
      </div>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await refuse.run(reason)) setOpen(false);
  };
  return (
    <form className="form" onSubmit={submit}>
      <label>
        {refuse.reasonLabel}
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          rows={2}
          maxLength={refuse.maxLength}
        />
      </label>
      {refuse.error && <ErrorMessage error={refuse.error} />}
      <div className="actions">
        <button type="submit" disabled={refuse.pending}>
          {refuse.confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
