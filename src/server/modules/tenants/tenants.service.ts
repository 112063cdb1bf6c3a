import { exportFileName } from '../../lib/list.ts';
import { formatRegionStamp } from '../../../shared/region-time.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Tx } from '../../db/db.ts';
import { tenantsRepo, type RegionFilter } from './tenants.repo.ts';
import { orgRepo } from '../org/org.repo.ts';
import type { AuditActor, AuditRecorder } from '../audit/audit.writer.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/policy.ts';

const KEEP_UPPER = new Set(['DKI', 'DI', 'II', 'III']);

/** "KABUPATEN MUARA ENIM" → "Kabupaten Muara Enim" (reference data is upper-case). */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w) => (KEEP_UPPER.has(w.toUpperCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

export function tenantNameOf(region: { name: string; level: string }): { name: string; kind: string } {
  if (region.level === 'province') return { name: `Provinsi ${titleCase(region.name)}`, kind: 'provinsi' };
  const name = titleCase(region.name);
  return { name, kind: name.startsWith('Kota') ? 'kota' : 'kabupaten' };
}

/**
 * Create a tenant for a Kemendagri region code, with its kecamatan as units (names and codes come
 * from the reference data, never typed by hand). Runs inside the caller's transaction.
 */
export async function insertTenantForRegion(tx: Tx, audit: AuditRecorder, regionCode: string, now: string, isDemo = false) {
  const region = await tenantsRepo.findRegion(tx, regionCode);
  if (!region) throw new AppError('NOT_FOUND', 'errors.regionNotFound', { code: regionCode }, [{ field: 'regionCode', messageKey: 'errors.regionNotFound', params: { code: regionCode } }]);
  if (region.level === 'district') throw new AppError('VALIDATION', 'errors.regionLevel', { code: regionCode }, [{ field: 'regionCode', messageKey: 'errors.regionLevel', params: { code: regionCode } }]);
  const existing = await tenantsRepo.findTenantByRegion(tx, regionCode);
  if (existing) throw new AppError('CONFLICT', 'errors.tenantExists', { code: regionCode });
  const { name, kind } = tenantNameOf(region);
  const tenant = { id: newId(), regionCode, name, kind, isDemo: (isDemo ? 1 : 0) as 0 | 1, createdAt: now };
  await tenantsRepo.insertTenant(tx, tenant);
  await audit.record({ tenantId: tenant.id, entityType: 'tenant', entityId: tenant.id, action: 'create', after: { regionCode, name, kind } });

  if (region.level === 'regency') {
    const districts = await tenantsRepo.childRegions(tx, regionCode);
    for (const d of districts) {
      const unit = {
        tenantId: tenant.id,
        id: newId(),
        parentId: null,
        name: `Kecamatan ${d.name}`,
        shortName: d.name,
        type: 'kecamatan',
        code: d.code,
        isActive: 1 as const,
        createdAt: now,
        updatedAt: now,
      };
      await orgRepo.insertUnit(tx, unit);
    }
    await audit.record({
      tenantId: tenant.id,
      entityType: 'tenant',
      entityId: tenant.id,
      action: 'update',
      changes: { kecamatanUnits: { before: 0, after: districts.length } },
    });
  }
  return tenant;
}

export function createTenantService(deps: Deps) {
  const { db, clock } = deps;

  /**
   * What a region's CSV export needs: its file name (region, region's day) and a formatter that
   * writes timestamps in the region's zone ("2026-03-02 01.30 WITA"; '' for none).
   */
  async function exportContext(tenantId: string, what: string, ext = 'csv') {
    const t = await tenantsRepo.findTenant(db, tenantId);
    const regionCode = t?.regionCode ?? null;
    return {
      fileName: exportFileName({ name: t?.name ?? '', regionCode }, what, clock.now(), ext),
      stamp: (at: string | null | undefined) => (at ? formatRegionStamp(at, regionCode) : ''),
    };
  }

  return {
    async createTenant(actor: Actor | null, regionCode: string, requestId?: string) {
      if (actor) authorize(actor, 'tenant.create', { tenantId: actor.tenantId });
      const who: AuditActor = { tenantId: actor?.tenantId ?? '', actorId: actor?.userId ?? null, actorName: actor?.name ?? 'CLI', requestId };
      return writeWithAudit(db, who, clock, (tx, audit) => insertTenantForRegion(tx, audit, regionCode, clock.now().toISOString()));
    },
    /** The file name of this region's export of `what` (the region's name and today's date in it). */
    async exportFileName(tenantId: string, what: string, ext = 'csv') {
      // Named by the region's calendar day (WIB/WITA/WIT), not the UTC day.
      return (await exportContext(tenantId, what, ext)).fileName;
    },
    exportContext,
    listTenants(actor: Actor) {
      authorize(actor, 'tenant.create', { tenantId: actor.tenantId });
      return tenantsRepo.listTenants(db);
    },
    async summary(actor: Actor) {
      authorize(actor, 'tenant.read', { tenantId: actor.tenantId });
      const t = await tenantsRepo.findTenant(db, actor.tenantId);
      const count = (table: 'units' | 'people' | 'users') => tenantsRepo.countRows(db, actor.tenantId, table);
      return {
        id: t.id,
        name: t.name,
        regionCode: t.regionCode,
        kind: t.kind,
        isDemo: t.isDemo === 1,
        unitCount: await count('units'),
        personCount: await count('people'),
        userCount: await count('users'),
      };
    },
    /** The Kemendagri region reference (no tenant: the same for every region). */
    listRegions(filter: RegionFilter) {
      return tenantsRepo.listRegions(db, filter);
    },
  };
}
