import type { Insertable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { TenantTable } from '../../db/schema.ts';
import { ilikeContains } from '../../db/dialect.ts';

export interface RegionFilter {
  level?: 'province' | 'regency' | 'district';
  parentCode?: string;
  q?: string;
}

/** Tenants and the Kemendagri region reference: the documented cross-tenant exceptions (global, not per tenant). */
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
  /** A tenant by its Kemendagri region code (unique across tenants). */
  findTenantByRegion(db: Executor, regionCode: string) {
    return db.selectFrom('tenants').select('id').where('regionCode', '=', regionCode).executeTakeFirst();
  },
  async insertTenant(db: Executor, row: Insertable<TenantTable>) {
    await db.insertInto('tenants').values(row).execute();
  },
  findRegion(db: Executor, code: string) {
    return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  },
  /** The regions one level below `parentCode` (a regency's kecamatan), by code. */
  childRegions(db: Executor, parentCode: string) {
    return db.selectFrom('regions').selectAll().where('parentCode', '=', parentCode).orderBy('code').execute();
  },
  listRegions(db: Executor, filter: RegionFilter) {
    let q = db.selectFrom('regions').selectAll();
    if (filter.level) q = q.where('level', '=', filter.level);
    if (filter.parentCode) q = q.where('parentCode', '=', filter.parentCode);
    if (filter.q) q = q.where(ilikeContains('name', filter.q));
    return q.orderBy('code').limit(500).execute();
  },
};
