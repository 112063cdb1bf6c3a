import type { DialectName, Executor } from '../../db/db.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import { parseSort, type LIST_SORTS, type SortValue } from '../../../shared/schemas/common.ts';
import type { PositionHolderFilter } from '../../../shared/schemas/org.ts';
import type { AssignmentTable, PersonTable, PositionTable, UnitTable } from '../../db/schema.ts';
import { forUpdate, ilikeContains, textSortKey } from '../../db/dialect.ts';
import type { Insertable, Updateable } from 'kysely';

type PeopleSortKey = (typeof LIST_SORTS.people.keys)[number];
export interface PeopleListFilter {
  q?: string;
  unitId?: string;
  kind?: string;
  page: number;
  pageSize: number;
  sort: SortValue<PeopleSortKey>;
}
type PositionsSortKey = (typeof LIST_SORTS.positions.keys)[number];
export interface PositionsListFilter {
  /** Part of the title, or of a current holder's name or NIP. */
  q?: string;
  /** The unit and its sub-units are not expanded: positions of exactly this unit. */
  unitId?: string;
  /** filled: someone holds it today; vacant: no definitif holder today; acting: a Plt/Plh today. */
  holder?: PositionHolderFilter;
  page: number;
  pageSize: number;
  sort: SortValue<PositionsSortKey>;
}
const POSITIONS_SORT: SortColumns<PositionsSortKey> = {
  unit: { column: 'units.name', text: true },
  title: { column: 'positions.title', text: true },
  createdAt: { column: 'positions.createdAt' },
};

const PEOPLE_SORT: SortColumns<PeopleSortKey> = {
  name: { column: 'people.name', text: true },
  nip: { column: 'people.nip' },
  kind: { column: 'people.kind' },
  rank: { column: 'people.rank', text: true },
  unit: { column: 'units.name', text: true },
};

/** Organisation data access. Every function takes tenantId explicitly. */
export const orgRepo = {
  listUnits(db: Executor, tenantId: string, f: { type?: string; q?: string } = {}) {
    let q = db.selectFrom('units').selectAll().where('tenantId', '=', tenantId);
    if (f.type) q = q.where('type', '=', f.type);
    if (f.q) q = q.where((eb) => eb.or([ilikeContains('name', f.q!), ilikeContains('shortName', f.q!), ilikeContains('code', f.q!)]));
    return q.orderBy('name').execute();
  },
  findUnit(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('units').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  findUnitByCode(db: Executor, tenantId: string, code: string) {
    return db.selectFrom('units').selectAll().where('tenantId', '=', tenantId).where('code', '=', code).executeTakeFirst();
  },
  unitTree(db: Executor, tenantId: string) {
    return db.selectFrom('units').select(['id', 'parentId']).where('tenantId', '=', tenantId).execute();
  },
  async insertUnit(db: Executor, row: Insertable<UnitTable>) {
    await db.insertInto('units').values(row).execute();
  },
  async updateUnit(db: Executor, tenantId: string, id: string, set: Updateable<UnitTable>) {
    await db.updateTable('units').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  /**
   * Positions filtered and sorted, one page at a time. "Today" (`date`) decides who holds a
   * position. By unit (the default), a unit's head comes first, then titles alphabetically.
   */
  async listPositions(db: Executor, dialect: DialectName, tenantId: string, f: PositionsListFilter, date: string) {
    let q = db
      .selectFrom('positions')
      .innerJoin('units', (j) => j.onRef('units.tenantId', '=', 'positions.tenantId').onRef('units.id', '=', 'positions.unitId'))
      .where('positions.tenantId', '=', tenantId);
    if (f.unitId) q = q.where('positions.unitId', '=', f.unitId);
    const current = (eb: any, kinds?: 'definitif' | 'acting') => {
      let sub = eb
        .selectFrom('assignments as a')
        .select('a.id')
        .whereRef('a.tenantId', '=', 'positions.tenantId')
        .whereRef('a.positionId', '=', 'positions.id')
        .where('a.startDate', '<=', date)
        .where((e: any) => e.or([e('a.endDate', 'is', null), e('a.endDate', '>=', date)]));
      if (kinds === 'definitif') sub = sub.where('a.kind', '=', 'definitif');
      if (kinds === 'acting') sub = sub.where('a.kind', '!=', 'definitif');
      return sub;
    };
    if (f.holder === 'filled') q = q.where((eb) => eb.exists(current(eb)));
    if (f.holder === 'vacant') q = q.where((eb) => eb.not(eb.exists(current(eb, 'definitif'))));
    if (f.holder === 'acting') q = q.where((eb) => eb.exists(current(eb, 'acting')));
    if (f.q) {
      const needle = f.q;
      const digits = needle.replace(/\s/g, '');
      q = q.where((eb) =>
        eb.or([
          ilikeContains('positions.title', needle),
          eb.exists(
            current(eb)
              .innerJoin('people as pe', (j: any) => j.onRef('pe.tenantId', '=', 'a.tenantId').onRef('pe.id', '=', 'a.personId'))
              .where((e: any) => e.or([ilikeContains('pe.name', needle), ...(digits ? [ilikeContains('pe.nip', digits)] : [])])),
          ),
        ]),
      );
    }
    const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    let ordered = q.selectAll('positions').select('units.name as unitName');
    const { key, desc } = parseSort(f.sort);
    if (key === 'unit') {
      ordered = ordered
        .orderBy(textSortKey('units.name', dialect), desc ? 'desc' : 'asc')
        .orderBy('positions.isHead', 'desc')
        .orderBy(textSortKey('positions.title', dialect))
        .orderBy('positions.id');
    } else ordered = orderByList(ordered, f.sort, POSITIONS_SORT, 'positions.id', dialect);
    const items = await pageOf(ordered, f).execute();
    return { items, total: Number(total) };
  },
  findPosition(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('positions').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  async insertPosition(db: Executor, row: Insertable<PositionTable>) {
    await db.insertInto('positions').values(row).execute();
  },
  /** The head position of a unit (is_head, the oldest if several), if any. */
  async headPositionOf(db: Executor, tenantId: string, unitId: string): Promise<string | null> {
    const p = await db.selectFrom('positions').select('id').where('tenantId', '=', tenantId).where('unitId', '=', unitId).where('isHead', '=', 1).orderBy('createdAt').executeTakeFirst();
    return p?.id ?? null;
  },
  /** Serialise writers of one position (a PostgreSQL row lock; SQLite has one writer). */
  async lockPosition(db: Executor, dialect: DialectName, tenantId: string, id: string) {
    await forUpdate(db.selectFrom('positions').select('id').where('tenantId', '=', tenantId).where('id', '=', id), dialect).execute();
  },
  async updatePosition(db: Executor, tenantId: string, id: string, set: Updateable<PositionTable>) {
    await db.updateTable('positions').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  /** People, filtered and sorted (PEOPLE_SORT, alphabetical by default), one page at a time. */
  async listPeople(db: Executor, dialect: DialectName, tenantId: string, f: PeopleListFilter) {
    let q = db
      .selectFrom('people')
      .leftJoin('units', (j) => j.onRef('units.tenantId', '=', 'people.tenantId').onRef('units.id', '=', 'people.unitId'))
      .where('people.tenantId', '=', tenantId);
    if (f.unitId) q = q.where('people.unitId', '=', f.unitId);
    if (f.kind) q = q.where('people.kind', '=', f.kind as 'PNS' | 'PPPK');
    if (f.q) {
      const digits = f.q.replace(/\s/g, '');
      q = q.where((eb) => eb.or([ilikeContains('people.name', f.q!), ilikeContains('people.nip', digits)]));
    }
    const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .selectAll('people')
      .select('units.name as unitName')
      .$call((qb) => pageOf(orderByList(qb, f.sort, PEOPLE_SORT, 'people.id', dialect), f))
      .execute();
    return { items, total: Number(total) };
  },
  findPerson(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('people').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  findPersonByNip(db: Executor, tenantId: string, nip: string) {
    return db.selectFrom('people').selectAll().where('tenantId', '=', tenantId).where('nip', '=', nip).executeTakeFirst();
  },
  async insertPerson(db: Executor, row: Insertable<PersonTable>) {
    await db.insertInto('people').values(row).execute();
  },
  async updatePerson(db: Executor, tenantId: string, id: string, set: Updateable<PersonTable>) {
    await db.updateTable('people').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  listAssignments(db: Executor, tenantId: string, f: { positionId?: string; positionIds?: string[]; personId?: string; currentOn?: string }) {
    let q = db
      .selectFrom('assignments as a')
      .innerJoin('positions as p', (j) => j.onRef('p.tenantId', '=', 'a.tenantId').onRef('p.id', '=', 'a.positionId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'p.tenantId').onRef('u.id', '=', 'p.unitId'))
      .innerJoin('people as pe', (j) => j.onRef('pe.tenantId', '=', 'a.tenantId').onRef('pe.id', '=', 'a.personId'))
      .selectAll('a')
      .select(['p.title as positionTitle', 'p.unitId as unitId', 'u.name as unitName', 'pe.name as personName', 'pe.nip as nip'])
      .where('a.tenantId', '=', tenantId);
    if (f.positionId) q = q.where('a.positionId', '=', f.positionId);
    if (f.positionIds) q = q.where('a.positionId', 'in', f.positionIds);
    if (f.personId) q = q.where('a.personId', '=', f.personId);
    if (f.currentOn) {
      const d = f.currentOn;
      q = q.where('a.startDate', '<=', d).where((eb) => eb.or([eb('a.endDate', 'is', null), eb('a.endDate', '>=', d)]));
    }
    return q.orderBy('a.startDate', 'desc').orderBy('a.id', 'desc').execute();
  },
  /** Assignments of a position in force on a date (start ≤ date ≤ end), with person, position and unit. */
  assignmentsInForce(db: Executor, tenantId: string, positionId: string, date: string) {
    return db
      .selectFrom('assignments as a')
      .innerJoin('positions as p', (j) => j.onRef('p.tenantId', '=', 'a.tenantId').onRef('p.id', '=', 'a.positionId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'p.tenantId').onRef('u.id', '=', 'p.unitId'))
      .innerJoin('people as pe', (j) => j.onRef('pe.tenantId', '=', 'a.tenantId').onRef('pe.id', '=', 'a.personId'))
      .select(['a.id as assignmentId', 'a.kind', 'a.startDate', 'a.endDate', 'a.personId', 'pe.name as personName', 'pe.nip', 'pe.rank', 'p.id as positionId', 'p.title as positionTitle', 'p.unitId', 'u.name as unitName'])
      .where('a.tenantId', '=', tenantId)
      .where('a.positionId', '=', positionId)
      .where('a.startDate', '<=', date)
      .where((eb) => eb.or([eb('a.endDate', 'is', null), eb('a.endDate', '>=', date)]))
      .orderBy('a.startDate', 'desc')
      .orderBy('a.id', 'desc')
      .execute();
  },
  findAssignment(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('assignments').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  assignmentsOfPosition(db: Executor, tenantId: string, positionId: string) {
    return db
      .selectFrom('assignments')
      .innerJoin('people', (j) => j.onRef('people.tenantId', '=', 'assignments.tenantId').onRef('people.id', '=', 'assignments.personId'))
      .selectAll('assignments')
      .select('people.name as personName')
      .where('assignments.tenantId', '=', tenantId)
      .where('assignments.positionId', '=', positionId)
      .execute();
  },
  async insertAssignment(db: Executor, row: Insertable<AssignmentTable>) {
    await db.insertInto('assignments').values(row).execute();
  },
  async updateAssignment(db: Executor, tenantId: string, id: string, set: Updateable<AssignmentTable>) {
    await db.updateTable('assignments').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  /** The unit of an organisation record, for evidence access (exists: whether the record does). */
  async unitOfUnit(db: Executor, tenantId: string, id: string) {
    const u = await db.selectFrom('units').select('id').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!u, unitId: id };
  },
  async unitOfPerson(db: Executor, tenantId: string, id: string) {
    const p = await db.selectFrom('people').select('unitId').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!p, unitId: p?.unitId ?? null };
  },
  async unitOfPosition(db: Executor, tenantId: string, id: string) {
    const p = await db.selectFrom('positions').select('unitId').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!p, unitId: p?.unitId ?? null };
  },
  async unitOfAssignment(db: Executor, tenantId: string, id: string) {
    const a = await db
      .selectFrom('assignments')
      .innerJoin('positions', (j) => j.onRef('positions.tenantId', '=', 'assignments.tenantId').onRef('positions.id', '=', 'assignments.positionId'))
      .select('positions.unitId')
      .where('assignments.tenantId', '=', tenantId)
      .where('assignments.id', '=', id)
      .executeTakeFirst();
    return { exists: !!a, unitId: a?.unitId ?? null };
  },
};
