/** Injected so services and tests control time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const isoNow = (clock: Clock): string => clock.now().toISOString();
// No UTC today here: a day a user sees or a rule counts is the region's day (regionToday in
// modules/tenants/tenants.region.ts, regionDate in shared/region-time.ts).
