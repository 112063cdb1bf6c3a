import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { contentDisposition } from '../../lib/attachment.ts';
import { createTenantService } from '../tenants/tenants.service.ts';
import { createSakipReportsService } from './sakip-reports.service.ts';
import { sakipExtras } from './sakip-extras.ts';
import { lkjipDocx, lkjipInput, lkjipPdf, notulaPdf, recapXlsx, TW } from './sakip-reports.documents.ts';

const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZQuarter = z.coerce.number().int().min(1).max(4);
const recapQuery = z.object({ year: ZYear, quarter: ZQuarter }).strict();
const lkjipQuery = z.object({ year: ZYear, unitId: ZId.optional(), paper: z.enum(['A4', 'F4']).optional() }).strict();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * SAKIP reports (issue 11 items 3–4): the pemda recap per quarter (JSON, Excel), the quarterly
 * notula of a PK (PDF) and the LKjIP (DOCX, PDF). Read-only routes.
 *
 * The plan (medium-term targets, budgets) and the corrective actions come from the other parts of
 * the module through `sakipExtras` (sakip-extras.ts); where they have nothing the documents say
 * "belum tersedia".
 */
export async function sakipReportsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reports = createSakipReportsService(deps, sakipExtras(deps));
  const tenants = createTenantService(deps);
  const tags = ['kinerja'];

  r.get('/api/sakip/recap', { schema: { tags, querystring: recapQuery, summary: 'Pemda recap of a quarter: per unit the PK status, reported/verified counts and capaian from verified values' } }, async (request) =>
    reports.recap(actorOf(request), request.query.year, request.query.quarter),
  );

  r.get('/api/sakip/recap.xlsx', { schema: { tags, querystring: recapQuery, summary: 'The pemda recap of a quarter in Excel' } }, async (request, reply) => {
    const actor = actorOf(request);
    const recap = await reports.recap(actor, request.query.year, request.query.quarter);
    const x = await tenants.exportContext(actor.tenantId, `rekap-sakip-${recap.year}-tw${recap.quarter}`, 'xlsx');
    const buf = await recapXlsx(deps, actor.tenantId, recap, x.stamp(deps.clock.now().toISOString()));
    return reply.type(XLSX).header('content-disposition', contentDisposition('attachment', x.fileName)).send(buf);
  });

  r.get('/api/pk/:id/notula.pdf', { schema: { tags, params: z.object({ id: ZId }), querystring: z.object({ quarter: ZQuarter }).strict(), summary: 'The quarterly monitoring notula of a PK (PDF)' } }, async (request, reply) => {
    const actor = actorOf(request);
    const d = await reports.notula(actor, request.params.id, request.query.quarter);
    const pdf = await notulaPdf(deps, d);
    const x = await tenants.exportContext(actor.tenantId, `notula-monitoring-${d.pk.year}-tw${TW[d.quarter - 1]!.toLowerCase()}`, 'pdf');
    return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', x.fileName)).send(pdf);
  });

  for (const ext of ['docx', 'pdf'] as const) {
    r.get(`/api/sakip/lkjip.${ext}`, { schema: { tags, querystring: lkjipQuery, summary: `The LKjIP of the pemda (no unitId) or of a unit for a year (${ext.toUpperCase()})` } }, async (request, reply) => {
      const actor = actorOf(request);
      const d = await reports.lkjip(actor, request.query.year, request.query.unitId ?? null);
      const input = await lkjipInput(deps, actor.tenantId, d);
      const buf = ext === 'docx' ? await lkjipDocx(input, { paper: request.query.paper }) : await lkjipPdf(input);
      const who = d.unit ? (d.unit.shortName ?? d.unit.name) : 'pemda';
      const x = await tenants.exportContext(actor.tenantId, `lkjip-${d.year}-${who}`, ext);
      return reply
        .type(ext === 'docx' ? DOCX : 'application/pdf')
        .header('content-disposition', contentDisposition(ext === 'docx' ? 'attachment' : 'inline', x.fileName))
        .send(buf);
    });
  }
}
