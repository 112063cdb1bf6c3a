import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/db.ts';

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
  await db
    .deleteFrom('loginThrottle')
    .where('lastAttemptAt', '<', new Date(now.getTime() - FORGET_AFTER_MS).toISOString())
    .where((eb) => eb.or([eb('nextAllowedAt', 'is', null), eb('nextAllowedAt', '<=', nowIso)]))
    .execute();
  // The next wait depends on the new count, which only the database knows inside the statement:
  // a CASE over the counts up to the one where the wait reaches its maximum.
  const steps: Array<[number, string | null]> = [];
  for (let f = 1; f <= config.loginMaxFailures + 31; f++) {
    steps.push([f, at(f)]);
    if (delayAfter(f, config) >= config.loginMaxDelayMinutes * 60_000) break;
  }
  const last = steps[steps.length - 1];
  const nextAllowed = steps.length === 1 ? sql<string | null>`${last[1]}` : sql<string | null>`case ${sql.join(
    steps.slice(0, -1).map(([f, t]) => sql`when login_throttle.failures + 1 = ${f} then ${t}`),
    sql` `,
  )} else ${last[1]} end`;
  const row = await db
    .insertInto('loginThrottle')
    .values({ usernameKey: key, ip: addr, failures: 1, nextAllowedAt: at(1), lastAttemptAt: nowIso })
    .onConflict((oc) =>
      oc
        .columns(['usernameKey', 'ip'])
        .doUpdateSet({ failures: sql<number>`login_throttle.failures + 1`, nextAllowedAt: nextAllowed, lastAttemptAt: nowIso })
        .where(sql<boolean>`login_throttle.next_allowed_at is null or login_throttle.next_allowed_at <= ${nowIso}`),
    )
    .returning('failures')
    .executeTakeFirst();
  if (row) return { allowed: true };
  const current = await db.selectFrom('loginThrottle').select('nextAllowedAt').where('usernameKey', '=', key).where('ip', '=', addr).executeTakeFirst();
  const waitMs = current?.nextAllowedAt ? Date.parse(current.nextAllowedAt) - now.getTime() : 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** A successful sign-in forgets the failures from that address. */
export async function forgetAttempts(db: Executor, username: string, ip: string | null) {
  await db.deleteFrom('loginThrottle').where('usernameKey', '=', usernameKey(username)).where('ip', '=', ip ?? '').execute();
}
