import { randomInt } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { AppError, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import type { Executor } from '../../db/db.ts';
import type { SkmAggregateTable, SkmSurveyTable } from '../../db/schema.ts';
import type { CreateSurveyInput, SubmitResponseInput } from '../../../shared/schemas/skm.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { computeIkm, minSample, skmRulebooks, type SkmRulebook, type UnsurTotals } from '../../rules/skm/index.ts';
import { checkFormToken, issueFormToken } from './form-token.ts';
import { submissionWriter } from './skm.write.ts';
import { acceptsAnswers } from './skm.policy.ts';
import { skmRepo as repo, type SurveyListFilter } from './skm.repo.ts';
import { regionDate } from '../../../shared/region-time.ts';

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

export type { SurveyListFilter } from './skm.repo.ts';

export function createSkmService(deps: Deps) {
  const { db, clock, config } = deps;
  const storeSubmission = submissionWriter(db, deps.dialect);

  async function requireSurvey(tenantId: string, id: string, ex: Executor = db) {
    const s = await repo.findSurvey(ex, tenantId, id);
    if (!s) throw notFound('survey');
    return s;
  }

  /**
   * Surveys by public code, cached briefly for the form's hot path. A change made through this
   * service (close, reopen, new end date) drops the entry at once; the TTL bounds staleness from
   * other processes.
   */
  const byCode = new Map<string, { at: number; survey: (SkmSurveyTable & { regionCode: string; active: string[] }) | null }>();
  async function surveyByCode(code: string) {
    const hit = byCode.get(code);
    if (hit && Date.now() - hit.at < 5000) return hit.survey;
    const row = await repo.surveyByCode(db, code);
    const survey = row ? { ...row, active: JSON.parse(row.activeUnsur) as string[] } : null;
    if (byCode.size > 10_000) byCode.clear();
    byCode.set(code, { at: Date.now(), survey });
    return survey;
  }

  async function countRejection(codeRaw: string, reason: string) {
    // Codes of no survey share one bucket per day and reason, so random codes cannot grow the log.
    // The day is the survey's region day (WIB for the shared bucket of unknown codes).
    const code = codeRaw.toUpperCase().slice(0, 20);
    const s = await surveyByCode(code);
    const surveyCode = s ? code : UNKNOWN_CODE_BUCKET;
    const day = regionDate(clock.now(), s?.regionCode);
    await repo.countRejection(db, surveyCode, day, reason);
  }

  /** A bot that filled the honeypot used up its form token: the same token is refused later. */
  async function burnToken(code: string, formToken: string) {
    const s = await surveyByCode(code);
    if (!s) return;
    const token = checkFormToken(config.sessionSecret, s.code, formToken, clock.now().getTime());
    if (!token.ok) return;
    await repo.useToken(db, token.nonce, s.code, clock.now().toISOString());
  }

  async function reject(code: string, reason: string, error: AppError): Promise<never> {
    await countRejection(code, reason).catch(() => {});
    throw error;
  }

  /** Results of one survey from its running totals (no recount). */
  async function surveyResults(s: SkmSurveyTable) {
    const rb = rulebookOf(s.rulebookId);
    const agg = await repo.aggregateOf(db, s.tenantId, s.id);
    const { totals, n } = totalsOf(agg ? [agg] : []);
    const active = JSON.parse(s.activeUnsur) as string[];
    const r = computeIkm(rb, active, totals, n);
    const sample = s.population ? minSample(rb, s.population) : null;
    const profile = await repo.profileCounts(db, s.tenantId, s.id);
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
      const unit = await repo.findUnit(db, actor.tenantId, input.unitId);
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
        let service = await repo.findService(tx, actor.tenantId, unit.id, input.serviceName);
        if (!service) {
          service = { tenantId: actor.tenantId, id: newId(), unitId: unit.id, name: input.serviceName, description: null, isActive: 1, createdAt: now, updatedAt: now };
          await repo.insertService(tx, service);
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
        await repo.insertSurvey(tx, survey, now);
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
        await repo.updateSurvey(tx, actor.tenantId, id, { population: next.population, status: next.status, periodEnd: next.periodEnd, updatedAt: next.updatedAt });
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
      const { rows, total } = await repo.listSurveys(db, deps.dialect, actor.tenantId, f);
      const out = [];
      for (const r of rows) {
        const res = await surveyResults(r);
        out.push({ ...r, responses: Number(r.responses ?? 0), ikmConverted: res.ikmConverted, mutu: res.mutu, minSample: res.minSample, canManage: can(actor, 'skm.manage', { tenantId: actor.tenantId, unitId: r.unitId }) });
      }
      return { items: out, total: total ?? out.length };
    },

    /** The services a unit surveyed before (the create form continues their trend by name). */
    async serviceNames(actor: Actor, f: { unitId: string; q?: string; limit: number }) {
      authorize(actor, 'skm.read', { tenantId: actor.tenantId });
      return repo.serviceNames(db, actor.tenantId, f.unitId, f.q, f.limit);
    },

    /** IKM of a unit (with its sub-units' services) or the whole region over a period. */
    async aggregateResults(actor: Actor, f: { unitId?: string; from: string; to: string }) {
      authorize(actor, 'skm.read', { tenantId: actor.tenantId });
      const rows = await repo.aggregatesInPeriod(db, actor.tenantId, f);
      const rb = rulebookOf(rows[0]?.rulebookId ?? 'skm-2017');
      const active = rb.body.unsur.map((u) => u.code).filter((c) => rows.some((r) => (JSON.parse(r.activeUnsur) as string[]).includes(c)));
      const { totals, n } = totalsOf(rows);
      const r = computeIkm(rb, active.length ? active : rb.body.unsur.map((u) => u.code), totals, n);
      return { surveys: rows.length, from: f.from, to: f.to, unitId: f.unitId ?? null, ...r };
    },

    /** Results per survey period of a service (or unit), oldest first, for the trend chart. */
    async trend(actor: Actor, f: { serviceId?: string; unitId?: string }) {
      authorize(actor, 'skm.read', { tenantId: actor.tenantId });
      const surveys = await repo.surveysOf(db, actor.tenantId, f);
      const out = [];
      for (const s of surveys) {
        const r = await surveyResults(s);
        out.push({ surveyId: s.id, periodStart: s.periodStart, periodEnd: s.periodEnd, periodKind: s.periodKind, n: r.n, ikmConverted: r.ikmConverted, mutu: r.mutu, nrr: r.nrr });
      }
      return out;
    },

    // ---- public form ---------------------------------------------------------------------
    async publicForm(code: string) {
      const s = await repo.publicSurveyByCode(db, code.toUpperCase());
      if (!s) throw notFound('survey');
      const rb = rulebookOf(s.rulebookId);
      const active = JSON.parse(s.activeUnsur) as string[];
      const today = regionDate(clock.now(), s.regionCode);
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
      const today = regionDate(now, s.regionCode);
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
      const row = await repo.recount(db, tenantId, surveyId);
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v ?? 0)]));
    },

    countRejection,

    async rejections(actor: Actor, surveyId: string) {
      const s = await requireSurvey(actor.tenantId, surveyId);
      authorize(actor, 'skm.read', { tenantId: actor.tenantId, unitId: s.unitId });
      return repo.rejections(db, s.code);
    },

    // ---- follow-up (rencana tindak lanjut) -------------------------------------------------
    async listActions(actor: Actor, surveyId: string) {
      const s = await requireSurvey(actor.tenantId, surveyId);
      authorize(actor, 'skm.read', { tenantId: actor.tenantId, unitId: s.unitId });
      return repo.listActions(db, actor.tenantId, surveyId);
    },

    async addAction(actor: Actor, surveyId: string, input: { unsur: string; action: string; ownerPositionId?: string | null; dueDate?: string | null; status: string }, requestId?: string) {
      const s = await requireSurvey(actor.tenantId, surveyId);
      authorize(actor, 'skm.manage', { tenantId: actor.tenantId, unitId: s.unitId });
      if (!(JSON.parse(s.activeUnsur) as string[]).includes(input.unsur)) throw validation('unsur', 'errors.unknownUnsur', { unsur: input.unsur });
      if (input.ownerPositionId) {
        if (!(await repo.positionExists(db, actor.tenantId, input.ownerPositionId))) throw notFound('position');
      }
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const row = { tenantId: actor.tenantId, id: newId(), surveyId, unsur: input.unsur, action: input.action, ownerPositionId: input.ownerPositionId ?? null, dueDate: input.dueDate ?? null, status: input.status, createdAt: now, updatedAt: now };
        await repo.insertAction(tx, row);
        await audit.record({ entityType: 'skm_action', entityId: row.id, action: 'create', after: { surveyId, unsur: row.unsur, action: row.action, ownerPositionId: row.ownerPositionId, dueDate: row.dueDate, status: row.status } });
        return row;
      });
    },

    async updateAction(actor: Actor, id: string, input: { action?: string; ownerPositionId?: string | null; dueDate?: string | null; status?: string }, requestId?: string) {
      const a = await repo.findAction(db, actor.tenantId, id);
      if (!a) throw notFound('skm_action');
      const s = await requireSurvey(actor.tenantId, a.surveyId);
      authorize(actor, 'skm.manage', { tenantId: actor.tenantId, unitId: s.unitId });
      if (input.ownerPositionId) {
        if (!(await repo.positionExists(db, actor.tenantId, input.ownerPositionId))) throw notFound('position');
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
        await repo.updateAction(tx, actor.tenantId, id, next);
        const f = (x: typeof a) => ({ action: x.action, ownerPositionId: x.ownerPositionId, dueDate: x.dueDate, status: x.status });
        await audit.record({ entityType: 'skm_action', entityId: id, action: 'update', before: f(a), after: f(next) });
        return next;
      });
    },
  };
}
export type SkmService = ReturnType<typeof createSkmService>;
