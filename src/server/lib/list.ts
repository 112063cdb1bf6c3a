import { sql, type SelectQueryBuilder } from 'kysely';
import type { DialectName, Executor } from '../db/db.ts';
import { textSortKey } from '../db/dialect.ts';
import { parseSort, type SortValue } from '../../shared/schemas/common.ts';
import { toCsv } from './csv.ts';
import { asciiSlug, contentDisposition } from './attachment.ts';

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
): QB {
  const { key, desc } = parseSort(sort);
  const col = columns[key];
  const dir = desc ? 'desc' : 'asc';
  const expr = col.text ? textSortKey(col.column, dialect) : sql.ref(col.column);
  return qb
    .orderBy(sql`case when ${sql.ref(col.column)} is null then 1 else 0 end`)
    .orderBy(expr, dir)
    .orderBy(sql.ref(idColumn), 'asc') as QB;
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

/** The file name of a region's export: what it holds, the region and the day (`inovasi-muara-enim-2026-12-01.csv`). */
export function exportFileName(regionName: string, what: string, now: Date, ext = 'csv'): string {
  return `${what}-${regionSlug(regionName)}-${now.toISOString().slice(0, 10)}.${ext}`;
}

/** Headers + body of a CSV download through the one CSV writer and the one Content-Disposition builder. */
export function csvDownload(fileName: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>) {
  return {
    contentType: 'text/csv; charset=utf-8',
    disposition: contentDisposition('attachment', fileName),
    body: toCsv([header, ...rows]),
  };
}
