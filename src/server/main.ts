import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { ensureWebBuilt } from './web-build.ts';
import { DEMO_USERS } from './demo/demo.ts';
import { createJobRunner } from './jobs/jobs.runner.ts';
import { createAppJobRegistry } from './jobs/jobs.handlers.ts';
import { startupNotices } from './startup-notices.ts';
import { acquireServerLock } from './lib/server-lock.ts';

async function main() {
  const config = loadConfig();
  if (!config.skipWebBuild) ensureWebBuilt(config.webDistDir);
  const { deps, database, seeded } = await bootstrap(config);
  const app = await buildApp(deps, { logger: config.logEnabled });
  await app.listen({ port: config.port, host: config.host });
  // `restore` refuses while this lock names a live process; removed at stop.
  const releaseLock = acquireServerLock(config.dataDir);
  process.on('exit', releaseLock);

  // Durable jobs (notification delivery, daily reminders) run inside this process.
  const runner = createJobRunner(deps, createAppJobRegistry(), {
    onError: (err, job) => app.log.warn({ err, jobId: job?.id, kind: job?.kind }, 'job failed'),
  });
  if (config.jobsEnabled) runner.start();

  const url = `http://localhost:${config.port}`;
  const isDemo = await deps.db.selectFrom('tenants').select('id').where('isDemo', '=', 1).executeTakeFirst();
  const lines = [
    '',
    `Serasan ${config.version} berjalan di ${url}  (basis data: ${database.dialect}${database.dialect === 'sqlite' ? `, ${config.dataDir}` : ''})`,
    `Dokumentasi API: ${url}/api/docs`,
  ];
  if (seeded) lines.push('Wilayah demo Kabupaten Muara Enim (16.03) dimuat.');
  if (isDemo) {
    lines.push(`Akun demo (kata sandi: ${config.demoPasswordFromEnv ? 'SERASAN_DEMO_PASSWORD' : config.demoPassword}):`);
    lines.push(`  ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  }
  console.log(lines.join('\n') + '\n');
  for (const notice of await startupNotices(deps)) {
    if (notice.level === 'warn') console.warn(`\n${notice.text}\n`);
    else console.log(`${notice.text}\n`);
  }

  const shutdown = async () => {
    await runner.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
