import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n';

/** The Shape Detection API's QR reader (Chromium on Android, macOS, ChromeOS); not in TypeScript's DOM types yet. */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorConstructor | undefined {
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

/** Reads QR codes from the rear camera until one is found; stops the camera when it closes. */
function Scanner({ onCode, onClose }: { onCode(code: string): void; onClose(): void }) {
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

/**
 * The submit button of a form that takes a code (a ticket's, a pickup's), and beside it a camera scanner where the
 * browser can read QR codes; a scanned code is sent as if typed.
 */
export function SubmitOrScan({
  label,
  pending,
  onCode,
}: {
  label: string;
  pending: boolean;
  onCode(code: string): void;
}) {
  const { t } = useI18n();
  const [scanning, setScanning] = useState(false);
  const canScan = Boolean(barcodeDetector()) && Boolean(navigator.mediaDevices?.getUserMedia);
  return (
    <>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {label}
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
            onCode(value);
          }}
        />
      )}
    </>
  );
}
