import { formatRegionTime } from '../../../shared/region-time.ts';
import { contentDisposition, fileName } from '../../lib/attachment.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { toCsv } from '../../lib/csv.ts';
import { LIST_SORTS, ZId, ZPage, ZPageSize, ZSortOf } from '../../../shared/schemas/common.ts';
import { INNOVATION_STAGES, INNOVATION_TYPES, ZUrusan } from '../../../shared/schemas/innovation.ts';
import { presentPublicInnovation, presentPublicRegion } from './innovation.presenters.ts';
import { urusanLabel } from '../../../shared/urusan.ts';
import { ODBL_ATTRIBUTION } from '../../lib/open-data.ts';
import { createPublicInnovationService } from './public.service.ts';

const ZPublicQuery = z.object({
  q: z.string().max(200).optional(),
  region: z.string().regex(/^\d{2}(\.\d{2})?$/).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  stage: z.enum(INNOVATION_STAGES).optional(),
  type: z.enum(INNOVATION_TYPES).optional(),
  urusan: ZUrusan.optional(),
  page: ZPage,
  pageSize: ZPageSize,
  /** Default: relevance when searching (q), else newest publication first. */
  sort: ZSortOf(LIST_SORTS.publicInnovations.keys).optional(),
});
type PublicQuery = z.infer<typeof ZPublicQuery>;

export async function publicInnovationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const catalogue = createPublicInnovationService(deps);
  const tags = ['publik'];
  const pub = { public: true, rateLimit: { max: 300, timeWindow: 60_000 } };

  /** One page of the catalogue, presented. */
  async function query(q: PublicQuery, limit: number, offset: number) {
    const { items, total, totalCapped, suggestions } = await catalogue.search(q, limit, offset);
    return { items: items.map(presentPublicInnovation), total, totalCapped, suggestions };
  }

  r.get('/api/public/innovations', {
    config: pub,
    schema: { tags, summary: 'Published innovations of every region (or one: ?region=16.03), no sign-in', querystring: ZPublicQuery },
  }, async (request) => {
    const q = request.query;
    return { ...(await query(q, q.pageSize, (q.page - 1) * q.pageSize)), page: q.page, pageSize: q.pageSize, attribution: ODBL_ATTRIBUTION };
  });

  r.get('/api/public/innovations/:id', { config: pub, schema: { tags, params: z.object({ id: ZId }) } }, async (request) => {
    const { row, replicatedBy } = await catalogue.detail(request.params.id);
    return { ...presentPublicInnovation(row), replicatedBy, attribution: ODBL_ATTRIBUTION };
  });

  r.get('/api/public/regions', { config: pub, schema: { tags, summary: 'Regions that publish innovations, with counts' } }, async () => {
    const rows = await catalogue.regions();
    return { items: rows.map(presentPublicRegion), attribution: ODBL_ATTRIBUTION };
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
