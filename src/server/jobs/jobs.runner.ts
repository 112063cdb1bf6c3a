import { hostname } from 'node:os';
import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { claimJobs, completeJob, enqueueJob, failJob, type ClaimedJob } from './jobs.queue.ts';

/**
 * Handlers by kind, and the runner that executes them inside the server process.
 *
 * A handler must be idempotent per job: a runner that dies after the work but before marking
 * the job done leaves it to be claimed again once its lease expires (at-least-once delivery).
 */
export type JobHandler = (job: ClaimedJob, deps: Deps) => Promise<void>;

/** Recurring work: once per day (UTC+7, WIB), at or after `hourWib`, deduplicated by day. */
export interface DailySchedule {
  kind: string;
  hourWib: number;
}

export interface JobRegistry {
  handlers: Map<string, JobHandler>;
  schedules: DailySchedule[];
  register(kind: string, handler: JobHandler): void;
  daily(kind: string, hourWib: number): void;
}

export function createJobRegistry(): JobRegistry {
  const handlers = new Map<string, JobHandler>();
  const schedules: DailySchedule[] = [];
  return {
    handlers,
    schedules,
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`Job handler registered twice: ${kind}`);
      handlers.set(kind, handler);
    },
    daily(kind, hourWib) {
      schedules.push({ kind, hourWib });
    },
  };
}

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * Enqueue today's run of each daily schedule (dedupe key `kind@YYYY-MM-DD`, the WIB date), so
 * every server and every restart asks, and the database keeps exactly one per day.
 */
export async function enqueueDueSchedules(deps: Deps, registry: JobRegistry, seen?: Set<string>): Promise<void> {
  const now = deps.clock.now();
  const wib = new Date(now.getTime() + WIB_OFFSET_MS);
  const day = wib.toISOString().slice(0, 10);
  for (const s of registry.schedules) {
    if (wib.getUTCHours() < s.hourWib) continue;
    const key = `${s.kind}@${day}`;
    // This runner already asked today: spare the database an insert on every poll.
    if (seen?.has(key)) continue;
    const runAt = new Date(Date.parse(`${day}T00:00:00.000Z`) - WIB_OFFSET_MS + s.hourWib * 3600_000);
    await enqueueJob(deps.db, deps.clock, { kind: s.kind, payload: { day }, runAt, dedupeKey: key });
    seen?.add(key);
  }
}

export interface RunnerOptions {
  /** Identifies this runner in lease_owner; unique per process start. */
  owner?: string;
  pollMs?: number;
  leaseMs?: number;
  /** Jobs claimed per poll. */
  batch?: number;
  backoffBaseMs?: number;
  onError?: (err: unknown, job?: ClaimedJob) => void;
}

export interface JobRunner {
  readonly owner: string;
  /** One poll: schedules, claim a batch, run it. Answers the number of jobs run. */
  tick(): Promise<number>;
  /** Poll until nothing is due (tests). */
  drain(maxTicks?: number): Promise<number>;
  start(): void;
  /** Stop polling and wait for the running batch to finish. */
  stop(): Promise<void>;
}

export function createJobRunner(deps: Deps, registry: JobRegistry, opts: RunnerOptions = {}): JobRunner {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${newId()}`;
  const pollMs = opts.pollMs ?? deps.config.jobsPollMs;
  const leaseMs = opts.leaseMs ?? deps.config.jobsLeaseMs;
  const batch = opts.batch ?? 5;
  const backoffBaseMs = opts.backoffBaseMs ?? deps.config.jobsBackoffMs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  const scheduled = new Set<string>();

  async function runOne(job: ClaimedJob) {
    const handler = registry.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`No handler registered for job kind "${job.kind}"`);
      await handler(job, deps);
      await completeJob(deps.db, deps.clock, job);
    } catch (err) {
      opts.onError?.(err, job);
      const message = err instanceof Error ? err.message : String(err);
      await failJob(deps.db, deps.clock, job, message, backoffBaseMs);
    }
  }

  async function tickOnce(): Promise<number> {
    await enqueueDueSchedules(deps, registry, scheduled);
    const jobs = await claimJobs(deps.db, deps.dialect, deps.clock, { owner, leaseMs, limit: batch, kinds: [...registry.handlers.keys()] });
    for (const job of jobs) await runOne(job);
    return jobs.length;
  }

  const runner: JobRunner = {
    owner,
    tick() {
      running = tickOnce().finally(() => {
        running = undefined;
      });
      return running;
    },
    async drain(maxTicks = 100) {
      let total = 0;
      for (let i = 0; i < maxTicks; i++) {
        const n = await runner.tick();
        total += n;
        if (n === 0) break;
      }
      return total;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      const loop = async () => {
        if (stopped) return;
        try {
          // Keep going while there is work; wait a poll interval once the queue is empty.
          while (!stopped && (await runner.tick()) > 0) {
            /* next batch */
          }
        } catch (err) {
          opts.onError?.(err);
        }
        if (!stopped) timer = setTimeout(loop, pollMs);
      };
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => 0);
    },
  };
  return runner;
}
