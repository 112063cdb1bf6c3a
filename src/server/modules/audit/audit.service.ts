import type { Deps } from '../../deps.ts';
import type { Actor } from '../../policy/actor.ts';
import { can, authorize } from '../../policy/policy.ts';
import { auditRepo } from './audit.repo.ts';
import { tenantsRepo } from '../tenants/tenants.repo.ts';
import { nextDay, regionDayStart } from '../../../shared/region-time.ts';
import type { AuditListQuery } from '../../../shared/schemas/audit.ts';
import type { AuditChanges } from './audit.presenters.ts';
import { entityNames } from './audit.labels.ts';

/** Record types whose history any signed-in user of the tenant may read (they read the records). */
const ORG_ENTITY_TYPES = ['unit', 'position', 'person', 'assignment'];

/** The read-only history API (the writer is audit.writer.ts). */
export function createAuditService(deps: Deps) {
  const { db } = deps;

  /**
   * Names for the ids an entry mentions (unitId, personId… before and after), so the history reads
   * "Dinas Kesehatan", not a uuid. Only records of the caller's tenant are resolved.
   */
  async function resolveRefs(tenantId: string, items: Array<{ changes: AuditChanges }>) {
    const ids = new Set<string>();
    for (const e of items) {
      for (const [field, ch] of Object.entries(e.changes)) {
        if (!/Id$/.test(field)) continue;
        for (const v of [ch?.before, ch?.after]) if (typeof v === 'string' && v.length <= 64) ids.add(v);
      }
    }
    const list = [...ids];
    if (!list.length) return {};
    return auditRepo.labelsOf(db, tenantId, list);
  }

  return {
    /**
     * One page of the log. `from`/`to` are the region's calendar days (WIB/WITA/WIT), so "1 March"
     * in Samarinda means 1 March 00.00–24.00 WITA. Also answers the region code, for times shown.
     */
    async history(actor: Actor, q: AuditListQuery) {
      authorize(actor, 'audit.readOrg', { tenantId: actor.tenantId });
      const all = can(actor, 'audit.readAll', { tenantId: actor.tenantId });
      const { regionCode } = await tenantsRepo.findTenant(db, actor.tenantId);
      const { from, to, ...rest } = q;
      const f = { ...rest, fromAt: from ? regionDayStart(from, regionCode) : undefined, toAt: to ? regionDayStart(nextDay(to), regionCode) : undefined };
      const { rows, total } = await auditRepo.listEntries(db, deps.dialect, actor.tenantId, f, all ? null : ORG_ENTITY_TYPES);
      const items = rows.map((e) => ({ ...e, changes: JSON.parse(e.changes) as AuditChanges }));
      // Each entry names its record by title/name (issue 10 item 8), resolved inside the tenant.
      const names = await entityNames(db, actor.tenantId, items);
      const named = items.map((e) => ({ ...e, entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null }));
      return { items: named, refs: await resolveRefs(actor.tenantId, items), total, regionCode };
    },
  };
}
