import { performance, EventLoopUtilization } from 'node:perf_hooks';

/**
 * A start leaves V8's young generation at its largest (the start allocates fast and much of it survives, so V8
 * grows it to `--max-semi-space-size`), and the old generation holding the start's garbage: about 30 MB of the idle
 * process's RSS that V8 only gives back under memory pressure (#18). One "last resort" collection, the one V8 runs
 * when memory runs out, shrinks the young generation to its minimum and compacts the old one; it grows back as the
 * load needs. It stops the process for about 0.1 s, so it runs once, when the event loop has been quiet for a
 * while, not while the first requests are served.
 *
 * Needs `--expose-gc` (the production start's flags); without it, for instance under `npm start`, nothing happens.
 */
export interface CompactionOptions {
  /** Node's `gc`, exposed by `--expose-gc`. */
  gc: NodeJS.GCFunction | undefined;
  /** How long the event loop is watched before each decision. */
  windowMs?: number;
  /** The share of a window the event loop may be busy and still count as quiet. */
  quietBelow?: number;
  /** Windows watched before giving up (a process busy from its start never needs the compaction). */
  maxWindows?: number;
  /** The event loop's utilization since `previous` (perf_hooks'); a parameter so the spec can script it. */
  utilization?: (previous?: EventLoopUtilization) => EventLoopUtilization;
  /** Told what the compaction gave back; `null` when it did not run. */
  onDone?: (result: { before: number; after: number; tookMs: number } | null) => void;
}

/** Schedules the compaction; returns a function that cancels it (the app's shutdown calls it). */
export function compactHeapOnceQuiet(options: CompactionOptions): () => void {
  const { gc } = options;
  if (!gc) return () => undefined;
  const windowMs = options.windowMs ?? 1000;
  const quietBelow = options.quietBelow ?? 0.2;
  const maxWindows = options.maxWindows ?? 60;
  const utilization = options.utilization ?? ((previous) => performance.eventLoopUtilization(previous));
  let timer: NodeJS.Timeout | undefined;
  let windows = 0;
  let mark = utilization();

  const decide = (): void => {
    windows += 1;
    const busy = utilization(mark).utilization;
    if (busy >= quietBelow) {
      if (windows >= maxWindows) {
        options.onDone?.(null);
        return;
      }
      mark = utilization();
      timer = setTimeout(decide, windowMs).unref();
      return;
    }
    const before = process.memoryUsage.rss();
    const started = performance.now();
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    options.onDone?.({ before, after: process.memoryUsage.rss(), tookMs: performance.now() - started });
  };
  timer = setTimeout(decide, windowMs).unref();
  return () => clearTimeout(timer);
}
