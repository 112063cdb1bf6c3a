import type { Role } from '../../shared/schemas/common.ts';

export interface RoleGrant {
  role: Role;
  unitId: string | null;
}

/** Who is acting: resolved once per request from the session. */
export interface Actor {
  userId: string;
  tenantId: string;
  name: string;
  roles: RoleGrant[];
  isPlatformAdmin: boolean;
  /** Units (with all their sub-units) covered by the actor's unit_operator / unit_head grants. */
  unitScope: ReadonlySet<string>;
}

/** Expand unit grants to the whole sub-tree ("for a unit and its sub-units"). */
export function expandUnitScope(
  grants: RoleGrant[],
  units: ReadonlyArray<{ id: string; parentId: string | null }>,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const scope = new Set<string>();
  const stack = grants.filter((g) => g.unitId && (g.role === 'unit_operator' || g.role === 'unit_head')).map((g) => g.unitId!);
  while (stack.length) {
    const id = stack.pop()!;
    if (scope.has(id)) continue;
    scope.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return scope;
}
