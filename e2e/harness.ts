import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig, ROOT_DIR } from '../src/server/config.ts';
import { ensureWebBuilt } from '../src/server/web-build.ts';

/**
 * Browser journeys run against a real Serasan process (npm start's code path) on a free port
 * with its own data directory, in Debian's Chromium. Without Chromium they are skipped with that
 * reason, except when CI=true or SERASAN_REQUIRE_BROWSER=true, where its absence fails the run.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT_DIR, 'e2e', 'artifacts');

export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true' || process.env.SERASAN_REQUIRE_BROWSER === 'true') {
    throw new Error(`Chromium is required for browser journeys but missing at ${CHROMIUM} (apt-get install chromium)`);
  }
  return `Chromium not installed at ${CHROMIUM} (apt-get install chromium)`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface E2EServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Journey files run in parallel processes; only one of them may (re)build dist/web at a time,
 * or a server could serve a half-emptied directory. A directory is the lock (mkdir is atomic).
 */
async function ensureWebBuiltOnce(): Promise<void> {
  const lock = path.join(ROOT_DIR, 'dist', '.web-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left by a killed run: no build takes five minutes.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another web build (${lock})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    ensureWebBuilt(loadConfig().webDistDir);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A server clock for journeys about a whole PK year (startServer(yearEnd().env)): late December of
 * the current year, so every quarter has begun while the SPA's "this year" (the browser's date) is
 * the same year. Never behind the real time: the session cookie's Expires comes from the server's
 * clock, and the browser drops a cookie whose Expires has passed by its own clock. `day` is the
 * server's day at start (WIB) as typed in a date field.
 */
export function yearEnd(now = new Date()): { year: number; env: { SERASAN_CLOCK_START: string }; day: string } {
  const year = now.getFullYear();
  const start = new Date(Math.max(Date.parse(`${year}-12-20T03:00:00Z`), now.getTime()));
  const [y, m, d] = new Date(start.getTime() + 7 * 3600_000).toISOString().slice(0, 10).split('-');
  return { year, env: { SERASAN_CLOCK_START: start.toISOString() }, day: `${d}/${m}/${y}` };
}

export async function startServer(env: Record<string, string> = {}): Promise<E2EServer> {
  await ensureWebBuiltOnce();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serasan-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/server/main.ts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SERASAN_DATA_DIR: dataDir, SERASAN_SKIP_WEB_BUILD: 'true', SERASAN_LOG: 'false', DATABASE_URL: '', SERASAN_SEED_DEMO_SAKIP: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Serasan exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Serasan did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(browser: Browser, viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  // Indonesian browser, as in a kabupaten office.
  const context = await browser.newContext({ viewport, locale: 'id-ID' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Keep a screenshot of the page as it was when a step failed (CI artefact). */
export async function withArtifacts<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-failure.png`), fullPage: true }).catch(() => {});
    throw err;
  }
}

export async function signIn(page: Page, url: string, username: string, password = 'serasan-demo') {
  await page.goto(`${url}/masuk`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}

/** Where journeys keep a picture of each main page they pass (for a human to look at). */
export const SHOTS = process.env.SERASAN_E2E_SHOTS ?? path.join(tmpdir(), 'e2e-shots');

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // Finish CSS transitions (modals fading in) so the picture shows what the user settles on.
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The page must not scroll sideways: content fits the viewport width. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number } | null> {
  const m = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  return m.scrollWidth <= m.innerWidth ? null : m;
}

/** Call the API from inside the page, as the SPA does: session cookie plus CSRF header on writes. */
export async function pageApi(page: Page, method: string, apiPath: string, body?: unknown): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (method !== 'GET') {
        const csrf = await fetch('/api/csrf', { credentials: 'same-origin' });
        headers['x-csrf-token'] = ((await csrf.json()) as { token: string }).token;
      }
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(apiPath, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    },
    { method, apiPath, body },
  );
}

/** A signed-in API client outside the browser (cookie jar of one session + CSRF token). */
export async function apiSession(url: string, username: string, password = 'serasan-demo') {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  keep(login);
  const csrf = await fetch(`${url}/api/csrf`, { headers: { cookie: cookie() } });
  keep(csrf);
  const { token } = (await csrf.json()) as { token: string };
  return async function call(method: string, apiPath: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { cookie: cookie(), accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${apiPath}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    keep(res);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/**
 * Type a date into a DateField as a user does (DD/MM/YYYY) and leave the field, which closes its
 * calendar and shows the date as the app formats it.
 */
export async function typeDate(page: Page, testId: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}
