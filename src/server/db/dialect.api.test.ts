import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, testDialects } from '../testing/harness.ts';
import { ilikeContains } from './dialect.ts';

/** `%`, `_` and `\` typed by a user are literal characters, not LIKE wildcards, on both databases. */
for (const dialect of await testDialects()) {
  describe(`ilikeContains [${dialect}]`, () => {
    test('escapes %, _ and \\ and folds case', async () => {
      const rt = await createTestRuntime(dialect, { seed: 'none' });
      try {
        const names = ['Diskon 50% Retribusi', 'Diskon 50 Persen', 'kode_a', 'kodeXa', 'jalur\\b', 'jalurb', 'UPPER Case'];
        await rt.deps.db
          .insertInto('regions')
          .values(names.map((name, i) => ({ code: `99.${String(i).padStart(2, '0')}`, name, level: 'regency' as const, parentCode: null, kind: null })))
          .execute();
        const find = async (needle: string) =>
          (await rt.deps.db.selectFrom('regions').select('name').where(ilikeContains('name', needle)).orderBy('name').execute()).map((r) => r.name);
        assert.deepEqual(await find('50%'), ['Diskon 50% Retribusi']);
        assert.deepEqual(await find('%'), ['Diskon 50% Retribusi']);
        assert.deepEqual(await find('e_a'), ['kode_a']);
        assert.deepEqual(await find('_'), ['kode_a']);
        assert.deepEqual(await find('r\\b'), ['jalur\\b']);
        assert.deepEqual(await find('\\'), ['jalur\\b']);
        assert.deepEqual(await find('upper case'), ['UPPER Case']);
        assert.deepEqual(await find('diskon 50'), ['Diskon 50 Persen', 'Diskon 50% Retribusi']);
      } finally {
        await rt.close();
      }
    });
  });
}
