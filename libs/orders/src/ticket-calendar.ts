/** One experience booked: what a calendar entry shows of it. */
export interface CalendarBooking {
  /** Stable across downloads, so a calendar updates the entry instead of adding another. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  description: string;
  url: string | null;
}

const ZONE = 'Asia/Shanghai';
/** China has kept UTC+8 without daylight saving since 1991: one STANDARD rule describes the zone. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: content lines longer than 75 octets are folded with CRLF and one space. Counted in UTF-8 octets,
 * never splitting a character (a Chinese character is three octets; an emoji, a surrogate pair, four).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with the folding space, which counts toward their 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date-time in Asia/Shanghai, for DTSTART;TZID=Asia/Shanghai. */
function shanghaiLocal(date: Date): string {
  const d = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function utc(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** An iCalendar file (RFC 5545) with one event per booking, in Asia/Shanghai time; CRLF line ends, folded lines. */
export function ticketCalendar(bookings: readonly CalendarBooking[], stampedAt: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Chedun Market//Tickets//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE,
  ];
  for (const b of bookings) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(b.uid)}`,
      `DTSTAMP:${utc(stampedAt)}`,
      `DTSTART;TZID=${ZONE}:${shanghaiLocal(b.startsAt)}`,
      `DTEND;TZID=${ZONE}:${shanghaiLocal(b.endsAt)}`,
      `SUMMARY:${escapeText(b.title)}`,
      ...(b.location ? [`LOCATION:${escapeText(b.location)}`] : []),
      ...(b.latitude !== null && b.longitude !== null
        ? [`GEO:${b.latitude.toFixed(6)};${b.longitude.toFixed(6)}`]
        : []),
      `DESCRIPTION:${escapeText(b.description)}`,
      ...(b.url ? [`URL:${b.url}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
