import { formatRegionTime } from '../../../shared/region-time.ts';
import { contentDisposition, fileName } from '../../lib/attachment.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { toCsv } from '../../lib/csv.ts';
import { createSkmPublicService } from './skm.public.service.ts';

/**
 * Public SKM results of one region (no sign-in): the current IKM and mutu per service (its
 * latest survey with answers) and per unit, with the trend over periods; open-data downloads.
 */
export async function skmPublicRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { results } = createSkmPublicService(deps);
  const pub = { public: true, rateLimit: { max: 300, timeWindow: 60_000 } };
  const ZQuery = z.object({ region: z.string().regex(/^\d{2}(\.\d{2})?$/) });

  r.get('/api/public/skm/results', { config: pub, schema: { tags: ['publik'], summary: 'Public SKM results of a region', querystring: ZQuery } }, async (request) =>
    results(request.query.region),
  );

  r.get('/api/public/skm/results.json', { config: pub, schema: { tags: ['publik'], querystring: ZQuery } }, async (request, reply) => {
    const data = await results(request.query.region);
    reply.header('content-disposition', contentDisposition('attachment', fileName(['hasil skm', data.regionName, data.regionCode], 'json')));
    return { generatedAt: deps.clock.now().toISOString(), ...data };
  });

  r.get('/api/public/skm/results.csv', { config: pub, schema: { tags: ['publik'], querystring: ZQuery } }, async (request, reply) => {
    const data = await results(request.query.region);
    const head = ['kode_wilayah', 'wilayah', 'unit', 'jenis_layanan', 'periode_mulai', 'periode_selesai', 'responden', 'ikm_konversi', 'mutu', 'kinerja', 'data_demo'];
    const lines: unknown[][] = [head];
    for (const it of data.items) {
      for (const t of it.trend) {
        lines.push([data.regionCode, data.regionName, it.unitName, it.serviceName, t.periodStart, t.periodEnd, t.n, t.ikmConverted.toFixed(2), t.mutu ?? '', it.kinerja ?? '', it.isDemo ? 'ya' : '']);
      }
    }
    lines.push([], [`# Dasar: ${data.basis}. ${data.attribution}`], [`# Dicetak pada ${formatRegionTime(deps.clock.now(), data.regionCode)}`]);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition('attachment', fileName(['hasil skm', data.regionName, data.regionCode], 'csv')));
    return toCsv(lines);
  });
}
