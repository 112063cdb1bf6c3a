import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { ZEvaluatorAnswersInput, ZOwnAnswersInput, ZSheetRef } from '../../../shared/schemas/assessment.ts';
import { createAssessmentService } from './assessment.service.ts';

/** The answers store over HTTP: any registered worksheet kind (IID today; SAKIP, ZI, RB next). */
export async function assessmentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const assessment = createAssessmentService(deps);
  const tags = ['penilaian'];

  r.get('/api/assessments/answers', {
    schema: { tags, summary: 'Both sides of every answer of one worksheet (own and evaluator), with the evidence each uses', querystring: ZSheetRef },
  }, async (request) => assessment.listAnswers(actorOf(request), request.query));

  r.get('/api/assessments/score', {
    schema: {
      tags,
      summary: 'The worksheet scored from one side (own or evaluator): per-node formula, band, minimum shortfalls, unverified flags; compare= rescores under other versions',
      querystring: ZSheetRef.extend({ side: z.enum(['own', 'evaluator']).default('own'), compare: z.string().max(300).optional() }),
    },
  }, async (request) => {
    const { side, compare, ...sheet } = request.query;
    return assessment.scoreSheet(actorOf(request), sheet, { side, compare: compare?.split(',').map((s) => s.trim()).filter(Boolean) });
  });

  r.put('/api/assessments/answers', {
    schema: { tags, summary: "The unit's own answers (value, note, evidence links); other questions are left as they are", body: ZOwnAnswersInput },
  }, async (request) => {
    const { answers, ...sheet } = request.body;
    return assessment.saveOwnAnswers(actorOf(request), sheet, answers, request.id);
  });

  r.put('/api/assessments/evaluation', {
    schema: { tags, summary: "The evaluator's answers and notes, kept beside the unit's own", body: ZEvaluatorAnswersInput },
  }, async (request) => {
    const { answers, ...sheet } = request.body;
    return assessment.saveEvaluatorAnswers(actorOf(request), sheet, answers, request.id);
  });

  r.get('/api/evidence/:id/used-by', {
    schema: { tags, summary: 'Which answers, in which worksheets, use this evidence record', params: z.object({ id: ZId }) },
  }, async (request) => assessment.evidenceUsedBy(actorOf(request), request.params.id));
}
