import { useMemo } from 'react';
import { useUnits } from '../../api/queries.ts';
import { hasRole, useAuth } from '../../auth/AuthProvider.tsx';
import { descendantIds } from '../../components/units.tsx';

/** What the signed-in user may do in the module (mirrors the server's policy table; the server decides). */
export function useInnovationAccess() {
  const { user } = useAuth();
  const units = useUnits();
  const tenantWide = hasRole(user, 'admin', 'innovation_team');
  const unitRoles = (user?.roles ?? []).filter((r) => (r.role === 'unit_operator' || r.role === 'unit_head') && r.unitId);
  const canCreate = tenantWide || unitRoles.length > 0;
  const canManageIndex = tenantWide;
  /** Units this user may record innovations for (null = all of the tenant). */
  const allowedUnitIds = useMemo(() => {
    if (tenantWide) return null;
    const ids = new Set<string>();
    for (const r of unitRoles) for (const id of descendantIds(units.data ?? [], r.unitId!)) ids.add(id);
    return ids;
  }, [tenantWide, units.data, user]);
  const defaultUnitId = unitRoles[0]?.unitId ?? null;
  return { canCreate, canManageIndex, allowedUnitIds, defaultUnitId, tenantWide };
}
