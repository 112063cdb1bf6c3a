import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { createUsersService } from '../users/users.service.ts';

/**
 * What an assigned judge may read and what blind mode hides (issue 8 §5): judges read the
 * proposals they score (read-only, also as PDF), never a unit or innovator name in blind mode, no
 * ranking before the decision; entered proposals are locked at the scored version; an innovation
 * enters a competition once.
 */
const all = (v: number) => ({ latar_belakang: v, kebaruan: v, implementasi: v, signifikansi: v, adaptabilitas: v, sumber_daya: v, keberlanjutan: v });
const INNOVATOR = 'Sulastri Wahyuningsih';
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

for (const dialect of await testDialects()) {
  describe(`competition judging and blind mode [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let inovasi: TestClient;
    let juri: TestClient;
    let operator: TestClient;
    let competitionId: string;
    let dukcapil: { innovationId: string; proposalId: string };
    let dinkes: { innovationId: string; proposalId: string };
    let notEntered: string;
    let unitNames: string[];
    /** Every answer the judge received, as text, for the blind-mode scan. */
    const seenByJudge: Array<{ what: string; text: string }> = [];
    const judgeGet = async (url: string) => {
      const r = await juri.get(url);
      seenByJudge.push({ what: `GET ${url}`, text: r.raw });
      return r;
    };

    before(async () => {
      // The injected clock, not the wall clock: every date in these tests is fixed.
      rt = await createTestRuntime(dialect, { clock: createManualClock('2026-11-30T03:00:00.000Z') });
      admin = await signedIn(rt, 'admin');
      inovasi = await signedIn(rt, 'inovasi');
      juri = await signedIn(rt, 'juri');
      operator = await signedIn(rt, 'operator'); // Disdukcapil operator
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; name: string; shortName: string | null }>;
      unitNames = units.flatMap((u) => [u.name, u.shortName]).filter((x): x is string => !!x && x.length >= 3);
      const unitOf = (s: string) => units.find((u) => u.shortName === s)!;
      const mk = async (unit: string, title: string) => {
        const inv = await admin.post('/api/innovations', {
          title,
          unitId: unitOf(unit).id,
          type: 'pelayanan_publik',
          stage: 'penerapan',
          digital: true,
          initiatedOn: '2021-01-04',
          appliedOn: '2021-06-01',
          description: `${title}: layanan yang lebih cepat bagi warga.`,
          innovators: [{ externalName: INNOVATOR, role: 'ketua' }],
        });
        assert.equal(inv.status, 201, inv.raw);
        const p = await admin.post('/api/proposals', { innovationId: inv.body.id });
        return { innovationId: inv.body.id as string, proposalId: p.body.id as string };
      };
      dukcapil = await mk('Disdukcapil', 'Akta Kilat');
      // This title names its office, as titles often do: blind mode must redact it wherever a judge looks.
      dinkes = await mk('Dinkes', 'Posyandu Digital Dinkes');
      notEntered = (await mk('Dinkes', 'Ambulans Desa')).proposalId;
      // The proposal text names its office and its innovator, as real proposals do.
      const dukcapilUnit = unitOf('Disdukcapil');
      const saved = await admin.put(`/api/proposals/${dukcapil.proposalId}/sections/implementasi`, {
        text: `${dukcapilUnit.name} (${dukcapilUnit.shortName}) menjalankan layanan ini sejak 2021 di bawah koordinasi ${INNOVATOR}. Petugas melayani warga setiap hari kerja.`,
        baseVersion: 1,
      });
      assert.equal(saved.status, 200, saved.raw);
      const close = '2026-12-30';
      const c = await inovasi.post('/api/competitions', { name: 'Seleksi Inovasi Buta', year: 2026, registrationClose: close, quota: 1, blind: true });
      competitionId = c.body.id;
      for (const p of [dukcapil.proposalId, dinkes.proposalId]) assert.equal((await inovasi.post(`/api/competitions/${competitionId}/entries`, { proposalId: p })).status, 204);
      const users = (await admin.get('/api/users')).body.items as Array<{ id: string; username: string }>;
      assert.equal((await inovasi.post(`/api/competitions/${competitionId}/judges`, { userId: users.find((u) => u.username === 'juri')!.id })).status, 204);
    });
    after(() => rt.close());

    test('an entered proposal is locked: section saves and attachments answer 423 in Indonesian, comments continue', async () => {
      const view = await operator.get(`/api/proposals/${dukcapil.proposalId}`);
      assert.equal(view.status, 200);
      assert.equal(view.body.canWrite, false);
      assert.equal(view.body.locked.competitionName, 'Seleksi Inovasi Buta');
      const sec = view.body.sections.find((s: { key: string }) => s.key === 'ringkasan');
      const save = await operator.put(`/api/proposals/${dukcapil.proposalId}/sections/ringkasan`, { text: 'Perubahan setelah didaftarkan.', baseVersion: sec.version });
      assert.equal(save.status, 423, save.raw);
      assert.match(save.body.error.message, /sudah didaftarkan ke kompetisi "Seleksi Inovasi Buta" dan terkunci/);
      const after = (await operator.get(`/api/proposals/${dukcapil.proposalId}`)).body.sections.find((s: { key: string }) => s.key === 'ringkasan');
      assert.deepEqual([after.version, after.text], [sec.version, sec.text], 'nothing half-written');
      const attach = await operator.post(`/api/proposals/${dukcapil.proposalId}/attachments`, { kind: 'lainnya', evidenceId: '01900000-0000-7000-8000-000000000000' });
      assert.equal(attach.status, 423);
      assert.equal((await operator.post(`/api/proposals/${dukcapil.proposalId}/comments`, { sectionKey: 'ringkasan', body: 'Catatan pendamping tetap boleh.' })).status, 201);
      const en = await operator.request('PUT', `/api/proposals/${dukcapil.proposalId}/sections/ringkasan`, { text: 'x', baseVersion: sec.version }, { headers: { 'accept-language': 'en' } });
      assert.match(en.body.error.message, /is locked/);
    });

    test('one innovation enters a competition once, also with another proposal; the same proposal twice is refused too', async () => {
      const second = await admin.post('/api/proposals', { innovationId: dukcapil.innovationId });
      assert.equal(second.status, 201);
      const twice = await inovasi.post(`/api/competitions/${competitionId}/entries`, { proposalId: second.body.id });
      assert.equal(twice.status, 409, twice.raw);
      assert.match(twice.body.error.message, /Inovasi ini sudah mengikuti kompetisi "Seleksi Inovasi Buta" \(proposal "Akta Kilat"\)/);
      const again = await inovasi.post(`/api/competitions/${competitionId}/entries`, { proposalId: dukcapil.proposalId });
      assert.equal(again.status, 409);
      assert.match(again.body.error.message, /sudah didaftarkan/);
      const entries = await rt.deps.db.selectFrom('competitionEntries').select('proposalId').where('competitionId', '=', competitionId).execute();
      assert.equal(entries.length, 2, 'no third entry written');
      // The database refuses it too, whatever the service does.
      const t = (await rt.deps.db.selectFrom('competitions').select('tenantId').where('id', '=', competitionId).executeTakeFirstOrThrow()).tenantId;
      await assert.rejects(
        rt.deps.db.insertInto('competitionEntries').values({ tenantId: t, competitionId, proposalId: second.body.id, innovationId: dukcapil.innovationId, title: 'x', version: 1, sectionVersions: '{}', enteredAt: new Date().toISOString(), enteredBy: null }).execute(),
      );
    });

    test('an assigned judge reads the entered proposals read-only, not others; another tenant’s id is 404', async () => {
      const list = await judgeGet('/api/competitions');
      assert.equal(list.status, 200);
      const detail = await judgeGet(`/api/competitions/${competitionId}`);
      assert.equal(detail.status, 200);
      assert.deepEqual(detail.body.items.map((i: { proposalId: string }) => i.proposalId).sort(), [dukcapil.proposalId, dinkes.proposalId].sort());
      assert.equal(detail.body.permissions.ranking, false);
      for (const id of [dukcapil.proposalId, dinkes.proposalId]) {
        const p = await judgeGet(`/api/proposals/${id}`);
        assert.equal(p.status, 200, p.raw);
        assert.equal(p.body.readOnly, true);
        assert.equal(p.body.canWrite, false);
        assert.equal(p.body.innovationId, null, 'no link to the record (it names the unit)');
        const pdf = await juri.download(`/api/proposals/${id}/export.pdf`);
        assert.equal(pdf.status, 200);
        seenByJudge.push({ what: `PDF ${id}`, text: pdfText(pdf.data) });
      }
      const implementasi = (await juri.get(`/api/proposals/${dukcapil.proposalId}`)).body.sections.find((s: { key: string }) => s.key === 'implementasi');
      assert.match(implementasi.text, /^\[disamarkan\] \(\[disamarkan\]\) menjalankan layanan ini sejak 2021 di bawah koordinasi \[disamarkan\]\./);
      assert.equal((await juri.get(`/api/proposals/${notEntered}`)).status, 403, 'not entered in a competition the judge scores');
      assert.equal((await juri.get(`/api/proposals/${dukcapil.proposalId}/comments`)).status, 403, 'the workspace stays with the unit and the coaches');
      assert.equal((await juri.put(`/api/proposals/${dukcapil.proposalId}/sections/ringkasan`, { text: 'x', baseVersion: 1 })).status, 403);
      const other = await createTestRuntime(dialect);
      try {
        const stranger = await signedIn(other, 'juri');
        assert.equal((await stranger.get(`/api/proposals/${dukcapil.proposalId}`)).status, 404);
      } finally {
        await other.close();
      }
    });

    test('a judge does not reach a proposal of their own unit nor one they declared a conflict on', async () => {
      const tenantId = (await rt.deps.db.selectFrom('competitions').select('tenantId').where('id', '=', competitionId).executeTakeFirstOrThrow()).tenantId;
      const person = (await admin.get('/api/people?q=Rina')).body.items[0]; // a Disdukcapil employee
      const actor = { userId: 'cli', tenantId, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const { user } = await createUsersService(rt.deps).create(actor, { username: 'juri.dukcapil', name: 'Juri Dukcapil', password: 'rahasia-juri-123', personId: person.id, roles: [{ role: 'judge' }] });
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', user.id).execute();
      assert.equal((await inovasi.post(`/api/competitions/${competitionId}/judges`, { userId: user.id })).status, 204);
      const insider = new TestClient(rt.app);
      await insider.login('juri.dukcapil', 'rahasia-juri-123');
      const own = await insider.get(`/api/proposals/${dukcapil.proposalId}`);
      assert.equal(own.status, 403);
      assert.match(own.body.error.message, /unitnya sendiri/);
      assert.equal((await insider.download(`/api/proposals/${dukcapil.proposalId}/export.pdf`)).status, 403);
      const list = (await insider.get(`/api/competitions/${competitionId}`)).body.items.map((i: { proposalId: string }) => i.proposalId);
      assert.deepEqual(list, [dinkes.proposalId], 'the own-unit entry is not even listed');
      assert.equal((await insider.get(`/api/proposals/${dinkes.proposalId}`)).status, 200);
      assert.equal((await insider.post(`/api/competitions/${competitionId}/conflicts`, { proposalId: dinkes.proposalId })).status, 204);
      assert.equal((await insider.get(`/api/proposals/${dinkes.proposalId}`)).status, 403);
      assert.deepEqual((await insider.get(`/api/competitions/${competitionId}`)).body.items, []);
    });

    test('before the decision a judge sees neither the ranking nor the draft decree (403); the manager does', async () => {
      const s = await juri.put(`/api/competitions/${competitionId}/scores/${dukcapil.proposalId}`, { scores: all(90) });
      assert.equal(s.status, 200);
      seenByJudge.push({ what: 'PUT score', text: s.raw });
      assert.equal((await juri.put(`/api/competitions/${competitionId}/scores/${dinkes.proposalId}`, { scores: all(70) })).status, 200);
      const r = await judgeGet(`/api/competitions/${competitionId}/ranking`);
      assert.equal(r.status, 403);
      assert.match(r.body.error.message, /setelah hasil kompetisi ditetapkan/);
      assert.equal((await juri.download(`/api/competitions/${competitionId}/decree.pdf`)).status, 403);
      const m = await inovasi.get(`/api/competitions/${competitionId}/ranking`);
      assert.equal(m.status, 200);
      assert.ok(m.body.items.every((i: { unitName: string }) => i.unitName), 'the manager sees units');
    });

    test('the decision snapshot lists each proposal’s title and scored version; the judge then sees the ranking, still blind', async () => {
      const entry = await rt.deps.db.selectFrom('competitionEntries').selectAll().where('competitionId', '=', competitionId).where('proposalId', '=', dukcapil.proposalId).executeTakeFirstOrThrow();
      assert.equal(entry.version, 10, '9 sections created at version 1, one saved to version 2');
      assert.equal(JSON.parse(entry.sectionVersions).implementasi, 2);
      assert.equal((await inovasi.post(`/api/competitions/${competitionId}/decide`, {})).status, 200);
      const c = await rt.deps.db.selectFrom('competitions').select('decision').where('id', '=', competitionId).executeTakeFirstOrThrow();
      const snap = JSON.parse(c.decision!) as { ranking: Array<{ proposalId: string; title: string; proposalVersion: number; rank: number }> };
      const top = snap.ranking.find((x) => x.proposalId === dukcapil.proposalId)!;
      assert.deepEqual([top.rank, top.title, top.proposalVersion], [1, 'Akta Kilat', 10]);
      // The issued decree lists exactly that scored version in its lampiran.
      const decree = await inovasi.download(`/api/competitions/${competitionId}/decree.pdf`);
      assert.equal(decree.status, 200);
      const decreeText = pdfText(decree.data).replace(/\s+/g, ' ');
      assert.ok(decreeText.includes('Akta Kilat (versi 10)'), `the decree lists the scored version: ${decreeText.slice(-600)}`);
      assert.ok(decreeText.includes('Posyandu Digital Dinkes (versi 9)'), 'and the other entry at its scored version');
      const r = await judgeGet(`/api/competitions/${competitionId}/ranking`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.items.map((i: { proposalId: string }) => i.proposalId), [dukcapil.proposalId, dinkes.proposalId]);
      assert.ok(r.body.items.every((i: { unitName: string | null }) => i.unitName === null));
      assert.equal(r.body.items[1].title, 'Posyandu Digital [disamarkan]', 'a title naming its office is redacted in the ranking too');
      await judgeGet(`/api/competitions/${competitionId}`);
    });

    test('blind mode: the issued decree names the units, so the judge does not get it (403, clear message); the managers do', async () => {
      const d = await juri.download(`/api/competitions/${competitionId}/decree.pdf`);
      assert.equal(d.status, 403);
      seenByJudge.push({ what: 'GET decree.pdf', text: d.data.subarray(0, 5).toString() === '%PDF-' ? pdfText(d.data) : d.data.toString('utf8') });
      const body = JSON.parse(d.data.toString('utf8')) as { error: { message: string } };
      assert.match(body.error.message, /Penilaian kompetisi ini tertutup \(blind\): SK penetapan menyebut unit dan inovator/);
      const en = await juri.request('GET', `/api/competitions/${competitionId}/decree.pdf`, undefined, { headers: { 'accept-language': 'en' } });
      assert.match(en.body.error.message, /judged blind: the decree names the units/);
      assert.equal((await judgeGet(`/api/competitions/${competitionId}`)).body.permissions.decree, false, 'the page offers no decree link');
      // Any reader who is not a manager is blind too (the ranking hides units from them as well).
      assert.equal((await (await signedIn(rt, 'pimpinan')).download(`/api/competitions/${competitionId}/decree.pdf`)).status, 403);
      for (const manager of [inovasi, admin]) {
        const ok = await manager.download(`/api/competitions/${competitionId}/decree.pdf`);
        assert.equal(ok.status, 200);
        assert.equal(ok.data.subarray(0, 5).toString(), '%PDF-');
        assert.equal((await manager.get(`/api/competitions/${competitionId}`)).body.permissions.decree, true);
      }
    });

    test('the judge reads the scored version even if the stored text changed behind the lock', async () => {
      await rt.deps.db.updateTable('proposalSections').set({ text: 'Teks yang diubah langsung di basis data.', version: 3 }).where('proposalId', '=', dinkes.proposalId).where('key', '=', 'ringkasan').execute();
      const p = await juri.get(`/api/proposals/${dinkes.proposalId}`);
      const s = p.body.sections.find((x: { key: string }) => x.key === 'ringkasan');
      assert.equal(s.version, 1);
      assert.doesNotMatch(s.text, /diubah langsung/);
    });

    test('blind mode: nothing the judge received names a unit of the tenant or an innovator', () => {
      assert.ok(seenByJudge.length >= 9, `${seenByJudge.length} answers scanned`);
      assert.ok(unitNames.length > 20, 'the demo tenant has its units');
      for (const { what, text } of seenByJudge) {
        const lower = text.toLowerCase();
        for (const n of [...unitNames, INNOVATOR]) assert.ok(!lower.includes(n.toLowerCase()), `${what} names "${n}"`);
      }
    });
  });
}
