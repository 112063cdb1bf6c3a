import type { Db, Tx } from '../../db/db.ts';
import { newId } from '../../lib/ids.ts';
import type { Clock } from '../../lib/clock.ts';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditActor {
  tenantId: string;
  actorId: string | null;
  actorName: string | null;
  requestId?: string | null;
}

export interface AuditEntryInput {
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Explicit changes (used when before/after are not whole records). */
  changes?: Changes;
  /** Tenant of the entry, when it differs from the actor's (platform admin creating a tenant). */
  tenantId?: string;
}

const IGNORED = new Set(['tenantId', 'createdAt', 'updatedAt', 'passwordHash']);

/** Field-by-field before/after; unchanged fields are left out; secrets never enter the log. */
export function diff(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (IGNORED.has(k)) continue;
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

export interface AuditRecorder {
  record(entry: AuditEntryInput): Promise<void>;
}

export function auditRecorder(tx: Tx, who: AuditActor, clock: Clock): AuditRecorder {
  return {
    async record(entry) {
      const changes = entry.changes ?? diff(entry.before, entry.after);
      await tx
        .insertInto('auditLog')
        .values({
          tenantId: entry.tenantId ?? who.tenantId,
          id: newId(),
          at: clock.now().toISOString(),
          actorId: who.actorId,
          actorName: who.actorName,
          entityType: entry.entityType,
          entityId: entry.entityId,
          action: entry.action,
          changes: JSON.stringify(changes),
          requestId: who.requestId ?? null,
        })
        .execute();
    },
  };
}

/**
 * Every write goes through here: one transaction, and the audit entries are written inside it,
 * so a change and its history commit or roll back together (STYLE.md §8).
 */
export async function writeWithAudit<T>(
  db: Db,
  who: AuditActor,
  clock: Clock,
  fn: (tx: Tx, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => fn(tx, auditRecorder(tx, who, clock)));
}
