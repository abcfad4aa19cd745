import { FormEvent, useState } from 'react';
import { ErrorMessage } from '../components/states';
import { SubmitOrScan } from '../components/submit-or-scan';
import { graphql } from '../gql';
import type { RedeemTicketMutation } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { useMutation } from '../lib/use-query';

const RedeemTicket = graphql(`
  mutation RedeemTicket($code: String!) {
    redeemTicket(code: $code) {
      code
      redeemedAt
      timeSlotId
      productName
      productNameZh
      ticketTypeName
      ticketTypeNameZh
      startsAt
      endsAt
    }
  }
`);

/** Venue staff redeem a ticket by typing its code, or by scanning its QR code where the browser can read one. */
export function TicketRedemptionSection() {
  const { t, pick, lang } = useI18n();
  const redeem = useMutation(RedeemTicket);
  const [code, setCode] = useState('');
  const [done, setDone] = useState<RedeemTicketMutation['redeemTicket'][]>([]);
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const send = async (value: string) => {
    const result = await redeem.run({ code: value.trim() });
    if (result) {
      setDone((list) => [result.redeemTicket, ...list].slice(0, 10));
      setCode('');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(code);
  };
  return (
    <div className="grid-2">
      <form className="form card" onSubmit={submit} aria-labelledby="redeem-title">
        <h2 id="redeem-title">{t('tickets.title')}</h2>
        <label>
          {t('tickets.code')}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
            maxLength={300}
            autoComplete="off"
            autoCapitalize="characters"
          />
        </label>
        {redeem.error && <ErrorMessage error={redeem.error} />}
        <SubmitOrScan label={t('tickets.redeem')} pending={redeem.pending} onCode={(value) => void send(value)} />
      </form>
      <section aria-labelledby="redeemed-title">
        <h2 id="redeemed-title">{t('tickets.redeemedNow')}</h2>
        <div role="status" aria-live="polite">
          {done.length === 0 ? (
            <p className="state state-empty">{t('tickets.noneYet')}</p>
          ) : (
            <ul className="list">
              {done.map((ticket) => (
                <li key={ticket.code} className="card" data-testid="redeemed-ticket">
                  <p className="code">{ticket.code}</p>
                  {/* What the ticket admits to, so staff can check it against the guest at the door. */}
                  <p>
                    <strong data-testid="redeemed-product">{pick(ticket.productNameZh, ticket.productName)}</strong>
                  </p>
                  <p data-testid="redeemed-slot">
                    {t('tickets.slot', {
                      date: day.format(new Date(ticket.startsAt)),
                      from: clock.format(new Date(ticket.startsAt)),
                      until: clock.format(new Date(ticket.endsAt)),
                    })}
                  </p>
                  <p data-testid="redeemed-type">
                    {t('tickets.type', { type: pick(ticket.ticketTypeNameZh, ticket.ticketTypeName) })}
                  </p>
                  <p className="success">
                    {t('tickets.redeemedAt', { time: time.format(new Date(ticket.redeemedAt!)) })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}
