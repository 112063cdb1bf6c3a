import { formatNip } from '../../../shared/nip.ts';
import type { PersonTable, PositionTable, UnitTable } from '../../db/schema.ts';
import type { UnitType } from '../../../shared/schemas/common.ts';

export const presentUnit = (u: UnitTable) => ({
  id: u.id,
  name: u.name,
  shortName: u.shortName,
  type: u.type as UnitType,
  code: u.code,
  parentId: u.parentId,
  isActive: u.isActive === 1,
});

export const presentPerson = (p: PersonTable & { unitName?: string | null }) => ({
  id: p.id,
  name: p.name,
  nip: p.nip,
  nipFormatted: formatNip(p.nip),
  kind: p.kind,
  rank: p.rank,
  unitId: p.unitId,
  unitName: p.unitName ?? null,
});

export interface AssignmentRow {
  id: string;
  positionId: string;
  personId: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  decreeNumber: string | null;
  positionTitle?: string;
  unitId?: string;
  unitName?: string;
  personName?: string;
  nip?: string;
}

export const presentAssignment = (a: AssignmentRow) => ({
  id: a.id,
  positionId: a.positionId,
  positionTitle: a.positionTitle ?? null,
  unitId: a.unitId ?? null,
  unitName: a.unitName ?? null,
  personId: a.personId,
  personName: a.personName ?? null,
  nip: a.nip ?? null,
  kind: a.kind,
  startDate: a.startDate,
  endDate: a.endDate,
  decreeNumber: a.decreeNumber,
});

export const presentPosition = (p: PositionTable & { unitName?: string; holders?: AssignmentRow[] }) => ({
  id: p.id,
  unitId: p.unitId,
  unitName: p.unitName ?? null,
  title: p.title,
  isHead: p.isHead === 1,
  holders: (p.holders ?? []).map((h) => ({
    assignmentId: h.id,
    personId: h.personId,
    personName: h.personName ?? null,
    nip: h.nip ?? null,
    kind: h.kind,
    startDate: h.startDate,
    endDate: h.endDate,
  })),
});
