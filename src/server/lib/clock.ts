/** Injected so services and tests control time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const isoNow = (clock: Clock): string => clock.now().toISOString();
// No UTC today here: a day a user sees or a rule counts is the region's day (regionToday in
// modules/tenants/tenants.region.ts, regionDate in shared/region-time.ts).

/**
 * A clock that starts at `start` when it is made and runs on from there at the pace of `base`
 * (SERASAN_CLOCK_START: a server under test or a demo living on a chosen day; never production).
 */
export function clockStartingAt(start: Date | string, base: Clock = systemClock): Clock {
  const offset = new Date(start).getTime() - base.now().getTime();
  if (Number.isNaN(offset)) throw new Error(`Invalid clock start: ${String(start)}`);
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** The process's clock: the system's, or one started at SERASAN_CLOCK_START (tests, demos). */
export function clockOf(config: { clockStart?: Date | string | null }): Clock {
  return config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
}
