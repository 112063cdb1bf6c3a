import type { DialectName, Executor } from '../../db/db.ts';
import { searchPage } from './innovation.search.ts';
import { orderByList, type SortColumns } from '../../lib/list.ts';
import { LIST_SORTS, type SortValue } from '../../../shared/schemas/common.ts';
import type { INNOVATION_STAGES, INNOVATION_TYPES } from '../../../shared/schemas/innovation.ts';

export interface PublicInnovationQuery {
  q?: string;
  region?: string;
  year?: number;
  stage?: (typeof INNOVATION_STAGES)[number];
  type?: (typeof INNOVATION_TYPES)[number];
  urusan?: string;
  /** Default: relevance when searching (q), else newest publication first. */
  sort?: SortValue<(typeof LIST_SORTS.publicInnovations.keys)[number]>;
}

const PUBLIC_SORT: SortColumns<(typeof LIST_SORTS.publicInnovations.keys)[number]> = {
  publishedAt: { column: 'i.publishedAt' },
  title: { column: 'i.title', text: true },
  unit: { column: 'u.name', text: true },
  year: { column: 'i.year' },
};

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
    const select = (b: typeof base) => b.selectAll('i').select(['u.name as unitName', 't.regionCode', 't.name as tenantName']);
    if (q.q !== undefined && q.q.trim()) {
      // Ranked by the search engine (any word, all words first); the filters above narrow its hits.
      const withIds = (ids: string[]) => base.where('i.id', 'in', ids);
      const res = await searchPage(
        db,
        dialect,
        q.q,
        { publicOnly: true },
        async (ids) => (await withIds(ids).select('i.id').execute()).map((r) => r.id),
        (ids) => select(withIds(ids)).execute(),
        offset,
        limit,
        q.sort ? async (ids) => (await orderByList(withIds(ids).select('i.id'), q.sort!, PUBLIC_SORT, 'i.id', dialect).execute()).map((r) => r.id) : undefined,
      );
      return { items: res.rows, total: res.total, totalCapped: res.totalCapped, suggestions: res.suggestions };
    }
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const items = await orderByList(select(base), q.sort ?? LIST_SORTS.publicInnovations.default, PUBLIC_SORT, 'i.id', dialect).limit(limit).offset(offset).execute();
    return { items, total: Number(total), totalCapped: false, suggestions: [] as string[] };
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
