import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestResponse, type TestRuntime } from '../../testing/harness.ts';
import { createUsersService } from '../users/users.service.ts';
import { newId } from '../../lib/ids.ts';

/**
 * The evidence list (and its CSV and total) shows each reader only the files he may open, with the
 * download's rule: his own uploads, and files linked to a record he may read; of each file only
 * the links to records he may read. PK scans are read with pk.read (unit-scoped for operators).
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

type Item = { id: string; originalName: string; links: Array<{ entityType: string; entityId: string }> };

for (const dialect of await testDialects()) {
  describe(`evidence list visibility [${dialect}]`, () => {
    let rt: TestRuntime;
    const c = {} as Record<'admin' | 'rb' | 'opA' | 'opB' | 'juri', TestClient>;
    let unitA: string;
    let pkA: string;
    let pkB: string;
    const files: Record<'pkA' | 'pkB' | 'both' | 'ownB' | 'person' | 'legacyA', string> = {} as never;
    let legacyLinkId: string;

    const must = async <T = any>(p: Promise<TestResponse<T>>) => {
      const res = await p;
      assert.ok([200, 201, 204].includes(res.status), `${res.status} ${res.raw.slice(0, 300)}`);
      return res.body;
    };
    const list = async (who: keyof typeof c, query = '&pageSize=200') => (await must(c[who].get(`/api/evidence?sort=name${query}`))) as { items: Item[]; total: number };
    const names = (items: Item[]) => new Set(items.map((i) => i.originalName));

    before(async () => {
      rt = await createTestRuntime(dialect);
      for (const [who, user] of [['admin', 'admin'], ['rb', 'rb'], ['opA', 'operator'], ['juri', 'juri']] as const) c[who] = await signedIn(rt, user);
      const units = (await c.admin.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      unitA = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      const unitB = units.find((u) => u.shortName === 'Balitbangda')!.id;
      const tenantId = (await rt.deps.db.selectFrom('units').select('tenantId').where('id', '=', unitB).executeTakeFirstOrThrow()).tenantId;
      const opB = await createUsersService(rt.deps).create(
        { userId: 'cli', tenantId, name: 'cli', roles: [{ role: 'admin', unitId: null }], isPlatformAdmin: false, unitScope: new Set() },
        { username: 'operator.balitbangda', name: 'Operator Balitbangda', password: 'rahasia-operator-b1', roles: [{ role: 'unit_operator', unitId: unitB }] },
      );
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', opB.user.id).execute();
      c.opB = new TestClient(rt.app);
      await c.opB.login('operator.balitbangda', 'rahasia-operator-b1');
      const headOf = async (unitId: string) => ((await c.admin.get(`/api/positions?unitId=${unitId}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      pkA = (await must(c.rb.post('/api/pk', { year: 2026, positionId: await headOf(unitA) }))).id;
      pkB = (await must(c.rb.post('/api/pk', { year: 2026, positionId: await headOf(unitB) }))).id;

      const up = async (who: keyof typeof c, name: string, link?: { entityType: string; entityId: string }) =>
        (await must(c[who].upload('/api/evidence', link ?? {}, { name, data: PDF }))).id as string;
      files.pkA = await up('rb', 'pk-ttd-disdukcapil.pdf', { entityType: 'pk', entityId: pkA });
      files.pkB = await up('rb', 'pk-ttd-balitbangda.pdf', { entityType: 'pk', entityId: pkB });
      files.both = await up('rb', 'pk-bersama.pdf', { entityType: 'pk', entityId: pkA });
      await must(c.rb.post(`/api/evidence/${files.both}/links`, { entityType: 'pk', entityId: pkB }));
      files.ownB = await up('opB', 'draf-balitbangda.pdf');
      const person = (await must(c.opA.post('/api/people', { name: 'Pemilik Berkas Umum', nip: '199104042016031001', kind: 'PNS', unitId: unitA }))).id;
      files.person = await up('opA', 'sk-pegawai.pdf', { entityType: 'person', entityId: person });
      // A link written before migration 0024 (or by a module that inserts its own links): no stored scope yet.
      files.legacyA = await up('rb', 'pk-lama-disdukcapil.pdf');
      legacyLinkId = newId();
      await rt.deps.db.insertInto('evidenceLinks').values({ tenantId, id: legacyLinkId, evidenceId: files.legacyA, entityType: 'pk', entityId: pkA, createdAt: '2026-01-01T00:00:00.000Z' }).execute();
    });
    after(() => rt.close());

    test('the operator of unit B does not see unit A\'s files in the list, the total or the CSV; he sees his own and B\'s', async () => {
      const { items, total } = await list('opB');
      const seen = names(items);
      for (const n of ['pk-ttd-balitbangda.pdf', 'pk-bersama.pdf', 'draf-balitbangda.pdf', 'sk-pegawai.pdf']) assert.ok(seen.has(n), `B sees ${n}`);
      for (const n of ['pk-ttd-disdukcapil.pdf', 'pk-lama-disdukcapil.pdf']) assert.ok(!seen.has(n), `B does not see ${n}`);
      assert.equal(total, items.length, 'the total counts only what B sees');
      // Paging stays exact: one file a page, the same total, every page full.
      const paged = await list('opB', '&pageSize=1&page=2');
      assert.equal(paged.total, total);
      assert.equal(paged.items.length, 1);
      const csv = await c.opB.get('/api/evidence/export.csv');
      assert.equal(csv.status, 200);
      assert.ok(csv.raw.includes('pk-bersama.pdf'));
      assert.ok(!csv.raw.includes('pk-ttd-disdukcapil'), 'A\'s file name is not in B\'s CSV');
      assert.ok(!csv.raw.includes('pk-lama-disdukcapil'), 'nor the file linked before the scope was stored');
      assert.ok(!csv.raw.includes(pkA), 'nor a link to A\'s PK');
      // Asking for A's PK's files is refused; "linked to a PK" lists only B's.
      assert.equal((await c.opB.get(`/api/evidence?entityType=pk&entityId=${pkA}`)).status, 403);
      assert.deepEqual([...names((await list('opB', '&pageSize=200&entityType=pk')).items)].sort(), ['pk-bersama.pdf', 'pk-ttd-balitbangda.pdf']);
    });

    test('a file linked to a record of A and one of B shows B only B\'s link; the admin sees both', async () => {
      const forB = (await list('opB')).items.find((i) => i.id === files.both)!;
      assert.deepEqual(forB.links, [{ entityType: 'pk', entityId: pkB }]);
      const forA = (await list('opA')).items.find((i) => i.id === files.both)!;
      assert.deepEqual(forA.links, [{ entityType: 'pk', entityId: pkA }]);
      const forAdmin = (await list('admin')).items.find((i) => i.id === files.both)!;
      assert.deepEqual(forAdmin.links.map((l) => l.entityId).sort(), [pkA, pkB].sort());
    });

    test('tenant-wide readers (admin, Tim RB) see every file; the juri only what he may open', async () => {
      for (const who of ['admin', 'rb'] as const) {
        const seen = names((await list(who)).items);
        for (const n of ['pk-ttd-disdukcapil.pdf', 'pk-ttd-balitbangda.pdf', 'pk-bersama.pdf', 'draf-balitbangda.pdf', 'sk-pegawai.pdf', 'pk-lama-disdukcapil.pdf']) {
          // The unlinked draft is its uploader's alone, whoever reads.
          assert.equal(seen.has(n), n !== 'draf-balitbangda.pdf', `${who}: ${n}`);
        }
      }
      const juri = names((await list('juri')).items);
      assert.ok(juri.has('sk-pegawai.pdf'));
      assert.ok(!juri.has('pk-ttd-disdukcapil.pdf') && !juri.has('pk-bersama.pdf'));
    });

    test('listed exactly when downloadable, for every reader and file (the download\'s rule)', async () => {
      const failures: string[] = [];
      for (const who of Object.keys(c) as Array<keyof typeof c>) {
        const listed = new Set((await list(who)).items.map((i) => i.id));
        for (const [kind, id] of Object.entries(files)) {
          const dl = (await c[who].download(`/api/evidence/${id}/download`)).status === 200;
          if (dl !== listed.has(id)) failures.push(`${who} ${kind}: download ${dl}, listed ${listed.has(id)}`);
        }
      }
      assert.deepEqual(failures, []);
    });

    test('a link without stored scope is resolved by its record type\'s resolver before the list', async () => {
      await list('opB');
      const row = await rt.deps.db.selectFrom('evidenceLinks').select(['readAction', 'unitId']).where('id', '=', legacyLinkId).executeTakeFirstOrThrow();
      assert.deepEqual(row, { readAction: 'pk.read', unitId: unitA });
      assert.ok(names((await list('opA')).items).has('pk-lama-disdukcapil.pdf'), 'the operator of A sees it');
    });
  });
}
