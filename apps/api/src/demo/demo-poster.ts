import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';

/** Poster size: square, just above the card rendition (640 px) so the card and full renditions differ, small enough to draw fast. */
const SIZE = 720;

/**
 * The CJK font the project already ships (Noto Sans Hans, SIL OFL 1.1, via @embedpdf/fonts-sc), handed to Pango by
 * file: the system's fonts differ between machines, and a machine without a CJK font would draw boxes.
 */
const FONT_FILE = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Bold.otf');
const FONT = 'Noto Sans S Chinese Bold';

export interface PosterText {
  /** The product's Chinese name, the poster's headline. */
  nameZh: string;
  name: string;
  filmTitle: string;
  filmTitleZh: string | null;
  /** The last line instead of the film's titles (a film's own key art names its year and studio there). */
  footer?: string;
}

function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A hue from the film title, so a film's products share a colour and films differ. */
function hueOf(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt16BE(0) % 360;
}

/**
 * A demo product picture, drawn at seed time (no network, no stored assets): a coloured poster with a few shapes
 * and the product's names, as a PNG to be uploaded like any merchant's photo.
 */
export async function drawPoster(text: PosterText): Promise<Buffer> {
  const hue = hueOf(text.filmTitle);
  const shape = hueOf(text.name) % 3;
  const motif = [
    `<circle cx="400" cy="250" r="160" fill="none" stroke="#fff" stroke-opacity="0.4" stroke-width="22"/>`,
    `<rect x="260" y="100" width="280" height="280" rx="28" fill="none" stroke="#fff" stroke-opacity="0.4" stroke-width="22" transform="rotate(12 400 240)"/>`,
    `<path d="M400 90 L560 390 L240 390 Z" fill="none" stroke="#fff" stroke-opacity="0.4" stroke-width="22" stroke-linejoin="round"/>`,
  ][shape];
  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 800 800">` +
      `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="hsl(${hue},55%,46%)"/><stop offset="1" stop-color="hsl(${(hue + 30) % 360},50%,26%)"/>` +
      `</linearGradient></defs>` +
      `<rect width="800" height="800" fill="url(#g)"/>${motif}` +
      `<rect x="40" y="40" width="720" height="720" fill="none" stroke="#fff" stroke-opacity="0.25" stroke-width="4"/>` +
      `</svg>`,
  );
  const film = escapeMarkup(
    text.footer ?? (text.filmTitleZh ? `《${text.filmTitleZh}》 ${text.filmTitle}` : text.filmTitle),
  );
  // Loaded here, not at start: only the demo seed draws posters (#18).
  const { default: sharp } = await import('sharp');
  const caption = await sharp({
    text: {
      text:
        `<span foreground="#ffffff" size="36pt">${escapeMarkup(text.nameZh)}</span>\n` +
        `<span foreground="#ffffffcc" size="18pt">${escapeMarkup(text.name)}</span>\n` +
        `<span foreground="#ffffffaa" size="14pt">${film}</span>`,
      font: FONT,
      fontfile: FONT_FILE,
      width: SIZE - 120,
      height: 240,
      align: 'centre',
      wrap: 'word-char',
      rgba: true,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  const left = Math.max(0, Math.round((SIZE - caption.info.width) / 2));
  const top = Math.max(0, Math.min(SIZE - caption.info.height - 60, 450));
  return sharp(background)
    .composite([{ input: caption.data, left, top }])
    .png()
    .toBuffer();
}
