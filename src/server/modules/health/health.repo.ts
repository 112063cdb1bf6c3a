import { sql } from 'kysely';
import type { Executor } from '../../db/db.ts';

/** The database answers (no tenant: it is the platform's liveness check). */
export const healthRepo = {
  async ping(db: Executor) {
    await sql`select 1`.execute(db);
  },
};
