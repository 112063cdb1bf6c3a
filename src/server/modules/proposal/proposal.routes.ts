import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { AppError } from '../../errors.ts';
import { createProposalService } from './proposal.service.ts';
import { createProposalDocuments } from './proposal.documents.ts';
import { kippRulebooks } from '../../rules/kipp/index.ts';
import { wordDiff } from '../../lib/word-diff.ts';
import { contentDisposition } from '../../lib/attachment.ts';

const params = z.object({ id: ZId });
// The hard size limit is enforced by the rulebook too; this bounds the request itself.
const ZSectionInput = z.object({ text: z.string().max(200_000), baseVersion: z.number().int().min(0) }).strict();

export async function proposalRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const proposals = createProposalService(deps);
  const docs = createProposalDocuments(proposals, deps);
  const tags = ['kipp'];

  r.get('/api/kipp/rulebooks', { schema: { tags } }, async () => ({ items: kippRulebooks.list() }));

  r.get('/api/proposals', { schema: { tags, querystring: z.object({ innovationId: ZId.optional() }) } }, async (request) => {
    return { items: await proposals.list(actorOf(request), request.query) };
  });

  r.post('/api/proposals', {
    schema: { tags, summary: 'Start a proposal from an innovation (prefilled from the record, or from last year’s proposal)', body: z.object({ innovationId: ZId, rulebookId: z.string().max(60).optional(), basedOnId: ZId.nullish() }).strict() },
  }, async (request, reply) => reply.status(201).send(await proposals.create(actorOf(request), request.body, request.id)));

  // Members get the workspace view; an assigned judge the read-only scored version (blind when the competition is).
  r.get('/api/proposals/:id', { schema: { tags, params } }, async (request) => (await proposals.readView(actorOf(request), request.params.id)).view);

  r.put('/api/proposals/:id/sections/:key', {
    schema: { tags, summary: 'Save a section (409 when baseVersion is stale)', params: z.object({ id: ZId, key: z.string().max(60) }), body: ZSectionInput },
  }, async (request) => proposals.saveSection(actorOf(request), request.params.id, request.params.key, request.body.text, request.body.baseVersion, request.id));

  r.get('/api/proposals/:id/sections/:key/versions', { schema: { tags, params: z.object({ id: ZId, key: z.string().max(60) }) } }, async (request) => ({
    items: await proposals.versions(actorOf(request), request.params.id, request.params.key),
  }));

  r.get('/api/proposals/:id/sections/:key/diff', {
    schema: { tags, summary: 'Compare two versions of a section, word by word', params: z.object({ id: ZId, key: z.string().max(60) }), querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
  }, async (request) => {
    const versions = await proposals.versions(actorOf(request), request.params.id, request.params.key);
    const a = versions.find((v) => v.version === request.query.from);
    const b = versions.find((v) => v.version === request.query.to);
    if (!a || !b) throw new AppError('NOT_FOUND', 'errors.notFound', { entity: 'Versi' });
    return { from: a.version, to: b.version, parts: wordDiff(a.text, b.text) };
  });

  r.get('/api/proposals/:id/check', { schema: { tags, params, summary: 'Completeness pre-check against the administrative selection' } }, async (request) =>
    proposals.check(actorOf(request), request.params.id, request.lang),
  );

  r.get('/api/proposals/:id/comments', { schema: { tags, params } }, async (request) => ({ items: await proposals.comments(actorOf(request), request.params.id) }));
  r.post('/api/proposals/:id/comments', { schema: { tags, params, body: z.object({ sectionKey: z.string().max(60), body: z.string().trim().min(2).max(4000) }).strict() } }, async (request, reply) =>
    reply.status(201).send(await proposals.comment(actorOf(request), request.params.id, request.body.sectionKey, request.body.body, request.id)),
  );
  r.post('/api/proposals/:id/comments/:commentId/resolve', { schema: { tags, params: z.object({ id: ZId, commentId: ZId }), body: z.object({}).strict().nullish() } }, async (request) =>
    proposals.resolveComment(actorOf(request), request.params.id, request.params.commentId, request.id),
  );

  r.get('/api/proposals/:id/attachments', { schema: { tags, params } }, async (request) => ({ items: await proposals.attachments(actorOf(request), request.params.id) }));
  r.post('/api/proposals/:id/attachments', { schema: { tags, params, body: z.object({ kind: z.string().max(60), evidenceId: ZId }).strict() } }, async (request, reply) =>
    reply.status(201).send(await proposals.attach(actorOf(request), request.params.id, request.body.kind, request.body.evidenceId, request.id)),
  );

  // File names say what they hold: `proposal-kipp-2026-<title>.pdf` / `.docx`.
  r.get('/api/proposals/:id/export.pdf', { schema: { tags, params } }, async (request, reply) => {
    const file = await docs.pdf(actorOf(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', file.fileName)).send(file.body);
  });
  r.get('/api/proposals/:id/export.docx', { schema: { tags, params } }, async (request, reply) => {
    const file = await docs.docx(actorOf(request), request.params.id);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', contentDisposition('attachment', file.fileName))
      .send(file.body);
  });
}
