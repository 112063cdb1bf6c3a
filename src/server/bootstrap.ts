import path from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type Database_ } from './db/db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './demo/demo.ts';
import { seedRegions } from './db/seeds/regions.ts';
import type { Deps } from './deps.ts';
import { clockOf, type Clock } from './lib/clock.ts';
import { createFsBlobStore } from './modules/evidence/blob-store.ts';

export interface Runtime {
  deps: Deps;
  database: Database_;
  seeded: boolean;
}


/** Open the database, migrate, and (on an empty database) load the demo region. */
export async function bootstrap(config: Config, opts: { clock?: Clock; seed?: boolean } = {}): Promise<Runtime> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'serasan.db'),
    pgPoolSize: config.pgPoolSize,
    pgFormPoolSize: config.pgFormPoolSize,
  });
  await migrateToLatest(database.db);
  const deps: Deps = {
    db: database.db,
    dialect: database.dialect,
    clock: opts.clock ?? clockOf(config),
    config,
    blobs: createFsBlobStore(path.join(config.dataDir, 'blobs')),
  };
  let seeded = false;
  if (opts.seed ?? config.seedDemo) {
    const tenants = await database.db.selectFrom('tenants').select('id').limit(1).execute();
    if (tenants.length === 0) seeded = await seedDemo(deps);
  } else {
    await seedRegions(database.db);
  }
  return { deps, database, seeded };
}
