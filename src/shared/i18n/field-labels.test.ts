import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { coreEn } from './core.en.ts';
import { coreId } from './core.id.ts';

/** Field names of the shared input schemas (objects nested in wrappers, unions and arrays too). */
function fieldNames(schema: unknown, into: Set<string>, seen = new Set<unknown>()): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return;
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
      into.add(k);
      fieldNames(v, into, seen);
    }
  }
  for (const key of ['innerType', 'in', 'out', 'element', 'schema', 'left', 'right']) fieldNames(def[key], into, seen);
  for (const o of (def.options as unknown[] | undefined) ?? []) fieldNames(o, into, seen);
}

test('every field of a shared input schema has a label in both languages: no raw key (legalBasisDoc) in a message', async () => {
  const dir = path.join(import.meta.dirname, '..', 'schemas');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, schema] of Object.entries(mod)) if (/Input$/.test(name)) fieldNames(schema, names);
  }
  assert.ok(names.has('legalBasisDoc') && names.size > 50, `found ${names.size} fields`);
  for (const [lang, cat] of [['id', coreId], ['en', coreEn]] as const) {
    const labelled = (k: string) => k in cat.fields || Object.values(cat.fieldsIn).some((o) => k in o);
    assert.deepEqual([...names].filter((k) => !labelled(k)).sort(), [], `fields without a label (${lang})`);
  }
});
