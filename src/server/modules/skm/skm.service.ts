import { randomInt } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import type { Executor } from '../../db/db.ts';
import { ilikeContains } from '../../db/dialect.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import { LIST_SORTS, type SortValue } from '../../../shared/schemas/common.ts';
import type { SkmAggregateTable, SkmSurveyTable } from '../../db/schema.ts';
import type { CreateSurveyInput, SubmitResponseInput } from '../../../shared/schemas/skm.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { computeIkm, minSample, skmRulebooks, type SkmRulebook, type UnsurTotals } from '../../rules/skm/index.ts';
import { checkFormToken, issueFormToken } from './form-token.ts';
import { submissionWriter } from './skm.write.ts';
import { acceptsAnswers } from './skm.policy.ts';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newSurveyCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const UNSUR_COLS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** Rejections for codes of no survey are counted under this code (never a real code: has '-'). */
export const UNKNOWN_CODE_BUCKET = '-';

export function periodKindOf(start: string, end: string): 'triwulan' | 'semester' | 'tahun' {
  const months = (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
  return months <= 3 ? 'triwulan' : months <= 6 ? 'semester' : 'tahun';
}

export function rulebookOf(id: string): SkmRulebook {
  const rb = skmRulebooks.get(id);
  if (!rb) throw new AppError('NOT_FOUND', 'errors.rulebookNotFound', { id });
  return rb;
}

export function totalsOf(aggs: Array<Pick<SkmAggregateTable, 'n'> & Record<string, unknown>>): { totals: UnsurTotals; n: number } {
  const sum: Record<string, number> = {};
  const count: Record<string, number> = {};
  let n = 0;
  for (const a of aggs) {
    n += Number(a.n);
    for (const i of UNSUR_COLS) {
      sum[`U${i}`] = (sum[`U${i}`] ?? 0) + Number(a[`sU${i}`] ?? 0);
      count[`U${i}`] = (count[`U${i}`] ?? 0) + Number(a[`cU${i}`] ?? 0);
    }
  }
  return { totals: { sum, count }, n };
}

type SurveySortKey = (typeof LIST_SORTS.surveys.keys)[number];
export interface SurveyListFilter {
  q?: string;
  unitId?: string;
  status?: string;
  year?: number;
  sort?: SortValue<SurveySortKey>;
  page?: number;
  pageSize?: number;
}
const SURVEY_SORT: SortColumns<SurveySortKey> = {
  periodStart: { column: 's.periodStart' },
  service: { column: 'sv.name', text: true },
  unit: { column: 'u.name', text: true },
  status: { column: 's.status' },
};

export function createSkmService(deps: Deps) {
  const { db, clock, config } = deps;
  const storeSubmission = submissionWriter(db, deps.dialect);

  async function requireSurvey(tenantId: string, id: string, ex: Executor = db) {
    const s = await ex.selectFrom('skmSurveys').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    if (!s) throw notFound('survey');
    return s;
  }

  /**
   * Surveys by public code, cached briefly for the form's hot path. A change made through this
   * service (close, reopen, new end date) drops the entry at once; the TTL bounds staleness from
   * other processes.
   */
  const byCode = new Map<string, { at: number; survey: (SkmSurveyTable & { active: string[] }) | null }>();
  async function surveyByCode(code: string) {
    const hit = byCode.get(code);
    if (hit && Date.now() - hit.at < 5000) return hit.survey;
    const row = await db.selectFrom('skmSurveys').selectAll().where('code', '=', code).executeTakeFirst();
    const survey = row ? { ...row, active: JSON.parse(row.activeUnsur) as string[] } : null;
    if (byCode.size > 10_000) byCode.clear();
    byCode.set(code, { at: Date.now(), survey });
    return survey;
  }

  async function countRejection(codeRaw: string, reason: string) {
    const day = clock.now().toISOString().slice(0, 10);
    // Codes of no survey share one bucket per day and reason, so random codes cannot grow the log.
    const code = codeRaw.toUpperCase().slice(0, 20);
    const surveyCode = (await surveyByCode(code)) ? code : UNKNOWN_CODE_BUCKET;
    await db
      .insertInto('skmRejections')
      .values({ surveyCode, day, reason, n: 1 })
      .onConflict((oc) => oc.columns(['surveyCode', 'day', 'reason']).doUpdateSet((eb) => ({ n: eb('skmRejections.n', '+', 1) })))
      .execute();
  }

  /** A bot that filled the honeypot used up its form token: the same token is refused later. */
  async function burnToken(code: string, formToken: string) {
    const s = await surveyByCode(code);
    if (!s) return;
    const token = checkFormToken(config.sessionSecret, s.code, formToken, clock.now().getTime());
    if (!token.ok) return;
    await db.insertInto('skmUsedTokens').values({ nonce: token.nonce, surveyCode: s.code, usedAt: clock.now().toISOString() }).onConflict((oc) => oc.column('nonce').doNothing()).execute();
  }

  async function reject(code: string, reason: string, error: AppError): Promise<never> {
    await countRejection(code, reason).catch(() => {});
    throw error;
  }

  /** Results of one survey from its running totals (no recount). */
  async function surveyResults(s: SkmSurveyTable) {
    const rb = rulebookOf(s.rulebookId);
    const agg = await db.selectFrom('skmAggregates').selectAll().where('tenantId', '=', s.tenantId).where('surveyId', '=', s.id).executeTakeFirst();
    const { totals, n } = totalsOf(agg ? [agg] : []);
    const active = JSON.parse(s.activeUnsur) as string[];
    const r = computeIkm(rb, active, totals, n);
    const sample = s.population ? minSample(rb, s.population) : null;
    const profile = await db.selectFrom('skmProfileCounts').select(['dimension', 'value', 'n']).where('tenantId', '=', s.tenantId).where('surveyId', '=', s.id).execute();
    return {
      surveyId: s.id,
      rulebookId: rb.id,
      n: r.n,
      nrr: r.nrr,
      nrrWeighted: r.nrrWeighted,
      ikm: r.ikm,
      ikmConverted: r.ikmConverted,
      ikmConvertedExact: r.ikmConvertedExact,
      mutu: r.mutu,
      kinerja: r.kinerja,
      nilaiPersepsi: r.nilaiPersepsi,
      weight: r.weight,
      active: r.active,
      weakest: r.weakest,
      minSample: sample,
      population: s.population,
      sampleProgress: sample ? Math.min(1, r.n / sample) : null,
      explanation: r.explanation,
      profile: profile.reduce<Record<string, Record<string, number>>>((acc, p) => {
        (acc[p.dimension] ??= {})[p.value] = Number(p.n);
        return acc;
      }, {}),
    };
  }

  return {
    surveyResults,
    requireSurvey,

    async createSurvey(actor: Actor, input: CreateSurveyInput, requestId?: string) {
      const unit = await db.selectFrom('units').select(['id', 'name']).where('tenantId', '=', actor.tenantId).where('id', '=', input.unitId).executeTakeFirst();
      if (!unit) throw notFound('unit');
      authorize(actor, 'skm.manage', { tenantId: actor.tenantId, unitId: unit.id });
      if (input.periodEnd < input.periodStart) throw validation('periodEnd', 'errors.endBeforeStart');
      const rb = skmRulebooks.forDate(input.periodStart) ?? skmRulebooks.latest()!;
      for (const code of input.inactiveUnsur) {
        const u = rb.body.unsur.find((x) => x.code === code);
        if (!u) throw validation('inactiveUnsur', 'errors.unknownUnsur', { unsur: code });
        if (!u.optional) throw validation('inactiveUnsur', 'errors.unsurRequired', { unsur: `${code} ${u.name}` });
      }
      const active = rb.body.unsur.map((u) => u.code).filter((c) => !input.inactiveUnsur.includes(c));
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        let service = await tx.selectFrom('skmServices').selectAll().where('tenantId', '=', actor.tenantId).where('unitId', '=', unit.id).where('name', '=', input.serviceName).executeTakeFirst();
        if (!service) {
          service = { tenantId: actor.tenantId, id: newId(), unitId: unit.id, name: input.serviceName, description: null, isActive: 1, createdAt: now, updatedAt: now };
          await tx.insertInto('skmServices').values(service).execute();
          await audit.record({ entityType: 'skm_service', entityId: service.id, action: 'create', after: { unitId: unit.id, name: service.name } });
        }
        const survey: SkmSurveyTable = {
          tenantId: actor.tenantId,
          id: newId(),
          serviceId: service.id,
          unitId: unit.id,
          code: newSurveyCode(),
          periodKind: input.periodKind ?? periodKindOf(input.periodStart, input.periodEnd),
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          population: input.population ?? null,
          rulebookId: rb.id,
          activeUnsur: JSON.stringify(active),
          status: 'open',
          isDemo: 0,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        await tx.insertInto('skmSurveys').values(survey).execute();
        await tx.insertInto('skmAggregates').values({ tenantId: actor.tenantId, surveyId: survey.id, n: 0, updatedAt: now }).execute();
        await audit.record({ entityType: 'skm_survey', entityId: survey.id, action: 'create', after: { serviceName: service.name, unitId: unit.id, periodStart: survey.periodStart, periodEnd: survey.periodEnd, population: survey.population, activeUnsur: active, code: survey.code } });
        return { survey, serviceName: service.name, unitName: unit.name };
      });
    },

    async updateSurvey(actor: Actor, id: string, input: { population?: number | null; status?: 'open' | 'closed'; periodEnd?: string }, requestId?: string) {
      const s = await requireSurvey(actor.tenantId, id);
      authorize(actor, 'skm.manage', { tenantId: actor.tenantId, unitId: s.unitId });
      const next = {
        ...s,
        ...(input.population !== undefined && { population: input.population ?? null }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.periodEnd !== undefined && { periodEnd: input.periodEnd }),
        updatedAt: clock.now().toISOString(),
      };
      if (next.periodEnd < next.periodStart) throw validation('periodEnd', 'errors.endBeforeStart');
      const saved = await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await tx.updateTable('skmSurveys').set({ population: next.population, status: next.status, periodEnd: next.periodEnd, updatedAt: next.updatedAt }).where('tenantId', '=', actor.tenantId).where('id', '=', id).execute();
        await audit.record({ entityType: 'skm_survey', entityId: id, action: input.status && input.status !== s.status ? (input.status === 'closed' ? 'close' : 'open') : 'update', before: { population: s.population, status: s.status, periodEnd: s.periodEnd }, after: { population: next.population, status: next.status, periodEnd: next.periodEnd } });
        return next;
      });
      byCode.delete(s.code); // after the commit, so no reader caches the old row
      return saved;
    },

    /**
     * Surveys, filtered and sorted (newest period first by default); one page when `page` is
     * given (with the total), else all of them.
     */
    async listSurveys(actor: Actor, f: SurveyListFilter) {
      return (await this.listSurveysPage(actor, f)).items;
    },

    async listSurveysPage(actor: Actor, f: SurveyListFilter) {
      authorize(actor, 'skm.read', { tenantId: actor.tenantId });
      let q = db
        .selectFrom('skmSurveys as s')
        .innerJoin('skmServices as sv', (j) => j.onRef('sv.tenantId', '=', 's.tenantId').onRef('sv.id', '=', 's.serviceId'))
        .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.unitId'))
        .where('s.tenantId', '=', actor.tenantId);
      if (f.unitId) q = q.where('s.unitId', '=', f.unitId);
      if (f.status) q = q.where('s.status', '=', f.status);
      if (f.year) q = q.where('s.periodStart', '<=', `${f.year}-12-31`).where('s.periodEnd', '>=', `${f.year}-01-01`);
      if (f.q) {
        const needle = f.q;
        q = q.where((eb) => eb.or([ilikeContains('sv.name', needle), ilikeContains('u.name', needle), ilikeContains('s.code', needle)]));
      }
      const total = f.page ? Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : null;
      const ordered = orderByList(
        q
          .leftJoin('skmAggregates as a', (j) => j.onRef('a.tenantId', '=', 's.tenantId').onRef('a.surveyId', '=', 's.id'))
          .selectAll('s')
          .select(['sv.name as serviceName', 'u.name as unitName', 'a.n as responses']),
        f.sort ?? LIST_SORTS.surveys.default,
        SURVEY_SORT,
        's.id',
        deps.dialect,
      );
      const rows = await (f.page ? pageOf(ordered, { page: f.page, pageSize: f.pageSize ?? 25 }) : ordered).execute();
      const out = [];
      for (const r of rows) {
        const res = await surveyResults(r);
        out.push({ ...r, responses: Number(r.responses ?? 0), ikmConverted: res.ikmConverted, mutu: res.mutu, minSample: res.minSample, canManage: can(actor, 'skm.manage', { tenantId: actor.tenantId, unitId: r.unitId }) });
      }
      return { items: out, total: total ?? out.length };
    },

    /** IKM of a unit (with its sub-units' services) or the whole region over a period. */
    async aggregateResults(actor: Actor, f: { unitId?: string; from: string; to: string }) {
      authorize(actor, 'skm.read', { tenantId: actor.tenantId });
      let q = db
        .selectFrom('skmSurveys as s')
        .innerJoin('skmAggregates as a', (j) => j.onRef('a.tenantId', '=', 's.tenantId').onRef('a.surveyId', '=', 's.id'))
        .selectAll('a')
        .select(['s.activeUnsur', 's.rulebookId'])
        .where('s.tenantId', '=', actor.tenantId)
        .where('s.periodStart', '<=', f.to)
        .where('s.periodEnd', '>=', f.from);
      if (f.unitId) q = q.where('s.unitId', '=', f.unitId);
      const rows = await q.execute();
      const rb = rulebookOf(rows[0]?.rulebookId ?? 'skm-2017');
      const active = rb.body.unsur.map((u) => u.code).filter((c) => rows.some((r) => (JSON.parse(r.activeUnsur) as string[]).includes(c)));
      const { totals, n } = totalsOf(rows);
      const r = computeIkm(rb, active.length ? active : rb.body.unsur.map((u) => u.code), totals, n);
      return { surveys: rows.length, from: f.from, to: f.to, unitId: f.unitId ?? null, ...r };
    },

    /** Results per survey period of a service (or unit), oldest first, for the trend chart. */
    async trend(actor: Actor, f: { serviceId?: string; unitId?: string }) {
      authorize(actor, 'skm.read', { tenantId: actor.tenantId });
      let q = db.selectFrom('skmSurveys').selectAll().where('tenantId', '=', actor.tenantId);
      if (f.serviceId) q = q.where('serviceId', '=', f.serviceId);
      if (f.unitId) q = q.where('unitId', '=', f.unitId);
      const surveys = await q.orderBy('periodStart').execute();
      const out = [];
      for (const s of surveys) {
        const r = await surveyResults(s);
        out.push({ surveyId: s.id, periodStart: s.periodStart, periodEnd: s.periodEnd, periodKind: s.periodKind, n: r.n, ikmConverted: r.ikmConverted, mutu: r.mutu, nrr: r.nrr });
      }
      return out;
    },

    // ---- public form ---------------------------------------------------------------------
    async publicForm(code: string) {
      const s = await db
        .selectFrom('skmSurveys as s')
        .innerJoin('skmServices as sv', (j) => j.onRef('sv.tenantId', '=', 's.tenantId').onRef('sv.id', '=', 's.serviceId'))
        .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.unitId'))
        .innerJoin('tenants as t', 't.id', 's.tenantId')
        .selectAll('s')
        .select(['sv.name as serviceName', 'u.name as unitName', 't.name as tenantName', 't.regionCode'])
        .where('s.code', '=', code.toUpperCase())
        .executeTakeFirst();
      if (!s) throw notFound('survey');
      const rb = rulebookOf(s.rulebookId);
      const active = JSON.parse(s.activeUnsur) as string[];
      const today = clock.now().toISOString().slice(0, 10);
      const closed = !acceptsAnswers(s, today);
      return {
        code: s.code,
        serviceName: s.serviceName,
        unitName: s.unitName,
        regionName: s.tenantName,
        regionCode: s.regionCode,
        periodStart: s.periodStart,
        periodEnd: s.periodEnd,
        closed,
        // Questions in the printed questionnaire order (question 8 is U9, question 9 is U8).
        questions: rb.body.unsur
          .filter((u) => active.includes(u.code))
          .sort((a, b) => a.questionNo - b.questionNo)
          .map((u, i) => ({ no: i + 1, unsur: u.code, name: u.name, question: u.question, answers: u.answers.map((label, k) => ({ value: k + 1, label })) })),
        formToken: closed ? null : issueFormToken(config.sessionSecret, s.code, clock.now().getTime()),
      };
    },

    /**
     * One citizen's answers: checked completely first, then the response, its token, the running
     * totals and the profile counters are written in one transaction. Rejections are counted.
     */
    async submit(codeRaw: string, input: SubmitResponseInput) {
      const code = codeRaw.toUpperCase().slice(0, 20);
      if (input.website) {
        await burnToken(code, input.formToken).catch(() => {});
        return reject(code, 'honeypot', new AppError('VALIDATION', 'errors.formInvalid'));
      }
      const s = await surveyByCode(code);
      if (!s) return reject(code, 'unknown_survey', notFound('survey'));
      const now = clock.now();
      const today = now.toISOString().slice(0, 10);
      if (!acceptsAnswers(s, today)) return reject(code, 'closed', new AppError('CONFLICT', 'errors.surveyClosed'));
      const token = checkFormToken(config.sessionSecret, s.code, input.formToken, now.getTime());
      if (!token.ok) return reject(code, `token_${token.reason}`, new AppError('VALIDATION', 'errors.formTokenInvalid', {}, [{ field: 'formToken', messageKey: 'errors.formTokenInvalid' }]));
      for (const key of Object.keys(input.answers)) {
        if (!s.active.includes(key)) return reject(code, 'unknown_unsur', validation(`answers.${key}`, 'errors.unknownUnsur', { unsur: key }));
      }
      const missing = s.active.filter((c) => input.answers[c] === undefined);
      if (missing.length) return reject(code, 'missing_unsur', validation(`answers.${missing[0]}`, 'errors.missingUnsur', { unsur: missing.join(', ') }));

      const id = newId();
      const at = now.toISOString();
      const v = UNSUR_COLS.map((i) => input.answers[`U${i}`] ?? null);
      const p = input.profile;
      const profile = (['sex', 'ageBand', 'education', 'occupation'] as const).filter((d) => p[d]).map((d) => [d, p[d] as string] as const);
      // The busiest write path: one transaction (SQLite) or one statement (PostgreSQL).
      const stored = await storeSubmission({ nonce: token.nonce, surveyCode: s.code, tenantId: s.tenantId, surveyId: s.id, id, at, v, profile, suggestion: input.suggestion || null });
      if (stored === 'replayed') {
        // A nonce seen before: the same form sent twice (double tap, replay).
        return reject(code, 'token_replayed', new AppError('CONFLICT', 'errors.formTokenUsed', {}, [{ field: 'formToken', messageKey: 'errors.formTokenUsed' }]));
      }
      return { id, submittedAt: at };
    },

    /** Full recount from the stored answers (tests check it equals the running totals). */
    async recount(tenantId: string, surveyId: string) {
      const row = await db
        .selectFrom('skmResponses')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          ...UNSUR_COLS.flatMap((i) => [eb.fn.sum<number>(`u${i}` as 'u1').as(`sU${i}`), eb.fn.count<number>(`u${i}` as 'u1').as(`cU${i}`)]),
        ])
        .where('tenantId', '=', tenantId)
        .where('surveyId', '=', surveyId)
        .executeTakeFirstOrThrow();
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v ?? 0)]));
    },

    countRejection,

    async rejections(actor: Actor, surveyId: string) {
      const s = await requireSurvey(actor.tenantId, surveyId);
      authorize(actor, 'skm.read', { tenantId: actor.tenantId, unitId: s.unitId });
      return db.selectFrom('skmRejections').select(['day', 'reason', 'n']).where('surveyCode', '=', s.code).orderBy('day', 'desc').execute();
    },

    // ---- follow-up (rencana tindak lanjut) -------------------------------------------------
    async listActions(actor: Actor, surveyId: string) {
      const s = await requireSurvey(actor.tenantId, surveyId);
      authorize(actor, 'skm.read', { tenantId: actor.tenantId, unitId: s.unitId });
      return db
        .selectFrom('skmActions as a')
        .leftJoin('positions as p', (j) => j.onRef('p.tenantId', '=', 'a.tenantId').onRef('p.id', '=', 'a.ownerPositionId'))
        .selectAll('a')
        .select('p.title as ownerPositionTitle')
        .where('a.tenantId', '=', actor.tenantId)
        .where('a.surveyId', '=', surveyId)
        .orderBy('a.createdAt')
        .execute();
    },

    async addAction(actor: Actor, surveyId: string, input: { unsur: string; action: string; ownerPositionId?: string | null; dueDate?: string | null; status: string }, requestId?: string) {
      const s = await requireSurvey(actor.tenantId, surveyId);
      authorize(actor, 'skm.manage', { tenantId: actor.tenantId, unitId: s.unitId });
      if (!(JSON.parse(s.activeUnsur) as string[]).includes(input.unsur)) throw validation('unsur', 'errors.unknownUnsur', { unsur: input.unsur });
      if (input.ownerPositionId) {
        const p = await db.selectFrom('positions').select('id').where('tenantId', '=', actor.tenantId).where('id', '=', input.ownerPositionId).executeTakeFirst();
        if (!p) throw notFound('position');
      }
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const row = { tenantId: actor.tenantId, id: newId(), surveyId, unsur: input.unsur, action: input.action, ownerPositionId: input.ownerPositionId ?? null, dueDate: input.dueDate ?? null, status: input.status, createdAt: now, updatedAt: now };
        await tx.insertInto('skmActions').values(row).execute();
        await audit.record({ entityType: 'skm_action', entityId: row.id, action: 'create', after: { surveyId, unsur: row.unsur, action: row.action, ownerPositionId: row.ownerPositionId, dueDate: row.dueDate, status: row.status } });
        return row;
      });
    },

    async updateAction(actor: Actor, id: string, input: { action?: string; ownerPositionId?: string | null; dueDate?: string | null; status?: string }, requestId?: string) {
      const a = await db.selectFrom('skmActions').selectAll().where('tenantId', '=', actor.tenantId).where('id', '=', id).executeTakeFirst();
      if (!a) throw notFound('skm_action');
      const s = await requireSurvey(actor.tenantId, a.surveyId);
      authorize(actor, 'skm.manage', { tenantId: actor.tenantId, unitId: s.unitId });
      if (input.ownerPositionId) {
        const p = await db.selectFrom('positions').select('id').where('tenantId', '=', actor.tenantId).where('id', '=', input.ownerPositionId).executeTakeFirst();
        if (!p) throw notFound('position');
      }
      const next = {
        ...a,
        ...(input.action !== undefined && { action: input.action }),
        ...(input.ownerPositionId !== undefined && { ownerPositionId: input.ownerPositionId ?? null }),
        ...(input.dueDate !== undefined && { dueDate: input.dueDate ?? null }),
        ...(input.status !== undefined && { status: input.status }),
        updatedAt: clock.now().toISOString(),
      };
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await tx.updateTable('skmActions').set(next).where('tenantId', '=', actor.tenantId).where('id', '=', id).execute();
        const f = (x: typeof a) => ({ action: x.action, ownerPositionId: x.ownerPositionId, dueDate: x.dueDate, status: x.status });
        await audit.record({ entityType: 'skm_action', entityId: id, action: 'update', before: f(a), after: f(next) });
        return next;
      });
    },
  };
}
export type SkmService = ReturnType<typeof createSkmService>;
