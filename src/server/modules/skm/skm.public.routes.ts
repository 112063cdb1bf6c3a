import { formatRegionTime } from '../../../shared/region-time.ts';
import { contentDisposition, fileName } from '../../lib/attachment.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { toCsv } from '../../lib/csv.ts';
import { computeIkm } from '../../rules/skm/index.ts';
import { ODBL_ATTRIBUTION } from '../innovation/public.routes.ts';
import { rulebookOf, totalsOf } from './skm.service.ts';

/**
 * Public SKM results of one region (no sign-in): the current IKM and mutu per service (its
 * latest survey with answers) and per unit, with the trend over periods; open-data downloads.
 */
export async function skmPublicRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const pub = { public: true, rateLimit: { max: 300, timeWindow: 60_000 } };
  const ZQuery = z.object({ region: z.string().regex(/^\d{2}(\.\d{2})?$/) });

  async function results(region: string) {
    const tenant = await db.selectFrom('tenants').select(['id', 'name', 'regionCode']).where('regionCode', '=', region).executeTakeFirst();
    if (!tenant) throw notFound('tenant');
    const rows = await db
      .selectFrom('skmSurveys as s')
      .innerJoin('skmServices as sv', (j) => j.onRef('sv.tenantId', '=', 's.tenantId').onRef('sv.id', '=', 's.serviceId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.unitId'))
      .innerJoin('skmAggregates as a', (j) => j.onRef('a.tenantId', '=', 's.tenantId').onRef('a.surveyId', '=', 's.id'))
      .selectAll('a')
      .select(['s.id as surveyId', 's.serviceId', 's.unitId', 's.periodStart', 's.periodEnd', 's.activeUnsur', 's.rulebookId', 's.isDemo', 'sv.name as serviceName', 'u.name as unitName'])
      .where('s.tenantId', '=', tenant.id)
      .where('a.n', '>', 0)
      .orderBy('s.periodStart')
      .execute();
    const resultOf = (rs: typeof rows) => {
      const rb = rulebookOf(rs[0].rulebookId);
      const active = rb.body.unsur.map((u) => u.code).filter((c) => rs.some((x) => (JSON.parse(x.activeUnsur) as string[]).includes(c)));
      const { totals, n } = totalsOf(rs);
      return computeIkm(rb, active, totals, n);
    };
    const byService = new Map<string, typeof rows>();
    for (const row of rows) byService.set(row.serviceId, [...(byService.get(row.serviceId) ?? []), row]);
    const items = [...byService.values()].map((list) => {
      const latest = list.at(-1)!;
      const res = resultOf([latest]);
      return {
        unitName: latest.unitName,
        serviceName: latest.serviceName,
        surveyId: latest.surveyId,
        periodStart: latest.periodStart,
        periodEnd: latest.periodEnd,
        n: res.n,
        ikmConverted: res.ikmConverted,
        mutu: res.mutu,
        kinerja: res.kinerja,
        isDemo: latest.isDemo === 1,
        trend: list.map((x) => {
          const t = resultOf([x]);
          return { periodStart: x.periodStart, periodEnd: x.periodEnd, n: t.n, ikmConverted: t.ikmConverted, mutu: t.mutu };
        }),
      };
    });
    // Per unit: every survey of the latest year with answers, taken together.
    const latestYear = rows.length ? rows.at(-1)!.periodStart.slice(0, 4) : null;
    const byUnit = new Map<string, typeof rows>();
    for (const row of rows.filter((x) => x.periodStart.startsWith(latestYear ?? ''))) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);
    const units = [...byUnit.values()].map((list) => {
      const res = resultOf(list);
      return { unitName: list[0].unitName, year: Number(latestYear), surveys: list.length, n: res.n, ikmConverted: res.ikmConverted, mutu: res.mutu, kinerja: res.kinerja };
    });
    return {
      regionCode: tenant.regionCode,
      regionName: tenant.name,
      items: items.sort((a, b) => a.unitName.localeCompare(b.unitName) || a.serviceName.localeCompare(b.serviceName)),
      units: units.sort((a, b) => a.unitName.localeCompare(b.unitName)),
      basis: 'Peraturan Menteri PANRB Nomor 14 Tahun 2017',
      attribution: ODBL_ATTRIBUTION,
    };
  }

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
