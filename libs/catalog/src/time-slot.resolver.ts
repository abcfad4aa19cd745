import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@chedun/identity';
import { toTimeSlot } from './catalog.mappers';
import { AddTimeSlotInput, AddWeeklyTimeSlotsInput, ChangeTimeSlotCapacityInput, TimeSlot } from './catalog.types';
import { TimeSlotStatus } from './product.entity';
import { TimeSlotService } from './time-slot.service';

@Resolver(() => TimeSlot)
export class TimeSlotResolver {
  constructor(private readonly slots: TimeSlotService) {}

  @Mutation(() => TimeSlot)
  async addTimeSlot(@CurrentActor() actor: Actor, @Args('input') input: AddTimeSlotInput): Promise<TimeSlot> {
    return toTimeSlot(await this.slots.add(actor, input));
  }

  @Mutation(() => [TimeSlot], {
    description: 'Adds a weekly pattern of slots; slots that already exist are left as they are.',
  })
  async addWeeklyTimeSlots(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddWeeklyTimeSlotsInput,
  ): Promise<TimeSlot[]> {
    return (await this.slots.addWeekly(actor, input)).map(toTimeSlot);
  }

  @Mutation(() => TimeSlot)
  async changeTimeSlotCapacity(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangeTimeSlotCapacityInput,
  ): Promise<TimeSlot> {
    return toTimeSlot(await this.slots.changeCapacity(actor, input));
  }

  @Mutation(() => TimeSlot, {
    description: 'OPEN ↔ CLOSED; CANCELLED is final and flags the slot for its ticket holders.',
  })
  async setTimeSlotStatus(
    @CurrentActor() actor: Actor,
    @Args('timeSlotId', { type: () => ID }, new ParseUUIDPipe()) timeSlotId: string,
    @Args('status', { type: () => TimeSlotStatus }) status: TimeSlotStatus,
  ): Promise<TimeSlot> {
    return toTimeSlot(await this.slots.setStatus(actor, timeSlotId, status));
  }
}
