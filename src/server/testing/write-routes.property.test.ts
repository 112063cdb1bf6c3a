import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from './harness.ts';

/**
 * Property test over every write route (POST/PUT/PATCH/DELETE from the OpenAPI document): bodies
 * generated from each route's JSON schema (derived from its zod schema) and around it (junk
 * values, missing and extra fields), sent as the signed-in admin with CSRF, on both databases.
 * Asserted per request: no 5xx; a 2xx wrote an audit entry; a 4xx changed nothing (row counts of
 * every table). Deterministic: fixed seed, printed. NUL characters are left out of the
 * generators (they are rejected in one place, tested there).
 */
const SEED = 20261130;
const RUNS_PER_ROUTE = 25;

/** Routes left out, with the reason. */
const SKIP: Record<string, string> = {
  'POST /api/auth/login': 'signs in as someone else',
  'POST /api/auth/logout': 'ends the admin session the test runs in',
  'POST /api/auth/password': 'changes the admin password the test signs in with',
};
/** 2xx answers that may write no audit entry; they must then change no row count. */
const NO_AUDIT: Record<string, string> = {
  'POST /api/notifications/read-all': 'marks the caller\'s own notifications read (personal state, not a record)',
  'PUT /api/account/email': 'saving the unchanged address writes nothing',
};
/** Tables that may grow on a refused request, on purpose. */
const COUNTED_ON_REJECT = new Set(['skm_rejections', 'skmRejections']);

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; format?: string; nullable?: boolean };

const noNul = (s: string) => s.replace(/\u0000/g, '');
const junk = fc.oneof(fc.string().map(noNul), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));

function arb(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return junk;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => arb(v, depth + 1)));
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), junk);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const core = (() => {
    switch (type) {
      case 'string':
        if (s.format === 'date') return fc.oneof(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string().map(noNul));
        return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 60) }).map(noNul);
      case 'integer':
        return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e6), max: Math.min(s.maximum ?? 1000, 1e6) });
      case 'number':
        return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(arb(s.items, depth + 1), { maxLength: 4 });
      case 'object': {
        const props = s.properties ?? {};
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(props)) record[k] = arb(v, depth + 1);
        return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      }
      default:
        return junk;
    }
  })();
  return fc.oneof({ arbitrary: core, weight: 4 }, { arbitrary: junk, weight: 1 });
}

function bodyArb(schema: Schema | undefined): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: arb(schema), weight: 6 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 10 }).map(noNul), junk, { maxKeys: 4 }), weight: 1 },
    { arbitrary: junk, weight: 1 },
  );
}

let tableNames: string[] | undefined;
async function fingerprint(rt: TestRuntime): Promise<Record<string, number>> {
  if (!tableNames) {
    // PostgreSQL lists every schema: keep the runtime's own (its search_path).
    const current = rt.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(rt.deps.db)).rows[0].s : undefined;
    tableNames = (await rt.deps.db.introspection.getTables()).filter((t) => !t.isView && (!current || t.schema === current)).map((t) => t.name);
  }
  // One statement for all counts keeps a request's check cheap on PostgreSQL.
  const query = sql.join(tableNames.map((t) => sql`select ${t} as t, count(*) as n from ${sql.table(t)}`), sql` union all `);
  const r = await sql<{ t: string; n: number | string }>`${query}`.execute(rt.deps.db);
  return Object.fromEntries(r.rows.map((row) => [row.t, Number(row.n)]));
}

for (const dialect of await testDialects()) {
  describe(`write routes under generated input [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    before(async () => {
      tableNames = undefined;
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
    });
    after(() => rt.close());

    test(`no 5xx; 2xx is audited; 4xx changes nothing (seed ${SEED}, ${RUNS_PER_ROUTE} runs per route)`, { timeout: 300_000 }, async () => {
      console.log(`# write-routes property test: seed ${SEED}`);
      const doc = (await admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>> };
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string }>;
      const ids = [units[0].id, '01900000-0000-7000-8000-000000000000', 'bukan-id'];
      const routes: Array<{ method: string; path: string; schema: Schema | undefined }> = [];
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
          const key = `${method.toUpperCase()} ${path}`;
          if (SKIP[key]) continue;
          routes.push({ method: method.toUpperCase(), path, schema: op.requestBody?.content?.['application/json']?.schema });
        }
      }
      assert.ok(routes.length > 30, `write routes found: ${routes.length}`);
      const failures: string[] = [];
      const tally: Record<string, number> = {};
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        await fc.assert(
          fc.asyncProperty(bodyArb(route.schema), fc.constantFrom(...ids), async (body, id) => {
            const url = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
            const before = await fingerprint(rt);
            const res = await admin.request(route.method, url, route.method === 'DELETE' && body === undefined ? undefined : body);
            const afterwards = await fingerprint(rt);
            tally[`${Math.floor(res.status / 100)}xx`] = (tally[`${Math.floor(res.status / 100)}xx`] ?? 0) + 1;
            const what = `${key} ${JSON.stringify(body)?.slice(0, 200)} → ${res.status} ${res.raw.slice(0, 200)}`;
            if (res.status >= 500) failures.push(`5xx: ${what}`);
            else if (res.status < 300 && !(afterwards.audit_log > before.audit_log)) {
              const changed = Object.keys(afterwards).filter((t) => afterwards[t] !== before[t]);
              if (!NO_AUDIT[key] || changed.length) failures.push(`2xx without audit: ${what}`);
            }
            else if (res.status >= 400) {
              const changed = Object.keys(afterwards).filter((t) => afterwards[t] !== before[t] && !COUNTED_ON_REJECT.has(t));
              if (changed.length) failures.push(`4xx changed ${changed.join(', ')}: ${what}`);
            }
            return true;
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE },
        );
      }
      console.log(`# ${routes.length} write routes, answers: ${JSON.stringify(tally)}`);
      assert.ok('audit_log' in (await fingerprint(rt)), 'the audit table is counted');
      assert.ok((tally['2xx'] ?? 0) > 0, 'some generated requests succeed, so the audit check is exercised');
      if (failures.length) console.log(failures.join('\n'));
      assert.deepEqual(failures, []);
    });
  });
}
