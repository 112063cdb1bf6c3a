import { formatRegionTime } from '../../../shared/region-time.ts';
import { contentDisposition, fileName } from '../../lib/attachment.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { toCsv } from '../../lib/csv.ts';
import { ZId, ZPage, ZPageSize } from '../../../shared/schemas/common.ts';
import { INNOVATION_STAGES, INNOVATION_TYPES, ZUrusan } from '../../../shared/schemas/innovation.ts';
import { matchInnovations, SEARCH_TOTAL_CAP } from '../../search/innovation-index.ts';
import { stemText } from '../../search/stem.ts';
import { presentPublicInnovation } from './innovation.presenters.ts';
import { urusanLabel } from '../../../shared/urusan.ts';

/** ODbL attribution carried by every open-data export that contains region data. */
export const ODBL_ATTRIBUTION =
  'Kode dan nama wilayah: idn-area-data 3.1.2 (Open Database License, ODbL v1.0), mengikuti kode wilayah Kemendagri.';

const ZPublicQuery = z.object({
  q: z.string().max(200).optional(),
  region: z.string().regex(/^\d{2}(\.\d{2})?$/).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  stage: z.enum(INNOVATION_STAGES).optional(),
  type: z.enum(INNOVATION_TYPES).optional(),
  urusan: ZUrusan.optional(),
  page: ZPage,
  pageSize: ZPageSize,
});
type PublicQuery = z.infer<typeof ZPublicQuery>;

export async function publicInnovationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, dialect } = deps;
  const tags = ['publik'];
  const pub = { public: true, rateLimit: { max: 300, timeWindow: 60_000 } };

  async function query(q: PublicQuery, limit: number, offset: number) {
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
    return { items: items.map(presentPublicInnovation), total: totalCapped ? SEARCH_TOTAL_CAP : Number(total), totalCapped };
  }

  r.get('/api/public/innovations', {
    config: pub,
    schema: { tags, summary: 'Published innovations of every region (or one: ?region=16.03), no sign-in', querystring: ZPublicQuery },
  }, async (request) => {
    const q = request.query;
    return { ...(await query(q, q.pageSize, (q.page - 1) * q.pageSize)), page: q.page, pageSize: q.pageSize, attribution: ODBL_ATTRIBUTION };
  });

  r.get('/api/public/innovations/:id', { config: pub, schema: { tags, params: z.object({ id: ZId }) } }, async (request) => {
    const row = await db
      .selectFrom('innovations as i')
      .innerJoin('tenants as t', 't.id', 'i.tenantId')
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .selectAll('i')
      .select(['u.name as unitName', 't.regionCode', 't.name as tenantName'])
      .where('i.id', '=', request.params.id)
      .where('i.status', '=', 'published')
      .executeTakeFirst();
    if (!row) throw notFound('innovation');
    const replicatedBy = await db
      .selectFrom('innovationReplications as r')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'r.tenantId').onRef('i.id', '=', 'r.innovationId'))
      .innerJoin('tenants as t', 't.id', 'r.tenantId')
      .select(['i.id', 'i.title', 't.name as regionName', 't.regionCode', 'r.confirmedAt'])
      .where('r.originInnovationId', '=', row.id)
      .where('i.status', '=', 'published')
      .execute();
    return { ...presentPublicInnovation(row), replicatedBy, attribution: ODBL_ATTRIBUTION };
  });

  r.get('/api/public/regions', { config: pub, schema: { tags, summary: 'Regions that publish innovations, with counts' } }, async () => {
    const rows = await db
      .selectFrom('tenants as t')
      .leftJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 't.id').on('i.status', '=', 'published'))
      .select(['t.regionCode', 't.name', (eb) => eb.fn.count<number>('i.id').as('published')])
      .groupBy(['t.regionCode', 't.name'])
      .orderBy('t.regionCode')
      .execute();
    return { items: rows.map((x) => ({ regionCode: x.regionCode, name: x.name, published: Number(x.published) })), attribution: ODBL_ATTRIBUTION };
  });

  const EXPORT_MAX = 100_000;
  const COLUMNS = ['id', 'regionCode', 'regionName', 'title', 'acronym', 'unitName', 'type', 'stage', 'digital', 'urusanMain', 'urusanOther', 'year', 'initiatedOn', 'trialOn', 'appliedOn', 'description', 'goals', 'benefits', 'results', 'legalBasisLevel', 'legalBasisDoc', 'videoUrl', 'publishedAt'] as const;

  r.get('/api/public/innovations.json', { config: pub, schema: { tags, summary: 'Open data: published innovations as JSON', querystring: ZPublicQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) => {
    const { items } = await query({ ...request.query, page: 1, pageSize: EXPORT_MAX }, EXPORT_MAX, 0);
    reply.header('content-disposition', contentDisposition('attachment', fileName(['inovasi daerah', request.query.region ?? 'semua daerah'], 'json')));
    return { license: 'Data inovasi: terbuka untuk digunakan ulang dengan menyebut sumber (Serasan).', attribution: ODBL_ATTRIBUTION, generatedAt: deps.clock.now().toISOString(), count: items.length, items };
  });

  r.get('/api/public/innovations.csv', { config: pub, schema: { tags, summary: 'Open data: published innovations as CSV (UTF-8)', querystring: ZPublicQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) => {
    const { items } = await query({ ...request.query, page: 1, pageSize: EXPORT_MAX }, EXPORT_MAX, 0);
    const lines: unknown[][] = [[...COLUMNS]];
    for (const it of items) {
      const row = { ...it, urusanMain: it.urusanMain ? urusanLabel(it.urusanMain) : '', urusanOther: it.urusanOther.map(urusanLabel) } as Record<string, unknown>;
      lines.push(COLUMNS.map((c) => row[c]));
    }
    lines.push([], [`# ${ODBL_ATTRIBUTION}`], [`# Dicetak pada ${formatRegionTime(deps.clock.now(), request.query.region)}`]);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition('attachment', fileName(['inovasi daerah', request.query.region ?? 'semua daerah'], 'csv')));
    return toCsv(lines);
  });
}
