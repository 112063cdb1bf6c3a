import type { Config } from './config.ts';
import type { Db, DialectName } from './db/db.ts';
import type { Clock } from './lib/clock.ts';
import type { BlobStore } from './modules/evidence/blob-store.ts';

/** What services are built from (factories, not containers: STYLE.md §3). */
export interface Deps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  config: Config;
  blobs: BlobStore;
}
