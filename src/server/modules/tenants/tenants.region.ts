import type { Executor } from '../../db/db.ts';
import type { Clock } from '../../lib/clock.ts';
import { regionDate } from '../../../shared/region-time.ts';
import { tenantsRepo } from './tenants.repo.ts';

/** Region codes by tenant, per database: a tenant's Kemendagri code never changes once it exists. */
const codesByDb = new WeakMap<object, Map<string, string>>();

/**
 * The tenant's Kemendagri region code (its zone: WIB/WITA/WIT), cached per root `db`; inside a
 * transaction pass it as `via` so the lookup does not wait for another connection.
 */
export async function regionCodeOf(db: Executor, tenantId: string, via: Executor = db): Promise<string> {
  let codes = codesByDb.get(db);
  if (!codes) codesByDb.set(db, (codes = new Map()));
  const hit = codes.get(tenantId);
  if (hit) return hit;
  const { regionCode } = await tenantsRepo.findTenant(via, tenantId);
  if (codes.size > 10_000) codes.clear();
  codes.set(tenantId, regionCode);
  return regionCode;
}

/**
 * Today in the tenant's region, 'YYYY-MM-DD': at 2026-12-31T18:00Z it is already 1 January in a
 * WIB region. Every rule about a day (registration close, survey period, holders "today") and every
 * date a user sees on a document uses this, never the UTC day.
 */
export async function regionToday(deps: { db: Executor; clock: Clock }, tenantId: string, via?: Executor): Promise<string> {
  return regionDate(deps.clock.now(), await regionCodeOf(deps.db, tenantId, via));
}
