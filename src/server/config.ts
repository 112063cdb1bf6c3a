import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The one place that reads the environment. Everything else receives a Config. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  isProduction: boolean;
  demoPassword: string;
  seedDemo: boolean;
  /**
   * With the demo region, this year's demo Perjanjian Kinerja and realisations ('pks', default);
   * SERASAN_SEED_DEMO_SAKIP=holders gives only the demo holders of the vacant head positions (a
   * region ready for its signing season), =false neither.
   */
  seedDemoSakip: 'pks' | 'holders' | 'off';
  sessionTtlHours: number;
  /** Free sign-in attempts per username and address before the progressive delay starts. */
  loginMaxFailures: number;
  /** First delay after the free attempts; it doubles with each further failure. */
  loginDelaySeconds: number;
  /** The longest delay. */
  loginMaxDelayMinutes: number;
  loginRateLimitPerMinute: number;
  maxUploadBytes: number;
  version: string;
  /** Directory holding ../shared reference data (opd.csv etc.). */
  sharedDir: string;
  webDistDir: string;
  /** PostgreSQL connections in the pool. */
  pgPoolSize: number;
  /**
   * PostgreSQL connections for the public survey form's writes. Every submission updates its
   * survey's one running-totals row, so writers beyond a few only wait on that row's lock and
   * burn CPU doing so; a small pool of its own queues them in the server instead (measured with
   * bench/skm-load.ts) and leaves the main pool to everything else.
   */
  pgFormPoolSize: number;
  /** Durable job runner inside the server process (SERASAN_JOBS=false turns it off). */
  jobsEnabled: boolean;
  jobsPollMs: number;
  jobsLeaseMs: number;
  jobsBackoffMs: number;
  /** nodemailer SMTP URL (smtp://user:pass@host:587); e-mail is off when unset. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Absolute address of this installation, for links in e-mails. */
  publicUrl: string;
  /** SERASAN_PUBLIC_URL as set (no default): citizen links fall back to the request's origin. */
  publicUrlSetting: string | undefined;
  /** SKM_RATE_LIMIT_PER_MINUTE: public survey submissions per address and minute. */
  skmRateLimitPerMinute: number;
  /** SERASAN_PK_SIGN_DEADLINE (MM-DD, region time): after this day units whose PK of the year is not signed are reminded daily-once. Default 01-31. */
  pkSignDeadline: string;
  /** LOG_LEVEL for the Fastify logger. */
  logLevel: string;
  /** SERASAN_LOG=false turns request logging off (tests, child servers). */
  logEnabled: boolean;
  /** SERASAN_TRUST_PROXY=true: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Cookies are Secure in production unless SERASAN_COOKIE_SECURE=false (plain-HTTP intranet). */
  cookieSecure: boolean;
  /** SERASAN_SKIP_WEB_BUILD=true: do not build the SPA at start. */
  skipWebBuild: boolean;
  /** The demo password came from SERASAN_DEMO_PASSWORD (then it is not printed). */
  demoPasswordFromEnv: boolean;
  /** PK realisation: a quarter's report is due this many days after the quarter ends (SERASAN_PK_REPORT_DUE_DAYS, default 10). */
  pkReportDueDays: number;
  /** PK realisation: remind units this many days before that deadline (SERASAN_PK_REMIND_DAYS_BEFORE, default 5). */
  pkRemindDaysBefore: number;
  /**
   * SERASAN_CLOCK_START (ISO-8601 instant with its zone, e.g. 2026-12-20T03:00:00Z): the server's
   * clock starts at that instant and runs on from there, for tests and demos. Refused in production.
   */
  clockStart: string | undefined;
}

export const DEFAULT_SESSION_SECRET = 'serasan-dev-secret-change-me-0000000000';
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Invalid integer in environment: ${value}`);
  return n;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** SERASAN_CLOCK_START as a normalised ISO instant; an instant without its zone would be read in the machine's zone, so it is refused. */
function clockStart(value: string | undefined, isProduction: boolean): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (isProduction) throw new Error('SERASAN_CLOCK_START is for tests and demos: NODE_ENV=production refuses to start with a set clock.');
  const v = value.trim();
  const t = Date.parse(v);
  // A calendar day that does not exist (30 February) is refused rather than rolled over.
  const day = v.slice(0, 10);
  if (!ISO_INSTANT.test(v) || Number.isNaN(t) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new Error(`Invalid SERASAN_CLOCK_START: ${value} (an ISO-8601 instant with its zone, e.g. 2026-12-20T03:00:00Z)`);
  }
  return new Date(t).toISOString();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  const sessionSecret = env.SESSION_SECRET ?? DEFAULT_SESSION_SECRET;
  if (isProduction && (sessionSecret === DEFAULT_SESSION_SECRET || sessionSecret.length < 32)) {
    throw new Error(
      'NODE_ENV=production requires SESSION_SECRET: a random value of at least 32 characters (the default is refused).',
    );
  }
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.SERASAN_DATA_DIR ?? path.join(ROOT_DIR, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecret,
    isProduction,
    demoPassword: env.SERASAN_DEMO_PASSWORD ?? 'serasan-demo',
    // Production never loads the demo region (public passwords) unless explicitly asked.
    seedDemo: isProduction ? env.SERASAN_SEED_DEMO === 'true' : env.SERASAN_SEED_DEMO !== 'false',
    seedDemoSakip: env.SERASAN_SEED_DEMO_SAKIP === 'false' ? 'off' : env.SERASAN_SEED_DEMO_SAKIP === 'holders' ? 'holders' : 'pks',
    sessionTtlHours: int(env.SERASAN_SESSION_TTL_HOURS, 12),
    loginMaxFailures: int(env.SERASAN_LOGIN_MAX_FAILURES, 5),
    loginDelaySeconds: int(env.SERASAN_LOGIN_DELAY_SECONDS, 30),
    loginMaxDelayMinutes: int(env.SERASAN_LOGIN_MAX_DELAY_MINUTES, 15),
    loginRateLimitPerMinute: int(env.SERASAN_LOGIN_RATE_LIMIT_PER_MINUTE, 20),
    maxUploadBytes: 20 * 1024 * 1024,
    version: packageVersion(),
    sharedDir: path.resolve(env.SERASAN_SHARED_DIR ?? path.join(ROOT_DIR, '..', 'shared')),
    webDistDir: path.resolve(env.SERASAN_WEB_DIST_DIR || path.join(ROOT_DIR, 'dist', 'web')),
    pgPoolSize: int(env.SERASAN_PG_POOL_SIZE, 10),
    pgFormPoolSize: int(env.SERASAN_PG_FORM_POOL_SIZE, 4),
    jobsEnabled: env.SERASAN_JOBS !== 'false',
    jobsPollMs: int(env.SERASAN_JOBS_POLL_MS, 5000),
    jobsLeaseMs: int(env.SERASAN_JOBS_LEASE_MS, 5 * 60 * 1000),
    jobsBackoffMs: int(env.SERASAN_JOBS_BACKOFF_MS, 30 * 1000),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || 'Serasan <serasan@localhost>',
    publicUrl: (env.SERASAN_PUBLIC_URL || `http://localhost:${int(env.PORT, 3000)}`).replace(/\/+$/, ''),
    publicUrlSetting: env.SERASAN_PUBLIC_URL ? env.SERASAN_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    skmRateLimitPerMinute: int(env.SKM_RATE_LIMIT_PER_MINUTE, 60),
    pkSignDeadline: /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(env.SERASAN_PK_SIGN_DEADLINE ?? '') ? env.SERASAN_PK_SIGN_DEADLINE! : '01-31',
    logLevel: env.LOG_LEVEL || 'info',
    logEnabled: env.SERASAN_LOG !== 'false',
    trustProxy: env.SERASAN_TRUST_PROXY === 'true',
    cookieSecure: isProduction && env.SERASAN_COOKIE_SECURE !== 'false',
    skipWebBuild: env.SERASAN_SKIP_WEB_BUILD === 'true',
    demoPasswordFromEnv: !!env.SERASAN_DEMO_PASSWORD,
    pkReportDueDays: int(env.SERASAN_PK_REPORT_DUE_DAYS, 10),
    pkRemindDaysBefore: int(env.SERASAN_PK_REMIND_DAYS_BEFORE, 5),
    clockStart: clockStart(env.SERASAN_CLOCK_START, isProduction),
  };
}
