import type { Executor } from '../../db/db.ts';
import { ilikeContains } from '../../db/dialect.ts';

export interface RegionFilter {
  level?: 'province' | 'regency' | 'district';
  parentCode?: string;
  q?: string;
}

/** Tenants and the Kemendagri region reference (global, not per tenant). */
export const tenantsRepo = {
  listTenants(db: Executor) {
    return db.selectFrom('tenants').selectAll().orderBy('regionCode').execute();
  },
  findTenant(db: Executor, tenantId: string) {
    return db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirstOrThrow();
  },
  async countRows(db: Executor, tenantId: string, table: 'units' | 'people' | 'users') {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenantId', '=', tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  listRegions(db: Executor, filter: RegionFilter) {
    let q = db.selectFrom('regions').selectAll();
    if (filter.level) q = q.where('level', '=', filter.level);
    if (filter.parentCode) q = q.where('parentCode', '=', filter.parentCode);
    if (filter.q) q = q.where(ilikeContains('name', filter.q));
    return q.orderBy('code').limit(500).execute();
  },
};
