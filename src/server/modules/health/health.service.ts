import type { Deps } from '../../deps.ts';
import { healthRepo } from './health.repo.ts';

export function createHealthService(deps: Deps) {
  return {
    /** Throws when the database does not answer. */
    async check() {
      await healthRepo.ping(deps.db);
      return { status: 'ok' as const, db: deps.dialect, version: deps.config.version };
    },
  };
}
