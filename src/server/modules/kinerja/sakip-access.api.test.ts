import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestResponse, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { createTenantService } from '../tenants/tenants.service.ts';
import { createUsersService } from '../users/users.service.ts';

/**
 * The SAKIP access matrix (issue 11 item 6), tested as an attacker would: EVERY /api/pk* and
 * /api/sakip* route (the test fails when the app registers one without a row here) × the
 * operator of unit A (Disdukcapil), the operator of unit B (Balitbangda), the head of A, the Tim
 * RB, the Inspektorat, pimpinan, a juri (no SAKIP role), the admin of ANOTHER tenant and an
 * anonymous caller. Each cell asserts the status; a refused write changes no row of tenant A's
 * SAKIP tables (nor the audit count) and answers a message in Indonesian; a list answered to a
 * caller who may not see A shows nothing of A (A's PK id, unit, indicator and holder names).
 * Plus evidence downloads (PK scan, realisation, corrective action, LHE follow-up files), the
 * four-eyes rule and corrections of verified values.
 *
 * Choices where the issue leaves room (issue 11 item 6, PRODUCT.md roles, ARCHITECTURE "Access"):
 * - The pemda recap (`/api/sakip/recap*`) and the pemda LKjIP are for tenant-wide readers (Tim RB,
 *   Inspektorat, pimpinan): "operators see their own unit", so unit roles get 403 there and read
 *   their own unit through the PK, the notula and the unit LKjIP.
 * - The plan (RPJMD, Renstra, pohon kinerja, Excel) is read by every SAKIP role, units included:
 *   a unit links its Renstra to the pemda's sasaran and the cascade check is pemda-wide
 *   (ARCHITECTURE "Plan and cascade"). Writes stay per unit (operator of B cannot touch A's Renstra).
 * - The capaian settings (bands) are read by every SAKIP role (they colour every page), set by the admin.
 * - Lists (register, PKs of a year, corrective actions, evaluation table) answer 200 filtered to
 *   what the caller may read rather than 403, so a unit page works; filtered means nothing of A.
 * - A user of another tenant calling a tenant-level route acts in HIS tenant (200 with his own,
 *   empty data): the test checks that nothing of tenant A shows or changes. By id: 404, never 403.
 * - Anonymous: 401 everywhere.
 */

type Who = 'opA' | 'opB' | 'kepA' | 'rb' | 'insp' | 'pim' | 'juri' | 'other' | 'anon';
const WHO: Who[] = ['opA', 'opB', 'kepA', 'rb', 'insp', 'pim', 'juri', 'other', 'anon'];
/** Readers of unit A's PK (pk.read): its unit roles and the tenant-wide readers. */
const PK_READERS: Who[] = ['opA', 'kepA', 'rb', 'insp', 'pim'];
/** Every SAKIP role of tenant A (the plan and the settings are read by all of them). */
const SAKIP_ROLES: Who[] = ['opA', 'opB', 'kepA', 'rb', 'insp', 'pim'];

interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  upload?: { fields?: Record<string, string>; name: string; data: Buffer };
}
interface Row {
  /** Method and OpenAPI path, exactly as registered. */
  route: string;
  /** Answered 2xx with the data. */
  ok: Who[];
  /** Answered 2xx but filtered: nothing of unit A (or of tenant A, for another tenant's user). */
  hidden?: Who[];
  /** Refusal statuses other than the default (403 in the tenant, 404 for another tenant, 401 anonymous). */
  status?: Partial<Record<Who, number>>;
  /** The request; `allowed` asks for a fresh target when the write changes state. */
  req: (who: Who, allowed: boolean) => Req | Promise<Req>;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const SECRET_INDICATOR = 'Indikator rahasia Disdukcapil';
/** Tenant A's SAKIP tables: a refused write leaves every row as it was. */
const TABLES = ['pk_agreements', 'pk_indicators', 'pk_realisations', 'pk_realisation_corrections', 'pk_settings', 'pk_corrective_actions', 'sakip_lhe_items', 'plan_periods', 'plan_tujuan', 'plan_sasaran', 'plan_indicators', 'plan_targets', 'plan_programs', 'plan_budgets', 'evidence', 'evidence_links', 'official_documents', 'review_log', 'assessment_answers'];

const INDONESIAN = /\b(tidak|silakan|belum|sudah|hanya|wajib|harus|bukan|berwenang|ditemukan|masuk)\b/i;
const ENGLISH = /\b(internal|forbidden|not found|unauthori[sz]ed|error|cannot|must)\b/i;

for (const dialect of await testDialects()) {
  describe(`SAKIP access matrix [${dialect}]`, () => {
    // A fixed day after every PK year the matrix uses (2026 and the fresh PKs from 2031 on), so
    // every quarter has begun (realisation of a quarter not yet begun is refused) and the tests do
    // not depend on the day they run.
    const clock = createManualClock('2090-05-04T01:00:00.000Z');
    let rt: TestRuntime;
    const c = {} as Record<Who | 'admin', TestClient>;
    let tenantA: string;
    let unitA: string;
    let unitAName: string;
    let headA: string;
    let periodId: string;
    // Shared targets of the refused cells.
    let pkA: string; // signed, unit A, 2026
    let inspHead: string; // the Inspektur's position (vacant in the demo tenant)
    let inspPerson: string; // who takes it before the LHE is issued
    let ind1: string; // pkA: TW I verified (red), TW II draft
    let ind2: string; // pkA: TW I submitted, TW II verified red without corrective action
    let caA: string; // open corrective action of ind1 TW I, evidence linked
    let pkDraftA: string;
    let draftInd: string;
    let pkSubA: string;
    let tujuan: string;
    let tujuanDel: string;
    let sasA: string;
    let sasDel: string;
    let indA: string;
    let indDel: string;
    let progA: string;
    let progDel: string;
    let item1: string; // LHE item of A (follow-up target)
    let item2: string; // LHE item of A, answered (review target)
    let unitB: string;
    let pkBId: string;
    const files: Record<string, string> = {};
    let year = 2031;
    let code = 0;
    let pool: { ids: string[]; next: number };

    const must = async <T = any>(p: Promise<TestResponse<T>>, status = [200, 201, 204]) => {
      const res = await p;
      assert.ok(status.includes(res.status), `${res.status} ${res.raw.slice(0, 400)}`);
      return res.body;
    };
    const nextCode = () => `ACC-${++code}`;
    const newDraftPk = async () => (await must(c.rb.post('/api/pk', { year: year++, positionId: headA }))).id as string;
    const newSignedPk = async () => {
      const id = await newDraftPk();
      await must(c.rb.post(`/api/pk/${id}/sign`, { signedOn: '2026-01-31' }));
      return id;
    };
    const newSubmittedPk = async () => {
      const id = await newDraftPk();
      await must(c.kepA.post(`/api/pk/${id}/submit`, {}));
      return id;
    };
    /** A fresh (indicator, quarter) of the signed pool PK with a draft value (red: 10 against 25). */
    const enteredSlot = async () => {
      const n = pool.next++;
      const slot = { ind: pool.ids[Math.floor(n / 4)]!, q: (n % 4) + 1 };
      assert.ok(slot.ind, 'pool of realisation slots exhausted');
      await must(c.opA.put(`/api/pk/indicators/${slot.ind}/realisations/${slot.q}`, { value: 10 }));
      return slot;
    };
    const submittedSlot = async () => {
      const s = await enteredSlot();
      await must(c.kepA.post(`/api/pk/indicators/${s.ind}/realisations/${s.q}/submit`));
      return s;
    };
    const redVerifiedSlot = async () => {
      const s = await submittedSlot();
      await must(c.insp.post(`/api/pk/indicators/${s.ind}/realisations/${s.q}/verify`));
      return s;
    };
    const correctiveBody = () => ({ kendala: 'Jaringan SIAK terputus', solusi: 'Layanan jemput bola', rencana: 'Perekaman keliling tiap pekan', picPositionId: headA, deadline: '2026-06-30' });
    const openAction = async () => {
      const s = await redVerifiedSlot();
      const a = await must(c.opA.post(`/api/pk/indicators/${s.ind}/quarters/${s.q}/corrective-action`, correctiveBody()));
      await must(c.opA.upload('/api/evidence', { entityType: 'pk_corrective_action', entityId: a.id }, { name: 'tindak-lanjut.pdf', data: PDF }));
      return a.id as string;
    };
    const answeredItem = async () => {
      const it = await must(c.insp.post(`/api/sakip/evaluations/${unitA}/2026/lhe`, { finding: 'IKU belum selaras dengan Renstra', recommendation: 'Selaraskan IKU dengan Renstra' }));
      await must(c.opA.post(`/api/sakip/lhe/${it.id}/follow-up`, { text: 'IKU sudah diselaraskan' }));
      return it.id as string;
    };
    const tujuanBody = () => ({ periodId, code: nextCode(), name: 'Tujuan uji akses' });
    const sasaranBody = () => ({ periodId, code: nextCode(), name: 'Sasaran Renstra uji akses', unitId: unitA });
    const indicatorBody = () => ({ sasaranId: sasA, code: nextCode(), name: 'Indikator rencana uji akses', satuan: '%', polarity: 'higher', targets: [{ year: 2026, target: 80 }] });
    const programBody = () => ({ periodId, unitId: unitA, level: 'program', code: nextCode(), name: 'Program uji akses', budgets: [{ year: 2026, pagu: 1000000 }] });
    const exportWorkbook = async () => {
      const dl = await c.rb.download('/api/sakip/plan/export.xlsx?year=2026');
      assert.equal(dl.status, 200);
      return dl.data;
    };

    const q = (s: { ind: string; q: number }, tail = '') => `/api/pk/indicators/${s.ind}/realisations/${s.q}${tail}`;
    const slot1q2 = () => ({ ind: ind1, q: 2 });
    const slot2q1 = () => ({ ind: ind2, q: 1 });

    const ROWS: Row[] = [
      // --- the PK and its signing season (kinerja.routes.ts) ---
      { route: 'POST /api/pk/generate', ok: ['rb'], hidden: ['other'], req: () => ({ method: 'POST', url: '/api/pk/generate', body: { year: 2099, source: 'empty' } }) },
      { route: 'GET /api/pk/register', ok: PK_READERS, hidden: ['opB', 'juri', 'other'], req: () => ({ method: 'GET', url: '/api/pk/register?year=2026' }) },
      { route: 'GET /api/pk/register.csv', ok: PK_READERS, hidden: ['opB', 'juri', 'other'], req: () => ({ method: 'GET', url: '/api/pk/register.csv?year=2026' }) },
      { route: 'GET /api/pk/bundle.pdf', ok: ['rb'], hidden: ['other'], req: () => ({ method: 'GET', url: '/api/pk/bundle.pdf?year=2026' }) },
      { route: 'POST /api/pk/{id}/submit', ok: ['kepA'], req: async (_w, fresh) => ({ method: 'POST', url: `/api/pk/${fresh ? await newDraftPk() : pkDraftA}/submit`, body: {} }) },
      { route: 'POST /api/pk/{id}/agree', ok: ['rb'], req: async (_w, fresh) => ({ method: 'POST', url: `/api/pk/${fresh ? await newSubmittedPk() : pkSubA}/agree`, body: {} }) },
      { route: 'POST /api/pk/{id}/return', ok: ['rb'], req: async (_w, fresh) => ({ method: 'POST', url: `/api/pk/${fresh ? await newSubmittedPk() : pkSubA}/return`, body: { note: 'Target belum selaras' } }) },
      { route: 'POST /api/pk/{id}/scan', ok: ['kepA', 'rb'], req: () => ({ method: 'POST', url: `/api/pk/${pkA}/scan`, upload: { name: 'pk-ttd-basah.pdf', data: PDF } }) },
      { route: 'POST /api/pk/{id}/revise', ok: ['opA', 'kepA', 'rb'], req: async (_w, fresh) => ({ method: 'POST', url: `/api/pk/${fresh ? await newSignedPk() : pkA}/revise`, body: { reason: 'Perubahan anggaran' } }) },
      // A PK for a position outside the user's scope (operator of B for A's head): 403, nothing written.
      { route: 'POST /api/pk', ok: ['opA', 'kepA', 'rb'], req: (_w, fresh) => ({ method: 'POST', url: '/api/pk', body: { year: fresh ? year++ : 2097, positionId: headA } }) },
      { route: 'GET /api/pk', ok: PK_READERS, hidden: ['opB', 'juri', 'other'], req: () => ({ method: 'GET', url: '/api/pk?year=2026' }) },
      // Another tenant's user reading a PK by id: 404.
      { route: 'GET /api/pk/{id}', ok: PK_READERS, req: () => ({ method: 'GET', url: `/api/pk/${pkA}` }) },
      { route: 'GET /api/pk/{id}/plan-indicators', ok: PK_READERS, req: () => ({ method: 'GET', url: `/api/pk/${pkA}/plan-indicators` }) },
      { route: 'POST /api/pk/{id}/sign', ok: ['kepA', 'rb'], req: async (_w, fresh) => ({ method: 'POST', url: `/api/pk/${fresh ? await newDraftPk() : pkDraftA}/sign`, body: { signedOn: '2026-01-31' } }) },
      { route: 'POST /api/pk/{id}/indicators', ok: ['opA', 'kepA', 'rb'], req: () => ({ method: 'POST', url: `/api/pk/${pkDraftA}/indicators`, body: { sasaran: 'Meningkatnya layanan', name: 'Indikator tambahan', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 100, quarterTargets: [25, 25, 25, 25] } }) },
      { route: 'GET /api/pk/{id}/export.pdf', ok: PK_READERS, req: () => ({ method: 'GET', url: `/api/pk/${pkA}/export.pdf` }) },
      // --- realisations (pk-realisation.routes.ts) ---
      { route: 'PUT /api/pk/indicators/{id}', ok: ['opA', 'kepA', 'rb'], req: () => ({ method: 'PUT', url: `/api/pk/indicators/${draftInd}`, body: { formula: 'Jumlah dokumen terbit', dataSource: 'SIAK' } }) },
      // The operator of B entering a realisation on A's PK: 403. The Tim RB verifies, it does not enter.
      { route: 'PUT /api/pk/indicators/{id}/realisations/{quarter}', ok: ['opA', 'kepA'], req: () => ({ method: 'PUT', url: q(slot1q2()), body: { value: 30 } }) },
      { route: 'POST /api/pk/indicators/{id}/realisations/{quarter}/submit', ok: ['kepA'], req: async (_w, fresh) => ({ method: 'POST', url: q(fresh ? await enteredSlot() : slot1q2(), '/submit') }) },
      { route: 'POST /api/pk/indicators/{id}/realisations/{quarter}/verify', ok: ['rb', 'insp'], req: async (_w, fresh) => ({ method: 'POST', url: q(fresh ? await submittedSlot() : slot2q1(), '/verify') }) },
      { route: 'POST /api/pk/indicators/{id}/realisations/{quarter}/return', ok: ['rb', 'insp'], req: async (_w, fresh) => ({ method: 'POST', url: q(fresh ? await submittedSlot() : slot2q1(), '/return'), body: { note: 'Lengkapi data dukung' } }) },
      { route: 'POST /api/pk/indicators/{id}/realisations/{quarter}/corrections', ok: ['rb', 'insp'], req: () => ({ method: 'POST', url: q({ ind: ind1, q: 1 }, '/corrections'), body: { value: 120, reason: 'Salah ketik pada rekap' } }) },
      { route: 'GET /api/pk/settings', ok: SAKIP_ROLES, hidden: ['other'], req: () => ({ method: 'GET', url: '/api/pk/settings' }) },
      { route: 'PUT /api/pk/settings', ok: [], hidden: ['other'], req: () => ({ method: 'PUT', url: '/api/pk/settings', body: { redBelow: 60, greenAbove: 85, displayCap: null } }) },
      { route: 'POST /api/pk/indicators/{id}/quarters/{quarter}/corrective-action', ok: ['opA', 'kepA'], req: async (_w, fresh) => { const s = fresh ? await redVerifiedSlot() : { ind: ind2, q: 2 }; return { method: 'POST', url: `/api/pk/indicators/${s.ind}/quarters/${s.q}/corrective-action`, body: correctiveBody() }; } },
      { route: 'POST /api/pk/corrective-actions/{id}/done', ok: ['opA', 'kepA'], req: async (_w, fresh) => ({ method: 'POST', url: `/api/pk/corrective-actions/${fresh ? await openAction() : caA}/done`, body: { result: 'Perekaman keliling sudah berjalan' } }) },
      { route: 'GET /api/pk/corrective-actions', ok: PK_READERS, hidden: ['opB', 'other'], req: () => ({ method: 'GET', url: '/api/pk/corrective-actions' }) },
      // --- plan and cascade (plan.routes.ts) ---
      { route: 'GET /api/sakip/plan/periods', ok: SAKIP_ROLES, hidden: ['other'], req: () => ({ method: 'GET', url: '/api/sakip/plan/periods' }) },
      { route: 'POST /api/sakip/plan/periods', ok: ['rb'], hidden: ['other'], req: (_w, fresh) => ({ method: 'POST', url: '/api/sakip/plan/periods', body: fresh ? { startYear: 2080, endYear: 2084 } : { startYear: 2090, endYear: 2094 } }) },
      { route: 'POST /api/sakip/plan/tujuan', ok: ['rb'], req: () => ({ method: 'POST', url: '/api/sakip/plan/tujuan', body: tujuanBody() }) },
      { route: 'PUT /api/sakip/plan/tujuan/{id}', ok: ['rb'], req: () => ({ method: 'PUT', url: `/api/sakip/plan/tujuan/${tujuan}`, body: { name: 'Tujuan uji akses (diubah)' } }) },
      { route: 'POST /api/sakip/plan/sasaran', ok: ['opA', 'kepA', 'rb'], req: () => ({ method: 'POST', url: '/api/sakip/plan/sasaran', body: sasaranBody() }) },
      { route: 'PUT /api/sakip/plan/sasaran/{id}', ok: ['opA', 'kepA', 'rb'], req: (w) => ({ method: 'PUT', url: `/api/sakip/plan/sasaran/${sasA}`, body: { name: `Sasaran Renstra A (${w})` } }) },
      { route: 'POST /api/sakip/plan/indicators', ok: ['opA', 'kepA', 'rb'], req: () => ({ method: 'POST', url: '/api/sakip/plan/indicators', body: indicatorBody() }) },
      { route: 'PUT /api/sakip/plan/indicators/{id}', ok: ['opA', 'kepA', 'rb'], req: (w) => ({ method: 'PUT', url: `/api/sakip/plan/indicators/${indA}`, body: { name: `Indikator Renstra A (${w})` } }) },
      { route: 'POST /api/sakip/plan/programs', ok: ['opA', 'kepA', 'rb'], req: () => ({ method: 'POST', url: '/api/sakip/plan/programs', body: programBody() }) },
      { route: 'PUT /api/sakip/plan/programs/{id}', ok: ['opA', 'kepA', 'rb'], req: (w) => ({ method: 'PUT', url: `/api/sakip/plan/programs/${progA}`, body: { name: `Program unit A (${w})` } }) },
      { route: 'DELETE /api/sakip/plan/tujuan/{id}', ok: ['rb'], req: async (_w, fresh) => ({ method: 'DELETE', url: `/api/sakip/plan/tujuan/${fresh ? (await must(c.rb.post('/api/sakip/plan/tujuan', tujuanBody()))).id : tujuanDel}` }) },
      { route: 'DELETE /api/sakip/plan/sasaran/{id}', ok: ['opA', 'kepA', 'rb'], req: async (_w, fresh) => ({ method: 'DELETE', url: `/api/sakip/plan/sasaran/${fresh ? (await must(c.rb.post('/api/sakip/plan/sasaran', sasaranBody()))).id : sasDel}` }) },
      { route: 'DELETE /api/sakip/plan/indicators/{id}', ok: ['opA', 'kepA', 'rb'], req: async (_w, fresh) => ({ method: 'DELETE', url: `/api/sakip/plan/indicators/${fresh ? (await must(c.rb.post('/api/sakip/plan/indicators', indicatorBody()))).id : indDel}` }) },
      { route: 'DELETE /api/sakip/plan/programs/{id}', ok: ['opA', 'kepA', 'rb'], req: async (_w, fresh) => ({ method: 'DELETE', url: `/api/sakip/plan/programs/${fresh ? (await must(c.rb.post('/api/sakip/plan/programs', programBody()))).id : progDel}` }) },
      // Another tenant has no plan period for 2026: 404 (its own tenant is searched, never A's).
      { route: 'GET /api/sakip/plan/tree', ok: SAKIP_ROLES, req: () => ({ method: 'GET', url: '/api/sakip/plan/tree?year=2026' }) },
      { route: 'GET /api/sakip/plan/cascade', ok: SAKIP_ROLES, req: () => ({ method: 'GET', url: '/api/sakip/plan/cascade?year=2026' }) },
      { route: 'GET /api/sakip/plan/template.xlsx', ok: SAKIP_ROLES, req: () => ({ method: 'GET', url: '/api/sakip/plan/template.xlsx?year=2026' }) },
      { route: 'GET /api/sakip/plan/export.xlsx', ok: SAKIP_ROLES, req: () => ({ method: 'GET', url: '/api/sakip/plan/export.xlsx?year=2026' }) },
      // Re-importing the unchanged exported plan writes nothing and needs no write right.
      { route: 'POST /api/sakip/plan/import/preview', ok: SAKIP_ROLES, req: async () => ({ method: 'POST', url: '/api/sakip/plan/import/preview?year=2026', upload: { name: 'rencana.xlsx', data: await exportWorkbook() } }) },
      { route: 'POST /api/sakip/plan/import', ok: SAKIP_ROLES, req: async () => ({ method: 'POST', url: '/api/sakip/plan/import?year=2026', upload: { name: 'rencana.xlsx', data: await exportWorkbook() } }) },
      // --- reports (sakip-reports.routes.ts) ---
      { route: 'GET /api/sakip/recap', ok: ['rb', 'insp', 'pim'], hidden: ['other'], req: () => ({ method: 'GET', url: '/api/sakip/recap?year=2026&quarter=1' }) },
      { route: 'GET /api/sakip/recap.xlsx', ok: ['rb', 'insp', 'pim'], hidden: ['other'], req: () => ({ method: 'GET', url: '/api/sakip/recap.xlsx?year=2026&quarter=1' }) },
      { route: 'GET /api/pk/{id}/notula.pdf', ok: PK_READERS, req: () => ({ method: 'GET', url: `/api/pk/${pkA}/notula.pdf?quarter=1` }) },
      { route: 'GET /api/sakip/lkjip.docx', ok: PK_READERS, req: () => ({ method: 'GET', url: `/api/sakip/lkjip.docx?year=2026&unitId=${unitA}` }) },
      { route: 'GET /api/sakip/lkjip.pdf', ok: PK_READERS, req: () => ({ method: 'GET', url: `/api/sakip/lkjip.pdf?year=2026&unitId=${unitA}` }) },
      // --- internal evaluation (sakip-eval.routes.ts) ---
      { route: 'GET /api/sakip/evaluations', ok: PK_READERS, hidden: ['opB', 'other'], req: () => ({ method: 'GET', url: '/api/sakip/evaluations?year=2026' }) },
      { route: 'GET /api/sakip/evaluations/export.csv', ok: PK_READERS, hidden: ['opB', 'other'], req: () => ({ method: 'GET', url: '/api/sakip/evaluations/export.csv?year=2026' }) },
      { route: 'GET /api/sakip/evaluations/{target}/{year}', ok: PK_READERS, req: () => ({ method: 'GET', url: `/api/sakip/evaluations/${unitA}/2026` }) },
      { route: 'GET /api/sakip/evaluations/{target}/{year}/lhe.pdf', ok: PK_READERS, req: () => ({ method: 'GET', url: `/api/sakip/evaluations/${unitA}/2026/lhe.pdf` }) },
      { route: 'POST /api/sakip/evaluations/{target}/{year}/lhe', ok: ['insp'], req: () => ({ method: 'POST', url: `/api/sakip/evaluations/${unitA}/2026/lhe`, body: { finding: 'Temuan uji akses', recommendation: 'Rekomendasi uji akses' } }) },
      // Issuing freezes the LHE: the allowed call issues another year's LHE of unit A, after the
      // Inspektur takes office (the demo tenant's post is vacant) and one finding is written.
      {
        route: 'POST /api/sakip/evaluations/{target}/{year}/lhe/issue',
        ok: ['insp'],
        req: async (_w, fresh) => {
          if (fresh) {
            await must(c.admin.post('/api/assignments', { positionId: inspHead, personId: inspPerson, kind: 'definitif', startDate: '2020-01-02' }));
            await must(c.insp.post(`/api/sakip/evaluations/${unitA}/2025/lhe`, { finding: 'Temuan terbit', recommendation: 'Rekomendasi terbit' }));
            const letters = ['1.a', '1.b', '1.c', '2.a', '2.b', '2.c', '3.a', '3.b', '3.c', '4.a', '4.b', '4.c'].map((k) => [k, { value: 'B' }]);
            await must(c.insp.put('/api/assessments/evaluation', { kind: 'sakip_unit', scope: `${unitA}:2025`, rulebookId: 'lke-akip-2021', answers: Object.fromEntries(letters) }));
          }
          return { method: 'POST', url: `/api/sakip/evaluations/${unitA}/2025/lhe/issue` };
        },
      },
      { route: 'POST /api/sakip/lhe/{id}/follow-up', ok: ['opA', 'kepA'], req: () => ({ method: 'POST', url: `/api/sakip/lhe/${item1}/follow-up`, body: { text: 'Sudah ditindaklanjuti' } }) },
      { route: 'POST /api/sakip/lhe/{id}/review', ok: ['insp'], req: async (_w, fresh) => ({ method: 'POST', url: `/api/sakip/lhe/${fresh ? await answeredItem() : item2}/review`, body: { decision: 'return', note: 'Lampirkan bukti' } }) },
    ];

    async function fingerprint() {
      const out: Record<string, string> = {};
      for (const t of TABLES) {
        const r = await sql<Record<string, unknown>>`select * from ${sql.table(t)} where tenant_id = ${tenantA}`.execute(rt.deps.db);
        out[t] = r.rows.map((x) => JSON.stringify(x)).sort().join('\n');
      }
      const a = await sql<{ n: number | string }>`select count(*) as n from audit_log where tenant_id = ${tenantA}`.execute(rt.deps.db);
      out.audit_log = String(Number(a.rows[0]!.n));
      return out;
    }
    const markers = () => [pkA, unitA, unitAName, SECRET_INDICATOR, 'Andi Saputra'];

    async function send(who: Who, r: Req) {
      const client = c[who];
      if (r.upload) return client.upload(r.url, r.upload.fields ?? {}, { name: r.upload.name, data: r.upload.data });
      return client.request(r.method, r.url, r.body ?? (r.method === 'GET' || r.method === 'DELETE' ? undefined : {}));
    }

    /** One cell: the expected answer, and for a refusal (or any write of another tenant) nothing of tenant A changed. */
    async function cell(row: Row, who: Who): Promise<string | null> {
      const allowed = row.ok.includes(who);
      const hidden = row.hidden?.includes(who) ?? false;
      const r = await row.req(who, allowed);
      const write = r.method !== 'GET';
      const watch = write && (!allowed || who === 'other');
      const before = watch ? await fingerprint() : null;
      const res = await send(who, r);
      const label = `${row.route} as ${who} → ${res.status} ${res.raw.slice(0, 160)}`;
      if (allowed || hidden) {
        if (res.status < 200 || res.status > 299) return `expected 2xx: ${label}`;
        if (hidden) {
          const leaked = markers().filter((m) => res.raw.includes(m));
          if (leaked.length) return `leaks ${leaked.join(', ')}: ${label}`;
        }
      } else {
        const expected = row.status?.[who] ?? (who === 'anon' ? 401 : who === 'other' ? 404 : 403);
        if (res.status !== expected) return `expected ${expected}: ${label}`;
        const message = res.body?.error?.message;
        if (!INDONESIAN.test(String(message)) || ENGLISH.test(String(message)) || res.body?.error?.code === 'INTERNAL') return `message not Indonesian (${message}): ${label}`;
      }
      if (before) {
        const afterwards = await fingerprint();
        const changed = Object.keys(afterwards).filter((t) => afterwards[t] !== before[t]);
        if (changed.length) return `changed ${changed.join(', ')} of tenant A: ${label}`;
      }
      return null;
    }

    before(async () => {
      rt = await createTestRuntime(dialect, { clock });
      for (const [who, user] of [['admin', 'admin'], ['opA', 'operator'], ['kepA', 'kepala'], ['rb', 'rb'], ['insp', 'inspektorat'], ['pim', 'pimpinan'], ['juri', 'juri']] as const) c[who] = await signedIn(rt, user);
      c.anon = new TestClient(rt.app);
      tenantA = (await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow()).id;
      const units = (await c.admin.get('/api/units')).body.items as Array<{ id: string; name: string; shortName: string | null; parentId: string | null }>;
      const a = units.find((u) => u.shortName === 'Disdukcapil')!;
      const b = units.find((u) => u.shortName === 'Balitbangda')!;
      unitA = a.id;
      unitAName = a.name;
      const headOf = async (unitId: string) => ((await c.admin.get(`/api/positions?unitId=${unitId}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      const db = rt.deps.db;
      inspHead = (await db.selectFrom('positions as p').innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'p.tenantId').onRef('u.id', '=', 'p.unitId')).select('p.id').where('u.type', '=', 'inspektorat').where('p.isHead', '=', 1).executeTakeFirstOrThrow()).id;
      inspPerson = (await db.selectFrom('people').select('id').where('nip', '=', '198107152006041004').executeTakeFirstOrThrow()).id;
      headA = await headOf(unitA);
      const headB = await headOf(b.id);

      // The operator of unit B, and the admin of another tenant (Kota Palembang).
      const users = createUsersService(rt.deps);
      const bootstrap = (tenantId: string) => ({ userId: 'cli', tenantId, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() });
      const opB = await users.create(bootstrap(tenantA), { username: 'operator.balitbangda', name: 'Operator Balitbangda', password: 'rahasia-operator-b1', roles: [{ role: 'unit_operator', unitId: b.id }] });
      const palembang = await createTenantService(rt.deps).createTenant(null, '16.71');
      const other = await users.create(bootstrap(palembang.id), { username: 'admin.palembang', name: 'Admin Palembang', password: 'rahasia-palembang-1', roles: [{ role: 'admin' }] });
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', 'in', [opB.user.id, other.user.id]).execute();
      c.opB = new TestClient(rt.app);
      await c.opB.login('operator.balitbangda', 'rahasia-operator-b1');
      c.other = new TestClient(rt.app);
      await c.other.login('admin.palembang', 'rahasia-palembang-1');

      // Unit A's signed PK of 2026 with two indicators and realisations in every state; B's PK.
      pkA = (await must(c.rb.post('/api/pk', { year: 2026, positionId: headA }))).id;
      const addInd = async (pk: string, body: object) => (await must(c.opA.post(`/api/pk/${pk}/indicators`, { sasaran: 'Meningkatnya kualitas pelayanan administrasi kependudukan', ...body }))).id as string;
      ind1 = await addInd(pkA, { name: SECRET_INDICATOR, unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 1000, quarterTargets: [250, 250, 250, 250] });
      ind2 = await addInd(pkA, { name: 'Persentase keluhan layanan', unit: '%', polarity: 'lower', aggregation: 'last', target: 10, quarterTargets: [10, 10, 10, 10] });
      await must(c.kepA.post(`/api/pk/${pkA}/sign`, { signedOn: '2026-01-31' }));
      const pkB = (await must(c.rb.post('/api/pk', { year: 2026, positionId: headB }))).id;
      await must(c.rb.post(`/api/pk/${pkB}/indicators`, { sasaran: 'Meningkatnya kualitas kebijakan', name: 'Jumlah rekomendasi kebijakan', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 4, quarterTargets: [1, 1, 1, 1] }));
      await must(c.rb.post(`/api/pk/${pkB}/sign`, { signedOn: '2026-01-31' }));
      // ind1 TW I: 100 of 250 verified (red) with an open corrective action and its evidence.
      await must(c.opA.put(`/api/pk/indicators/${ind1}/realisations/1`, { value: 100 }));
      await must(c.kepA.post(`/api/pk/indicators/${ind1}/realisations/1/submit`));
      await must(c.insp.post(`/api/pk/indicators/${ind1}/realisations/1/verify`));
      caA = (await must(c.opA.post(`/api/pk/indicators/${ind1}/quarters/1/corrective-action`, correctiveBody()))).id;
      files.correctiveAction = (await must(c.opA.upload('/api/evidence', { entityType: 'pk_corrective_action', entityId: caA }, { name: 'bukti-tindak-lanjut-A.pdf', data: PDF }))).id;
      // ind1 TW II: a draft value with its evidence.
      await must(c.opA.put(`/api/pk/indicators/${ind1}/realisations/2`, { value: 200 }));
      files.realisation = (await must(c.opA.upload('/api/evidence', { entityType: 'pk_realisation', entityId: `${ind1}:2` }, { name: 'rekap-siak-A.pdf', data: PDF }))).id;
      // ind2 TW I submitted; TW II verified red (lower is better: 50 against 10) without a corrective action.
      await must(c.opA.put(`/api/pk/indicators/${ind2}/realisations/1`, { value: 8 }));
      await must(c.kepA.post(`/api/pk/indicators/${ind2}/realisations/1/submit`));
      await must(c.opA.put(`/api/pk/indicators/${ind2}/realisations/2`, { value: 50 }));
      await must(c.kepA.post(`/api/pk/indicators/${ind2}/realisations/2/submit`));
      await must(c.insp.post(`/api/pk/indicators/${ind2}/realisations/2/verify`));
      // The scan of A's signed PK, uploaded by the Tim RB.
      await must(c.rb.upload(`/api/pk/${pkA}/scan`, {}, { name: 'pk-A-ttd.pdf', data: PDF }));
      files.scan = (await rt.deps.db.selectFrom('pkAgreements').select('scanEvidenceId').where('id', '=', pkA).executeTakeFirstOrThrow()).scanEvidenceId!;

      pkDraftA = await newDraftPk();
      draftInd = await addInd(pkDraftA, { name: 'Indikator draf', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 100, quarterTargets: [25, 25, 25, 25] });
      pkSubA = await newSubmittedPk();
      // A pool of realisation slots (3 indicators × 4 quarters) for the allowed workflow cells.
      const poolPk = await newDraftPk();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await addInd(poolPk, { name: `Indikator kumpulan ${i + 1}`, unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 100, quarterTargets: [25, 25, 25, 25] }));
      await must(c.rb.post(`/api/pk/${poolPk}/sign`, { signedOn: '2026-01-31' }));
      pool = { ids, next: 0 };

      // The plan: the period holding 2026 (the demo plan's, else a new one), pemda tujuan, A's Renstra.
      const periods = (await must(c.rb.get('/api/sakip/plan/periods'))).items as Array<{ id: string; startYear: number; endYear: number }>;
      periodId = periods.find((p) => p.startYear <= 2026 && p.endYear >= 2026)?.id ?? (await must(c.rb.post('/api/sakip/plan/periods', { startYear: 2025, endYear: 2029 }))).id;
      tujuan = (await must(c.rb.post('/api/sakip/plan/tujuan', tujuanBody()))).id;
      tujuanDel = (await must(c.rb.post('/api/sakip/plan/tujuan', tujuanBody()))).id;
      sasA = (await must(c.opA.post('/api/sakip/plan/sasaran', sasaranBody()))).id;
      sasDel = (await must(c.opA.post('/api/sakip/plan/sasaran', sasaranBody()))).id;
      indA = (await must(c.opA.post('/api/sakip/plan/indicators', indicatorBody()))).id;
      indDel = (await must(c.opA.post('/api/sakip/plan/indicators', indicatorBody()))).id;
      progA = (await must(c.opA.post('/api/sakip/plan/programs', programBody()))).id;
      progDel = (await must(c.opA.post('/api/sakip/plan/programs', programBody()))).id;

      // The LHE of A: an open item, and an answered one with a follow-up file.
      item1 = (await must(c.insp.post(`/api/sakip/evaluations/${unitA}/2026/lhe`, { finding: 'Renstra belum memuat IKU', recommendation: 'Tetapkan IKU' }))).id;
      item2 = (await must(c.insp.post(`/api/sakip/evaluations/${unitA}/2026/lhe`, { finding: 'Bukti capaian belum lengkap', recommendation: 'Lengkapi bukti' }))).id;
      files.followUp = (await must(c.opA.upload('/api/evidence', {}, { name: 'tindak-lanjut-lhe-A.pdf', data: PDF }))).id;
      await must(c.opA.post(`/api/sakip/lhe/${item2}/follow-up`, { text: 'Bukti sudah dilengkapi', evidenceIds: [files.followUp] }));
      // A's own SAKIP worksheet (LKE AKIP) answer with its evidence.
      files.worksheet = (await must(c.opA.upload('/api/evidence', {}, { name: 'renstra-A.pdf', data: PDF }))).id;
      await must(c.opA.put('/api/assessments/answers', { kind: 'sakip_unit', scope: `${unitA}:2026`, rulebookId: 'lke-akip-2021', answers: { '1.a.1': { value: 'Ya', evidenceIds: [files.worksheet] } } }));
      unitB = b.id;
      pkBId = pkB;
    });
    after(() => rt.close());

    test('the matrix has exactly one row per registered /api/pk* and /api/sakip* route', async () => {
      const doc = rt.app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const registered = new Set<string>();
      for (const [path, ops] of Object.entries(doc.paths)) {
        if (!/^\/api\/(pk|sakip)(\/|\.|$)/.test(path)) continue;
        for (const method of Object.keys(ops)) if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) registered.add(`${method.toUpperCase()} ${path}`);
      }
      const rows = ROWS.map((r) => r.route);
      assert.equal(new Set(rows).size, rows.length, 'one row per route');
      assert.deepEqual([...registered].filter((r) => !rows.includes(r)).sort(), [], 'registered SAKIP routes without a row in the access matrix');
      assert.deepEqual(rows.filter((r) => !registered.has(r)).sort(), [], 'rows for routes that are not registered');
      assert.ok(registered.size >= 50, `SAKIP routes found: ${registered.size}`);
    });

    for (const row of ROWS) {
      test(`${row.route}: allowed ${row.ok.join(', ') || 'nobody here'}`, { timeout: 120_000 }, async () => {
        const failures: string[] = [];
        for (const who of WHO) {
          const f = await cell(row, who);
          if (f) failures.push(f);
        }
        assert.deepEqual(failures, []);
      });
    }

    test('evidence of unit A (PK scan, realisation, corrective action, LHE follow-up, worksheet answer) downloads only for those who may read A', async () => {
      const failures: string[] = [];
      for (const [kind, id] of Object.entries(files)) {
        for (const who of WHO) {
          const res = await c[who].download(`/api/evidence/${id}/download`);
          const expected = PK_READERS.includes(who) ? 200 : who === 'anon' ? 401 : 404;
          if (res.status !== expected) failures.push(`${kind} file as ${who}: ${res.status}, expected ${expected}`);
        }
      }
      assert.deepEqual(failures, []);
    });

    test('the plan import: the operator of B re-imports the whole export, but a workbook that changes A\'s rows is refused whole with the row report (nothing written)', async () => {
      const ExcelJS = (await import('exceljs')).default;
      const codeA = (await rt.deps.db.selectFrom('planSasaran').select(['code', 'name']).where('id', '=', sasA).executeTakeFirstOrThrow());
      const exported = await exportWorkbook();
      const unchanged = await c.opB.upload('/api/sakip/plan/import?year=2026', {}, { name: 'rencana.xlsx', data: exported });
      assert.equal(unchanged.status, 200, unchanged.raw);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported as unknown as ArrayBuffer);
      let hit = 0;
      wb.getWorksheet('Sasaran')!.eachRow((row) => {
        if (row.getCell(1).value === codeA.code) {
          row.getCell(2).value = 'Diubah oleh unit lain';
          hit++;
        }
      });
      assert.equal(hit, 1, 'A’s sasaran is in the export');
      const edited = Buffer.from(await wb.xlsx.writeBuffer());
      for (const url of ['/api/sakip/plan/import?year=2026', '/api/sakip/plan/import/preview?year=2026']) {
        const before = await fingerprint();
        const res = await c.opB.upload(url, {}, { name: 'rencana.xlsx', data: edited });
        // The import refuses the whole file with the row report (400); the preview reports the row.
        assert.equal(res.status, url.includes('preview') ? 200 : 400, `${url}: ${res.status} ${res.raw.slice(0, 300)}`);
        assert.match(res.raw, /"sheet":"Sasaran","row":\d+,"column":"[^"]*","message":"[^"]*tidak berwenang/, `${url}: the row and why`);
        assert.deepEqual(await fingerprint(), before, `${url}: nothing written`);
      }
      assert.equal((await rt.deps.db.selectFrom('planSasaran').select('name').where('id', '=', sasA).executeTakeFirstOrThrow()).name, codeA.name);
    });

    test('no laundering: the operator of B cannot link A\'s files to B\'s own records to read them (404, nothing written)', async () => {
      const itemB = (await must(c.insp.post(`/api/sakip/evaluations/${unitB}/2026/lhe`, { finding: 'Temuan unit B', recommendation: 'Rekomendasi unit B' }))).id;
      const indB = (await must(c.opB.get(`/api/pk/${pkBId}`))).indicators[0].id as string;
      await must(c.opB.put(`/api/pk/indicators/${indB}/realisations/1`, { value: 1 }));
      const failures: string[] = [];
      for (const [kind, id] of Object.entries(files)) {
        const attempts: Array<[string, () => Promise<TestResponse>]> = [
          ['generic link', () => c.opB.post(`/api/evidence/${id}/links`, { entityType: 'pk_realisation', entityId: `${indB}:1` })],
          ['LHE follow-up', () => c.opB.post(`/api/sakip/lhe/${itemB}/follow-up`, { text: 'Bukti milik unit lain', evidenceIds: [id] })],
          ['worksheet answer', () => c.opB.put('/api/assessments/answers', { kind: 'sakip_unit', scope: `${unitB}:2026`, rulebookId: 'lke-akip-2021', answers: { '1.a.2': { value: 'Ya', evidenceIds: [id] } } })],
        ];
        for (const [how, attempt] of attempts) {
          const before = await fingerprint();
          const res = await attempt();
          if (res.status !== 404 || !INDONESIAN.test(String(res.body?.error?.message))) failures.push(`${how} with A's ${kind} file: ${res.status} ${res.raw.slice(0, 120)}`);
          const afterwards = await fingerprint();
          const changed = Object.keys(afterwards).filter((t) => afterwards[t] !== before[t]);
          if (changed.length) failures.push(`${how} with A's ${kind} file changed ${changed.join(', ')}`);
        }
        const dl = await c.opB.download(`/api/evidence/${id}/download`);
        if (dl.status !== 404) failures.push(`A's ${kind} file downloads for the operator of B: ${dl.status}`);
      }
      assert.deepEqual(failures, []);
    });

    test('four eyes: nobody verifies or corrects a value they entered; a verified value changes only by an audited correction', async () => {
      // The head of A enters and submits a value: verifying it is not his (403, Indonesian).
      const s = { ind: pool.ids[2]!, q: 4 };
      await must(c.kepA.put(q(s), { value: 20 }));
      await must(c.kepA.post(q(s, '/submit')));
      let before = await fingerprint();
      let res = await c.kepA.post(q(s, '/verify'));
      assert.equal(res.status, 403, res.raw);
      assert.match(res.body.error.message, INDONESIAN);
      assert.deepEqual(await fingerprint(), before);
      // The admin holds every role: entering the value still bars him from verifying it.
      const t = { ind: pool.ids[2]!, q: 3 };
      await must(c.admin.put(q(t), { value: 20 }));
      await must(c.admin.post(q(t, '/submit')));
      before = await fingerprint();
      res = await c.admin.post(q(t, '/verify'));
      assert.equal(res.status, 403, res.raw);
      assert.match(res.body.error.message, /tidak boleh diverifikasi oleh pengguna yang mengisinya/);
      assert.deepEqual(await fingerprint(), before);
      await must(c.insp.post(q(t, '/verify')));
      before = await fingerprint();
      res = await c.admin.post(q(t, '/corrections'), { value: 21, reason: 'Koreksi oleh pengisi sendiri' });
      assert.equal(res.status, 403, res.raw);
      assert.match(res.body.error.message, /tidak boleh dikoreksi oleh pengguna yang mengisinya/);
      assert.deepEqual(await fingerprint(), before);
      // A verified value: a plain PUT is 409 for the unit; the verifier's correction is kept with the audit.
      for (const who of ['opA', 'kepA'] as const) {
        before = await fingerprint();
        res = await c[who].put(q(t), { value: 99 });
        assert.equal(res.status, 409, res.raw);
        assert.match(res.body.error.message, INDONESIAN);
        assert.deepEqual(await fingerprint(), before);
      }
      const fixed = await must(c.rb.post(q(t, '/corrections'), { value: 22, reason: 'Rekap SIAK diperbarui' }));
      assert.deepEqual([fixed.value, fixed.status], [22, 'verified']);
      const audit = await sql<{ n: number | string }>`select count(*) as n from audit_log where entity_type = 'pk_realisation' and entity_id = ${`${t.ind}:${t.q}`} and action = 'correct'`.execute(rt.deps.db);
      assert.equal(Number(audit.rows[0]!.n), 1);
    });

    test('scope in bodies and filters: a unit drafts no PK of another unit or of the head of region; a unit filter outside the scope is 403', async () => {
      for (const [who, body] of [['opA', { year: 2096, headOfRegion: true }], ['opB', { year: 2096, positionId: headA }], ['other', { year: 2096, positionId: headA }]] as const) {
        const before = await fingerprint();
        const res = await c[who].post('/api/pk', body);
        assert.equal(res.status, who === 'other' ? 404 : 403, res.raw);
        assert.match(res.body.error.message, INDONESIAN);
        assert.deepEqual(await fingerprint(), before);
      }
      assert.equal((await c.opB.get(`/api/pk/corrective-actions?unitId=${unitA}`)).status, 403);
      assert.equal((await c.opB.get(`/api/pk/register?year=2026&unitId=${unitA}`)).body.items.length, 0);
      assert.equal((await c.opA.get('/api/sakip/lkjip.pdf?year=2026')).status, 403, 'the pemda LKjIP is for tenant-wide readers');
    });
  });
}
