import { FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../components/states';
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
      ticketTypeName
      startsAt
      endsAt
    }
  }
`);

/** The Shape Detection API's QR reader (Chromium on Android, macOS, ChromeOS); not in TypeScript's DOM types yet. */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorConstructor | undefined {
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

/** Reads QR codes from the rear camera until one is found; stops the camera when it closes. */
export function Scanner({ onCode, onClose }: { onCode(code: string): void; onClose(): void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  // The latest callback, so a parent re-render does not restart the camera.
  const report = useRef(onCode);
  report.current = onCode;
  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let live = true;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (media) => {
        stream = media;
        if (!live || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        const detector = new Detector({ formats: ['qr_code'] });
        timer = setInterval(async () => {
          if (!video.current) return;
          const [found] = await detector.detect(video.current).catch(() => []);
          if (found?.rawValue && live) {
            live = false;
            report.current(found.rawValue);
          }
        }, 300);
      })
      .catch(() => setFailed(true));
    return () => {
      live = false;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return (
    <div className="scanner">
      {failed ? (
        <p className="state state-error">{t('tickets.cameraFailed')}</p>
      ) : (
        <video ref={video} muted playsInline aria-label={t('tickets.camera')} />
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {t('action.cancel')}
      </button>
    </div>
  );
}

/** Venue staff redeem a ticket by typing its code, or by scanning its QR code where the browser can read one. */
export function TicketRedemptionSection() {
  const { t, lang } = useI18n();
  const redeem = useMutation(RedeemTicket);
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [done, setDone] = useState<RedeemTicketMutation['redeemTicket'][]>([]);
  const canScan = Boolean(barcodeDetector()) && Boolean(navigator.mediaDevices?.getUserMedia);
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
        <div className="actions">
          <button type="submit" disabled={redeem.pending}>
            {t('tickets.redeem')}
          </button>
          {canScan && !scanning && (
            <button type="button" className="secondary" onClick={() => setScanning(true)}>
              {t('tickets.scan')}
            </button>
          )}
        </div>
        {scanning && (
          <Scanner
            onClose={() => setScanning(false)}
            onCode={(value) => {
              setScanning(false);
              void send(value);
            }}
          />
        )}
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
                    <strong data-testid="redeemed-product">{ticket.productName}</strong>
                  </p>
                  <p data-testid="redeemed-slot">
                    {t('tickets.slot', {
                      date: day.format(new Date(ticket.startsAt)),
                      from: clock.format(new Date(ticket.startsAt)),
                      until: clock.format(new Date(ticket.endsAt)),
                    })}
                  </p>
                  <p data-testid="redeemed-type">{t('tickets.type', { type: ticket.ticketTypeName })}</p>
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
