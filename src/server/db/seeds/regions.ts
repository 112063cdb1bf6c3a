import type { Db } from '../db.ts';

/**
 * Loads provinces, regencies/cities and districts from idn-area-data (ODbL; attribution in
 * README and public exports). Idempotent: only inserts when the table is empty.
 * idn-area-data 3.1.2 follows the 2022/2023 Kepmendagri list (RULES.md §7.2 version note).
 */
export const REGION_DATA_VERSION = 'idn-area-data@3.1.2';

export async function seedRegions(db: Db): Promise<number> {
  const existing = await db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const { getProvinces, getRegencies, getDistricts } = await import('idn-area-data');
  const provinces = await getProvinces();
  const regencies = await getRegencies();
  const districts = await getDistricts();
  const rows = [
    ...provinces.map((p) => ({ code: p.code, name: p.name, level: 'province' as const, parentCode: null, kind: 'provinsi' })),
    ...regencies.map((r) => ({
      code: r.code,
      name: r.name,
      level: 'regency' as const,
      parentCode: r.province_code,
      kind: r.name.startsWith('KOTA') ? 'kota' : 'kabupaten',
    })),
    ...districts.map((d) => ({
      code: d.code,
      name: d.name,
      level: 'district' as const,
      parentCode: d.regency_code,
      kind: 'kecamatan',
    })),
  ];
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insertInto('regions').values(rows.slice(i, i + 500)).execute();
    }
  });
  return rows.length;
}
