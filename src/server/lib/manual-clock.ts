import type { Clock } from './clock.ts';

/** A clock that only moves when told: tests drive time (leases, backoff, schedules) with it. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(at: Date | string): void;
}

export function createManualClock(start: Date | string = '2026-12-01T01:00:00.000Z'): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
    set(at) {
      t = new Date(at).getTime();
    },
  };
}
