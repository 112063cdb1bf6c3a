import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { DialectName, Executor } from '../../db/db.ts';
import type { SkmActionTable, SkmServiceTable, SkmSurveyTable } from '../../db/schema.ts';
import { ilikeContains } from '../../db/dialect.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import { LIST_SORTS, type SortValue } from '../../../shared/schemas/common.ts';

type SurveySortKey = (typeof LIST_SORTS.surveys.keys)[number];
export interface SurveyListFilter {
  q?: string;
  unitId?: string;
  status?: string;
  year?: number;
  sort?: SortValue<SurveySortKey>;
  page?: number;
  pageSize?: number;
}
const SURVEY_SORT: SortColumns<SurveySortKey> = {
  periodStart: { column: 's.periodStart' },
  service: { column: 'sv.name', text: true },
  unit: { column: 'u.name', text: true },
  status: { column: 's.status' },
};
const UNSUR_COLS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * SKM data access; every tenant-scoped function takes tenantId explicitly. The documented
 * cross-tenant exceptions serve the public form, which knows a survey's code (unique across
 * tenants), not its region: the survey by code, the rejection counters and the used form tokens
 * (both keyed by survey code).
 */
export const skmRepo = {
  /** The tenant of a region code (public pages name the region, not the tenant id). */
  tenantByRegion(db: Executor, regionCode: string) {
    return db.selectFrom('tenants').select(['id', 'name', 'regionCode']).where('regionCode', '=', regionCode).executeTakeFirst();
  },
  /** Every survey with answers, with its running totals, service and unit names; oldest period first. */
  surveysWithAnswers(db: Executor, tenantId: string) {
    return db
      .selectFrom('skmSurveys as s')
      .innerJoin('skmServices as sv', (j) => j.onRef('sv.tenantId', '=', 's.tenantId').onRef('sv.id', '=', 's.serviceId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.unitId'))
      .innerJoin('skmAggregates as a', (j) => j.onRef('a.tenantId', '=', 's.tenantId').onRef('a.surveyId', '=', 's.id'))
      .selectAll('a')
      .select(['s.id as surveyId', 's.serviceId', 's.unitId', 's.periodStart', 's.periodEnd', 's.activeUnsur', 's.rulebookId', 's.isDemo', 'sv.name as serviceName', 'u.name as unitName'])
      .where('s.tenantId', '=', tenantId)
      .where('a.n', '>', 0)
      .orderBy('s.periodStart')
      .execute();
  },
  /** Whether the survey exists and its unit (evidence access). */
  async unitOf(db: Executor, tenantId: string, id: string) {
    const r = await db.selectFrom('skmSurveys').select('unitId').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },

  findSurvey(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('skmSurveys').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  /** Cross-tenant: the survey of a public code. */
  surveyByCode(db: Executor, code: string) {
    return db.selectFrom('skmSurveys as s').innerJoin('tenants as t', 't.id', 's.tenantId').selectAll('s').select('t.regionCode').where('s.code', '=', code).executeTakeFirst();
  },
  /** Cross-tenant: the public form of a code, with service, unit and region names. */
  publicSurveyByCode(db: Executor, code: string) {
    return db
      .selectFrom('skmSurveys as s')
      .innerJoin('skmServices as sv', (j) => j.onRef('sv.tenantId', '=', 's.tenantId').onRef('sv.id', '=', 's.serviceId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.unitId'))
      .innerJoin('tenants as t', 't.id', 's.tenantId')
      .selectAll('s')
      .select(['sv.name as serviceName', 'u.name as unitName', 't.name as tenantName', 't.regionCode'])
      .where('s.code', '=', code)
      .executeTakeFirst();
  },
  /** Counts one rejected submission per survey code, day and reason. */
  async countRejection(db: Executor, surveyCode: string, day: string, reason: string) {
    await db
      .insertInto('skmRejections')
      .values({ surveyCode, day, reason, n: 1 })
      .onConflict((oc) => oc.columns(['surveyCode', 'day', 'reason']).doUpdateSet((eb) => ({ n: eb('skmRejections.n', '+', 1) })))
      .execute();
  },
  rejections(db: Executor, surveyCode: string) {
    return db.selectFrom('skmRejections').select(['day', 'reason', 'n']).where('surveyCode', '=', surveyCode).orderBy('day', 'desc').execute();
  },
  /** Marks a form token used (a second time is a no-op). */
  async useToken(db: Executor, nonce: string, surveyCode: string, usedAt: string) {
    await db.insertInto('skmUsedTokens').values({ nonce, surveyCode, usedAt }).onConflict((oc) => oc.column('nonce').doNothing()).execute();
  },
  aggregateOf(db: Executor, tenantId: string, surveyId: string) {
    return db.selectFrom('skmAggregates').selectAll().where('tenantId', '=', tenantId).where('surveyId', '=', surveyId).executeTakeFirst();
  },
  profileCounts(db: Executor, tenantId: string, surveyId: string) {
    return db.selectFrom('skmProfileCounts').select(['dimension', 'value', 'n']).where('tenantId', '=', tenantId).where('surveyId', '=', surveyId).execute();
  },
  findUnit(db: Executor, tenantId: string, unitId: string) {
    return db.selectFrom('units').select(['id', 'name']).where('tenantId', '=', tenantId).where('id', '=', unitId).executeTakeFirst();
  },
  async positionExists(db: Executor, tenantId: string, positionId: string) {
    return !!(await db.selectFrom('positions').select('id').where('tenantId', '=', tenantId).where('id', '=', positionId).executeTakeFirst());
  },
  findService(db: Executor, tenantId: string, unitId: string, name: string) {
    return db.selectFrom('skmServices').selectAll().where('tenantId', '=', tenantId).where('unitId', '=', unitId).where('name', '=', name).executeTakeFirst();
  },
  /**
   * The services a unit has surveyed (each once, by name), optionally those whose name contains
   * `q`; at most `limit`, alphabetical ignoring case (the same order on both databases).
   */
  serviceNames(db: Executor, tenantId: string, unitId: string, q: string | undefined, limit: number) {
    let sel = db.selectFrom('skmServices').select(['id', 'name']).where('tenantId', '=', tenantId).where('unitId', '=', unitId);
    if (q) sel = sel.where(ilikeContains('name', q));
    return sel.orderBy(sql`lower(name)`).orderBy('name').orderBy('id').limit(limit).execute();
  },
  async insertService(db: Executor, row: Insertable<SkmServiceTable>) {
    await db.insertInto('skmServices').values(row).execute();
  },
  /** A new survey with its (empty) running totals. */
  async insertSurvey(db: Executor, row: SkmSurveyTable, now: string) {
    await db.insertInto('skmSurveys').values(row).execute();
    await db.insertInto('skmAggregates').values({ tenantId: row.tenantId, surveyId: row.id, n: 0, updatedAt: now }).execute();
  },
  async updateSurvey(db: Executor, tenantId: string, id: string, set: Updateable<SkmSurveyTable>) {
    await db.updateTable('skmSurveys').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** Surveys with service, unit and response count, filtered and sorted; one page when `page` is given (with the total). */
  async listSurveys(db: Executor, dialect: DialectName, tenantId: string, f: SurveyListFilter) {
    let q = db
      .selectFrom('skmSurveys as s')
      .innerJoin('skmServices as sv', (j) => j.onRef('sv.tenantId', '=', 's.tenantId').onRef('sv.id', '=', 's.serviceId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.unitId'))
      .where('s.tenantId', '=', tenantId);
    if (f.unitId) q = q.where('s.unitId', '=', f.unitId);
    if (f.status) q = q.where('s.status', '=', f.status);
    if (f.year) q = q.where('s.periodStart', '<=', `${f.year}-12-31`).where('s.periodEnd', '>=', `${f.year}-01-01`);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([ilikeContains('sv.name', needle), ilikeContains('u.name', needle), ilikeContains('s.code', needle)]));
    }
    const total = f.page ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : null;
    const ordered = orderByList(
      q
        .leftJoin('skmAggregates as a', (j) => j.onRef('a.tenantId', '=', 's.tenantId').onRef('a.surveyId', '=', 's.id'))
        .selectAll('s')
        .select(['sv.name as serviceName', 'u.name as unitName', 'a.n as responses']),
      f.sort ?? LIST_SORTS.surveys.default,
      SURVEY_SORT,
      's.id',
      dialect,
    );
    const rows = await (f.page ? pageOf(ordered, { page: f.page, pageSize: f.pageSize ?? 25 }) : ordered).execute();
    return { rows, total };
  },
  /** Running totals of the surveys whose period overlaps [from, to], of one unit or all. */
  aggregatesInPeriod(db: Executor, tenantId: string, f: { unitId?: string; from: string; to: string }) {
    let q = db
      .selectFrom('skmSurveys as s')
      .innerJoin('skmAggregates as a', (j) => j.onRef('a.tenantId', '=', 's.tenantId').onRef('a.surveyId', '=', 's.id'))
      .selectAll('a')
      .select(['s.activeUnsur', 's.rulebookId'])
      .where('s.tenantId', '=', tenantId)
      .where('s.periodStart', '<=', f.to)
      .where('s.periodEnd', '>=', f.from);
    if (f.unitId) q = q.where('s.unitId', '=', f.unitId);
    return q.execute();
  },
  /** Surveys of a service or unit, oldest period first. */
  surveysOf(db: Executor, tenantId: string, f: { serviceId?: string; unitId?: string }) {
    let q = db.selectFrom('skmSurveys').selectAll().where('tenantId', '=', tenantId);
    if (f.serviceId) q = q.where('serviceId', '=', f.serviceId);
    if (f.unitId) q = q.where('unitId', '=', f.unitId);
    return q.orderBy('periodStart').execute();
  },
  /** Full recount from the stored answers: n, and per unsur the sum and count of answers. */
  async recount(db: Executor, tenantId: string, surveyId: string) {
    const row = await db
      .selectFrom('skmResponses')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        ...UNSUR_COLS.flatMap((i) => [eb.fn.sum<number>(`u${i}` as 'u1').as(`sU${i}`), eb.fn.count<number>(`u${i}` as 'u1').as(`cU${i}`)]),
      ])
      .where('tenantId', '=', tenantId)
      .where('surveyId', '=', surveyId)
      .executeTakeFirstOrThrow();
    return row as Record<string, unknown>;
  },
  /** Follow-up actions of a survey with the owner position's title, oldest first. */
  listActions(db: Executor, tenantId: string, surveyId: string) {
    return db
      .selectFrom('skmActions as a')
      .leftJoin('positions as p', (j) => j.onRef('p.tenantId', '=', 'a.tenantId').onRef('p.id', '=', 'a.ownerPositionId'))
      .selectAll('a')
      .select('p.title as ownerPositionTitle')
      .where('a.tenantId', '=', tenantId)
      .where('a.surveyId', '=', surveyId)
      .orderBy('a.createdAt')
      .execute();
  },
  findAction(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('skmActions').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  async insertAction(db: Executor, row: Insertable<SkmActionTable>) {
    await db.insertInto('skmActions').values(row).execute();
  },
  async updateAction(db: Executor, tenantId: string, id: string, set: Updateable<SkmActionTable>) {
    await db.updateTable('skmActions').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  /** The names a survey's documents carry: service, unit and region. */
  surveyNames(db: Executor, tenantId: string, serviceId: string) {
    return db
      .selectFrom('skmServices as sv')
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'sv.tenantId').onRef('u.id', '=', 'sv.unitId'))
      .innerJoin('tenants as t', 't.id', 'sv.tenantId')
      .select(['sv.name as serviceName', 'u.name as unitName', 't.name as tenantName'])
      .where('sv.tenantId', '=', tenantId)
      .where('sv.id', '=', serviceId)
      .executeTakeFirstOrThrow();
  },
  /** The next `limit` stored answers of a survey after the id `after` (keyset paging, by id). */
  responsesAfter(db: Executor, tenantId: string, surveyId: string, after: string, limit: number) {
    return db.selectFrom('skmResponses').selectAll().where('tenantId', '=', tenantId).where('surveyId', '=', surveyId).where('id', '>', after).orderBy('id').limit(limit).execute();
  },
  /**
   * The daily reminder scan (a system job, every tenant by design): open surveys whose period
   * ends within [from, until], with service, unit and response count, by tenant then end date.
   */
  openSurveysEnding(db: Executor, from: string, until: string) {
    return db
      .selectFrom('skmSurveys as s')
      .innerJoin('skmServices as v', (j) => j.onRef('v.tenantId', '=', 's.tenantId').onRef('v.id', '=', 's.serviceId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.unitId'))
      .leftJoin('skmAggregates as a', (j) => j.onRef('a.tenantId', '=', 's.tenantId').onRef('a.surveyId', '=', 's.id'))
      .innerJoin('tenants as t', 't.id', 's.tenantId')
      .select(['s.tenantId', 's.id', 's.unitId', 's.periodEnd', 'v.name as service', 'u.name as unit', 'a.n', 't.regionCode'])
      .where('s.status', '=', 'open')
      .where('s.periodEnd', '>=', from)
      .where('s.periodEnd', '<=', until)
      .orderBy('s.tenantId')
      .orderBy('s.periodEnd')
      .execute();
  },
};
