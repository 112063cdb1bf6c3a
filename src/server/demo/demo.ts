import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { parseCsvObjects } from '../lib/csv.ts';
import { writeWithAudit } from '../modules/audit/audit.writer.ts';
import { insertTenantForRegion } from '../modules/tenants/tenants.service.ts';
import { regionToday } from '../modules/tenants/tenants.region.ts';
import { hashPassword } from '../modules/auth/password.ts';
import type { Tx } from '../db/db.ts';
import type { Role } from '../../shared/schemas/common.ts';
import { seedRegions } from '../db/seeds/regions.ts';
import { seedDemoInnovations } from './demo-innovations.ts';
import { seedDemoSkm } from './demo-skm.ts';
import { seedDemoPlan } from './demo-plan.ts';
import { seedDemoLetterheads } from './demo-documents.ts';
import { seedDemoSakip } from './demo-sakip.ts';
import { seedDemoSakipEval } from './demo-sakip-eval.ts';

export const DEMO_REGION = '16.03'; // Kabupaten Muara Enim (RULES.md §7.2)
const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/** Copy of ../shared/data/muara-enim/opd.csv (a test keeps the two identical). */
export const OPD_CSV = path.join(DATA_DIR, 'opd.csv');

const TYPE_OF_JENIS: Record<string, string> = {
  sekretariat: 'sekretariat_daerah',
  'bagian setda': 'bagian',
  inspektorat: 'inspektorat',
  badan: 'badan',
  dinas: 'dinas',
  rsud: 'rsud',
  kantor: 'other',
};
/** Rows that name a position inside the Setda, not a unit of their own. */
const POSITION_JENIS = new Set(['staf ahli (setda)', 'jabatan setda']);

export interface OpdRow {
  name: string;
  shortName: string | null;
  jenis: string;
  active: boolean;
}

export function readOpdCsv(file = OPD_CSV): OpdRow[] {
  return parseCsvObjects(readFileSync(file, 'utf8')).map((r) => ({
    // "Dinas Komunikasi dan Informatika (disebut juga Diskominfo-SP pada 2025)" → the name itself.
    name: r.nama_perangkat_daerah.replace(/\s*\(.*\)\s*$/, '').trim(),
    shortName: r.singkatan?.trim() || null,
    jenis: r.jenis.trim(),
    active: !r.status.trim().startsWith('historis'),
  }));
}

export const DEMO_USERS: Array<{ username: string; name: string; roles: Role[]; unit?: 'demoUnit'; platformAdmin?: boolean }> = [
  { username: 'admin', name: 'Admin Diskominfo (demo)', roles: ['admin'] },
  { username: 'rb', name: 'Tim RB Bagian Organisasi (demo)', roles: ['rb_team'] },
  { username: 'inovasi', name: 'Tim Inovasi Daerah (demo)', roles: ['innovation_team'] },
  { username: 'inspektorat', name: 'Auditor Inspektorat (demo)', roles: ['inspectorate'] },
  { username: 'pimpinan', name: 'Sekretaris Daerah (demo)', roles: ['leader'] },
  { username: 'juri', name: 'Juri Kompetisi Inovasi (demo)', roles: ['judge'] },
  { username: 'operator', name: 'Operator Disdukcapil (demo)', roles: ['unit_operator'], unit: 'demoUnit' },
  { username: 'kepala', name: 'Kepala Disdukcapil (demo)', roles: ['unit_head'], unit: 'demoUnit' },
  { username: 'platform', name: 'Operator Platform (demo)', roles: ['admin'], platformAdmin: true },
];
/** The unit of the demo operator and head. */
export const DEMO_UNIT_SHORT = 'Disdukcapil';

/** Fictional demo staff with valid NIPs (RULES §7.1); labelled as demo data. */
const DEMO_PEOPLE: Array<{ name: string; nip: string; kind: 'PNS' | 'PPPK'; rank: string; unit: string; position?: string; assignment?: 'definitif' | 'plt' }> = [
  { name: 'Andi Saputra, S.Sos. (demo)', nip: '197805122003121002', kind: 'PNS', rank: 'Pembina Tingkat I (IV/b)', unit: 'Disdukcapil', position: 'head', assignment: 'definitif' },
  { name: 'Rina Marlina, S.Kom. (demo)', nip: '198903042014022001', kind: 'PNS', rank: 'Penata (III/c)', unit: 'Disdukcapil' },
  { name: 'Dedi Kurniawan (demo)', nip: '199312282025211003', kind: 'PPPK', rank: 'PPPK golongan IX', unit: 'Disdukcapil' },
  { name: 'Sri Wahyuni, S.E., M.Si. (demo)', nip: '197011201995032002', kind: 'PNS', rank: 'Pembina Utama Muda (IV/c)', unit: 'Bag. Organisasi', position: 'head', assignment: 'definitif' },
  { name: 'Hendra Gunawan, S.T. (demo)', nip: '198107152006041004', kind: 'PNS', rank: 'Pembina (IV/a)', unit: 'Inspektorat' },
  { name: 'Yuliana Putri, S.Pd. (demo)', nip: '198506302010012003', kind: 'PNS', rank: 'Penata Tingkat I (III/d)', unit: 'Balitbangda', position: 'head', assignment: 'plt' },
];

function headTitle(type: string, name: string, short: string | null): string {
  if (type === 'kecamatan') return `Camat ${short ?? name.replace(/^Kecamatan /, '')}`;
  if (type === 'sekretariat_daerah') return 'Sekretaris Daerah';
  if (type === 'inspektorat') return 'Inspektur';
  if (type === 'rsud') return `Direktur ${name}`;
  if (type === 'bagian') return `Kepala ${name.replace(/ Sekretariat Daerah$/, '')}`;
  return `Kepala ${name}`;
}

async function addPosition(tx: Tx, tenantId: string, unitId: string, title: string, isHead: boolean, now: string) {
  const id = newId();
  await tx.insertInto('positions').values({ tenantId, id, unitId, title, isHead: isHead ? 1 : 0, createdAt: now, updatedAt: now }).execute();
  return id;
}

/**
 * Loads the demo region on an empty database: reference regions, Kabupaten Muara Enim with its
 * 22 kecamatan (from the reference data) and its active perangkat daerah (opd.csv), head
 * positions, a few fictional staff, and the demo sign-ins. Returns false if already seeded.
 * With `sakip` (default: config.seedDemoSakip) also this year's signed PKs with realisations
 * (demo-sakip.ts); test runtimes leave them out so that tests own the year's PKs.
 */
export async function seedDemo(deps: Deps, opts: { sakip?: boolean } = {}): Promise<boolean> {
  const { db, clock, config } = deps;
  await seedRegions(db);
  const exists = await db.selectFrom('tenants').select('id').where('regionCode', '=', DEMO_REGION).executeTakeFirst();
  if (exists) return false;
  const passwordHash = await hashPassword(config.demoPassword);
  const opd = readOpdCsv().filter((r) => r.active);

  await writeWithAudit(db, { tenantId: '', actorId: null, actorName: 'seed-demo' }, clock, async (tx, audit0) => {
    const now = clock.now().toISOString();
    const tenant = await insertTenantForRegion(tx, audit0, DEMO_REGION, now, true);
    const t = tenant.id;
    const unitIdByShort = new Map<string, string>();
    const setdaId = newId();

    for (const row of opd) {
      if (POSITION_JENIS.has(row.jenis)) continue;
      const type = TYPE_OF_JENIS[row.jenis] ?? 'other';
      const id = type === 'sekretariat_daerah' ? setdaId : newId();
      await tx
        .insertInto('units')
        .values({
          tenantId: t,
          id,
          parentId: type === 'bagian' ? setdaId : null,
          name: row.name,
          shortName: row.shortName,
          type,
          code: null,
          isActive: 1,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      if (row.shortName) unitIdByShort.set(row.shortName, id);
    }
    // Setda is inserted before its bagian (first row of the CSV); the FK holds throughout.
    for (const row of opd.filter((r) => POSITION_JENIS.has(r.jenis))) {
      await addPosition(tx, t, setdaId, row.name, false, now);
    }
    const units = await tx.selectFrom('units').selectAll().where('tenantId', '=', t).execute();
    const headOf = new Map<string, string>();
    for (const u of units) headOf.set(u.id, await addPosition(tx, t, u.id, headTitle(u.type, u.name, u.shortName), true, now));

    for (const p of DEMO_PEOPLE) {
      const unitId = unitIdByShort.get(p.unit) ?? null;
      const personId = newId();
      await tx.insertInto('people').values({ tenantId: t, id: personId, name: p.name, nip: p.nip, kind: p.kind, rank: p.rank, unitId, createdAt: now, updatedAt: now }).execute();
      if (p.position === 'head' && unitId && p.assignment) {
        await tx
          .insertInto('assignments')
          .values({ tenantId: t, id: newId(), positionId: headOf.get(unitId)!, personId, kind: p.assignment, startDate: '2025-01-02', endDate: null, decreeNumber: null, createdAt: now, updatedAt: now })
          .execute();
      }
    }

    const demoUnit = unitIdByShort.get(DEMO_UNIT_SHORT) ?? null;
    for (const u of DEMO_USERS) {
      const id = newId();
      await tx
        .insertInto('users')
        .values({
          id,
          tenantId: t,
          username: u.username,
          name: u.name,
          passwordHash,
          mustChangePassword: 0,
          isActive: 1,
          isPlatformAdmin: u.platformAdmin ? 1 : 0,
          personId: null,
          locale: 'id',
          failedLogins: 0,
          lockedUntil: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      for (const role of u.roles) {
        await tx.insertInto('userRoles').values({ tenantId: t, id: newId(), userId: id, role, unitId: u.unit ? demoUnit : null, createdAt: now }).execute();
      }
    }
    const innovations = await seedDemoInnovations(tx, deps.dialect, t, now);
    const skmResponses = await seedDemoSkm(tx, t, now);
    await seedDemoLetterheads(tx, deps.blobs, t, now);
    const userIds = Object.fromEntries((await tx.selectFrom('users').select(['username', 'id']).where('tenantId', '=', t).execute()).map((u) => [u.username, u.id]));
    // The region's day (the tenant row is in this transaction: read it through tx) sets the SAKIP
    // year, the quarters that have ended and the evaluation year. The plan comes first: the demo
    // PK indicators link to the plan indicators they carry.
    const regionDay = await regionToday(deps, t, tx);
    await seedDemoPlan(tx, t, now);
    const sakipMode = opts.sakip === undefined ? config.seedDemoSakip : opts.sakip ? 'pks' : 'off';
    const sakip = sakipMode !== 'off' ? await seedDemoSakip(tx, t, now, userIds, { pks: sakipMode === 'pks', today: regionDay }) : null;
    await seedDemoSakipEval(tx, t, now, Number(regionDay.slice(0, 4)));
    await audit0.record({
      tenantId: t,
      entityType: 'tenant',
      entityId: t,
      action: 'update',
      changes: { demoData: { before: null, after: `${units.length} unit, ${DEMO_PEOPLE.length} pegawai (demo), ${DEMO_USERS.length} pengguna, ${innovations} inovasi, ${skmResponses} jawaban SKM (demo)${sakip ? `, ${sakip.pks} perjanjian kinerja ${regionDay.slice(0, 4)} dengan ${sakip.indicators} indikator dan ${sakip.realisations} realisasi triwulan (demo)` : ''}` } },
    });
  });
  return true;
}
