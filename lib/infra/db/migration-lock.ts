// Several processes may start at once against one PostgreSQL: only one applies migrations at a
// time, the others wait and then find nothing left to apply.
import pg from "pg";

// Any constant works; it differs from the lock Prisma's engine takes internally.
const MIGRATION_LOCK_KEY = 726_578_001;

export async function withMigrationLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
