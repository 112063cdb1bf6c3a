import pg from 'pg';

/** Whether a benchmark's PostgreSQL server answers (asked through its `postgres` database). */
export async function pgReachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres'), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}
