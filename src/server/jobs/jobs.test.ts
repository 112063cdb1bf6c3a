import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { testDialects } from '../testing/harness.ts';
import { createManualClock } from '../lib/manual-clock.ts';
import { backoffMs, enqueueJob } from './jobs.queue.ts';
import { createJobRegistry, createJobRunner } from './jobs.runner.ts';
import { createDurableTestDb } from './jobs.testing.ts';
import { loadConfig } from '../config.ts';

test('backoff doubles per attempt and is capped', () => {
  assert.deepEqual([1, 2, 3, 4].map((a) => backoffMs(a, 1000)), [1000, 2000, 4000, 8000]);
  assert.equal(backoffMs(30, 1000, 60_000), 60_000);
});

test('job runner and e-mail settings come from the environment, with safe defaults', () => {
  const d = loadConfig({} as NodeJS.ProcessEnv);
  assert.equal(d.jobsEnabled, true);
  assert.equal(d.jobsPollMs, 5000);
  assert.equal(d.smtpUrl, undefined, 'e-mail is off unless SMTP_URL is set');
  const c = loadConfig({ SERASAN_JOBS: 'false', SERASAN_JOBS_POLL_MS: '250', SMTP_URL: 'smtp://u:p@mail.example:587', SMTP_FROM: 'Serasan <s@x.id>', SERASAN_PUBLIC_URL: 'https://serasan.example/' } as NodeJS.ProcessEnv);
  assert.equal(c.jobsEnabled, false);
  assert.equal(c.jobsPollMs, 250);
  assert.equal(c.smtpUrl, 'smtp://u:p@mail.example:587');
  assert.equal(c.smtpFrom, 'Serasan <s@x.id>');
  assert.equal(c.publicUrl, 'https://serasan.example');
  assert.throws(() => loadConfig({ SERASAN_JOBS_POLL_MS: 'often' } as NodeJS.ProcessEnv));
});

for (const dialect of await testDialects()) {
  test(`[${dialect}] a started runner polls, runs due jobs and the daily schedule once, and stops cleanly`, async () => {
    const store = await createDurableTestDb(dialect);
    // 06:59 WIB: the 07:00 schedule is not due yet.
    const clock = createManualClock('2026-12-01T23:59:00.000Z');
    const deps = await store.open(clock);
    try {
      const ran: string[] = [];
      const registry = createJobRegistry();
      registry.register('work', async (job) => {
        ran.push(`work:${(job.payload as { n: number }).n}`);
      });
      registry.register('scan', async (job) => {
        ran.push(`scan:${(job.payload as { day: string }).day}`);
      });
      registry.daily('scan', 7);
      const runner = createJobRunner(deps, registry, { pollMs: 10 });
      runner.start();
      await enqueueJob(deps.db, clock, { kind: 'work', payload: { n: 1 } });
      const until = async (pred: () => boolean) => {
        for (let i = 0; i < 300 && !pred(); i++) await sleep(10);
      };
      await until(() => ran.length >= 1);
      assert.deepEqual(ran, ['work:1']);
      clock.advance(60_000); // 07:00 WIB on 2 December
      await until(() => ran.length >= 2);
      await sleep(50); // more polls: the day's scan stays one job
      assert.deepEqual(ran, ['work:1', 'scan:2026-12-02']);
      await runner.stop();
      await enqueueJob(deps.db, clock, { kind: 'work', payload: { n: 2 } });
      await sleep(50);
      assert.deepEqual(ran, ['work:1', 'scan:2026-12-02'], 'a stopped runner runs nothing');
    } finally {
      await deps.close();
      await store.cleanup();
    }
  });

  test(`[${dialect}] two runners on separate connections never run one job twice, and run every job`, async () => {
    const store = await createDurableTestDb(dialect);
    const clock = createManualClock();
    const a = await store.open(clock);
    const b = await store.open(clock);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 24; i++) ids.push((await enqueueJob(a.db, clock, { kind: 'work', payload: { i } }))!);
      const runs = new Map<string, string[]>();
      const active = new Set<string>();
      let overlaps = 0;
      const registryFor = (name: string) => {
        const r = createJobRegistry();
        r.register('work', async (job) => {
          if (active.has(job.id)) overlaps++;
          active.add(job.id);
          await sleep(1 + Math.floor(Math.random() * 4));
          runs.set(job.id, [...(runs.get(job.id) ?? []), name]);
          active.delete(job.id);
        });
        return r;
      };
      const ra = createJobRunner(a, registryFor('a'), { owner: 'runner-a', batch: 3, leaseMs: 60_000 });
      const rb = createJobRunner(b, registryFor('b'), { owner: 'runner-b', batch: 3, leaseMs: 60_000 });
      await Promise.all([ra.drain(), rb.drain()]);
      assert.equal(overlaps, 0);
      assert.deepEqual([...runs.keys()].sort(), [...ids].sort(), 'every job ran');
      for (const [id, who] of runs) assert.equal(who.length, 1, `job ${id} ran ${who.length} times (${who.join(',')})`);
      const statuses = await a.db.selectFrom('jobs').select(['status', 'attempts']).execute();
      assert.ok(statuses.every((s) => s.status === 'done' && s.attempts === 1));
    } finally {
      await a.close();
      await b.close();
      await store.cleanup();
    }
  });

  test(`[${dialect}] a failing job is retried with exponential backoff, then dead with its error`, async () => {
    const store = await createDurableTestDb(dialect);
    const clock = createManualClock('2026-12-01T00:00:00.000Z');
    const deps = await store.open(clock);
    try {
      const registry = createJobRegistry();
      let calls = 0;
      registry.register('flaky', async () => {
        calls++;
        throw new Error(`SMTP down (${calls})`);
      });
      const runner = createJobRunner(deps, registry, { owner: 'r', backoffBaseMs: 1000 });
      const id = (await enqueueJob(deps.db, clock, { kind: 'flaky', maxAttempts: 3 }))!;
      const job = () => deps.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

      assert.equal(await runner.tick(), 1);
      let row = await job();
      assert.equal(row.status, 'failed');
      assert.equal(row.attempts, 1);
      assert.equal(row.lastError, 'SMTP down (1)');
      assert.equal(row.runAt, '2026-12-01T00:00:01.000Z', 'first retry after 1 s');

      clock.advance(999);
      assert.equal(await runner.tick(), 0, 'not before the backoff has passed');
      clock.advance(1);
      assert.equal(await runner.tick(), 1);
      row = await job();
      assert.equal(row.status, 'failed');
      assert.equal(row.runAt, '2026-12-01T00:00:03.000Z', 'second retry after 2 s more');

      clock.advance(1999);
      assert.equal(await runner.tick(), 0);
      clock.advance(1);
      assert.equal(await runner.tick(), 1);
      row = await job();
      assert.equal(row.status, 'dead');
      assert.equal(row.attempts, 3);
      assert.equal(row.lastError, 'SMTP down (3)');
      assert.equal(row.finishedAt, '2026-12-01T00:00:03.000Z');

      clock.advance(24 * 3600_000);
      assert.equal(await runner.tick(), 0, 'a dead job is not picked up again');
      assert.equal(calls, 3);
    } finally {
      await deps.close();
      await store.cleanup();
    }
  });

  test(`[${dialect}] a runner killed mid-queue loses nothing: a new runner on a new connection finishes every job`, async () => {
    const store = await createDurableTestDb(dialect);
    const clock = createManualClock('2026-12-01T00:00:00.000Z');
    const first = await store.open(clock);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await enqueueJob(first.db, clock, { kind: 'work', payload: { i } }))!);
    const done = new Set<number>();

    // The first server: runs three jobs, then its process "dies" inside the fourth (the handler
    // never returns), holding leases on the fourth and on the rest of its batch.
    const r1 = createJobRegistry();
    r1.register('work', async (job) => {
      const { i } = job.payload as { i: number };
      if (i === 3) return new Promise<void>(() => {});
      if (i > 3) throw new Error('unreachable: the batch runs in order');
      done.add(i);
    });
    const runner1 = createJobRunner(first, r1, { owner: 'dead-server', batch: 10, leaseMs: 60_000 });
    void runner1.tick();
    for (let k = 0; k < 200 && done.size < 3; k++) await sleep(5);
    assert.equal(done.size, 3);
    await sleep(20);
    await first.close(); // the process is gone; its leases stay in the database

    const second = await store.open(clock);
    try {
      const r2 = createJobRegistry();
      r2.register('work', async (job) => {
        done.add((job.payload as { i: number }).i);
      });
      const runner2 = createJobRunner(second, r2, { owner: 'new-server', leaseMs: 60_000 });
      assert.equal(await runner2.drain(), 0, 'leased jobs are not taken while the lease runs');
      clock.advance(60_001);
      assert.equal(await runner2.drain(), 7);
      assert.deepEqual([...done].sort((x, y) => x - y), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const rows = await second.db.selectFrom('jobs').select(['id', 'status', 'attempts', 'leaseOwner']).execute();
      assert.equal(rows.length, 10);
      assert.ok(rows.every((r) => r.status === 'done' && r.leaseOwner === null), JSON.stringify(rows));
      // The jobs the dead server had claimed were claimed a second time.
      assert.equal(rows.filter((r) => r.attempts === 2).length, 7);
    } finally {
      await second.close();
      await store.cleanup();
    }
  });

  test(`[${dialect}] a dedupe key enqueues a job once`, async () => {
    const store = await createDurableTestDb(dialect);
    const clock = createManualClock();
    const deps = await store.open(clock);
    try {
      const first = await enqueueJob(deps.db, clock, { kind: 'scan', dedupeKey: 'scan@2026-12-01' });
      const second = await enqueueJob(deps.db, clock, { kind: 'scan', dedupeKey: 'scan@2026-12-01' });
      assert.ok(first);
      assert.equal(second, null);
      assert.equal((await deps.db.selectFrom('jobs').select('id').execute()).length, 1);
    } finally {
      await deps.close();
      await store.cleanup();
    }
  });
}
