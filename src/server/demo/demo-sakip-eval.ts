import type { Tx } from '../db/db.ts';
import { newId } from '../lib/ids.ts';
import { LKE_AKIP_2021_CRITERIA } from '../rules/assessment/lke-akip-2021.ts';

/**
 * Demo internal SAKIP evaluations (LKE AKIP 88/2021) for last year and this year: a few units and
 * the pemda self-evaluation, deterministic letters per sub-component, the units' Ya/Tidak criteria,
 * and LHE findings with follow-ups (is_demo = 1; evaluator notes say "(demo)").
 */
const SUBS = ['1.a', '1.b', '1.c', '2.a', '2.b', '2.c', '3.a', '3.b', '3.c', '4.a', '4.b', '4.c'];
// Letters per sub-component, last year → this year (this year only partly graded for some).
const DEMO: Array<{ short: string | null; last: string; now: string }> = [
  { short: 'Disdukcapil', last: 'A BB B BB B CC A BB B BB B C', now: 'A A BB A BB B A BB BB A BB B' },
  { short: 'Bappeda', last: 'AA A A A A BB A A BB A BB BB', now: 'AA A A A A A A A BB A A BB' },
  { short: 'Dinkes', last: 'BB B CC B CC C BB B CC B C C', now: 'BB BB B B B CC BB B B' },
  { short: 'Balitbangda', last: 'B CC C CC C D B CC C CC C D', now: '' },
  { short: null, last: 'A BB BB A BB B A BB B BB B CC', now: 'A A BB A BB BB A BB BB A BB B' },
];

export async function seedDemoSakipEval(tx: Tx, tenantId: string, now: string, year: number) {
  const units = await tx.selectFrom('units').select(['id', 'shortName']).where('tenantId', '=', tenantId).execute();
  const idOf = new Map(units.map((u) => [u.shortName, u.id]));
  let answers = 0;
  for (const [i, d] of DEMO.entries()) {
    const unitId = d.short ? idOf.get(d.short) : null;
    if (unitId === undefined) continue;
    for (const [y, letters] of [[year - 1, d.last], [year, d.now]] as const) {
      const graded = letters.split(' ').filter(Boolean);
      if (!graded.length) continue;
      const rows: Array<{ code: string; own: string | null; ev: string | null }> = [];
      SUBS.forEach((s, k) => {
        const ev = graded[k] ?? null;
        rows.push({ code: s, own: null, ev });
        // The unit's criteria: "Ya" for most, a deterministic gap where the letter is low.
        (LKE_AKIP_2021_CRITERIA[s] ?? []).forEach((_, c) => rows.push({ code: `${s}.${c + 1}`, own: (c + k + i) % (ev && ev.startsWith('A') ? 7 : 3) === 2 ? 'Tidak' : 'Ya', ev: null }));
      });
      for (const r of rows) {
        if (r.own === null && r.ev === null) continue;
        await tx
          .insertInto('assessmentAnswers')
          .values({
            tenantId,
            id: newId(),
            worksheetKind: unitId ? 'sakip_unit' : 'sakip_pemda',
            scope: unitId ? `${unitId}:${y}` : String(y),
            rulebookId: 'lke-akip-2021',
            questionCode: r.code,
            ownValue: r.own,
            ownBasis: null,
            ownNote: null,
            ownBy: null,
            ownAt: r.own ? now : null,
            evalValue: r.ev,
            evalBasis: null,
            evalNote: r.ev ? 'Penilaian contoh (demo)' : null,
            evalBy: null,
            evalAt: r.ev ? now : null,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
        answers++;
      }
    }
  }
  const dukcapil = idOf.get('Disdukcapil');
  const items = [
    { y: year - 1, sub: '1.c', finding: 'Rencana aksi kinerja belum dipantau setiap triwulan (demo).', rec: 'Lakukan pemantauan rencana aksi setiap triwulan dan dokumentasikan hasilnya.', status: 'accepted' as const, fu: 'Monev triwulanan dilaksanakan sejak TW I dengan notula.' },
    { y: year - 1, sub: '2.c', finding: 'Hasil pengukuran kinerja belum dipakai sebagai dasar tunjangan kinerja (demo).', rec: 'Kaitkan capaian kinerja individu dengan pemberian TPP.', status: 'answered' as const, fu: 'Draf Perkada TPP berbasis kinerja sudah diajukan ke Bagian Hukum.' },
    { y: year, sub: '3.b', finding: 'LKjIP belum membandingkan capaian dengan tahun sebelumnya (demo).', rec: 'Tambahkan analisis capaian tahun ini terhadap tahun-tahun sebelumnya pada Bab III.', status: 'open' as const, fu: null },
  ];
  if (dukcapil) {
    for (const [k, it] of items.entries()) {
      await tx
        .insertInto('sakipLheItems')
        .values({
          tenantId,
          id: newId(),
          unitId: dukcapil,
          year: it.y,
          seq: items.filter((x, j) => j < k && x.y === it.y).length + 1,
          subComponent: it.sub,
          finding: it.finding,
          recommendation: it.rec,
          status: it.status,
          followUp: it.fu,
          followUpBy: null,
          followUpAt: it.fu ? now : null,
          reviewNote: null,
          acceptedBy: null,
          acceptedAt: it.status === 'accepted' ? now : null,
          isDemo: 1,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }
  }
  return answers;
}
