import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { ZCreatePkIndicatorInput, ZCreatePkInput, ZGeneratePksInput, ZPkBundleQuery, ZPkRegisterQuery, ZPkStepInput, ZRevisePkInput, ZSignPkInput } from '../../../shared/schemas/kinerja.ts';
import { createKinerjaService } from './kinerja.service.ts';
import { presentPk, presentPkDetail, presentPkHistory, presentPlanIndicatorOption } from './kinerja.presenters.ts';
import { pkPdf } from './kinerja.document.ts';
import { createPkSeasonService, type RegisterRow } from './pk-season.service.ts';
import { pkMachine } from './kinerja.policy.ts';
import { allowedActions } from '../../workflow/state-machine.ts';
import { publicBase } from '../../lib/public-base.ts';
import { readUpload } from '../../plugins/upload.ts';
import { csvDownload } from '../../lib/list.ts';
import { createTenantService } from '../tenants/tenants.service.ts';

const params = z.object({ id: ZId });

/** Perjanjian Kinerja (issue 11): PK per year and position, indicators, quarterly realisations. */
export async function kinerjaRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pk = createKinerjaService(deps);
  const season = createPkSeasonService(deps);
  const tags = ['kinerja'];

  // --- Signing season (issue 11 item 2): generate, register (+ CSV), bundle PDF ---
  r.post('/api/pk/generate', { schema: { tags, body: ZGeneratePksInput, summary: 'Draft the year\'s PKs for every JPT Pratama head and the Bupati in one action (skips existing; reports vacant positions)' } }, async (request) =>
    season.generate(actorOf(request), request.body, request.id),
  );

  r.get('/api/pk/register', { schema: { tags, querystring: ZPkRegisterQuery, summary: 'The signing register of a year: per unit head (and the Bupati) the PK status and the date of each step' } }, async (request) => ({
    items: await season.register(actorOf(request), request.query),
  }));

  r.get('/api/pk/register.csv', { schema: { tags, querystring: ZPkRegisterQuery, summary: 'The filtered register as CSV' } }, async (request, reply) => {
    const actor = actorOf(request);
    const items = await season.register(actor, request.query);
    const x = await createTenantService(deps).exportContext(actor.tenantId, `register-pk-${request.query.year}`);
    const mode = (m: RegisterRow['signingMode']) => (m === 'ceremony' ? 'Seremoni' : m === 'scan' ? 'Pindaian' : '');
    const status = { none: 'Belum dibuat', draft: 'Draf', submitted: 'Diajukan', agreed: 'Disetujui', signed: 'Ditandatangani' } as const;
    const csv = csvDownload(
      x.fileName,
      ['Unit', 'Jabatan', 'Pemangku', 'Status', 'Perubahan ke', 'Draf', 'Diajukan', 'Disetujui', 'Ditandatangani', 'Cara tanda tangan', 'Pindaian', 'Nomor'],
      items.map((i) => [i.unitName ?? '', i.positionTitle, i.holderName ? `${i.holderKind === 'plt' ? 'Plt. ' : i.holderKind === 'plh' ? 'Plh. ' : ''}${i.holderName}` : '', status[i.status], i.revision || '', x.stamp(i.draftedAt), x.stamp(i.submittedAt), x.stamp(i.agreedAt), i.signedOn ?? '', mode(i.signingMode), i.hasScan ? 'Ya' : 'Tidak', i.documentNumber ?? '']),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.get('/api/pk/bundle.pdf', { schema: { tags, querystring: ZPkBundleQuery, summary: 'All current PKs of a year (optionally one level or unit) in one PDF for the signing ceremony' } }, async (request, reply) => {
    const { pdf } = await season.bundle(actorOf(request), request.query);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="perjanjian-kinerja-${request.query.year}-berkas.pdf"`).send(pdf);
  });

  for (const step of ['submit', 'agree', 'return'] as const) {
    r.post(`/api/pk/:id/${step}`, { schema: { tags, params, body: ZPkStepInput, summary: step === 'submit' ? 'The unit head submits the draft PK' : step === 'agree' ? 'The second party (Tim RB for him) agrees to the submitted PK' : 'Return a submitted or agreed PK to draft with a note' } }, async (request) =>
      presentPk(await season.step(actorOf(request), request.params.id, step, request.body.note ?? null, request.id)),
    );
  }

  r.post('/api/pk/:id/scan', { schema: { tags, params, consumes: ['multipart/form-data'], summary: 'Attach the scan of the wet-signed page (multipart field "file"; PDF, JPEG or PNG decided by content)' } }, async (request, reply) => {
    const { file } = await readUpload(request, deps.config.maxUploadBytes);
    return reply.status(201).send(presentPk(await season.attachScan(actorOf(request), request.params.id, file, request.id)));
  });

  r.post('/api/pk/:id/revise', { schema: { tags, params, body: ZRevisePkInput, summary: 'Make a revised PK (perubahan) of a signed one: a new draft, the old one kept and marked replaced' } }, async (request, reply) =>
    reply.status(201).send(presentPk(await season.revise(actorOf(request), request.params.id, request.body.reason, request.id))),
  );

  r.post('/api/pk', { schema: { tags, body: ZCreatePkInput, summary: 'Draft a Perjanjian Kinerja for a head position (level and parties from the organisation) or the head of region' } }, async (request, reply) =>
    reply.status(201).send(presentPk(await pk.create(actorOf(request), request.body, request.id))),
  );

  r.get('/api/pk', { schema: { tags, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict(), summary: 'The PKs of a year the user may read' } }, async (request) => ({
    items: (await pk.list(actorOf(request), request.query.year)).map(presentPk),
  }));

  r.get('/api/pk/:id', { schema: { tags, params, summary: 'A PK with its indicators, quarterly realisations and the annual capaian from verified values' } }, async (request) => {
    const actor = actorOf(request);
    const { pk: row, indicators, planLinks } = await pk.get(actor, request.params.id);
    return {
      ...presentPkDetail(row, indicators, planLinks),
      history: presentPkHistory(await season.history(row)),
      actions: row.replacedById ? [] : allowedActions(pkMachine, row.status, actor, { tenantId: row.tenantId, unitId: row.unitId }),
    };
  });

  r.post('/api/pk/:id/sign', { schema: { tags, params, body: ZSignPkInput, summary: 'Mark the PK signed on a date (holders at that date are printed)' } }, async (request) =>
    presentPk(await pk.sign(actorOf(request), request.params.id, request.body.signedOn, request.id, { publicBase: publicBase(request, deps.config), mode: request.body.mode })),
  );

  r.get('/api/pk/:id/plan-indicators', { schema: { tags, params, summary: 'The plan indicators (the unit’s Renstra; the RPJMD for the Bupati) of the period covering the PK’s year, with the year’s target: what an indicator may link to' } }, async (request) => ({
    items: (await pk.planIndicators(actorOf(request), request.params.id)).map(presentPlanIndicatorOption),
  }));

  r.post('/api/pk/:id/indicators', { schema: { tags, params, body: ZCreatePkIndicatorInput, summary: 'Add an indicator with its annual and quarterly targets (optionally linked to its plan indicator: planIndicatorId)' } }, async (request, reply) => {
    const row = await pk.addIndicator(actorOf(request), request.params.id, request.body, request.id);
    return reply.status(201).send({ id: row.id });
  });

  // Quarterly realisations, corrections, settings, corrective actions: pk-realisation.routes.ts.

  r.get('/api/pk/:id/export.pdf', { schema: { tags, params, summary: 'The PK as a PDF (RANCANGAN until signed)' } }, async (request, reply) => {
    const { pk: row, indicators } = await pk.get(actorOf(request), request.params.id);
    // Signed: the frozen, numbered PDF issued at signing (with the verification QR); before: RANCANGAN.
    const pdf = (await season.frozenPdf(row)) ?? (await pkPdf(deps, row, indicators));
    return reply.type('application/pdf').header('content-disposition', `inline; filename="perjanjian-kinerja-${row.year}.pdf"`).send(pdf);
  });
}
