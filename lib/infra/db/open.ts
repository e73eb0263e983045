// Opens the database at start (server.ts only: Next's bundles never import this file, so the
// Wasm migration engine and the drivers stay out of them).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Database } from "./client";
import { PrismaClient } from "./generated/prisma/client";
import { applyMigrations } from "./migrate";

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite's directory (its data goes in `<dataDir>/pglite`); unset: a database in memory (tests). */
  dataDir?: string;
  log?: (line: string) => void;
}

/** Opens the database for this process, applying pending migrations first. PGlite can be opened once per directory. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const log = options.log ?? (() => {});
  let adapter: SqlMigrationAwareDriverAdapterFactory;
  let database: Omit<Database, "prisma" | "onQuery">;

  if (options.databaseUrl) {
    const [{ PrismaPg }, { withMigrationLock }] = await Promise.all([import("@prisma/adapter-pg"), import("./migration-lock")]);
    adapter = new PrismaPg({ connectionString: options.databaseUrl });
    const applied = await withMigrationLock(options.databaseUrl, () => applyMigrations(adapter));
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
    database = { backend: "postgresql", close: async () => {} };
  } else {
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
    const directory = options.dataDir === undefined ? undefined : path.resolve(options.dataDir, "pglite");
    if (directory) await mkdir(directory, { recursive: true });
    const pglite = await PGlite.create(directory);
    adapter = new PrismaPGlite(pglite);
    const applied = await applyMigrations(adapter);
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
    database = { backend: "pglite", close: () => pglite.close() };
  }

  // Query events carry each query's duration: the metrics' database latency.
  const prisma = new PrismaClient({ adapter, log: [{ level: "query", emit: "event" }] });
  const closeDriver = database.close;
  return {
    ...database,
    prisma,
    onQuery: (listener) => prisma.$on("query", (event) => listener(event.duration / 1000)),
    close: async () => {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
