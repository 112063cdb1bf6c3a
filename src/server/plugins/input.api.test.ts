import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../testing/harness.ts';
import { findNul } from './input.ts';

test('findNul names the first string (or key) holding U+0000, however deeply nested', () => {
  assert.equal(findNul({ a: 'ok', b: [1, { c: 'x\u0000y' }] }), 'b.1.c');
  assert.equal(findNul({ a: { ['k\u0000']: 1 } }), 'a');
  assert.equal(findNul('plain\u0000'), '');
  assert.equal(findNul({ a: 'fine', n: 3, t: true, z: null }), null);
});

for (const dialect of await testDialects()) {
  describe(`input robustness [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let anon: TestClient;
    let survey: { id: string; surveyCode: string };
    let innovationId: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      anon = new TestClient(rt.app);
      const units = (await operator.get('/api/units')).body.items;
      const unitId = units.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      const year = new Date().toISOString().slice(0, 4);
      const s = await operator.post('/api/skm/surveys', { unitId, serviceName: 'Perekaman KTP-el', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, population: 100 });
      assert.equal(s.status, 201, s.raw);
      survey = s.body;
      const inn = await operator.post('/api/innovations', {
        title: 'Antar Gratis Dokumen Kependudukan',
        unitId,
        type: 'pelayanan_publik',
        stage: 'penerapan',
        digital: true,
        initiatedOn: '2024-01-15',
        description: 'Dokumen kependudukan diantar gratis ke rumah warga oleh petugas Disdukcapil.',
      });
      assert.equal(inn.status, 201, inn.raw);
      innovationId = inn.body.id;
    });
    after(() => rt.close());

    function assertNulRejected(res: { status: number; body: any; raw: string }, field: string) {
      assert.equal(res.status, 400, res.raw);
      assert.equal(res.body.error.code, 'VALIDATION');
      assert.match(res.body.error.message, /NUL/);
      assert.equal(res.body.error.details[0].field, field);
    }

    test('NUL in the sign-in username → 400, not 500', async () => {
      const res = await anon.post('/api/auth/login', { username: 'admin\u0000', password: 'serasan-demo' }, { csrf: false });
      assertNulRejected(res, 'username');
    });

    test('NUL in a path parameter → 400', async () => {
      assertNulRejected(await anon.get(`/api/public/skm/AB%00CDEF`), 'code');
    });

    test('NUL in a public SKM submission field → 400 and nothing stored', async () => {
      const form = await anon.get(`/api/public/skm/${survey.surveyCode}`);
      assert.equal(form.status, 200, form.raw);
      const answers = Object.fromEntries(form.body.questions.map((q: { unsur: string }) => [q.unsur, 3]));
      const res = await anon.request('POST', `/api/public/skm/${survey.surveyCode}/responses`, { answers, formToken: form.body.formToken, suggestion: 'antre\u0000lama' }, { csrf: false });
      assertNulRejected(res, 'suggestion');
      const n = await rt.deps.db.selectFrom('skmResponses').where('surveyId', '=', survey.id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 0);
    });

    test('NUL in the search query q → 400', async () => {
      assertNulRejected(await operator.get('/api/innovations?q=kependudukan%00'), 'q');
    });

    test('NUL in a nested JSON body field → 400 naming the nested path', async () => {
      const res = await operator.put(`/api/innovations/${innovationId}/score`, { answers: { '1': { choice: 1, note: 'catatan\u0000' } } });
      assertNulRejected(res, 'answers.1.note');
    });

    test('NUL in a text field of a multipart upload → 400, nothing stored', async () => {
      const count = async () => Number((await rt.deps.db.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const pdf = { name: 'sk.pdf', data: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'), type: 'application/pdf' };
      const res = await operator.upload('/api/evidence', { entityType: 'innovation', entityId: `${innovationId}\u0000` }, pdf);
      assertNulRejected(res, 'entityId');
      assert.equal(await count(), before);
      // The same upload without the NUL is linked to the innovation.
      assert.equal((await operator.upload('/api/evidence', { entityType: 'innovation', entityId: innovationId }, pdf)).status, 201);
    });

    test('English callers get the message in English', async () => {
      const en = new TestClient(rt.app, { 'accept-language': 'en' });
      const res = await en.post('/api/auth/login', { username: 'admin\u0000', password: 'x' }, { csrf: false });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.message, 'Invalid data: Username contains a NUL character (\\u0000), which is not allowed. Remove it and send again.');
    });

    test('an absolute-form request line does not skip sign-in (app.inject)', async () => {
      const res = await anon.get('http://serasan.example/api/regions');
      assert.equal(res.status, 401, res.raw);
      assert.equal(res.body.error.code, 'UNAUTHENTICATED');
    });

    test('an absolute-form request line does not skip sign-in (raw socket)', async () => {
      await rt.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = rt.app.server.address() as AddressInfo;
      const raw = await new Promise<string>((resolve, reject) => {
        const sock = net.connect(port, '127.0.0.1', () => {
          sock.write(`GET http://127.0.0.1:${port}/api/regions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        });
        let data = '';
        sock.on('data', (d) => (data += d.toString('utf8')));
        sock.on('end', () => resolve(data));
        sock.on('error', reject);
      });
      const status = Number(raw.split(' ')[1]);
      assert.equal(status, 401, raw.slice(0, 500));
    });
  });
}
