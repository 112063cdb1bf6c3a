import { sql, type SelectQueryBuilder } from 'kysely';
import type { DialectName, Executor } from '../db/db.ts';
import { textSortKey } from '../db/dialect.ts';
import { parseSort, type SortValue } from '../../shared/schemas/common.ts';
import { toCsv } from './csv.ts';
import { asciiSlug, contentDisposition } from './attachment.ts';
import { regionDate } from '../../shared/region-time.ts';

/** How a whitelisted sort key maps onto a column: text columns sort case-insensitively. */
export type SortColumns<K extends string> = Record<K, { column: string; text?: boolean }>;

/**
 * Order a list query by a validated sort value (issue 10 item 5): NULLs last in both directions
 * (SQLite and PostgreSQL disagree on where NULL goes by default), text case-insensitively and
 * byte-wise on both databases, then the id as the deterministic tie-break so pages never
 * overlap or skip a row.
 */
export function orderByList<QB extends SelectQueryBuilder<any, any, any>, K extends string>(
  qb: QB,
  sort: SortValue<K>,
  columns: SortColumns<K>,
  idColumn: string,
  dialect: DialectName,
  /** 'follow': the id tie-break takes the sort's direction (time-ordered ids: a log read newest first). */
  idOrder: 'asc' | 'follow' = 'asc',
): QB {
  const { key, desc } = parseSort(sort);
  const col = columns[key];
  const dir = desc ? 'desc' : 'asc';
  const expr = col.text ? textSortKey(col.column, dialect) : sql.ref(col.column);
  return qb
    .orderBy(sql`case when ${sql.ref(col.column)} is null then 1 else 0 end`)
    .orderBy(expr, dir)
    .orderBy(sql.ref(idColumn), idOrder === 'follow' ? dir : 'asc') as QB;
}

/** Limit/offset of one page. */
export function pageOf<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, q: { page: number; pageSize: number }): QB {
  return qb.limit(q.pageSize).offset((q.page - 1) * q.pageSize) as QB;
}

/** Most rows one CSV export writes; a larger region narrows the filter first. */
export const EXPORT_MAX_ROWS = 10_000;

/** "Kabupaten Muara Enim" → "muara-enim": the region part of an export's file name. */
export function regionSlug(tenantName: string): string {
  const name = tenantName.toLowerCase().replace(/^(kabupaten|kab\.|kota|provinsi|pemerintah)\s+/g, '');
  return name.trim() ? asciiSlug(name) : 'wilayah';
}

/**
 * The file name of a region's export: what it holds, the region and the region's own calendar day
 * (`inovasi-muara-enim-2026-12-01.csv`; at 01.30 WITA on 2 March a Samarinda export says 03-02).
 */
export function exportFileName(region: { name: string; regionCode: string | null }, what: string, now: Date, ext = 'csv'): string {
  return `${what}-${regionSlug(region.name)}-${regionDate(now, region.regionCode)}.${ext}`;
}

/** Headers + body of a CSV download through the one CSV writer and the one Content-Disposition builder. */
export function csvDownload(fileName: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>) {
  return {
    contentType: 'text/csv; charset=utf-8',
    disposition: contentDisposition('attachment', fileName),
    body: toCsv([header, ...rows]),
  };
}
