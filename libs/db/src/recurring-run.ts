import { Logger } from '@nestjs/common';

/**
 * The timer of a background job: runs it every `seconds` (unref'd, so it never keeps a process alive), skips a tick
 * while the previous run is still going, logs a failure instead of letting it escape, and on `stop` waits for the
 * run in flight, scheduled or called by hand through `track`. One copy of what every job needs around its work.
 */
export class RecurringRun {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<unknown> | null = null;

  constructor(
    private readonly logger: Logger,
    /** Said in the log when a run fails, e.g. "Refund tasks". */
    private readonly what: string,
  ) {}

  /** Starts the timer; 0 seconds means the job never runs on its own (it can still be called). */
  start(seconds: number, run: () => Promise<unknown>): void {
    if (seconds <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.inFlight) return;
      this.track(run()).catch((error: unknown) => this.logger.error({ err: error }, `${this.what} failed`));
    }, seconds * 1000);
    this.timer.unref();
  }

  /** Remembers a run (scheduled or called by hand) so that `stop` waits for it; returns the same promise. */
  track<T>(run: Promise<T>): Promise<T> {
    const tracked = run.finally(() => {
      if (this.inFlight === tracked) this.inFlight = null;
    });
    this.inFlight = tracked;
    return tracked;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight?.catch(() => undefined);
  }
}
