import { z } from 'zod';

export const ZId = z.string().min(1).max(64);
export const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDate' }).refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, { message: 'invalidDate' });
export const ZPage = z.coerce.number().int().min(1).max(100000).default(1);
export const ZPageSize = z.coerce.number().int().min(1).max(200).default(25);

export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.any()).optional() }),
  requestId: z.string().optional(),
});

export const UNIT_TYPES = [
  'sekretariat_daerah',
  'sekretariat_dprd',
  'inspektorat',
  'badan',
  'dinas',
  'kecamatan',
  'rsud',
  'kelurahan',
  'bagian',
  'bidang',
  'uptd',
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const ROLES = [
  'admin',
  'rb_team',
  'innovation_team',
  'inspectorate',
  'unit_operator',
  'unit_head',
  'leader',
  'judge',
] as const;
export type Role = (typeof ROLES)[number];
/** Roles granted for a unit (and its sub-units). */
export const UNIT_ROLES: readonly Role[] = ['unit_operator', 'unit_head'];

export const ASSIGNMENT_KINDS = ['definitif', 'plt', 'plh'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
