import { z } from 'zod';
import { LIST_SORTS, ZIsoDate, ZListQuery } from './common.ts';

/**
 * The Riwayat list (GET /api/audit and its CSV): filters, `sort` (newest first by default) and
 * paging. `from`/`to` are calendar days of the region (WIB/WITA/WIT), both included.
 */
export const ZAuditListQuery = ZListQuery(LIST_SORTS.audit.keys, LIST_SORTS.audit.default).extend({
  entityId: z.string().max(64).optional(),
  entityType: z.string().max(40).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export type AuditListQuery = z.infer<typeof ZAuditListQuery>;

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The record's name (title, unit name, person name…) when it has one. */
  entityName: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
