import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { csvDownload } from '../../lib/list.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { ZFollowUpInput, ZFollowUpReview, ZLheItemInput, ZSakipParams, ZSakipYear } from '../../../shared/schemas/sakip-eval.ts';
import { createTenantService } from '../tenants/tenants.service.ts';
import { createSakipEvalService } from './sakip-eval.service.ts';
import { presentLheIssued, presentLheItem, tableCsvRows } from './sakip-eval.presenters.ts';
import { publicBase } from '../../lib/public-base.ts';

const idParams = z.object({ id: ZId }).strict();
const yearQuery = z.object({ year: ZSakipYear }).strict();

/**
 * SAKIP internal evaluation (issue 11 item 5). The worksheet answers go through the generic
 * answers store (`/api/assessments/{answers,evaluation}` with kind `sakip_unit` / `sakip_pemda`);
 * these routes add the evaluation view, the table of all units, the LHE and its follow-ups.
 */
export async function sakipEvalRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const svc = createSakipEvalService(deps);
  const tags = ['kinerja'];

  r.get('/api/sakip/evaluations', { schema: { tags, querystring: yearQuery, summary: 'Scores and predikat of every unit (and the pemda) for a year with the two years before it' } }, async (request) =>
    svc.table(actorOf(request), request.query.year),
  );

  r.get('/api/sakip/evaluations/export.csv', { schema: { tags, querystring: yearQuery, summary: 'The table of all units as CSV (Indonesian decimal comma)' } }, async (request, reply) => {
    const actor = actorOf(request);
    const t = await svc.table(actor, request.query.year);
    const x = await createTenantService(deps).exportContext(actor.tenantId, `evaluasi-sakip-${request.query.year}`);
    const { header, rows } = tableCsvRows(t);
    const csv = csvDownload(x.fileName, header, rows);
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.get('/api/sakip/evaluations/:target/:year', { schema: { tags, params: ZSakipParams, summary: "One evaluation (a unit's, or 'pemda'): answers of both sides, official and self score, LHE" } }, async (request) => {
    const e = await svc.get(actorOf(request), request.params.target, request.params.year);
    return { ...e, lhe: e.lhe.map(presentLheItem), lheIssued: e.lheIssued && presentLheIssued(e.lheIssued) };
  });

  r.get('/api/sakip/evaluations/:target/:year/lhe.pdf', { schema: { tags, params: ZSakipParams, summary: 'The LHE as a PDF: the frozen official document once issued, else a draft (RANCANGAN)' } }, async (request, reply) => {
    const { pdf, number } = await svc.lhePdf(actorOf(request), request.params.target, request.params.year);
    const name = number ? `lhe-akip-${number.replace(/[^\w.-]+/g, '_')}.pdf` : `rancangan-lhe-akip-${request.params.year}.pdf`;
    return reply.type('application/pdf').header('x-content-type-options', 'nosniff').header('content-disposition', `inline; filename="${name}"`).send(pdf);
  });

  r.post('/api/sakip/evaluations/:target/:year/lhe/issue', { schema: { tags, params: ZSakipParams, summary: 'The Inspektorat issues the LHE as an official document (number, frozen PDF, verification QR); its findings are then frozen' } }, async (request) =>
    presentLheIssued(await svc.issueLhe(actorOf(request), request.params.target, request.params.year, publicBase(request, deps.config), request.id)),
  );

  r.post('/api/sakip/evaluations/:target/:year/lhe', { schema: { tags, params: ZSakipParams, body: ZLheItemInput, summary: 'The Inspektorat adds a finding with its recommendation' } }, async (request, reply) =>
    reply.status(201).send(presentLheItem(await svc.addItem(actorOf(request), request.params.target, request.params.year, request.body, request.id))),
  );

  r.post('/api/sakip/lhe/:id/follow-up', { schema: { tags, params: idParams, body: ZFollowUpInput, summary: 'The unit answers a recommendation (text + evidence)' } }, async (request) =>
    presentLheItem(await svc.followUp(actorOf(request), request.params.id, request.body, request.id)),
  );

  r.post('/api/sakip/lhe/:id/review', { schema: { tags, params: idParams, body: ZFollowUpReview, summary: 'The Inspektorat accepts a follow-up or returns it with a note' } }, async (request) =>
    presentLheItem(await svc.review(actorOf(request), request.params.id, request.body, request.id)),
  );
}
