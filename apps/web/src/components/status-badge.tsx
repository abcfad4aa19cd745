import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/messages';

/** The message namespaces that name a status: licensing (offers, applications, licenses), orders, products and refund requests. */
type StatusVocabulary = 'status' | 'orderStatus' | 'productStatus' | 'refundStatus';

/** The statuses a vocabulary has a name for, so a status without a message fails the typecheck. */
type StatusOf<V extends StatusVocabulary> = MessageKey extends infer K
  ? K extends `${V}.${infer S}`
    ? S
    : never
  : never;

/** A status as a pill: styles.css colours it by the status (`badge-paid`), the text names it in the reader's language. */
export function StatusBadge<V extends StatusVocabulary>({
  vocabulary,
  status,
  'data-testid': testId,
}: {
  vocabulary: V;
  status: StatusOf<V>;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  // StatusOf admits only the statuses whose `${vocabulary}.${status}` is a key; TypeScript cannot carry that back.
  const key = `${vocabulary}.${status}` as MessageKey;
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-testid={testId}>
      {t(key)}
    </span>
  );
}
