import { sql } from 'kysely';
import type { DialectName, Executor } from '../../db/db.ts';
import { matchInnovations, SEARCH_TOTAL_CAP } from '../../search/innovation-index.ts';
import { stemText } from '../../search/stem.ts';
import type { INNOVATION_STAGES, INNOVATION_TYPES } from '../../../shared/schemas/innovation.ts';

export interface PublicInnovationQuery {
  q?: string;
  region?: string;
  year?: number;
  stage?: (typeof INNOVATION_STAGES)[number];
  type?: (typeof INNOVATION_TYPES)[number];
  urusan?: string;
}

/** The public catalogue: published records only, across tenants (no tenant: it is public). */
export const publicInnovationRepo = {
  /** Published innovations across regions: filters, any text match ranked by score, one page. */
  async search(db: Executor, dialect: DialectName, q: PublicInnovationQuery, limit: number, offset: number) {
    let base = db
      .selectFrom('innovations as i')
      .innerJoin('tenants as t', 't.id', 'i.tenantId')
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .where('i.status', '=', 'published');
    if (q.region) base = base.where((eb) => eb.or([eb('t.regionCode', '=', q.region!), eb('t.regionCode', 'like', `${q.region}.%`)]));
    if (q.year) base = base.where('i.year', '=', q.year);
    if (q.stage) base = base.where('i.stage', '=', q.stage);
    if (q.type) base = base.where('i.type', '=', q.type);
    if (q.urusan) base = base.where('i.urusanMain', '=', q.urusan);
    // One hit beyond the cap tells "more than 1,000" from "exactly 1,000" (totalCapped).
    const match = q.q ? matchInnovations(dialect, { stems: stemText(q.q), mode: 'all', publicOnly: true, limit: SEARCH_TOTAL_CAP + 1 }) : null;
    if (q.q && !match) return { items: [], total: 0, totalCapped: false };
    const joined = match ? base.innerJoin(match.as('m'), (j) => j.onRef(sql.ref('m.innovation_id') as never, '=', 'i.id')) : base;
    const { total } = await joined.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    let rows = joined.selectAll('i').select(['u.name as unitName', 't.regionCode', 't.name as tenantName']);
    rows = match ? rows.orderBy(sql`m.score`, 'desc') : rows.orderBy('i.publishedAt', 'desc');
    const items = await rows.orderBy('i.id').limit(limit).offset(offset).execute();
    const totalCapped = !!match && Number(total) > SEARCH_TOTAL_CAP;
    return { items, total: totalCapped ? SEARCH_TOTAL_CAP : Number(total), totalCapped };
  },

  /** One published innovation with its unit and region. */
  published(db: Executor, id: string) {
    return db
      .selectFrom('innovations as i')
      .innerJoin('tenants as t', 't.id', 'i.tenantId')
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .selectAll('i')
      .select(['u.name as unitName', 't.regionCode', 't.name as tenantName'])
      .where('i.id', '=', id)
      .where('i.status', '=', 'published')
      .executeTakeFirst();
  },
  /** Published replications of an innovation in other regions. */
  replicatedBy(db: Executor, originId: string) {
    return db
      .selectFrom('innovationReplications as r')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'r.tenantId').onRef('i.id', '=', 'r.innovationId'))
      .innerJoin('tenants as t', 't.id', 'r.tenantId')
      .select(['i.id', 'i.title', 't.name as regionName', 't.regionCode', 'r.confirmedAt'])
      .where('r.originInnovationId', '=', originId)
      .where('i.status', '=', 'published')
      .execute();
  },
  /** Regions with their count of published innovations. */
  regions(db: Executor) {
    return db
      .selectFrom('tenants as t')
      .leftJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 't.id').on('i.status', '=', 'published'))
      .select(['t.regionCode', 't.name', (eb) => eb.fn.count<number>('i.id').as('published')])
      .groupBy(['t.regionCode', 't.name'])
      .orderBy('t.regionCode')
      .execute();
  },
};
