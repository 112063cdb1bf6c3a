import type { Kysely } from 'kysely';

/**
 * 0019-pk-season: the PK signing season (issue 11 item 2). A PK now goes draft → submitted (the
 * unit head) → agreed (the second party / Tim RB) → signed; the register shows the date of each
 * step, how it was signed (at the ceremony or by an uploaded scan of the wet-signed page), the scan
 * itself (evidence) and the issued official document (number, frozen PDF, QR). A revised PK
 * (perubahan) is a new row with revision + 1 that points to the PK it replaces; the replaced one
 * keeps its signature and stays readable ("diganti oleh perubahan"). Only one PK per position and
 * year is current: the one not replaced.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns: Array<[string, 'text' | 'integer']> = [
    ['submitted_at', 'text'],
    ['agreed_at', 'text'],
    ['signed_at', 'text'],
    ['signing_mode', 'text'], // ceremony | scan
    ['scan_evidence_id', 'text'],
    ['document_id', 'text'],
    ['document_number', 'text'],
    ['replaces_id', 'text'],
    ['replaced_by_id', 'text'],
    ['revision_reason', 'text'],
  ];
  for (const [name, type] of columns) await db.schema.alterTable('pk_agreements').addColumn(name, type).execute();
  await db.schema.alterTable('pk_agreements').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
