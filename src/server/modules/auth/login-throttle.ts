import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/db.ts';
import { authRepo } from './auth.repo.ts';

/**
 * Progressive sign-in delay per (username as typed, address), instead of a hard lock per
 * account: a flood of wrong passwords from one address cannot lock the real user out from
 * another, and unknown usernames are throttled exactly like known ones (no username oracle).
 *
 * Each attempt is counted BEFORE the password is checked, in one atomic statement (upsert with
 * a conditional update), so parallel attempts cannot all slip through the free allowance:
 * the first `loginMaxFailures` attempts are checked; the attempt that uses the last one already
 * sets the wait for the next, which doubles with every further counted attempt up to
 * `loginMaxDelayMinutes`. A successful sign-in forgets the counter. Failures older than a day
 * are forgotten as well.
 */
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const FORGET_AFTER_MS = 24 * 3600_000;

export const usernameKey = (username: string) => username.trim().toLowerCase();

/** Wait (ms) set after `failures` counted attempts; 0 while attempts are free. */
export function delayAfter(failures: number, cfg: Pick<Deps['config'], 'loginMaxFailures' | 'loginDelaySeconds' | 'loginMaxDelayMinutes'>): number {
  if (failures < cfg.loginMaxFailures) return 0;
  const max = cfg.loginMaxDelayMinutes * 60_000;
  return Math.min(max, cfg.loginDelaySeconds * 1000 * 2 ** Math.min(30, failures - cfg.loginMaxFailures));
}

export async function reserveAttempt(deps: Deps, username: string, ip: string | null): Promise<ThrottleDecision> {
  const { db, clock, config } = deps;
  const key = usernameKey(username);
  const addr = ip ?? '';
  const now = clock.now();
  const nowIso = now.toISOString();
  const at = (failures: number) => {
    const ms = delayAfter(failures, config);
    return ms ? new Date(now.getTime() + ms).toISOString() : null;
  };
  // Forget attempts older than a day, for every username (bounded table; indexed on last_attempt_at).
  await authRepo.forgetStaleAttempts(db, new Date(now.getTime() - FORGET_AFTER_MS).toISOString(), nowIso);
  // The wait set by each count, up to the one where the wait reaches its maximum.
  const steps: Array<[number, string | null]> = [];
  for (let f = 1; f <= config.loginMaxFailures + 31; f++) {
    steps.push([f, at(f)]);
    if (delayAfter(f, config) >= config.loginMaxDelayMinutes * 60_000) break;
  }
  if (await authRepo.countAttempt(db, key, addr, steps, nowIso)) return { allowed: true };
  const current = await authRepo.nextAllowedAt(db, key, addr);
  const waitMs = current?.nextAllowedAt ? Date.parse(current.nextAllowedAt) - now.getTime() : 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** A successful sign-in forgets the failures from that address. */
export async function forgetAttempts(db: Executor, username: string, ip: string | null) {
  await authRepo.forgetAttempts(db, usernameKey(username), ip ?? '');
}
