import { EventLoopUtilization } from 'node:perf_hooks';
import { compactHeapOnceQuiet } from './compact-after-start';

/** An event loop whose next windows are as busy as `busy` says, one number per window. */
function scriptedLoop(busy: number[]): (previous?: EventLoopUtilization) => EventLoopUtilization {
  return (previous) => {
    if (!previous) return { idle: 0, active: 0, utilization: 0 };
    return { idle: 0, active: 0, utilization: busy.shift() ?? 0 };
  };
}

describe('compactHeapOnceQuiet', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs one last-resort collection once the event loop has been quiet for a window', () => {
    const gc = jest.fn() as unknown as NodeJS.GCFunction;
    const onDone = jest.fn();
    compactHeapOnceQuiet({ gc, windowMs: 1000, utilization: scriptedLoop([0.05]), onDone });
    jest.advanceTimersByTime(999);
    expect(gc).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(gc).toHaveBeenCalledTimes(1);
    expect(gc).toHaveBeenCalledWith({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    expect(onDone).toHaveBeenCalledWith(
      expect.objectContaining({ before: expect.any(Number), after: expect.any(Number) }),
    );
    jest.advanceTimersByTime(60_000);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it('waits while the process is busy serving, and collects in the first quiet window', () => {
    const gc = jest.fn() as unknown as NodeJS.GCFunction;
    compactHeapOnceQuiet({ gc, windowMs: 500, quietBelow: 0.2, utilization: scriptedLoop([0.9, 0.5, 0.2, 0.1]) });
    jest.advanceTimersByTime(1500);
    expect(gc).not.toHaveBeenCalled();
    jest.advanceTimersByTime(500);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it('gives up on a process busy from its start, and says so', () => {
    const gc = jest.fn() as unknown as NodeJS.GCFunction;
    const onDone = jest.fn();
    compactHeapOnceQuiet({ gc, windowMs: 100, maxWindows: 3, utilization: scriptedLoop([1, 1, 1, 0]), onDone });
    jest.advanceTimersByTime(10_000);
    expect(gc).not.toHaveBeenCalled();
    expect(onDone).toHaveBeenCalledWith(null);
  });

  it('does nothing without --expose-gc, and a cancelled compaction never runs', () => {
    expect(() => compactHeapOnceQuiet({ gc: undefined })()).not.toThrow();
    const gc = jest.fn() as unknown as NodeJS.GCFunction;
    const cancel = compactHeapOnceQuiet({ gc, windowMs: 100, utilization: scriptedLoop([0]) });
    cancel();
    jest.advanceTimersByTime(1000);
    expect(gc).not.toHaveBeenCalled();
  });
});
