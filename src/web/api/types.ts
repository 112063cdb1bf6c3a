/** Shapes the API answers with (see the backend contract). Inputs come from src/shared/schemas. */
import type { AssignmentKind, Role, UnitType } from '../../shared/schemas/common.ts';
import type { SessionUser } from '../../shared/schemas/auth.ts';

export type { AssignmentKind, Role, UnitType, SessionUser };
export type AsnKind = 'PNS' | 'PPPK';
export type Locale = 'id' | 'en';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Health {
  status: string;
  db: string;
  version: string;
}

export interface LoginResult {
  user: SessionUser;
  passwordChangeRequired: boolean;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface Tenant {
  id: string;
  name: string;
  regionCode: string;
  kind: string;
  unitCount: number;
  personCount: number;
  userCount: number;
}

export interface Unit {
  id: string;
  name: string;
  shortName: string | null;
  type: UnitType;
  code?: string | null;
  parentId?: string | null;
  isActive: boolean;
}

export interface Holder {
  assignmentId: string;
  personId: string;
  personName: string;
  nip: string;
  kind: AssignmentKind;
  startDate: string;
  /** Set when the assignment is already scheduled to end (still current until then). */
  endDate?: string | null;
}

export interface Position {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  isHead: boolean;
  holders: Holder[];
}

export interface Person {
  id: string;
  name: string;
  nip: string;
  nipFormatted?: string;
  kind: AsnKind;
  rank: string | null;
  unitId: string | null;
  unitName: string | null;
}

export interface PersonAssignment {
  id: string;
  positionId: string;
  positionTitle: string;
  unitName: string;
  kind: AssignmentKind;
  startDate: string;
  endDate: string | null;
  decreeNumber: string | null;
}

export interface PersonDetail extends Person {
  assignments: PersonAssignment[];
}

export interface Assignment {
  id: string;
  positionId: string;
  positionTitle: string;
  unitId: string;
  unitName: string;
  personId: string;
  personName: string;
  nip: string;
  kind: AssignmentKind;
  startDate: string;
  endDate: string | null;
  decreeNumber: string | null;
}

export interface RoleGrantView {
  role: Role;
  unitId: string | null;
  unitName: string | null;
}

export interface UserRow {
  id: string;
  username: string;
  name: string;
  email?: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
  roles: RoleGrantView[];
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  /** The record's name (title, unit name, person name…), when it has one. */
  entityName?: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/** GET /api/audit also names the ids its entries mention. */
export interface AuditPage {
  items: AuditEntry[];
  refs: Record<string, string>;
  total: number;
  page: number;
  pageSize: number;
}

export interface Evidence {
  id: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
  uploadedByName: string | null;
  links: { entityType: string; entityId: string }[];
}

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district';
  parentCode: string | null;
  kind: string | null;
}

export interface TenantRow {
  id: string;
  name: string;
  regionCode: string;
  kind?: string;
  createdAt?: string;
}
