/** The platform's timers and monotonic clock as a `Scheduler` (looked up at each call, so test clocks apply). */
import type { Scheduler } from './types';

export function timerScheduler(): Scheduler {
  return {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
    now: () => globalThis.performance.now(),
  };
}
