import type { Kysely } from 'kysely';

/**
 * Durable jobs (leases, retries), the notification outbox, in-app notifications, and an optional
 * e-mail address per user.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Global on purpose (ARCHITECTURE.md): the runner claims work across all tenants in one query,
  // and system jobs (the daily scans) belong to no tenant, so tenant_id is nullable here.
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    // Unique when set: a scheduled scan or a reminder is enqueued once, whoever asks twice.
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('jobs_tenant_idx').on('jobs').columns(['tenant_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('jobs_dedupe_uq').on('jobs').column('dedupe_key').unique().execute();

  // The outbox: written in the same transaction as the change it announces; a job delivers it.
  await db.schema
    .createTable('notification_outbox')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull()) // JSON { userIds, roles, unitIds }
    .addColumn('message', 'text', (c) => c.notNull()) // JSON { key, params }: rendered per recipient's language
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('recipient_count', 'integer')
    .addPrimaryKeyConstraint('notification_outbox_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('notification_outbox_tenant_fk', ['tenant_id'], 'tenants', ['id'])
    .execute();
  await db.schema.createIndex('notification_outbox_dedupe_uq').on('notification_outbox').columns(['tenant_id', 'dedupe_key']).unique().execute();

  await db.schema
    .createTable('notifications')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('share_text', 'text')
    // off (SMTP not configured) | no_address | pending | sent
    .addColumn('email_status', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('notifications_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('notifications_outbox_fk', ['tenant_id', 'outbox_id'], 'notification_outbox', ['tenant_id', 'id'])
    .addForeignKeyConstraint('notifications_user_fk', ['user_id'], 'users', ['id'])
    .execute();
  // One notification per recipient and outbox row: a retried delivery never duplicates.
  await db.schema.createIndex('notifications_recipient_uq').on('notifications').columns(['tenant_id', 'outbox_id', 'user_id']).unique().execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['tenant_id', 'user_id', 'created_at']).execute();

  await db.schema.alterTable('users').addColumn('email', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Serasan migrations are append-only; restore a backup instead of migrating down.');
}
