import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { VenuePlace, VenueService } from '@chedun/catalog';
import { Actor, CurrentActor } from '@chedun/identity';
import DataLoader from 'dataloader';
import { Ticket, TicketVenue } from './orders.types';
import { mapUrl } from '@chedun/kernel';
import { TicketCalendarService } from './ticket-calendar.service';

type TicketContext = { ticketVenues?: DataLoader<string, VenuePlace | null> };

@Resolver(() => Ticket)
export class TicketResolver {
  constructor(
    private readonly venues: VenueService,
    private readonly calendars: TicketCalendarService,
  ) {}

  @ResolveField(() => TicketVenue, {
    nullable: true,
    description: 'Where the ticket admits; null only if the venue is gone.',
  })
  async venue(@Parent() ticket: Ticket, @Context() ctx: TicketContext): Promise<TicketVenue | null> {
    // One query per request however many tickets the page shows.
    ctx.ticketVenues ??= new DataLoader(async (ids: readonly string[]) => {
      const places = new Map((await this.venues.placesOf(ids)).map((v) => [v.id, v]));
      return ids.map((id) => places.get(id) ?? null);
    });
    const place = await ctx.ticketVenues.load(ticket.venueId);
    return place ? { ...place, mapUrl: mapUrl(place.latitude, place.longitude) } : null;
  }

  @Query(() => String, {
    description:
      "The buyer's add-to-calendar file for the order's tickets still valid: iCalendar (RFC 5545, text/calendar), times in Asia/Shanghai.",
  })
  orderCalendar(
    @CurrentActor() actor: Actor,
    @Args('orderId', { type: () => ID }, new ParseUUIDPipe()) orderId: string,
  ): Promise<string> {
    return this.calendars.ofOrder(actor, orderId);
  }
}
