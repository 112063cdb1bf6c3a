import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createUsersService } from '../users/users.service.ts';

/** Issue 10 items 1–3: one search engine for the list, the public catalogue and similar innovations. */
for (const dialect of await testDialects()) {
  describe(`search that forgives [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let inovasi: TestClient;
    let anon: TestClient;
    let other: TestClient;
    let dukcapilId: string;
    const titles = (res: { body: { items: Array<{ title: string }> } }) => res.body.items.map((i) => i.title);

    const create = async (c: TestClient, unitId: string, title: string, description: string) => {
      const res = await c.post('/api/innovations', { title, unitId, type: 'pelayanan_publik', stage: 'penerapan', digital: false, initiatedOn: '2024-01-15', description });
      assert.equal(res.status, 201, res.raw);
      return res.body.id as string;
    };

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      inovasi = await signedIn(rt, 'inovasi');
      anon = new TestClient(rt.app);
      dukcapilId = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      // Another region with a draft holding a word found nowhere else.
      const platform = await signedIn(rt, 'platform');
      const t = await platform.post('/api/admin/tenants', { regionCode: '16.71' });
      assert.equal(t.status, 201, t.raw);
      const actor = { userId: 'cli', tenantId: t.body.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const u = await createUsersService(rt.deps).create(actor, { username: 'admin.plg', name: 'admin.plg', password: 'rahasia-1234567', roles: [{ role: 'admin' }] });
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      other = new TestClient(rt.app);
      await other.login('admin.plg', 'rahasia-1234567');
      const otherUnit = (await other.get('/api/units?type=kecamatan')).body.items[0].id;
      await create(other, otherUnit, 'Zebracross Pintar Rahasia', 'Draf penyeberangan jalan pintar yang belum terbit di kota lain.');
    });
    after(() => rt.close());

    test('any word: "akta kelahiran" and "kependudukan akta" find the demo innovations, in the catalogue and the list', async () => {
      const a = await anon.get('/api/public/innovations?q=akta%20kelahiran');
      assert.equal(a.status, 200, a.raw);
      assert.deepEqual(titles(a).slice(0, 2), ['BELAH DADOKU', 'ARTIS DUKCAPIL']);
      const b = await anon.get('/api/public/innovations?region=16.03&q=kependudukan%20akta');
      assert.deepEqual(titles(b).slice(0, 2).sort(), ['ARTIS DUKCAPIL', 'BELAH DADOKU']);
      assert.deepEqual(b.body.suggestions, []);
      const list = await inovasi.get('/api/innovations?q=akta%20kelahiran');
      assert.deepEqual(titles(list).slice(0, 2), ['BELAH DADOKU', 'ARTIS DUKCAPIL']);
    });

    test('a column sort chosen while searching orders the same hits by that column, filters still apply', async () => {
      for (const [path, sort] of [['/api/innovations?q=kependudukan%20dokumen&pageSize=100', 'title'], ['/api/public/innovations?region=16.03&q=kependudukan%20dokumen&pageSize=100', 'title']] as const) {
        const client = path.startsWith('/api/public') ? anon : inovasi;
        const ranked = await client.get(path);
        const sorted = await client.get(`${path}&sort=-${sort}`);
        assert.equal(sorted.status, 200, sorted.raw);
        assert.ok(titles(ranked).length >= 2);
        assert.deepEqual([...titles(sorted)].sort(), [...titles(ranked)].sort(), 'the same hits');
        const expected = [...titles(ranked)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : a.toLowerCase() > b.toLowerCase() ? -1 : 0));
        assert.deepEqual(titles(sorted), expected, 'by title, descending');
        assert.equal(sorted.body.total, ranked.body.total);
      }
      const none = await inovasi.get('/api/innovations?q=kependudukan%20dokumen&sort=title&year=1999');
      assert.equal(none.status, 200, none.raw);
      assert.deepEqual(titles(none), []);
    });

    test('records with all words come first, even against one that repeats a single word', async () => {
      const single = await create(operator, dukcapilId, 'Sampah Sampah Sampah', 'Sampah sampah sampah: sampah diangkut, sampah dipilah, sampah dijual.');
      const both = await create(operator, dukcapilId, 'Bank Sampah Sekolah', 'Murid menabung sampah plastik di bank sampah yang dikelola guru dan komite sekolah setiap hari Sabtu.');
      const res = await inovasi.get('/api/innovations?q=sampah%20sekolah');
      const ids = res.body.items.map((i: { id: string }) => i.id);
      assert.ok(ids.indexOf(both) === 0 && ids.includes(single), JSON.stringify(titles(res)));
      assert.equal(res.body.total, ids.length);
    });

    test('synonyms: "daring", "keluhan warga", "e-KTP" find "online", "pengaduan masyarakat", "KTP-el"', async () => {
      const online = await create(operator, dukcapilId, 'Pendaftaran Antrean Online', 'Warga mendaftar antrean layanan lewat situs web.');
      const aduan = await create(operator, dukcapilId, 'Kotak Pengaduan Masyarakat', 'Pengaduan masyarakat dijawab dalam tiga hari kerja.');
      const ktp = await create(operator, dukcapilId, 'Cetak KTP-el di Kecamatan', 'Blangko KTP-el dicetak di kantor camat.');
      const first = async (q: string) => (await inovasi.get(`/api/innovations?q=${encodeURIComponent(q)}`)).body.items[0]?.id;
      assert.equal(await first('antrean daring'), online);
      assert.equal(await first('keluhan warga'), aduan);
      assert.equal(await first('cetak e-KTP'), ktp);
    });

    test('acronyms: the long form of the name counts as name ("SIGAP (Siaga Gawat Darurat …)" first for "gawat darurat")', async () => {
      const sigap = await create(operator, dukcapilId, 'SIGAP', 'SIGAP (Siaga Gawat Darurat Puskesmas) menjemput pasien desa dengan ambulans, mengantar ke rumah sakit, mencatat riwayat, dan melapor ke dinas setiap bulan tanpa biaya bagi keluarga miskin.');
      const body = await create(operator, dukcapilId, 'Ambulans Desa', 'Ambulans desa membantu warga saat gawat darurat.');
      const res = await inovasi.get('/api/innovations?q=gawat%20darurat');
      assert.deepEqual(res.body.items.slice(0, 2).map((i: { id: string }) => i.id), [sigap, body], JSON.stringify(titles(res)));
      // The acronym alone finds it too.
      assert.equal((await inovasi.get('/api/innovations?q=sigap')).body.items[0].id, sigap);
    });

    test('prefix: a word typed halfway ("belah dado", "piring em") finds the record', async () => {
      assert.equal(titles(await anon.get('/api/public/innovations?q=belah%20dado'))[0], 'BELAH DADOKU');
      assert.equal(titles(await anon.get('/api/public/innovations?q=piring%20em'))[0], 'Piring Emas');
      assert.equal(titles(await inovasi.get('/api/innovations?q=bapaku%20ngo'))[0], 'Bapaku Ngoceh');
    });

    test('nothing found: a suggestion from the corrected query ("kelahran" → BELAH DADOKU); none for gibberish', async () => {
      const pub = await anon.get('/api/public/innovations?q=kelahran');
      assert.equal(pub.status, 200, pub.raw);
      assert.equal(pub.body.total, 0);
      assert.ok(pub.body.suggestions.includes('BELAH DADOKU'), JSON.stringify(pub.body.suggestions));
      const list = await inovasi.get('/api/innovations?q=kelahran');
      assert.equal(list.body.total, 0);
      assert.ok(list.body.suggestions.includes('BELAH DADOKU'), JSON.stringify(list.body.suggestions));
      const none = await anon.get('/api/public/innovations?q=qwxzvbnm');
      assert.deepEqual([none.body.total, none.body.suggestions], [0, []]);
    });

    test('tenant scoping holds: another region’s draft is neither found nor suggested', async () => {
      for (const q of ['zebracross', 'zebracros', 'zebracross pintar']) {
        for (const res of [await inovasi.get(`/api/innovations?q=${q}`), await anon.get(`/api/public/innovations?q=${q}`)]) {
          assert.equal(res.status, 200);
          assert.ok(!titles(res).includes('Zebracross Pintar Rahasia'), q);
          assert.ok(!res.body.suggestions.includes('Zebracross Pintar Rahasia'), q);
        }
      }
      // Its own region finds it.
      assert.equal(titles(await other.get('/api/innovations?q=zebracross'))[0], 'Zebracross Pintar Rahasia');
    });

    test('similar: a common word ("Rumah") does not rank an unrelated innovation first; a near-duplicate name is flagged with the shared words', async () => {
      const health = await inovasi.get('/api/innovations/similar?text=' + encodeURIComponent('Rumah Sehat Ibu Hamil'));
      assert.equal(health.status, 200, health.raw);
      assert.equal(health.body.items[0].title, 'Kapsul Cinta', JSON.stringify(health.body.items.map((i: { title: string; score: number }) => [i.title, i.score])));
      const rumah = health.body.items.find((i: { title: string }) => i.title === 'Rumah UMKM Gerbang Serasan');
      assert.ok(!rumah || (rumah.score < 0.3 && !rumah.likelyDuplicate));
      const dup = await inovasi.get('/api/innovations/similar?title=' + encodeURIComponent('Rumah UMKM Serasan') + '&text=' + encodeURIComponent('Rumah UMKM Serasan. Pembinaan usaha kecil.'));
      const top = dup.body.items[0];
      assert.equal(top.title, 'Rumah UMKM Gerbang Serasan');
      assert.ok(top.score >= 0.6 && top.likelyDuplicate, String(top.score));
      assert.ok(top.reason.includes('umkm') && top.reason.includes('rumah'), JSON.stringify(top.reason));
      // The long form of an acronym name makes a near-duplicate too.
      const artis = await inovasi.get('/api/innovations/similar?text=' + encodeURIComponent('Antar Gratis Dokumen Kependudukan'));
      assert.equal(artis.body.items[0].title, 'ARTIS DUKCAPIL');
      assert.equal(artis.body.items[0].likelyDuplicate, true);
    });

    test('similar: the same title typed again is a likely duplicate although the record also has an acronym long form', async () => {
      const same = await inovasi.get('/api/innovations/similar?title=' + encodeURIComponent('BELAH DADOKU') + '&text=' + encodeURIComponent('BELAH DADOKU'));
      assert.equal(same.status, 200);
      assert.equal(same.body.items[0].title, 'BELAH DADOKU');
      assert.equal(same.body.items[0].score, 1);
      assert.equal(same.body.items[0].likelyDuplicate, true);
    });
  });
}
