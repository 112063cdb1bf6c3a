import { sql, type Insertable, type Updateable } from 'kysely';
import type { DialectName, Executor } from '../../db/db.ts';
import type { InnovationInnovatorTable, InnovationReplicationTable, InnovationTable } from '../../db/schema.ts';
import { ilikeContains } from '../../db/dialect.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import type { InnovationListQuery } from '../../../shared/schemas/innovation.ts';
import { searchPage } from './innovation.search.ts';
import { reviewLogOf } from '../../workflow/state-machine.ts';

/** Inovasi Daerah data access; every function takes tenantId explicitly. */
export const innovationRepo = {
  find(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('innovations').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  /** Whether the innovation exists and its unit (evidence access). */
  async unitOf(db: Executor, tenantId: string, id: string) {
    const r = await db.selectFrom('innovations').select('unitId').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },
  async insert(db: Executor, row: Insertable<InnovationTable>) {
    await db.insertInto('innovations').values(row).execute();
  },
  async update(db: Executor, tenantId: string, id: string, set: Updateable<InnovationTable>) {
    await db.updateTable('innovations').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  innovators(db: Executor, tenantId: string, innovationId: string) {
    return db
      .selectFrom('innovationInnovators as ii')
      .leftJoin('people as p', (j) => j.onRef('p.tenantId', '=', 'ii.tenantId').onRef('p.id', '=', 'ii.personId'))
      .select(['ii.id', 'ii.personId', 'ii.externalName', 'ii.role', 'ii.position', 'p.name as personName', 'p.nip as nip'])
      .where('ii.tenantId', '=', tenantId)
      .where('ii.innovationId', '=', innovationId)
      .orderBy('ii.position')
      .execute();
  },
  /** The innovation's workflow timeline, from the shared review log. */
  reviews(db: Executor, tenantId: string, innovationId: string) {
    return reviewLogOf(db, tenantId, 'innovation', innovationId);
  },
  /** Steps of the record's life that are not workflow transitions: recorded, imported, lifecycle changes (from the audit log). */
  lifeEvents(db: Executor, tenantId: string, innovationId: string) {
    return db
      .selectFrom('auditLog')
      .select(['id', 'action', 'actorName', 'at', 'changes'])
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', 'innovation')
      .where('entityId', '=', innovationId)
      .where('action', 'in', ['create', 'import', 'lifecycle'])
      .orderBy('at')
      .orderBy('id')
      .execute();
  },
  replicationOf(db: Executor, tenantId: string, innovationId: string) {
    return db.selectFrom('innovationReplications').selectAll().where('tenantId', '=', tenantId).where('innovationId', '=', innovationId).executeTakeFirst();
  },
  replicatedBy(db: Executor, originTenantId: string, originInnovationId: string) {
    return db
      .selectFrom('innovationReplications as r')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'r.tenantId').onRef('i.id', '=', 'r.innovationId'))
      .innerJoin('tenants as t', 't.id', 'r.tenantId')
      .select(['r.id', 'r.tenantId', 'r.innovationId', 'r.confirmedAt', 'i.title', 'i.status', 't.name as tenantName', 't.regionCode'])
      .where('r.originTenantId', '=', originTenantId)
      .where('r.originInnovationId', '=', originInnovationId)
      .orderBy('r.createdAt')
      .execute();
  },

  /** Replication origin check (documented cross-tenant exception): the origin may be in any region; the caller shows only a published one. */
  findAnyRegion(db: Executor, id: string) {
    return db.selectFrom('innovations').select(['tenantId', 'status']).where('id', '=', id).executeTakeFirst();
  },
  /** Title and region of a replication's origin (another region's record, named on the detail page). */
  originOf(db: Executor, originTenantId: string, originInnovationId: string) {
    return db
      .selectFrom('innovations as i')
      .innerJoin('tenants as t', 't.id', 'i.tenantId')
      .select(['i.title', 't.name as tenantName', 't.regionCode'])
      .where('i.tenantId', '=', originTenantId)
      .where('i.id', '=', originInnovationId)
      .executeTakeFirst();
  },
  /** How many regions confirmed that they replicated this innovation (IID indicator 31). */
  async confirmedReplications(db: Executor, originTenantId: string, originInnovationId: string) {
    const r = await db
      .selectFrom('innovationReplications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('originTenantId', '=', originTenantId)
      .where('originInnovationId', '=', originInnovationId)
      .where('confirmedAt', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** A replication (kept by the replicating region) that names `originTenantId` as its origin. */
  findReplicationOfOrigin(db: Executor, originTenantId: string, replicationId: string) {
    return db.selectFrom('innovationReplications').selectAll().where('originTenantId', '=', originTenantId).where('id', '=', replicationId).executeTakeFirst();
  },
  async insertReplication(db: Executor, row: Insertable<InnovationReplicationTable>) {
    await db.insertInto('innovationReplications').values(row).execute();
  },
  async deleteReplication(db: Executor, tenantId: string, id: string) {
    await db.deleteFrom('innovationReplications').where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  async confirmReplication(db: Executor, tenantId: string, id: string, confirmedAt: string, confirmedBy: string) {
    await db.updateTable('innovationReplications').set({ confirmedAt, confirmedBy }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** The innovations the index scores: applied (penerapan) inside the window, verified or published, not retired. */
  scoredForIid(db: Executor, tenantId: string, window: { from: string; to: string }) {
    return db
      .selectFrom('innovations')
      .select(['id', 'title', 'urusanMain', 'urusanOther', 'appliedOn', 'status'])
      .where('tenantId', '=', tenantId)
      .where('stage', '=', 'penerapan')
      .where('appliedOn', '>=', window.from)
      .where('appliedOn', '<=', window.to)
      .where('status', 'in', ['verified', 'published'])
      .where('lifecycle', '!=', 'retired')
      .orderBy('title')
      .execute();
  },
  /** Active units by name (the Excel template's unit list and import lookup). */
  activeUnits(db: Executor, tenantId: string) {
    return db.selectFrom('units').select(['id', 'name', 'shortName']).where('tenantId', '=', tenantId).where('isActive', '=', 1).orderBy('name').execute();
  },
  /** Every record's id and title (the import's same-title check). */
  titles(db: Executor, tenantId: string) {
    return db.selectFrom('innovations').select(['id', 'title']).where('tenantId', '=', tenantId).execute();
  },
  findUnit(db: Executor, tenantId: string, unitId: string) {
    return db.selectFrom('units').select(['id', 'name']).where('tenantId', '=', tenantId).where('id', '=', unitId).executeTakeFirst();
  },
  async personExists(db: Executor, tenantId: string, personId: string) {
    return !!(await db.selectFrom('people').select('id').where('tenantId', '=', tenantId).where('id', '=', personId).executeTakeFirst());
  },
  async deleteInnovators(db: Executor, tenantId: string, innovationId: string) {
    await db.deleteFrom('innovationInnovators').where('tenantId', '=', tenantId).where('innovationId', '=', innovationId).execute();
  },
  async insertInnovator(db: Executor, row: Insertable<InnovationInnovatorTable>) {
    await db.insertInto('innovationInnovators').values(row).execute();
  },

  /**
   * The internal list: filters, then either the search hits (relevance first unless a column
   * was asked for, see innovation.search.ts) or one page in the chosen column's order.
   */
  async list(db: Executor, dialect: DialectName, tenantId: string, q: InnovationListQuery) {
    let query = db
      .selectFrom('innovations as i')
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .where('i.tenantId', '=', tenantId);
    if (q.year) query = query.where('i.year', '=', q.year);
    if (q.stage) query = query.where('i.stage', '=', q.stage);
    if (q.type) query = query.where('i.type', '=', q.type);
    if (q.status) query = query.where('i.status', '=', q.status);
    if (q.unitId) query = query.where('i.unitId', '=', q.unitId);
    if (q.lifecycle) query = query.where('i.lifecycle', '=', q.lifecycle);
    if (q.digital) query = query.where('i.isDigital', '=', q.digital === 'true' ? 1 : 0);
    if (q.urusan) {
      const u = q.urusan;
      query = query.where((eb) => eb.or([eb('i.urusanMain', '=', u), ilikeContains('i.urusanOther', `"${u}"`)]));
    }
    if (q.q !== undefined && q.q.trim()) {
      const withUnit = (ids: string[]) => query.where('i.id', 'in', ids);
      // Relevance first when searching and no column was asked for; else the hits in the column's order.
      const sortIds = q.sort
        ? async (ids: string[]) => (await orderByList(withUnit(ids).select('i.id'), q.sort!, INNOVATION_SORT, 'i.id', dialect).execute()).map((r) => r.id)
        : undefined;
      const res = await searchPage(
        db,
        dialect,
        q.q,
        { tenantId },
        async (ids) => (await withUnit(ids).select('i.id').execute()).map((r) => r.id),
        (ids) => withUnit(ids).selectAll('i').select(['u.name as unitName']).execute(),
        (q.page - 1) * q.pageSize,
        q.pageSize,
        sortIds,
      );
      return { items: res.rows, total: res.total, totalCapped: res.totalCapped, suggestions: res.suggestions };
    }
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = orderByList(query.selectAll('i').select(['u.name as unitName']), q.sort ?? LIST_SORTS.innovations.default, INNOVATION_SORT, 'i.id', dialect);
    const items = await pageOf(rows, q).execute();
    return { items, total: Number(total), totalCapped: false, suggestions: [] as string[] };
  },

  /**
   * Similar-innovation candidates by (tenant, id) pair, with region and unit names. Cross-tenant
   * by design (documented exception): the caller keeps other regions' records only when published.
   */
  findByKeys(db: Executor, keys: Array<{ tenantId: string; innovationId: string }>) {
    return db
      .selectFrom('innovations as i')
      .innerJoin('tenants as t', 't.id', 'i.tenantId')
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .select(['i.id', 'i.tenantId', 'i.title', 'i.status', 'i.stage', 'i.year', 't.regionCode', 't.name as tenantName', 'u.name as unitName'])
      // (tenant_id, id) pairs use the primary key; id alone would scan.
      .where((eb) => eb.or(keys.map((k) => eb.and([eb('i.tenantId', '=', k.tenantId), eb('i.id', '=', k.innovationId)]))))
      .execute();
  },

  /** The counts of the statistics page: per year (every year), and per column within `year` (all years when unset). */
  async stats(db: Executor, tenantId: string, year?: number) {
    const scoped = () => {
      let q = db.selectFrom('innovations').where('tenantId', '=', tenantId);
      if (year) q = q.where('year', '=', year);
      return q;
    };
    const perYear = await db
      .selectFrom('innovations')
      .select(['year', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tenantId', '=', tenantId)
      .groupBy('year')
      .orderBy('year')
      .execute();
    const group = async (col: 'stage' | 'type' | 'status' | 'unitId' | 'isDigital') =>
      (await scoped().select([col, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(col).execute()).map((r) => ({ key: String((r as Record<string, unknown>)[col]), n: Number(r.n) }));
    const urusanRows = await scoped().select(['urusanMain', 'urusanOther']).execute();
    const innovatorsPerYear = await db
      .selectFrom('innovationInnovators as ii')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'ii.tenantId').onRef('i.id', '=', 'ii.innovationId'))
      .select(['i.year', (eb) => eb.fn.count<number>(sql`distinct coalesce(ii.person_id, ii.external_name)`).as('n')])
      .where('ii.tenantId', '=', tenantId)
      .groupBy('i.year')
      .orderBy('i.year')
      .execute();
    const units = await db.selectFrom('units').select(['id', 'name']).where('tenantId', '=', tenantId).execute();
    const groups = {
      stage: await group('stage'),
      type: await group('type'),
      status: await group('status'),
      isDigital: await group('isDigital'),
      unitId: await group('unitId'),
    };
    return { perYear, groups, urusanRows, innovatorsPerYear, units };
  },
};

/** Sortable columns of the innovation list (LIST_SORTS.innovations). */
const INNOVATION_SORT: SortColumns<(typeof LIST_SORTS.innovations.keys)[number]> = {
  updatedAt: { column: 'i.updatedAt' },
  createdAt: { column: 'i.createdAt' },
  title: { column: 'i.title', text: true },
  unit: { column: 'u.name', text: true },
  year: { column: 'i.year' },
  stage: { column: 'i.stage' },
  status: { column: 'i.status' },
};
