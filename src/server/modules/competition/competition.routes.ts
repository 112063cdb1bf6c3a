import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { authorize } from '../../policy/policy.ts';
import { LIST_SORTS, ZId, ZIsoDate, ZListQuery } from '../../../shared/schemas/common.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../../lib/list.ts';
import { createTenantService } from '../tenants/tenants.service.ts';
import { publicBase } from '../../lib/public-base.ts';
import { draftDecreeDocx, draftDecreePdf } from './competition.decree.ts';
import { createCompetitionService } from './competition.service.ts';
import { assertMayDraftDecree, assertMayReadDecree } from './competition.policy.ts';
import { presentCompetitionListItem } from './competition.presenters.ts';

const params = z.object({ id: ZId });
const ZCompetitionListQuery = ZListQuery(LIST_SORTS.competitions.keys, LIST_SORTS.competitions.default).extend({
  q: z.string().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export async function competitionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const competitions = createCompetitionService(deps);
  const tags = ['kipp'];

  r.post('/api/competitions', {
    schema: {
      tags,
      summary: 'Open an internal competition (Tim Inovasi)',
      body: z.object({ name: z.string().trim().min(3).max(200), year: z.number().int().min(2000).max(2100), rulebookId: z.string().max(60).optional(), registrationClose: ZIsoDate, quota: z.number().int().min(1).max(500), blind: z.boolean().optional(), margin: z.number().min(0).max(100).optional() }).strict(),
    },
  }, async (request, reply) => reply.status(201).send(await competitions.create(actorOf(request), request.body, request.id)));

  r.get('/api/competitions', {
    schema: { tags, summary: 'Internal competitions (a judge sees only assigned ones): search, year filter, sort, paging', querystring: ZCompetitionListQuery },
  }, async (request) => {
    const { items, total } = await competitions.list(actorOf(request), request.query);
    return { items: items.map(presentCompetitionListItem), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.get('/api/competitions/years', {
    schema: { tags, summary: 'Years for the list’s year filter: those with a competition the actor may see, plus the region’s current year, newest first' },
  }, async (request) => competitions.years(actorOf(request)));

  r.get('/api/competitions/export.csv', { schema: { tags, summary: 'The filtered, sorted competitions list as CSV', querystring: ZCompetitionListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await competitions.list(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const x = await createTenantService(deps).exportContext(actor.tenantId, 'kompetisi-inovasi');
    const csv = csvDownload(
      x.fileName,
      ['Nama kompetisi', 'Tahun', 'Status', 'Penutupan pendaftaran', 'Kuota', 'Penilaian tertutup', 'Nomor SK penetapan', 'Dibuat'],
      items.map((c) => [c.name, c.year, c.status === 'frozen' ? 'Ditetapkan' : 'Dibuka', c.registrationClose, c.quota, c.isBlind === 1 ? 'ya' : 'tidak', c.decisionNumber, x.stamp(c.createdAt)]),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.get('/api/competitions/:id', { schema: { tags, params } }, async (request) => competitions.entriesFor(actorOf(request), request.params.id));

  r.get('/api/competitions/:id/judge-candidates', { schema: { tags, params, summary: 'Users the Tim Inovasi may assign as judges' } }, async (request) => ({
    items: await competitions.judgeCandidates(actorOf(request), request.params.id),
  }));

  r.post('/api/competitions/:id/judges', { schema: { tags, params, body: z.object({ userId: ZId }).strict() } }, async (request, reply) => {
    await competitions.addJudge(actorOf(request), request.params.id, request.body.userId, request.id);
    return reply.status(204).send();
  });

  r.post('/api/competitions/:id/entries', { schema: { tags, params, body: z.object({ proposalId: ZId }).strict() } }, async (request, reply) => {
    await competitions.enter(actorOf(request), request.params.id, request.body.proposalId, request.id);
    return reply.status(204).send();
  });

  r.post('/api/competitions/:id/conflicts', { schema: { tags, params, body: z.object({ proposalId: ZId }).strict(), summary: 'A judge declares a conflict of interest' } }, async (request, reply) => {
    await competitions.declareConflict(actorOf(request), request.params.id, request.body.proposalId, request.id);
    return reply.status(204).send();
  });

  r.put('/api/competitions/:id/scores/:proposalId', {
    schema: { tags, params: z.object({ id: ZId, proposalId: ZId }), body: z.object({ scores: z.record(z.string().max(60), z.number()) }).strict(), summary: 'A judge scores every weighted criterion on the rulebook scale' },
  }, async (request) => competitions.score(actorOf(request), request.params.id, request.params.proposalId, request.body.scores, request.id));

  r.get('/api/competitions/:id/ranking', { schema: { tags, params, summary: 'Mean of judges’ weighted totals, spread, disagreement flag (managers always; others after the decision)' } }, async (request) =>
    competitions.rankingFor(actorOf(request), request.params.id),
  );

  r.post('/api/competitions/:id/decide', {
    schema: {
      tags,
      params,
      summary: 'Freeze the result and issue the SK penetapan (number from the register, signer from the organisation, frozen PDF with QR)',
      body: z
        .object({
          signerPositionId: ZId.optional(),
          onBehalfOf: z.string().trim().max(160).nullable().optional(),
          menimbang: z.array(z.string().trim().min(5).max(1000)).max(10).optional(),
          mengingat: z.array(z.string().trim().min(5).max(1000)).max(20).optional(),
          date: ZIsoDate.optional(),
        })
        .strict(),
    },
  }, async (request) => {
    const c = await competitions.decide(actorOf(request), request.params.id, { ...request.body, publicBase: publicBase(request, deps.config) }, request.id);
    return { id: c.id, status: c.status, decisionNumber: c.decisionNumber, decidedAt: c.decidedAt, documentId: c.documentId, verificationUrl: c.verificationUrl };
  });

  r.get('/api/competitions/:id/decree.pdf', { schema: { tags, params, summary: 'SK penetapan: the frozen issued PDF, or the draft before the decision (in blind mode managers only: it names the units)' } }, async (request, reply) => {
    const actor = actorOf(request);
    const c = await competitions.requireCompetition(actor, request.params.id);
    authorize(actor, 'competition.read', { tenantId: actor.tenantId });
    assertMayReadDecree(actor, c);
    const decision = c.decision ? (JSON.parse(c.decision) as { documentId?: string }) : null;
    if (decision?.documentId) {
      const sha256 = await competitions.issuedDecreeSha256(actor.tenantId, decision.documentId);
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="sk-penetapan.pdf"').send(deps.blobs.open(sha256));
    }
    const { items } = await competitions.rankingOf(c);
    const judges = (await competitions.entriesFor(actor, c.id)).judges.map((j) => j.name);
    const pdf = await draftDecreePdf(deps, c, items, judges);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="rancangan-sk-penetapan.pdf"').send(pdf);
  });

  r.get('/api/competitions/:id/decree.docx', { schema: { tags, params, summary: 'SK penetapan: the editable DOCX draft (RANCANGAN) before the decision; managers only' } }, async (request, reply) => {
    const actor = actorOf(request);
    const c = await competitions.requireCompetition(actor, request.params.id);
    authorize(actor, 'competition.read', { tenantId: actor.tenantId });
    assertMayDraftDecree(actor, c);
    const { items } = await competitions.rankingOf(c);
    const judges = (await competitions.entriesFor(actor, c.id)).judges.map((j) => j.name);
    const docx = await draftDecreeDocx(deps, c, items, judges);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', 'attachment; filename="rancangan-sk-penetapan.docx"')
      .send(docx);
  });
}
