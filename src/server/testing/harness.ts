import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type DialectName } from '../db/db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../demo/demo.ts';
import { seedRegions } from '../db/seeds/regions.ts';
import type { Deps } from '../deps.ts';
import { buildApp } from '../app.ts';
import { systemClock, type Clock } from '../lib/clock.ts';
import { createFsBlobStore } from '../modules/evidence/blob-store.ts';
import { createPgSchema, dropPgSchema, withPgSchemaLock } from './pg-schemas.ts';

/**
 * Database tests run once per dialect (STYLE.md §10): SQLite always; PostgreSQL when reachable,
 * and always when CI=true (an unreachable server then fails the run instead of skipping).
 */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<boolean> | undefined;
async function isPgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function testDialects(): Promise<DialectName[]> {
  pgReachable ??= isPgReachable();
  const ok = await pgReachable;
  const required = process.env.CI === 'true' || process.env.SERASAN_REQUIRE_PG === 'true';
  if (!ok && required) throw new Error(`PostgreSQL is required (CI=true) but not reachable at ${PG_URL}`);
  if (!ok) console.warn(`# PostgreSQL not reachable at ${PG_URL}: database tests run on SQLite only`);
  return ok ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestRuntime {
  deps: Deps;
  app: FastifyInstance;
  dialect: DialectName;
  config: Config;
  close(): Promise<void>;
}

export interface TestRuntimeOptions {
  seed?: 'demo' | 'regions' | 'none';
  clock?: Clock;
  env?: Record<string, string>;
}

/** A fresh, isolated database (SQLite in memory, or a throwaway PostgreSQL schema) and app. */
export async function createTestRuntime(dialect: DialectName, opts: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serasan-test-'));
  // The demo region without this year's demo PKs (tests own them); opt in with SERASAN_SEED_DEMO_SAKIP=true.
  const config = loadConfig({ SERASAN_DATA_DIR: dataDir, SERASAN_DEMO_PASSWORD: 'serasan-demo', SERASAN_SEED_DEMO_SAKIP: 'false', ...opts.env } as NodeJS.ProcessEnv);
  let schema: string | undefined;
  if (dialect === 'postgres') {
    schema = `t_${randomBytes(6).toString('hex')}`;
    await createPgSchema(PG_URL, schema);
  }
  const database = openDatabase(
    dialect === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 4 } : { sqliteFile: ':memory:' },
  );
  if (schema) await withPgSchemaLock(PG_URL, () => migrateToLatest(database.db, schema));
  else await migrateToLatest(database.db);
  const deps: Deps = {
    db: database.db,
    dialect: database.dialect,
    clock: opts.clock ?? systemClock,
    config,
    blobs: createFsBlobStore(path.join(dataDir, 'blobs')),
  };
  const seed = opts.seed ?? 'demo';
  if (seed === 'demo') await seedDemo(deps);
  else if (seed === 'regions') await seedRegions(deps.db);
  const app = await buildApp(deps);
  await app.ready();
  return {
    deps,
    app,
    dialect,
    config,
    async close() {
      await app.close();
      await database.close();
      if (schema) {
        await dropPgSchema(PG_URL, schema);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

/**
 * A browser-like API client over app.inject: keeps cookies, fetches the CSRF token and sends it
 * on state-changing requests (unless told not to).
 */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  constructor(private app: FastifyInstance, private headers: Record<string, string> = {}) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = any>(method: string, url: string, body?: unknown, opts: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string | Buffer } = {}): Promise<TestResponse<T>> {
    const unsafe = !['GET', 'HEAD'].includes(method);
    if (unsafe && opts.csrf !== false && !this.csrf) await this.refreshCsrf();
    const headers: Record<string, string> = { ...this.headers, ...opts.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (unsafe && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    let payload: string | Buffer | undefined;
    if (opts.rawBody !== undefined) payload = opts.rawBody;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.inject({ method: method as 'GET', url, headers, payload });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed as T, headers: res.headers as TestResponse['headers'], raw: res.body };
  }

  /** multipart/form-data upload of one file (field "file") with text fields. */
  async upload<T = any>(url: string, fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) {
    const boundary = `----serasan${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    if (file) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
      parts.push(file.data, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.request<T>('POST', url, undefined, { rawBody: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  }

  /** GET returning the raw bytes (downloads). */
  async download(url: string): Promise<{ status: number; data: Buffer; headers: Record<string, unknown> }> {
    const headers: Record<string, string> = { ...this.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await this.app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, data: res.rawPayload, headers: res.headers };
  }

  async refreshCsrf() {
    const res = await this.request<{ token: string }>('GET', '/api/csrf');
    this.csrf = res.body.token;
  }
  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown, opts?: { csrf?: boolean }) => this.request<T>('POST', url, body ?? {}, opts);
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body ?? {});
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, body ?? {});
  del = <T = any>(url: string) => this.request<T>('DELETE', url);

  async login(username: string, password = 'serasan-demo') {
    const res = await this.post('/api/auth/login', { username, password }, { csrf: false });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.raw}`);
    await this.refreshCsrf();
    return res.body;
  }
}

export async function signedIn(rt: TestRuntime, username: string, headers?: Record<string, string>) {
  const client = new TestClient(rt.app, headers);
  await client.login(username);
  return client;
}
