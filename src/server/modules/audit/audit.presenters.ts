export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export function presentAuditEntry(e: {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  entityName: string | null;
  changes: AuditChanges;
}) {
  return {
    id: e.id,
    at: e.at,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    actorId: e.actorId,
    actorName: e.actorName,
    entityName: e.entityName,
    changes: e.changes,
  };
}
