import { Clock, SettableClock } from '@chedun/kernel';

/**
 * The system clock, which the demo seed may pin to past instants while it replays months of sales through the real
 * services (before the server listens, so no request sees the pinned time).
 */
export class DemoClock extends Clock {
  private pinned: Date | null = null;

  now(): Date {
    return this.pinned ? new Date(this.pinned) : new Date();
  }

  pin(at: Date | null): void {
    this.pinned = at ? new Date(at) : null;
  }
}

/** Whether the demo seed can move this clock: the demo's own, or a test's. */
export function isMovable(clock: Clock): boolean {
  return clock instanceof DemoClock || clock instanceof SettableClock;
}

/** Runs `work` with the clock at `at` and puts it back after; at the current time when the clock cannot move. */
export async function atInstant<T>(clock: Clock, at: Date, work: () => Promise<T>): Promise<T> {
  if (clock instanceof DemoClock) {
    clock.pin(at);
    try {
      return await work();
    } finally {
      clock.pin(null);
    }
  }
  if (clock instanceof SettableClock) {
    const before = clock.now();
    clock.set(at);
    try {
      return await work();
    } finally {
      clock.set(before);
    }
  }
  return work();
}
