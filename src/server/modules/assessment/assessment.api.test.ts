import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestRuntime, PG_URL, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { dropPgSchema } from '../../testing/pg-schemas.ts';
import { createUsersService } from '../users/users.service.ts';
import { openDatabase } from '../../db/db.ts';
import { migrations } from '../../db/migrations/index.ts';
import { lkeAkipRulebooks } from '../../rules/assessment/index.ts';
import { registerWorksheetKind } from './assessment.service.ts';

// A second worksheet kind, as a SAKIP module would declare it: the LKE AKIP of one unit, answered
// by the unit, evaluated by the inspectorate / admin (this test borrows 'audit.readAll' for them).
registerWorksheetKind({
  kind: 'lke_akip_test',
  worksheet: (rulebookId) => lkeAkipRulebooks.get(rulebookId),
  async resolveScope(db, tenantId, scope) {
    const unitId = scope.startsWith('unit:') ? scope.slice(5) : '';
    const u = await db.selectFrom('units').select('id').where('tenantId', '=', tenantId).where('id', '=', unitId).executeTakeFirst();
    return u ? { unitId: u.id } : null;
  },
  actions: () => ({ read: 'unit.read', own: 'unit.update', evaluate: 'audit.readAll' }),
});

const PDF = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

async function tenantAdmin(rt: TestRuntime, platform: TestClient, regionCode: string, username: string) {
  const t = await platform.post('/api/admin/tenants', { regionCode });
  assert.equal(t.status, 201, t.raw);
  const actor = { userId: 'cli', tenantId: t.body.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
  const u = await createUsersService(rt.deps).create(actor, { username, name: username, password: 'rahasia-1234567', roles: [{ role: 'admin' }] });
  await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
  const c = new TestClient(rt.app);
  await c.login(username, 'rahasia-1234567');
  return c;
}

for (const dialect of await testDialects()) {
  describe(`assessment answers store [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let inovasi: TestClient;
    let pimpinan: TestClient;
    let other: TestClient;
    let dukcapilId: string;
    let innovationId: string;
    let sop: string; // one evidence record: the unit's SOP

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      inovasi = await signedIn(rt, 'inovasi');
      pimpinan = await signedIn(rt, 'pimpinan');
      other = await tenantAdmin(rt, await signedIn(rt, 'platform'), '16.71', 'admin.palembang');
      dukcapilId = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      const created = await operator.post('/api/innovations', {
        title: 'Layanan Adminduk Keliling',
        unitId: dukcapilId,
        type: 'pelayanan_publik',
        stage: 'penerapan',
        digital: false,
        initiatedOn: '2024-02-01',
        description: 'Petugas Disdukcapil melayani perekaman KTP-el dan KK di desa-desa terpencil setiap pekan.',
      });
      assert.equal(created.status, 201, created.raw);
      innovationId = created.body.id;
      const up = await operator.upload('/api/evidence', {}, { name: 'SOP Pelayanan Adminduk.pdf', data: PDF('sop') });
      assert.equal(up.status, 201, up.raw);
      sop = up.body.id;
    });
    after(() => rt.close());

    test('one evidence record backs answers in two different worksheets; "used by" lists both; the file is linked, not copied', async () => {
      // Evidence uploaded by the operator and linked nowhere: another user cannot open it yet.
      assert.equal((await pimpinan.get(`/api/evidence/${sop}/download`)).status, 404);

      const iid = await operator.put(`/api/innovations/${innovationId}/score`, { answers: { '16': { choice: 2, evidenceIds: [sop], note: 'SK Kepala Dinas' } } });
      assert.equal(iid.status, 200, iid.raw);
      const akip = await operator.put('/api/assessments/answers', {
        kind: 'lke_akip_test',
        scope: `unit:${dukcapilId}`,
        rulebookId: 'lke-akip-2021',
        answers: { '1.a': { value: 'A', note: 'Dokumen perencanaan lengkap', evidenceIds: [sop] } },
      });
      assert.equal(akip.status, 200, akip.raw);
      assert.deepEqual(akip.body.items[0].evidence.map((e: { id: string }) => e.id), [sop]);

      const usedBy = await operator.get(`/api/evidence/${sop}/used-by`);
      assert.equal(usedBy.status, 200, usedBy.raw);
      assert.deepEqual(
        usedBy.body.items.map((i: { worksheetKind: string; scope: string; questionCode: string }) => `${i.worksheetKind} ${i.scope} ${i.questionCode}`).sort(),
        [`iid innovation:${innovationId} 16`, `lke_akip_test unit:${dukcapilId} 1.a`],
      );
      // One record, one blob: nothing was copied.
      assert.equal((await rt.deps.db.selectFrom('evidence').select('id').where('sha256', '=', (await operator.get(`/api/evidence?page=1&pageSize=50`)).body.items.find((e: { id: string }) => e.id === sop).sha256).execute()).length, 1);

      // Whoever may read a worksheet may download the evidence its answers use.
      const dl = await pimpinan.get(`/api/evidence/${sop}/download`);
      assert.equal(dl.status, 200);
      // The IID score sees the evidence through the store.
      const score = await operator.get(`/api/innovations/${innovationId}/score`);
      const i16 = score.body.items.find((i: { indicator: string }) => i.indicator === '16');
      assert.deepEqual([i16.choice, i16.evidenceCount, i16.evidenceIds, i16.note], [2, 1, [sop], 'SK Kepala Dinas']);
      assert.ok(!score.body.missingEvidence.includes('16'));
    });

    test("the evaluator's value and note are kept beside the unit's own; only the evaluator role may write them", async () => {
      const sheet = { kind: 'iid', scope: `innovation:${innovationId}`, rulebookId: 'iid-2026' };
      assert.equal((await operator.put('/api/assessments/evaluation', { ...sheet, answers: { '16': { value: '3' } } })).status, 403, 'the unit does not evaluate itself');
      const ev = await inovasi.put('/api/assessments/evaluation', { ...sheet, answers: { '16': { value: '1', note: 'SK kepala dinas, bukan Perkada: parameter 1' } } });
      assert.equal(ev.status, 200, ev.raw);
      const list = await operator.get(`/api/assessments/answers?kind=iid&scope=innovation:${innovationId}&rulebookId=iid-2026`);
      assert.equal(list.status, 200, list.raw);
      const a16 = list.body.items.find((i: { questionCode: string }) => i.questionCode === '16');
      assert.equal(a16.own.value, '2');
      assert.equal(a16.own.note, 'SK Kepala Dinas');
      assert.equal(a16.evaluator.value, '1');
      assert.match(a16.evaluator.note, /bukan Perkada/);
      assert.ok(a16.own.by && a16.evaluator.by && a16.own.by !== a16.evaluator.by, 'who answered each side');
      assert.ok(a16.evaluator.at);
      // The unit saves again: its own side changes, the evaluator's stays.
      await operator.put(`/api/innovations/${innovationId}/score`, { answers: { '16': { choice: 3, evidenceIds: [sop] } } });
      const score = await operator.get(`/api/innovations/${innovationId}/score`);
      const i16 = score.body.items.find((i: { indicator: string }) => i.indicator === '16');
      assert.equal(i16.choice, 3);
      assert.equal(i16.evaluator.choice, 1);
      // The evaluation is in the innovation's history.
      const audit = await rt.deps.db.selectFrom('auditLog').select(['action', 'changes']).where('entityType', '=', 'innovation').where('entityId', '=', innovationId).where('action', '=', 'evaluate').execute();
      assert.equal(audit.length, 1);
      assert.deepEqual(JSON.parse(audit[0].changes)['iid:iid-2026:eval:16'], { before: null, after: '1' });
    });

    test('the sheet scored by the engine from each side: own 1.a=A → 5,40, evaluator 1.a=BB → 4,80; IID what-if flags the UNVERIFIED projection', async () => {
      const q = `kind=lke_akip_test&scope=unit:${dukcapilId}&rulebookId=lke-akip-2021`;
      const inspektorat = await signedIn(rt, 'inspektorat');
      const put = await inspektorat.put('/api/assessments/evaluation', { kind: 'lke_akip_test', scope: `unit:${dukcapilId}`, rulebookId: 'lke-akip-2021', answers: { '1.a': { value: 'BB', note: 'Rencana aksi belum dipantau' } } });
      assert.equal(put.status, 200, put.raw);
      const own = await operator.get(`/api/assessments/score?${q}`);
      assert.equal(own.status, 200, own.raw);
      assert.equal(own.body.result.total, 5.4);
      assert.equal(own.body.result.root.children[0].children[0].formula, '6 × 0.9 [A] = 5.4');
      assert.equal(own.body.result.band.code, 'D');
      const evaluator = await operator.get(`/api/assessments/score?${q}&side=evaluator`);
      assert.equal(evaluator.body.result.total, 4.8);
      const iid = await inovasi.get(`/api/assessments/score?kind=iid&scope=innovation:${innovationId}&rulebookId=iid-2026&compare=iid-2028-proyeksi`);
      assert.equal(iid.status, 200, iid.raw);
      assert.equal(iid.body.result.root.unverified, false);
      assert.equal(iid.body.whatIf[0].rulebookId, 'iid-2028-proyeksi:sid');
      assert.equal(iid.body.whatIf[0].unverified, true);
      assert.equal(iid.body.whatIf[0].result.root.children[0].unverified, true, 'every number of the UNVERIFIED rulebook carries the flag');
    });

    test('IID API: an UNVERIFIED rulebook is never the default for a year, only when named; its numbers carry unverified', async () => {
      const y2028 = await inovasi.get('/api/iid?year=2028');
      assert.equal(y2028.status, 404, 'no verified rulebook for 2028: the projection is not picked');
      assert.match(y2028.body.error.message, /2028/);
      const named = await inovasi.get('/api/iid?year=2026&rulebook=iid-2028-proyeksi');
      assert.equal(named.status, 200, named.raw);
      assert.equal(named.body.unverified, true);
      const current = await inovasi.get('/api/iid?year=2026');
      assert.deepEqual([current.body.rulebookId, current.body.unverified], ['iid-2026', false]);
      const whatIf = await inovasi.get('/api/iid/what-if?year=2026&rulebooks=iid-2028-proyeksi');
      assert.deepEqual(whatIf.body.columns.map((c: { unverified: boolean }) => c.unverified), [false, true]);
      assert.deepEqual(whatIf.body.columns[1].unmatched, [], 'same indicator numbers: every answer matched');
      const rulebooks = await inovasi.get('/api/iid/rulebooks');
      assert.equal(rulebooks.body.items.find((r: { id: string }) => r.id === 'iid-2028-proyeksi').unverified, true);
      const score = await inovasi.get(`/api/innovations/${innovationId}/score?rulebook=iid-2028-proyeksi`);
      assert.equal(score.body.unverified, true);
      assert.ok(score.body.items.every((i: { unverified: boolean }) => i.unverified));
    });

    test('bad answers are refused with a message naming the question, and nothing is written', async () => {
      const sheet = { kind: 'lke_akip_test', scope: `unit:${dukcapilId}`, rulebookId: 'lke-akip-2021' };
      const bad = await operator.put('/api/assessments/answers', { ...sheet, answers: { '1.b': { value: 'Z' } } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details[0].field, 'answers.1.b');
      assert.match(bad.body.error.message, /1\.b/);
      const unknown = await operator.put('/api/assessments/answers', { ...sheet, answers: { '1.b': { value: 'A' }, '9.z': { value: 'A' } } });
      assert.equal(unknown.status, 400);
      const list = await operator.get(`/api/assessments/answers?kind=lke_akip_test&scope=unit:${dukcapilId}&rulebookId=lke-akip-2021`);
      assert.deepEqual(list.body.items.map((i: { questionCode: string }) => i.questionCode), ['1.a'], '1.b was not written');
      const en = await operator.request('PUT', '/api/assessments/answers', { ...sheet, answers: { '1.b': { value: 'Z' } } }, { headers: { 'accept-language': 'en' } });
      assert.match(en.body.error.message, /Question 1\.b/);
      assert.equal((await operator.put('/api/assessments/answers', { ...sheet, kind: 'tidak_ada', answers: {} })).status, 404);
      assert.equal((await operator.put('/api/assessments/answers', { ...sheet, rulebookId: 'tidak-ada', answers: {} })).status, 404);
    });

    test("another tenant's evidence id answers 404, and so do our sheets and evidence for that tenant", async () => {
      const theirs = await other.upload('/api/evidence', {}, { name: 'SOP Palembang.pdf', data: PDF('plg') });
      assert.equal(theirs.status, 201, theirs.raw);
      const use = await operator.put('/api/assessments/answers', { kind: 'lke_akip_test', scope: `unit:${dukcapilId}`, rulebookId: 'lke-akip-2021', answers: { '1.c': { value: 'B', evidenceIds: [theirs.body.id] } } });
      assert.equal(use.status, 404);
      const viaIid = await operator.put(`/api/innovations/${innovationId}/score`, { answers: { '17': { choice: 1, evidenceIds: [theirs.body.id] } } });
      assert.equal(viaIid.status, 404);
      assert.equal((await operator.get(`/api/evidence/${theirs.body.id}/used-by`)).status, 404);
      assert.equal((await other.get(`/api/evidence/${sop}/used-by`)).status, 404);
      assert.equal((await other.get(`/api/evidence/${sop}/download`)).status, 404);
      assert.equal((await other.get(`/api/assessments/answers?kind=iid&scope=innovation:${innovationId}&rulebookId=iid-2026`)).status, 404);
      assert.equal((await other.get(`/api/assessments/answers?kind=lke_akip_test&scope=unit:${dukcapilId}&rulebookId=lke-akip-2021`)).status, 404);
      // Nothing of ours was touched.
      const list = await operator.get(`/api/assessments/answers?kind=lke_akip_test&scope=unit:${dukcapilId}&rulebookId=lke-akip-2021`);
      assert.ok(!list.body.items.some((i: { questionCode: string }) => i.questionCode === '1.c'));
    });

    test('an operator cannot answer another unit\'s sheet (403), and an answer removed from a saved IID sheet drops its evidence link', async () => {
      const units = (await operator.get('/api/units')).body.items;
      const otherUnit = units.find((u: { id: string; shortName: string }) => u.id !== dukcapilId && u.shortName === 'Dinkes') ?? units.find((u: { id: string }) => u.id !== dukcapilId);
      const foreign = await operator.put('/api/assessments/answers', { kind: 'lke_akip_test', scope: `unit:${otherUnit.id}`, rulebookId: 'lke-akip-2021', answers: { '1.a': { value: 'A' } } });
      assert.equal(foreign.status, 403);
      await operator.put(`/api/innovations/${innovationId}/score`, { answers: { '35': { choice: 1 } } });
      const usedBy = await operator.get(`/api/evidence/${sop}/used-by`);
      assert.deepEqual(usedBy.body.items.map((i: { worksheetKind: string }) => i.worksheetKind), ['lke_akip_test']);
    });
  });

  test(`migration 0006 moves iid_answers into the answers store, evidence lists into links [${dialect}]`, async () => {
    let schema: string | undefined;
    if (dialect === 'postgres') {
      schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
    }
    const database = openDatabase(dialect === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 } : { sqliteFile: ':memory:' });
    const db = database.db as any;
    try {
      // The migrations' own up() in order (the Migrator's table introspection looks across schemas,
      // which races with parallel test files dropping theirs).
      const names = Object.keys(migrations);
      const at6 = names.indexOf('2026-11-30-0006-assessment');
      for (const name of names.slice(0, at6)) await migrations[name].up(db);
      const t = 'tenant-1';
      const now = '2026-03-01T00:00:00.000Z';
      await db.insertInto('evidence').values({ tenantId: t, id: 'ev-1', sha256: 'a'.repeat(64), size: 10, mime: 'application/pdf', ext: 'pdf', originalName: 'sk.pdf', uploadedBy: null, createdAt: now }).execute();
      await db
        .insertInto('iidAnswers')
        .values([
          { tenantId: t, id: 'ans-1', rulebookId: 'iid-2026', scope: 'innovation:inv-1', indicator: '16', choice: 2, basis: null, evidenceIds: '["ev-1","ev-missing"]', note: 'SK', updatedAt: now },
          { tenantId: t, id: 'ans-2', rulebookId: 'iid-2026', scope: 'innovation:inv-1', indicator: '33', choice: 3, basis: 'b', evidenceIds: '[]', note: null, updatedAt: now },
          { tenantId: t, id: 'ans-3', rulebookId: 'iid-2026', scope: 'region:2026', indicator: '1', choice: 0, basis: null, evidenceIds: '["ev-1"]', note: 'belum', updatedAt: now },
        ])
        .execute();
      for (const name of names.slice(at6)) await migrations[name].up(db);
      const rows = await db.selectFrom('assessmentAnswers').selectAll().orderBy('id').execute();
      assert.deepEqual(
        rows.map((r: any) => [r.id, r.worksheetKind, r.scope, r.rulebookId, r.questionCode, r.ownValue, r.ownBasis, r.ownNote, r.ownAt, r.evalValue]),
        [
          ['ans-1', 'iid', 'innovation:inv-1', 'iid-2026', '16', '2', null, 'SK', now, null],
          ['ans-2', 'iid', 'innovation:inv-1', 'iid-2026', '33', '3', 'b', null, now, null],
          ['ans-3', 'iid', 'region:2026', 'iid-2026', '1', null, null, 'belum', now, null],
        ],
      );
      const links = await db.selectFrom('evidenceLinks').select(['evidenceId', 'entityType', 'entityId']).orderBy('entityId').execute();
      assert.deepEqual(links.map((l: any) => [l.evidenceId, l.entityType, l.entityId]), [
        ['ev-1', 'assessment_answer', 'ans-1'],
        ['ev-1', 'assessment_answer', 'ans-3'],
      ]);
      await assert.rejects(db.selectFrom('iidAnswers').selectAll().execute(), 'iid_answers is dropped');
    } finally {
      await database.close();
      if (schema) {
        await dropPgSchema(PG_URL, schema);
      }
    }
  });
}
