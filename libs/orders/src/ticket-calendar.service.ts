import { Injectable } from '@nestjs/common';
import { VenuePlace, VenueService } from '@chedun/catalog';
import { Actor } from '@chedun/identity';
import { Clock, mapUrl } from '@chedun/kernel';
import { OrderQueryService } from './order-query.service';
import { CalendarBooking, ticketCalendar } from './ticket-calendar';

/** The buyer's add-to-calendar file: one event per experience line that still admits someone. */
@Injectable()
export class TicketCalendarService {
  constructor(
    private readonly queries: OrderQueryService,
    private readonly venues: VenueService,
    private readonly clock: Clock,
  ) {}

  async ofOrder(actor: Actor, orderId: string): Promise<string> {
    const view = await this.queries.buyerOrder(actor, orderId);
    const places = new Map(
      (await this.venues.placesOf(view.lines.flatMap((l) => (l.venueId ? [l.venueId] : [])))).map((v) => [v.id, v]),
    );
    const bookings: CalendarBooking[] = [];
    for (const line of view.lines) {
      if (line.kind !== 'EXPERIENCE' || !line.slotStartsAt || !line.slotEndsAt) continue;
      const valid = view.tickets.filter((t) => t.orderLineId === line.id && t.voidedAt === null);
      if (valid.length === 0) continue;
      const venue = line.venueId ? (places.get(line.venueId) ?? null) : null;
      bookings.push({
        uid: `${line.id}@chedun.market`,
        title: `${line.productName}${line.ticketTypeName ? ` (${line.ticketTypeName})` : ''} × ${valid.length}`,
        startsAt: line.slotStartsAt,
        endsAt: line.slotEndsAt,
        location: venue ? placeText(venue) : null,
        latitude: venue?.latitude ?? null,
        longitude: venue?.longitude ?? null,
        description: ['门票 / Tickets:', ...valid.map((t) => t.code)].join('\n'),
        url: venue ? mapUrl(venue.latitude, venue.longitude) : null,
      });
    }
    return ticketCalendar(bookings, this.clock.now());
  }
}

/** The venue in both languages, as a calendar's location line. */
export function placeText(venue: VenuePlace): string {
  const names = [venue.nameZh, venue.name].filter((n): n is string => !!n);
  const addresses = [venue.addressZh, venue.address].filter((a): a is string => !!a);
  return [...new Set(names)].join(' ') + (addresses.length > 0 ? `, ${[...new Set(addresses)].join(' / ')}` : '');
}
