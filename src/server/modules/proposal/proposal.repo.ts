import type { Executor } from '../../db/db.ts';

/** KIPP proposals data access; every function takes tenantId explicitly. */
export const proposalRepo = {
  /** Proposals with the unit of their innovation, most recently changed first. */
  list(db: Executor, tenantId: string, filter: { innovationId?: string }) {
    let q = db
      .selectFrom('proposals as p')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'p.tenantId').onRef('i.id', '=', 'p.innovationId'))
      // The KIPP home card shows the unit and where the proposal stands (draft, entered, decided).
      .leftJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .leftJoin('competitions as c', (j) => j.onRef('c.tenantId', '=', 'p.tenantId').onRef('c.id', '=', 'p.competitionId'))
      .select(['p.id', 'p.title', 'p.rulebookId', 'p.innovationId', 'p.updatedAt', 'p.competitionId', 'i.unitId', 'u.name as unitName', 'u.shortName as unitShortName', 'c.name as competitionName', 'c.status as competitionStatus'])
      .where('p.tenantId', '=', tenantId);
    if (filter.innovationId) q = q.where('p.innovationId', '=', filter.innovationId);
    return q.orderBy('p.updatedAt', 'desc').execute();
  },
  /** Whether the proposal exists and the unit of its innovation (evidence access). */
  async unitOf(db: Executor, tenantId: string, id: string) {
    const r = await db.selectFrom('proposals as p').innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'p.tenantId').onRef('i.id', '=', 'p.innovationId')).select('i.unitId').where('p.tenantId', '=', tenantId).where('p.id', '=', id).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },
};
