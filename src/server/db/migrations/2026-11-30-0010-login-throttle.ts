import type { Kysely } from 'kysely';

/**
 * Sign-in throttle: failed attempts per (username as typed, address). Replaces the hard
 * per-account lock (users.failed_logins / locked_until are no longer used). Global like
 * `sessions`: sign-in happens before the tenant is known, and unknown usernames are throttled
 * too, so the key is the normalised username, not a user id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('next_allowed_at', 'text')
    .addColumn('last_attempt_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pk', ['username_key', 'ip'])
    .execute();
  // Rows of attempts older than a day are swept on every sign-in, so random usernames cannot grow the table without bound.
  await db.schema.createIndex('login_throttle_last_attempt_idx').on('login_throttle').column('last_attempt_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
