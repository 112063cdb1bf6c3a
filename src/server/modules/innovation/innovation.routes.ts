import { translate } from '../../../shared/i18n/translate.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../../lib/list.ts';
import { createTenantService } from '../tenants/tenants.service.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import {
  ZCreateInnovationInput,
  ZInnovationListQuery,
  ZLifecycleInput,
  ZReplicationInput,
  ZReturnInput,
  ZReviewInput,
  ZScoreAnswersInput,
  ZUpdateInnovationInput,
} from '../../../shared/schemas/innovation.ts';
import { ZImportConfirmQuery, ZImportPreview } from '../../../shared/schemas/innovation-import.ts';
import { URUSAN } from '../../../shared/urusan.ts';
import { createInnovationService, type WorkflowAction } from './innovation.service.ts';
import { createIidService } from './iid.service.ts';
import { presentInnovation, presentInnovationDetail, presentInnovationSummary } from './innovation.presenters.ts';
import { createInnovationXlsx } from './innovation.xlsx.ts';
import { readUpload } from '../../plugins/upload.ts';

const params = z.object({ id: ZId });
const ZYear = z.coerce.number().int().min(2000).max(2100);

export async function innovationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const innovations = createInnovationService(deps);
  const iid = createIidService(deps);
  const tags = ['inovasi'];

  r.get('/api/innovations', {
    schema: { tags, summary: 'Innovations of my region with full-text search (Indonesian stemming), filters and paging', querystring: ZInnovationListQuery },
  }, async (request) => {
    const { items, total, totalCapped, suggestions } = await innovations.list(actorOf(request), request.query);
    return { items: items.map(presentInnovationSummary), total, totalCapped, suggestions, page: request.query.page, pageSize: request.query.pageSize };
  });

  const xlsx = createInnovationXlsx(deps);
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  r.get('/api/innovations/import-template.xlsx', { schema: { tags, summary: 'Excel template for importing innovations' } }, async (request, reply) =>
    reply.type(XLSX).header('content-disposition', 'attachment; filename="templat-impor-inovasi.xlsx"').send(await xlsx.template(actorOf(request))),
  );

  r.get('/api/innovations/export.xlsx', { schema: { tags, summary: 'Filtered export to Excel (same columns as the template)', querystring: ZInnovationListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const body = await xlsx.export(actor, request.query);
    // `inovasi-muara-enim-2026-12-01.xlsx`: what, whose, and the region's day.
    const name = await createTenantService(deps).exportFileName(actor.tenantId, 'inovasi', 'xlsx');
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).send(body);
  });

  r.get('/api/innovations/export.csv', { schema: { tags, summary: 'The filtered, sorted list as CSV (all pages, at most 10,000 rows)', querystring: ZInnovationListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await innovations.list(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const lang = request.lang;
    const x = await createTenantService(deps).exportContext(actor.tenantId, 'inovasi');
    const csv = csvDownload(
      x.fileName,
      ['ID Serasan', 'Judul', 'Akronim', 'Perangkat Daerah', 'Tahun', 'Tahapan', 'Jenis', 'Urusan Utama', 'Digital', 'Status', 'Diperbarui'],
      items.map(presentInnovationSummary).map((i) => [i.id, i.title, i.acronym, i.unitName, i.year, i.stage, i.type, i.urusanMain, i.digital ? 'ya' : 'tidak', translate(lang, `innovationStatus.${i.status}`), x.stamp(i.updatedAt)]),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.post('/api/innovations/import/preview', {
    schema: {
      tags,
      summary: 'Dry run of an Excel import: per row create / update / unchanged / possible duplicate / error; writes nothing',
      consumes: ['multipart/form-data'],
      response: { 200: ZImportPreview },
    },
  }, async (request) => {
    xlsx.assertMayImport(actorOf(request));
    const { file } = await readUpload(request, deps.config.maxUploadBytes);
    return xlsx.preview(actorOf(request), file.data, request.lang);
  });

  r.post('/api/innovations/import', {
    schema: {
      tags,
      summary: 'Import innovations from the Excel template or an export: all rows or none. Rows with "ID Serasan" update that record; possible duplicates must be listed in create or skip',
      consumes: ['multipart/form-data'],
      querystring: ZImportConfirmQuery,
    },
  }, async (request, reply) => {
    xlsx.assertMayImport(actorOf(request));
    const { file } = await readUpload(request, deps.config.maxUploadBytes);
    const res = await xlsx.import(actorOf(request), file.data, request.lang, request.query, request.id);
    return reply.status(res.created > 0 ? 201 : 200).send(res);
  });

  r.get('/api/innovations/similar', {
    schema: {
      tags,
      summary: 'Search before create: most similar innovations of my region and published ones of every region, best first',
      querystring: z.object({ text: z.string().min(1).max(20000), title: z.string().max(500).optional(), excludeId: ZId.optional(), limit: z.coerce.number().int().min(1).max(50).default(10) }),
    },
  }, async (request) => ({ items: await innovations.similar(actorOf(request), request.query.text, request.query) }));

  r.get('/api/innovations/stats', {
    schema: { tags, summary: 'Counts per year, stage, type, urusan and unit; innovators per year', querystring: z.object({ year: ZYear.optional() }) },
  }, async (request) => innovations.stats(actorOf(request), request.query.year));

  r.get('/api/reference/urusan', { schema: { tags: ['reference'], summary: 'Urusan pemerintahan (UU 23/2014)' } }, async () => ({ items: URUSAN }));

  r.get('/api/innovations/:id', { schema: { tags, params } }, async (request) => {
    const d = await innovations.get(actorOf(request), request.params.id);
    return presentInnovationDetail(d);
  });

  r.post('/api/innovations', {
    schema: { tags, summary: 'Record an innovation (starts as a draft)', body: ZCreateInnovationInput },
  }, async (request, reply) => {
    const row = await innovations.create(actorOf(request), request.body, request.id);
    return reply.status(201).send(presentInnovation(row));
  });

  r.patch('/api/innovations/:id', { schema: { tags, params, body: ZUpdateInnovationInput } }, async (request) =>
    presentInnovation(await innovations.update(actorOf(request), request.params.id, request.body, request.id)),
  );

  r.post('/api/innovations/:id/lifecycle', { schema: { tags, params, body: ZLifecycleInput, summary: 'Active, paused or retired (with a reason)' } }, async (request) =>
    presentInnovation(await innovations.setLifecycle(actorOf(request), request.params.id, request.body.lifecycle, request.body.reason, request.id)),
  );

  const step = (action: WorkflowAction, body: ReturnType<typeof ZReviewInput.nullish> | typeof ZReturnInput, summary: string) =>
    r.post(`/api/innovations/:id/${action}`, { schema: { tags, params, body, summary } }, async (request) =>
      presentInnovation(await innovations.transition(actorOf(request), (request.params as { id: string }).id, action, (request.body as { comment?: string | null })?.comment, request.id)),
    );
  // A comment is optional for submit/verify/publish (the body may be left out); required to return.
  step('submit', ZReviewInput.nullish(), 'draft/returned → submitted (kepala unit)');
  step('return', ZReturnInput, 'submitted/verified → returned with a comment (Tim Inovasi)');
  step('verify', ZReviewInput.nullish(), 'submitted → verified (Tim Inovasi)');
  step('publish', ZReviewInput.nullish(), 'verified → published: visible to the public (Tim Inovasi)');

  r.get('/api/innovations/:id/score', {
    schema: { tags, params, querystring: z.object({ rulebook: z.string().max(60).optional() }), summary: 'Indeks Inovasi Daerah score of one innovation (indicators 16–35)' },
  }, async (request) => iid.getInnovationScore(actorOf(request), request.params.id, request.query.rulebook));

  r.put('/api/innovations/:id/score', { schema: { tags, params, body: ZScoreAnswersInput } }, async (request) =>
    iid.saveInnovationScore(actorOf(request), request.params.id, request.body, request.id),
  );

  r.post('/api/innovations/:id/replication', { schema: { tags, params, body: ZReplicationInput, summary: 'Say this record replicates a published innovation (or an external origin)' } }, async (request, reply) =>
    reply.status(201).send(await iid.setReplication(actorOf(request), request.params.id, request.body, request.id)),
  );

  r.post('/api/innovations/:id/replications/:replicationId/confirm', {
    schema: { tags, params: z.object({ id: ZId, replicationId: ZId }), body: z.object({}).strict().nullish(), summary: 'The origin region confirms a replication' },
  }, async (request) => iid.confirmReplication(actorOf(request), request.params.id, request.params.replicationId, request.id));

  r.get('/api/iid/rulebooks', { schema: { tags: ['iid'], summary: 'Indeks Inovasi Daerah rulebooks (versioned rules with legal basis)' } }, async () => ({ items: iid.rulebooks() }));

  r.get('/api/iid/rulebooks/:id', { schema: { tags: ['iid'], params: z.object({ id: z.string().max(60) }) } }, async (request) => iid.rulebook(request.params.id));

  r.get('/api/iid', {
    schema: { tags: ['iid'], summary: 'IID value and predicate of my region for a year, every component shown', querystring: z.object({ year: ZYear, rulebook: z.string().max(60).optional() }) },
  }, async (request) => iid.getIid(actorOf(request), request.query.year, request.query.rulebook));

  r.put('/api/iid/region', {
    schema: { tags: ['iid'], summary: 'Region-level answers (indicators 1–15) for a year', body: ZScoreAnswersInput.extend({ year: ZYear }).strict() },
  }, async (request) => iid.saveRegionAnswers(actorOf(request), request.body.year, request.body, request.id));

  r.get('/api/iid/what-if', {
    schema: { tags: ['iid'], summary: 'Rescore the same answers under other rulebooks, side by side', querystring: z.object({ year: ZYear, rulebooks: z.string().max(300) }) },
  }, async (request) => iid.whatIf(actorOf(request), request.query.year, request.query.rulebooks.split(',').map((s) => s.trim()).filter(Boolean)));
}
