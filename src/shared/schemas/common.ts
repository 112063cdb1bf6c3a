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

/**
 * List queries (issue 10 item 5): `page`/`pageSize` paging and a `sort` parameter whose value is
 * one of the list's whitelisted column keys, `-key` for descending. Anything else is a 400 that
 * names the allowed values. Every list endpoint builds its query schema from these.
 */
export type SortValue<K extends string> = K | `-${K}`;

/** The allowed sort values of a list, without a default. */
export function ZSortOf<const K extends string>(keys: readonly K[]) {
  const values = keys.flatMap((k) => [k, `-${k}`]) as unknown as readonly [SortValue<K>, ...SortValue<K>[]];
  return z.enum(values);
}

export function ZSort<const K extends string>(keys: readonly K[], defaultSort: NoInfer<SortValue<K>>) {
  return ZSortOf(keys).default(defaultSort as never);
}

export function ZListQuery<const K extends string>(keys: readonly K[], defaultSort: NoInfer<SortValue<K>>) {
  return z.object({ page: ZPage, pageSize: ZPageSize, sort: ZSort(keys, defaultSort) });
}

/** Parse a validated sort value into its key and direction. */
export function parseSort<K extends string>(sort: SortValue<K>): { key: K; desc: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1) as K, desc: true } : { key: sort as K, desc: false };
}

/** Sort keys and defaults of each list, shared by the server (whitelist) and the SPA (headers). */
export const LIST_SORTS = {
  innovations: { keys: ['updatedAt', 'createdAt', 'title', 'unit', 'year', 'stage', 'status'], default: '-updatedAt' },
  publicInnovations: { keys: ['publishedAt', 'title', 'unit', 'year'], default: '-publishedAt' },
  people: { keys: ['name', 'nip', 'kind', 'rank', 'unit'], default: 'name' },
  evidence: { keys: ['createdAt', 'name', 'size'], default: '-createdAt' },
  surveys: { keys: ['periodStart', 'service', 'unit', 'status'], default: '-periodStart' },
  audit: { keys: ['at', 'action', 'entityType', 'actor'], default: '-at' },
  users: { keys: ['createdAt', 'name', 'username'], default: '-createdAt' },
  positions: { keys: ['unit', 'title', 'createdAt'], default: 'unit' },
  competitions: { keys: ['createdAt', 'name', 'year', 'registrationClose'], default: '-createdAt' },
  documents: { keys: ['issuedAt', 'number', 'title', 'unit', 'docType'], default: '-issuedAt' },
  jobs: { keys: ['updatedAt', 'createdAt', 'runAt', 'kind', 'status'], default: '-updatedAt' },
  notifications: { keys: ['createdAt', 'title'], default: '-createdAt' },
} as const;
