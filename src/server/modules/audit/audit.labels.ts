import type { Executor } from '../../db/db.ts';

/**
 * The name a history entry shows for the record it is about ("Akta Kilat", "Dinas Kesehatan",
 * "Rina Marlina — Kepala Seksi…"), instead of an id fragment. One query per record type present on
 * the page, always within the caller's tenant; a record type without a name (or a deleted record)
 * gets none and the page falls back to the type.
 */
type Resolver = (db: Executor, tenantId: string, ids: string[]) => Promise<Array<{ id: string; label: string | null }>>;

const byColumn =
  (table: 'innovations' | 'units' | 'people' | 'positions' | 'users' | 'proposals' | 'competitions' | 'skmServices' | 'officialDocuments', column: 'title' | 'name'): Resolver =>
  (db, tenantId, ids) =>
    (db as Executor)
      .selectFrom(table as 'units')
      .select(['id', `${column as 'name'} as label`])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', ids)
      .execute();

const RESOLVERS: Record<string, Resolver> = {
  innovation: byColumn('innovations', 'title'),
  unit: byColumn('units', 'name'),
  person: byColumn('people', 'name'),
  position: byColumn('positions', 'title'),
  user: byColumn('users', 'name'),
  proposal: byColumn('proposals', 'title'),
  competition: byColumn('competitions', 'name'),
  skm_service: byColumn('skmServices', 'name'),
  official_document: async (db, tenantId, ids) =>
    (await db.selectFrom('officialDocuments').select(['id', 'title', 'number']).where('tenantId', '=', tenantId).where('id', 'in', ids).execute()).map((d) => ({ id: d.id, label: `${d.title} (${d.number})` })),
  evidence: async (db, tenantId, ids) => db.selectFrom('evidence').select(['id', 'originalName as label']).where('tenantId', '=', tenantId).where('id', 'in', ids).execute(),
  assignment: async (db, tenantId, ids) =>
    (
      await db
        .selectFrom('assignments as a')
        .innerJoin('people as pe', (j) => j.onRef('pe.tenantId', '=', 'a.tenantId').onRef('pe.id', '=', 'a.personId'))
        .innerJoin('positions as po', (j) => j.onRef('po.tenantId', '=', 'a.tenantId').onRef('po.id', '=', 'a.positionId'))
        .select(['a.id', 'pe.name', 'po.title'])
        .where('a.tenantId', '=', tenantId)
        .where('a.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, label: `${r.name} — ${r.title}` })),
  skm_survey: async (db, tenantId, ids) =>
    (
      await db
        .selectFrom('skmSurveys as s')
        .innerJoin('skmServices as v', (j) => j.onRef('v.tenantId', '=', 's.tenantId').onRef('v.id', '=', 's.serviceId'))
        .select(['s.id', 'v.name', 's.periodStart', 's.periodEnd'])
        .where('s.tenantId', '=', tenantId)
        .where('s.id', 'in', ids)
        .execute()
    ).map((r) => ({ id: r.id, label: `${r.name} (${r.periodStart} – ${r.periodEnd})` })),
  skm_action: async (db, tenantId, ids) =>
    (await db.selectFrom('skmActions').select(['id', 'action']).where('tenantId', '=', tenantId).where('id', 'in', ids).execute()).map((r) => ({
      id: r.id,
      label: r.action.length > 80 ? `${r.action.slice(0, 79)}…` : r.action,
    })),
  tenant: async (db, tenantId, ids) => db.selectFrom('tenants').select(['id', 'name as label']).where('id', 'in', ids.filter((id) => id === tenantId)).execute(),
};

/** `${entityType}:${entityId}` → name, for the entries of one page of history. */
export async function entityNames(db: Executor, tenantId: string, entries: Array<{ entityType: string; entityId: string }>): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!RESOLVERS[e.entityType] || e.entityId.length > 64) continue;
    if (!idsByType.has(e.entityType)) idsByType.set(e.entityType, new Set());
    idsByType.get(e.entityType)!.add(e.entityId);
  }
  const out = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const list = [...ids];
      if (!list.length) return;
      for (const r of await RESOLVERS[type](db, tenantId, list)) if (r.label) out.set(`${type}:${r.id}`, r.label);
    }),
  );
  return out;
}
