import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { ZPkQuarterParams, ZPkRealisationInput } from '../../../shared/schemas/kinerja.ts';
import {
  ZPkCorrectionInput,
  ZPkCorrectiveActionDoneInput,
  ZPkCorrectiveActionInput,
  ZPkCorrectiveActionListQuery,
  ZPkIndicatorPlanInput,
  ZPkReturnInput,
  ZPkSettingsInput,
} from '../../../shared/schemas/pk-realisation.ts';
import { createPkRealisationService } from './pk-realisation.service.ts';
import { presentCorrection, presentCorrectiveAction, presentSettings } from './pk-realisation.presenters.ts';

const params = z.object({ id: ZId });

/**
 * The realisation side of the Perjanjian Kinerja (issue 11 items 3 and 6): rencana aksi, quarterly
 * values entered → submitted → verified or returned, audited corrections, capaian settings,
 * corrective actions of red quarters. The PK itself (drafting, signing, GET /api/pk/{id}) is in
 * kinerja.routes.ts.
 */
export async function pkRealisationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const real = createPkRealisationService(deps);
  const tags = ['kinerja'];
  const out = (row: { quarter: number; value: number; status: string; returnNote?: string | null }) => ({ quarter: row.quarter, value: row.value, status: row.status, returnNote: row.returnNote ?? null });

  r.put('/api/pk/indicators/:id', { schema: { tags, params, body: ZPkIndicatorPlanInput, summary: 'Edit an indicator’s rencana aksi (quarter targets, formula, data source) or its plan link (planIndicatorId; null clears it) while the PK is a draft' } }, async (request) => {
    const row = await real.updatePlan(actorOf(request), request.params.id, request.body, request.id);
    return { id: row.id, quarterTargets: [row.q1Target, row.q2Target, row.q3Target, row.q4Target], formula: row.formula ?? null, dataSource: row.dataSource ?? null, planIndicatorId: row.planIndicatorId ?? null };
  });

  r.put('/api/pk/indicators/:id/realisations/:quarter', { schema: { tags, params: ZPkQuarterParams, body: ZPkRealisationInput, summary: 'Enter a quarter’s realisation (signed PK only; a returned value is edited again)' } }, async (request) =>
    out(await real.enterRealisation(actorOf(request), request.params.id, request.params.quarter, request.body, request.id)),
  );

  for (const step of ['submit', 'verify'] as const) {
    r.post(`/api/pk/indicators/:id/realisations/:quarter/${step}`, { schema: { tags, params: ZPkQuarterParams, summary: step === 'submit' ? 'The unit head submits a quarter’s realisation' : 'The verifier (Inspektorat, Tim RB) verifies it; only verified values count' } }, async (request) =>
      out(await real.stepRealisation(actorOf(request), request.params.id, request.params.quarter, step, request.id)),
    );
  }

  r.post('/api/pk/indicators/:id/realisations/:quarter/return', { schema: { tags, params: ZPkQuarterParams, body: ZPkReturnInput, summary: 'The verifier returns a submitted value to the unit with a note' } }, async (request) =>
    out(await real.returnRealisation(actorOf(request), request.params.id, request.params.quarter, request.body.note, request.id)),
  );

  r.post('/api/pk/indicators/:id/realisations/:quarter/corrections', { schema: { tags, params: ZPkQuarterParams, body: ZPkCorrectionInput, summary: 'An audited correction of a verified value (verifier roles, not the person who entered it)' } }, async (request, reply) => {
    const { realisation, correction } = await real.correct(actorOf(request), request.params.id, request.params.quarter, request.body, request.id);
    return reply.status(201).send({ ...out(realisation), correction: presentCorrection(correction) });
  });

  r.get('/api/pk/settings', { schema: { tags, summary: 'The tenant’s capaian status bands and display cap' } }, async (request) => presentSettings(await real.getSettings(actorOf(request))));

  r.put('/api/pk/settings', { schema: { tags, body: ZPkSettingsInput, summary: 'Set the tenant’s capaian status bands (merah below, hijau above) and an optional display cap' } }, async (request) =>
    presentSettings(await real.putSettings(actorOf(request), request.body, request.id)),
  );

  r.post('/api/pk/indicators/:id/quarters/:quarter/corrective-action', { schema: { tags, params: ZPkQuarterParams, body: ZPkCorrectiveActionInput, summary: 'The corrective action of a red quarter (kendala, solusi, rencana tindak lanjut, PIC, deadline)' } }, async (request, reply) =>
    reply.status(201).send(presentCorrectiveAction(await real.createCorrectiveAction(actorOf(request), request.params.id, request.params.quarter, request.body, request.id))),
  );

  r.post('/api/pk/corrective-actions/:id/done', { schema: { tags, params, body: ZPkCorrectiveActionDoneInput, summary: 'Mark a corrective action done (evidence linked first)' } }, async (request) =>
    presentCorrectiveAction(await real.completeCorrectiveAction(actorOf(request), request.params.id, request.body.result, request.id)),
  );

  r.get('/api/pk/corrective-actions', { schema: { tags, querystring: ZPkCorrectiveActionListQuery, summary: 'Corrective actions of the tenant (Tim RB, Inspektorat) or of the user’s units, filtered' } }, async (request) => ({
    items: (await real.listCorrectiveActions(actorOf(request), request.query)).map((a) => ({ ...presentCorrectiveAction(a), picTitle: a.picTitle, indicatorId: a.indicatorId, indicatorName: a.indicatorName, pkId: a.pkId, year: a.year, unitId: a.unitId, unitName: a.unitName })),
  }));
}
