/**
 * A map of a real place (a venue, a filming location), as the web app and emails link it: one address scheme, so a
 * ticket's venue and a film's locations open the same map.
 */
export function mapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}
