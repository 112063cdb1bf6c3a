import type { Executor } from '../../db/db.ts';
import { orgRepo } from './org.repo.ts';

/** Who holds a position on a date, and in which capacity (definitif, Plt or Plh). */
export interface Holder {
  kind: 'definitif' | 'plt' | 'plh';
  assignmentId: string;
  personId: string;
  name: string;
  nip: string;
  rank: string | null;
  positionId: string;
  positionTitle: string;
  unitId: string;
  unitName: string;
}

const PRIORITY = { definitif: 0, plt: 1, plh: 2 } as const;

/**
 * holderOf(positionId, date): the definitive holder in force on that date, else the Plt, else the
 * Plh (the latest started wins within a kind). Null when the position is vacant on that date, or
 * unknown in this tenant. Dates are YYYY-MM-DD; an assignment counts on its start and end days.
 */
export async function holderOf(db: Executor, tenantId: string, positionId: string, date: string): Promise<Holder | null> {
  const rows = await orgRepo.assignmentsInForce(db, tenantId, positionId, date);
  if (!rows.length) return null;
  const best = [...rows].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0))[0];
  return {
    kind: best.kind,
    assignmentId: best.assignmentId,
    personId: best.personId,
    name: best.personName,
    nip: best.nip,
    rank: best.rank,
    positionId: best.positionId,
    positionTitle: best.positionTitle,
    unitId: best.unitId,
    unitName: best.unitName,
  };
}

/** The head position of a unit (is_head), if any. */
export async function headPositionOf(db: Executor, tenantId: string, unitId: string): Promise<string | null> {
  return orgRepo.headPositionOf(db, tenantId, unitId);
}
