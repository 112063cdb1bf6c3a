import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { readUpload } from '../../plugins/upload.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import {
  ZCreatePlanIndicatorInput,
  ZCreatePlanPeriodInput,
  ZCreatePlanProgramInput,
  ZCreatePlanSasaranInput,
  ZCreatePlanTujuanInput,
  ZPlanYearQuery,
  ZUpdatePlanIndicatorInput,
  ZUpdatePlanProgramInput,
  ZUpdatePlanSasaranInput,
  ZUpdatePlanTujuanInput,
} from '../../../shared/schemas/sakip-plan.ts';
import { cascadeOf, createPlanService, treeOf } from './plan.service.ts';
import { createPlanXlsx } from './plan.xlsx.ts';
import { presentPlanIndicator, presentPlanPeriod, presentPlanProgram, presentPlanSasaran, presentPlanTujuan } from './plan.presenters.ts';

const params = z.object({ id: ZId });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** SAKIP plan and cascade (issue 11 item 1): RPJMD, Renstra, programmes, pohon kinerja, cascade check, Excel. */
export async function planRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const plan = createPlanService(deps);
  const xlsx = createPlanXlsx(deps);
  const tags = ['kinerja'];
  const base = '/api/sakip/plan';

  r.get(`${base}/periods`, { schema: { tags, summary: 'The RPJMD periods of the pemda' } }, async (request) => ({ items: (await plan.periods(actorOf(request))).map(presentPlanPeriod) }));
  r.post(`${base}/periods`, { schema: { tags, body: ZCreatePlanPeriodInput, summary: 'Add an RPJMD period (years must not overlap another period)' } }, async (request, reply) =>
    reply.status(201).send(presentPlanPeriod(await plan.createPeriod(actorOf(request), request.body, request.id))),
  );

  r.post(`${base}/tujuan`, { schema: { tags, body: ZCreatePlanTujuanInput, summary: 'Add a pemda tujuan' } }, async (request, reply) =>
    reply.status(201).send(presentPlanTujuan(await plan.createTujuan(actorOf(request), request.body, request.id))),
  );
  r.put(`${base}/tujuan/:id`, { schema: { tags, params, body: ZUpdatePlanTujuanInput, summary: 'Rename a pemda tujuan' } }, async (request) =>
    presentPlanTujuan(await plan.updateTujuan(actorOf(request), request.params.id, request.body.name, request.id)),
  );

  r.post(`${base}/sasaran`, { schema: { tags, body: ZCreatePlanSasaranInput, summary: 'Add a sasaran: pemda level (no unitId) or a unit’s Renstra sasaran linked to a pemda sasaran' } }, async (request, reply) =>
    reply.status(201).send(presentPlanSasaran(await plan.createSasaran(actorOf(request), request.body, request.id))),
  );
  r.put(`${base}/sasaran/:id`, { schema: { tags, params, body: ZUpdatePlanSasaranInput, summary: 'Change a sasaran’s name or link' } }, async (request) =>
    presentPlanSasaran(await plan.updateSasaran(actorOf(request), request.params.id, request.body, request.id)),
  );

  r.post(`${base}/indicators`, { schema: { tags, body: ZCreatePlanIndicatorInput, summary: 'Add an indicator with baseline, yearly targets and final target' } }, async (request, reply) =>
    reply.status(201).send(presentPlanIndicator(await plan.createIndicator(actorOf(request), request.body, request.id))),
  );
  r.put(`${base}/indicators/:id`, { schema: { tags, params, body: ZUpdatePlanIndicatorInput, summary: 'Change an indicator (targets replace the old ones when given)' } }, async (request) =>
    presentPlanIndicator(await plan.updateIndicator(actorOf(request), request.params.id, request.body, request.id)),
  );

  r.post(`${base}/programs`, { schema: { tags, body: ZCreatePlanProgramInput, summary: 'Add a programme, kegiatan or sub-kegiatan of a unit with pagu and realisasi per year' } }, async (request, reply) =>
    reply.status(201).send(presentPlanProgram(await plan.createProgram(actorOf(request), request.body, request.id))),
  );
  r.put(`${base}/programs/:id`, { schema: { tags, params, body: ZUpdatePlanProgramInput, summary: 'Change a programme row (budgets replace the old ones when given)' } }, async (request) =>
    presentPlanProgram(await plan.updateProgram(actorOf(request), request.params.id, request.body, request.id)),
  );

  for (const [path, kind] of [['tujuan', 'tujuan'], ['sasaran', 'sasaran'], ['indicators', 'indicator'], ['programs', 'program']] as const) {
    r.delete(`${base}/${path}/:id`, { schema: { tags, params, summary: `Delete a plan ${kind} (409 while something still hangs on it)` } }, async (request, reply) => {
      await plan.remove(actorOf(request), kind, request.params.id, request.id);
      return reply.status(204).send();
    });
  }

  r.get(`${base}/tree`, { schema: { tags, querystring: ZPlanYearQuery, summary: 'Pohon kinerja of a year: pemda tujuan → sasaran → indicators → unit sasaran → unit indicators → programmes with budget' } }, async (request) =>
    treeOf(await plan.snapshot(actorOf(request), request.query.year), request.query.year),
  );
  r.get(`${base}/cascade`, { schema: { tags, querystring: ZPlanYearQuery, summary: 'Cascade check: unit sasaran that feed no pemda sasaran, pemda sasaran no unit carries' } }, async (request) =>
    cascadeOf(await plan.snapshot(actorOf(request), request.query.year)),
  );

  r.get(`${base}/template.xlsx`, { schema: { tags, querystring: ZPlanYearQuery, summary: 'Excel template of the plan for the period of a year (with "Petunjuk")' } }, async (request, reply) =>
    reply.type(XLSX).header('content-disposition', `attachment; filename="templat-rencana-kinerja-${request.query.year}.xlsx"`).send(await xlsx.template(actorOf(request), request.query.year)),
  );
  r.get(`${base}/export.xlsx`, { schema: { tags, querystring: ZPlanYearQuery, summary: 'The whole plan of the period of a year as Excel (re-importable)' } }, async (request, reply) =>
    reply.type(XLSX).header('content-disposition', `attachment; filename="rencana-kinerja-${request.query.year}.xlsx"`).send(await xlsx.export(actorOf(request), request.query.year)),
  );
  r.post(`${base}/import/preview`, { schema: { tags, querystring: ZPlanYearQuery, consumes: ['multipart/form-data'], summary: 'Dry run of the plan import: per sheet how many rows would be added / updated / unchanged, and every bad row (sheet, row, column, message); writes nothing' } }, async (request) => {
    xlsx.assertMayImport(actorOf(request));
    const { file } = await readUpload(request, deps.config.maxUploadBytes);
    return xlsx.preview(actorOf(request), file.data, request.query.year, request.lang);
  });
  r.post(`${base}/import`, { schema: { tags, querystring: ZPlanYearQuery, consumes: ['multipart/form-data'], summary: 'Import the plan workbook: all rows or none, a row report for every bad row; codes update existing rows' } }, async (request) => {
    xlsx.assertMayImport(actorOf(request));
    const { file } = await readUpload(request, deps.config.maxUploadBytes);
    return xlsx.import(actorOf(request), file.data, request.query.year, request.lang, request.id);
  });
}
