import { contentDisposition } from '../../lib/attachment.ts';
import type { FastifyInstance } from 'fastify';
import { publicBase } from '../../lib/public-base.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { LIST_SORTS, ZId, ZIsoDate, ZListQuery } from '../../../shared/schemas/common.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../../lib/list.ts';
import { createTenantService } from '../tenants/tenants.service.ts';
import { ZActionInput, ZCreateSurveyInput, ZSubmitResponseInput, ZUpdateActionInput, ZUpdateSurveyInput } from '../../../shared/schemas/skm.ts';
import { createSkmService, rulebookOf } from './skm.service.ts';
import { skmRulebooks } from '../../rules/skm/index.ts';
import { createSkmDocuments } from './skm.documents.ts';
import { presentCreatedSurvey, presentSurveyDetail, presentSurveyListItem } from './skm.presenters.ts';

const params = z.object({ id: ZId });

const ZSurveyListQuery = ZListQuery(LIST_SORTS.surveys.keys, LIST_SORTS.surveys.default).extend({
  q: z.string().max(200).optional(),
  unitId: ZId.optional(),
  status: z.enum(['open', 'closed']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export async function skmRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const skm = createSkmService(deps);
  const docs = createSkmDocuments(deps, skm);
  const tags = ['skm'];
  const limit = deps.config.skmRateLimitPerMinute;

  r.get('/api/skm/rulebooks', { schema: { tags } }, async () => ({ items: skmRulebooks.list() }));

  r.post('/api/skm/surveys', {
    schema: { tags, summary: 'Open a survey for a service of a unit over a period (the service is created on first use)', body: ZCreateSurveyInput },
  }, async (request, reply) => {
    const { survey, serviceName, unitName } = await skm.createSurvey(actorOf(request), request.body, request.id);
    return reply.status(201).send(presentCreatedSurvey(survey, { serviceName, unitName }, `${publicBase(request, deps.config)}/skm/${survey.code}`));
  });

  r.get('/api/skm/services', {
    schema: {
      tags,
      summary: 'Services a unit surveyed before, by name (optionally containing q), alphabetical, at most `limit`: the create form suggests them',
      querystring: z.object({ unitId: ZId, q: z.string().trim().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) }),
    },
  }, async (request) => ({ items: await skm.serviceNames(actorOf(request), request.query) }));

  r.get('/api/skm/surveys/export.csv', { schema: { tags, summary: 'The filtered, sorted survey list as CSV', querystring: ZSurveyListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await skm.listSurveysPage(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const csv = csvDownload(
      await createTenantService(deps).exportFileName(actor.tenantId, 'survei-skm'),
      ['Kode', 'Layanan', 'Unit', 'Periode mulai', 'Periode akhir', 'Status', 'Responden', 'Sampel minimum', 'IKM', 'Mutu'],
      items.map((s) => [s.code, s.serviceName, s.unitName, s.periodStart, s.periodEnd, s.status === 'open' ? 'dibuka' : 'ditutup', s.responses, s.minSample, s.ikmConverted, s.mutu]),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.get('/api/skm/surveys', {
    schema: { tags, querystring: ZSurveyListQuery },
  }, async (request) => {
    const { items, total } = await skm.listSurveysPage(actorOf(request), request.query);
    return {
      total,
      page: request.query.page,
      pageSize: request.query.pageSize,
      items: items.map((s) => presentSurveyListItem(s, `${publicBase(request, deps.config)}/skm/${s.code}`)),
    };
  });

  r.get('/api/skm/surveys/:id', { schema: { tags, params } }, async (request) => {
    const s = await skm.requireSurvey(actorOf(request).tenantId, request.params.id);
    const list = await skm.listSurveys(actorOf(request), { unitId: s.unitId });
    const row = list.find((x) => x.id === s.id)!;
    return presentSurveyDetail(s, { serviceName: row.serviceName, unitName: row.unitName, rulebook: rulebookOf(s.rulebookId), canManage: row.canManage }, `${publicBase(request, deps.config)}/skm/${s.code}`);
  });

  r.patch('/api/skm/surveys/:id', { schema: { tags, params, body: ZUpdateSurveyInput, summary: 'Population, period end, open/close' } }, async (request) => {
    const s = await skm.updateSurvey(actorOf(request), request.params.id, request.body, request.id);
    return { id: s.id, status: s.status, population: s.population, periodEnd: s.periodEnd };
  });

  r.get('/api/skm/surveys/:id/results', {
    schema: { tags, params, summary: 'n, NRR per unsur, IKM (1–4) and converted (25–100), mutu, kinerja, minimum sample — each explained' },
  }, async (request) => {
    const s = await skm.requireSurvey(actorOf(request).tenantId, request.params.id);
    return skm.surveyResults(s);
  });

  r.get('/api/skm/surveys/:id/rejections', { schema: { tags, params } }, async (request) => ({ items: await skm.rejections(actorOf(request), request.params.id) }));

  r.get('/api/skm/results', {
    schema: { tags, summary: 'IKM of a unit or the whole region over a period', querystring: z.object({ unitId: ZId.optional(), from: ZIsoDate, to: ZIsoDate }) },
  }, async (request) => skm.aggregateResults(actorOf(request), request.query));

  r.get('/api/skm/trend', {
    schema: { tags, summary: 'Results per survey period (oldest first)', querystring: z.object({ serviceId: ZId.optional(), unitId: ZId.optional() }) },
  }, async (request) => ({ items: await skm.trend(actorOf(request), request.query) }));

  r.get('/api/skm/surveys/:id/actions', { schema: { tags, params } }, async (request) => ({ items: await skm.listActions(actorOf(request), request.params.id) }));
  r.post('/api/skm/surveys/:id/actions', { schema: { tags, params, body: ZActionInput, summary: 'Rencana tindak lanjut for a weak unsur' } }, async (request, reply) =>
    reply.status(201).send(await skm.addAction(actorOf(request), request.params.id, request.body, request.id)),
  );
  r.patch('/api/skm/actions/:id', { schema: { tags, params, body: ZUpdateActionInput } }, async (request) => skm.updateAction(actorOf(request), request.params.id, request.body, request.id));

  // Documents.
  r.get('/api/skm/surveys/:id/poster.pdf', { schema: { tags, params, summary: 'A4 QR poster' } }, async (request, reply) => {
    const pdf = await docs.poster(actorOf(request), request.params.id, publicBase(request, deps.config));
    const name = await docs.fileName(actorOf(request), request.params.id, 'poster skm', 'pdf');
    return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', name)).send(pdf);
  });
  r.get('/api/skm/surveys/:id/report.pdf', { schema: { tags, params, summary: 'Survey report (laporan hasil SKM)' } }, async (request, reply) => {
    const pdf = await docs.report(actorOf(request), request.params.id);
    const name = await docs.fileName(actorOf(request), request.params.id, 'laporan skm', 'pdf');
    return reply.type('application/pdf').header('content-disposition', contentDisposition('inline', name)).send(pdf);
  });
  r.get('/api/skm/surveys/:id/export.xlsx', { schema: { tags, params, summary: 'Results and raw answers in Excel' } }, async (request, reply) => {
    const x = await docs.xlsx(actorOf(request), request.params.id);
    const name = await docs.fileName(actorOf(request), request.params.id, 'hasil skm', 'xlsx');
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', contentDisposition('attachment', name)).send(x);
  });
  r.get('/api/skm/surveys/:id/qr.png', { schema: { tags, params } }, async (request, reply) => {
    const png = await docs.qrPng(actorOf(request), request.params.id, publicBase(request, deps.config));
    return reply.type('image/png').send(png);
  });

  // Public form: no sign-in. Abuse control without personal data: single-use server tokens, a
  // per-address rate limit (kiosks send many), a honeypot; rejections are counted.
  r.get('/api/public/skm/:code', {
    config: { public: true, rateLimit: { max: Math.max(limit * 4, 240), timeWindow: 60_000 } },
    schema: { tags: ['publik'], params: z.object({ code: z.string().min(4).max(20) }), summary: 'Survey form definition and a single-use form token' },
  }, async (request) => skm.publicForm(request.params.code));

  r.post('/api/public/skm/:code/responses', {
    config: {
      public: true,
      skipCsrf: true,
      rateLimit: {
        max: limit,
        timeWindow: 60_000,
        onExceeded: (req: { params?: unknown }) => {
          // The count is awaited before the 429 leaves (onSend below), so a client that reads the
          // rejection log right after its 429 sees it counted.
          (req as { skmRejection?: Promise<void> }).skmRejection = skm
            .countRejection(String((req.params as { code?: string })?.code ?? '?'), 'rate_limited')
            .catch(() => {});
        },
      },
    },
    onSend: async (req, _reply, payload) => {
      await (req as { skmRejection?: Promise<void> }).skmRejection;
      return payload;
    },
    attachValidation: true,
    schema: { tags: ['publik'], params: z.object({ code: z.string().min(4).max(20) }), body: ZSubmitResponseInput, summary: 'Submit answers (stored by unsur code)' },
  }, async (request, reply) => {
    if (request.validationError) {
      // Malformed answers are refused like any bad input, and counted as a rejection.
      await skm.countRejection(String((request.params as { code?: string }).code ?? '?'), 'invalid').catch(() => {});
      throw request.validationError;
    }
    return reply.status(201).send(await skm.submit(request.params.code, request.body));
  });
}
