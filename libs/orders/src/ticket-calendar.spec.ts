import { CalendarBooking, escapeText, foldLine, ticketCalendar } from './ticket-calendar';

/** A reader of what we write, after RFC 5545: unfold, split name;params:value, unescape TEXT. */
function parse(ics: string): { name: string; params: string; value: string }[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const colon = line.indexOf(':');
      const head = line.slice(0, colon);
      const [name, ...params] = head.split(';');
      const value = line.slice(colon + 1).replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
      return { name: name!, params: params.join(';'), value };
    });
}

const booking: CalendarBooking = {
  uid: 'line-1@chedun.market',
  title: '宝莲灯拍摄地之旅 Lotus Lantern location tour × 2 (成人 Adult)',
  // 10:00 and 12:30 in Shanghai.
  startsAt: new Date('2030-06-01T02:00:00Z'),
  endsAt: new Date('2030-06-01T04:30:00Z'),
  location: '新社牧场, Xinshe Ranch; 上海市松江区车墩镇 1 号\\Gate 2',
  latitude: 30.98,
  longitude: 121.3,
  description: 'Tickets:\nABCD-1234\nEFGH-5678',
  url: 'https://www.openstreetmap.org/?mlat=30.98&mlon=121.3#map=17/30.98/121.3',
};

describe('ticket calendar (RFC 5545)', () => {
  const ics = ticketCalendar([booking], new Date('2030-05-01T00:00:00Z'));

  it('ends every line with CRLF and folds none longer than 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('parses back to the booking: Shanghai local times with the zone, escaped text intact', () => {
    const props = parse(ics);
    const value = (name: string) => props.find((p) => p.name === name);
    expect(props[0]).toEqual({ name: 'BEGIN', params: '', value: 'VCALENDAR' });
    expect(value('VERSION')!.value).toBe('2.0');
    expect(value('TZID')!.value).toBe('Asia/Shanghai');
    const start = props.find((p) => p.name === 'DTSTART' && p.params === 'TZID=Asia/Shanghai');
    expect(start!.value).toBe('20300601T100000');
    expect(props.find((p) => p.name === 'DTEND')).toEqual({
      name: 'DTEND',
      params: 'TZID=Asia/Shanghai',
      value: '20300601T123000',
    });
    expect(value('DTSTAMP')!.value).toBe('20300501T000000Z');
    expect(value('SUMMARY')!.value).toBe(booking.title);
    expect(value('LOCATION')!.value).toBe(booking.location);
    expect(value('DESCRIPTION')!.value).toBe(booking.description);
    expect(value('GEO')!.value).toBe('30.980000;121.300000');
    expect(value('UID')!.value).toBe('line-1@chedun.market');
    expect(props.filter((p) => p.name === 'BEGIN').map((p) => p.value)).toEqual([
      'VCALENDAR',
      'VTIMEZONE',
      'STANDARD',
      'VEVENT',
    ]);
    expect(props[props.length - 1]).toEqual({ name: 'END', params: '', value: 'VCALENDAR' });
  });

  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds by octets without splitting a character', () => {
    const line = `SUMMARY:${'灯'.repeat(40)}😀${'x'.repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const p of physical) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      expect(p).not.toMatch(/\uFFFD/);
    }
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
