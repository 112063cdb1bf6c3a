import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { ZCreatePkIndicatorInput, ZCreatePkInput, ZSignPkInput } from '../../../shared/schemas/kinerja.ts';
import { createKinerjaService } from './kinerja.service.ts';
import { presentPk, presentPkDetail } from './kinerja.presenters.ts';
import { pkPdf } from './kinerja.document.ts';

const params = z.object({ id: ZId });

/** Perjanjian Kinerja (issue 11): PK per year and position, indicators, quarterly realisations. */
export async function kinerjaRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pk = createKinerjaService(deps);
  const tags = ['kinerja'];

  r.post('/api/pk', { schema: { tags, body: ZCreatePkInput, summary: 'Draft a Perjanjian Kinerja for a head position (level and parties from the organisation) or the head of region' } }, async (request, reply) =>
    reply.status(201).send(presentPk(await pk.create(actorOf(request), request.body, request.id))),
  );

  r.get('/api/pk', { schema: { tags, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict(), summary: 'The PKs of a year the user may read' } }, async (request) => ({
    items: (await pk.list(actorOf(request), request.query.year)).map(presentPk),
  }));

  r.get('/api/pk/:id', { schema: { tags, params, summary: 'A PK with its indicators, quarterly realisations and the annual capaian from verified values' } }, async (request) => {
    const { pk: row, indicators } = await pk.get(actorOf(request), request.params.id);
    return presentPkDetail(row, indicators);
  });

  r.post('/api/pk/:id/sign', { schema: { tags, params, body: ZSignPkInput, summary: 'Mark the PK signed on a date (holders at that date are printed)' } }, async (request) =>
    presentPk(await pk.sign(actorOf(request), request.params.id, request.body.signedOn, request.id)),
  );

  r.post('/api/pk/:id/indicators', { schema: { tags, params, body: ZCreatePkIndicatorInput, summary: 'Add an indicator with its annual and quarterly targets' } }, async (request, reply) => {
    const row = await pk.addIndicator(actorOf(request), request.params.id, request.body, request.id);
    return reply.status(201).send({ id: row.id });
  });

  // Quarterly realisations, corrections, settings, corrective actions: pk-realisation.routes.ts.

  r.get('/api/pk/:id/export.pdf', { schema: { tags, params, summary: 'The PK as a PDF (RANCANGAN until signed)' } }, async (request, reply) => {
    const { pk: row, indicators } = await pk.get(actorOf(request), request.params.id);
    const pdf = await pkPdf(deps, row, indicators);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="perjanjian-kinerja-${row.year}.pdf"`).send(pdf);
  });
}
