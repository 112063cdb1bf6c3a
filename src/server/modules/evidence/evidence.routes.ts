import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { readUpload } from '../../plugins/upload.ts';
import { actorOf } from '../../plugins/auth.ts';
import { LIST_SORTS, ZId, ZListQuery } from '../../../shared/schemas/common.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../../lib/list.ts';
import { createTenantService } from '../tenants/tenants.service.ts';

const ZEvidenceListQuery = ZListQuery(LIST_SORTS.evidence.keys, LIST_SORTS.evidence.default).extend({
  q: z.string().max(200).optional(),
  entityType: z.string().max(40).optional(),
  entityId: ZId.optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
});
import { createEvidenceService, EVIDENCE_KINDS } from './evidence.service.ts';
import { presentEvidence } from './evidence.presenters.ts';

export async function evidenceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const evidence = createEvidenceService(deps);
  const tags = ['berkas'];

  r.post('/api/evidence', {
    schema: {
      tags,
      summary: 'Upload evidence (multipart field "file"; PDF, JPEG, PNG, DOCX, XLSX; max 20 MB); optional fields entityType + entityId link it',
      consumes: ['multipart/form-data'],
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { file, fields } = await readUpload(request, deps.config.maxUploadBytes);
    const row = await evidence.upload(actor, file, { entityType: fields.entityType, entityId: fields.entityId }, request.id);
    return reply.status(201).send(presentEvidence(row));
  });

  r.get('/api/evidence', {
    schema: {
      tags,
      summary: 'Evidence files, optionally those linked to one record',
      querystring: ZEvidenceListQuery,
    },
  }, async (request) => ({ ...(await evidence.list(actorOf(request), request.query)), page: request.query.page, pageSize: request.query.pageSize }));

  r.get('/api/evidence/export.csv', { schema: { tags, summary: 'The filtered, sorted evidence list as CSV', querystring: ZEvidenceListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await evidence.list(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const x = await createTenantService(deps).exportContext(actor.tenantId, 'berkas-bukti');
    const csv = csvDownload(
      x.fileName,
      ['Nama berkas', 'Jenis', 'Ukuran (byte)', 'SHA-256', 'Diunggah oleh', 'Diunggah pada', 'Tautan'],
      items.map((e) => [e.originalName, e.mime, e.size, e.sha256, e.uploadedByName, x.stamp(e.createdAt), e.links.map((l) => `${l.entityType}:${l.entityId}`)]),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.post('/api/evidence/:id/links', {
    schema: { tags, params: z.object({ id: ZId }), body: z.object({ entityType: z.string().min(1).max(40), entityId: ZId }).strict() },
  }, async (request, reply) => {
    await evidence.link(actorOf(request), request.params.id, request.body.entityType, request.body.entityId, request.id);
    return reply.status(204).send();
  });

  r.get('/api/evidence/:id/download', { schema: { tags, params: z.object({ id: ZId }) } }, async (request, reply) => {
    const { ev, stream } = await evidence.open(actorOf(request), request.params.id);
    const asciiName = ev.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
    reply
      .header('content-type', ev.mime)
      .header('content-length', ev.size)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(ev.originalName)}`);
    return reply.send(stream);
  });
}
