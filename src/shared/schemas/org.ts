import { z } from 'zod';
import { ASSIGNMENT_KINDS, UNIT_TYPES, ZId, ZIsoDate } from './common.ts';

const name = z.string().trim().min(2).max(200);

export const ZCreateUnitInput = z.object({
  name,
  shortName: z.string().trim().max(60).nullish(),
  type: z.enum(UNIT_TYPES),
  // An empty code means "no code": null, so the unique (tenant, code) index never sees "".
  code: z.string().trim().max(40).transform((s) => s || null).nullish(),
  parentId: ZId.nullish(),
}).strict();
export type CreateUnitInput = z.infer<typeof ZCreateUnitInput>;

export const ZUpdateUnitInput = ZCreateUnitInput.partial().extend({ isActive: z.boolean().optional() }).strict();
export type UpdateUnitInput = z.infer<typeof ZUpdateUnitInput>;

export const ZUnit = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(UNIT_TYPES),
  code: z.string().nullable().optional(),
  parentId: z.string().nullable().optional(),
  isActive: z.boolean(),
});

export const ZCreatePositionInput = z.object({
  unitId: ZId,
  title: name,
  isHead: z.boolean().optional(),
}).strict();
export const ZUpdatePositionInput = z.object({ title: name.optional(), isHead: z.boolean().optional() }).strict();

export const ZAsnKind = z.enum(['PNS', 'PPPK']);
export const ZCreatePersonInput = z.object({
  name,
  nip: z.string().trim().min(1).max(40),
  kind: ZAsnKind,
  rank: z.string().trim().max(80).nullish(),
  unitId: ZId.nullish(),
}).strict();
export type CreatePersonInput = z.infer<typeof ZCreatePersonInput>;
export const ZUpdatePersonInput = ZCreatePersonInput.partial().strict();
export type UpdatePersonInput = z.infer<typeof ZUpdatePersonInput>;

export const ZCreateAssignmentInput = z.object({
  positionId: ZId,
  personId: ZId,
  kind: z.enum(ASSIGNMENT_KINDS),
  startDate: ZIsoDate,
  endDate: ZIsoDate.nullish(),
  decreeNumber: z.string().trim().max(120).nullish(),
}).strict();
export type CreateAssignmentInput = z.infer<typeof ZCreateAssignmentInput>;

export const ZEndAssignmentInput = z.object({ endDate: ZIsoDate }).strict();

/** Holder filter of the positions list (today): someone holds it; no definitif holder; a Plt/Plh acts. */
export const POSITION_HOLDER_FILTERS = ['filled', 'vacant', 'acting'] as const;
export type PositionHolderFilter = (typeof POSITION_HOLDER_FILTERS)[number];
