// The two back-ends every integration suite runs against: embedded (PGlite + memory) and
// scaled out (PostgreSQL + Redis). scripts/test.sh starts the latter and exports their URLs.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { isCI } from "./ci";

export interface Backend {
  name: string;
  /** Environment for a group of server processes sharing one database and one live store. */
  environment(): Promise<Record<string, string>>;
}

export const embedded: Backend = { name: "embedded (PGlite + memory)", environment: async () => ({}) };

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

export const scaledOut: Backend | undefined =
  databaseUrl && redisUrl
    ? {
        name: "PostgreSQL + Redis",
        async environment() {
          const suffix = randomBytes(6).toString("hex");
          return { DATABASE_URL: await createDatabase(databaseUrl, `pong_${suffix}`), REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `test-${suffix}` };
        },
      }
    : undefined;

if (!scaledOut) {
  if (isCI()) throw new Error(`CI=${process.env.CI} but TEST_DATABASE_URL / TEST_REDIS_URL are not set: run the tests with npm test`);
  console.warn("\n!! TEST_DATABASE_URL / TEST_REDIS_URL not set: the PostgreSQL + Redis suites are SKIPPED (npm test starts them)\n");
}

/** The back-ends available here; in CI both, always. */
export const backends: Backend[] = scaledOut ? [embedded, scaledOut] : [embedded];

/** Creates an empty database next to `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
