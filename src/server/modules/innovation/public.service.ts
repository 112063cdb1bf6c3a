import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { publicInnovationRepo, type PublicInnovationQuery } from './public.repo.ts';

/** The public catalogue (no sign-in): only published records are ever read. */
export function createPublicInnovationService(deps: Deps) {
  const { db, dialect } = deps;
  return {
    search(q: PublicInnovationQuery, limit: number, offset: number) {
      return publicInnovationRepo.search(db, dialect, q, limit, offset);
    },
    async detail(id: string) {
      const row = await publicInnovationRepo.published(db, id);
      if (!row) throw notFound('innovation');
      return { row, replicatedBy: await publicInnovationRepo.replicatedBy(db, row.id) };
    },
    regions() {
      return publicInnovationRepo.regions(db);
    },
  };
}
