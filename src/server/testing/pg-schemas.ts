import pg from 'pg';

/**
 * Test schemas on the shared PostgreSQL test database. Kysely's migrator introspects tables across
 * every schema, and a schema dropped by a parallel test file in the middle of that introspection
 * makes it fail ("schema t_… does not exist"). Migrating a test schema and dropping one therefore
 * take the same advisory lock, so they never overlap. Creating a schema needs no lock.
 */
const SCHEMA_LOCK = 72_408_301;

export async function withPgSchemaLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}

export async function createPgSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
}

export async function dropPgSchema(url: string, schema: string): Promise<void> {
  await withPgSchemaLock(url, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await client.end();
    }
  });
}
