import { useId, useRef } from 'react';

/**
 * A button whose action cannot be undone asks first, in a modal `<dialog>`: the browser keeps focus inside it,
 * Escape closes it and screen readers hear its title and question. The safe choice has the focus.
 */
export function ConfirmButton({
  label,
  title,
  question,
  confirmLabel,
  keepLabel,
  pending,
  onConfirm,
}: {
  label: string;
  title: string;
  question: string;
  confirmLabel: string;
  keepLabel: string;
  pending: boolean;
  onConfirm(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className="secondary" disabled={pending} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-title`} aria-describedby={`${id}-question`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-question`}>{question}</p>
        <div className="actions">
          <button type="button" className="secondary" autoFocus onClick={() => dialog.current?.close()}>
            {keepLabel}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
