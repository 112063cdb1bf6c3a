import { sql, type Kysely } from 'kysely';

/**
 * 0015-competition-rules: one competition name per pemda and year (issue 10 item 11). Names are
 * compared without case and with runs of spaces collapsed: the service stores names collapsed and
 * trimmed, and the unique index is on lower(name) (an expression index both SQLite and PostgreSQL
 * have). Existing names are collapsed first; an existing clash keeps its oldest competition's name
 * and the later ones get " (2)", " (3)"… so the index can be built without losing any record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const rows = await db.selectFrom('competitions').select(['tenant_id', 'id', 'name', 'year', 'created_at']).orderBy('created_at').orderBy('id').execute();
  const seen = new Map<string, number>();
  for (const r of rows as Array<{ tenant_id: string; id: string; name: string; year: number }>) {
    const clean = collapse(r.name);
    const key = `${r.tenant_id}|${r.year}|${clean.toLowerCase()}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const name = n === 1 ? clean : `${clean} (${n})`;
    if (name !== r.name) await db.updateTable('competitions').set({ name }).where('tenant_id', '=', r.tenant_id).where('id', '=', r.id).execute();
  }
  await sql`create unique index competitions_tenant_year_name_uq on competitions (tenant_id, year, lower(name))`.execute(db);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
