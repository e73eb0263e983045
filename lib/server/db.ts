// The process's one Prisma client. It lives on globalThis because Next bundles route handlers
// apart from server.ts: a module-level variable would exist once per bundle (and PGlite can
// only be opened once per data directory).
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";

interface Database {
  prisma: PrismaClient;
  backend: "pglite" | "postgresql";
  close(): Promise<void>;
}

const holder = globalThis as typeof globalThis & { __pongDatabase?: Database };

/** The Prisma client opened by openDatabase() at start. */
export function db(): PrismaClient {
  const database = holder.__pongDatabase;
  if (!database) throw new Error("The database is not open: start the app with server.ts");
  return database.prisma;
}

export function databaseBackend(): Database["backend"] | undefined {
  return holder.__pongDatabase?.backend;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  log?: (line: string) => void;
}

/** Opens the database for this process, applying pending migrations first. */
export async function openDatabase(options: DatabaseOptions): Promise<PrismaClient> {
  if (holder.__pongDatabase) return holder.__pongDatabase.prisma;
  const { applyMigrations } = await import("./migrate");
  const log = options.log ?? (() => {});
  let adapter: SqlMigrationAwareDriverAdapterFactory;
  let database: Omit<Database, "prisma">;

  if (options.databaseUrl) {
    const [{ PrismaPg }, { withMigrationLock }] = await Promise.all([import("@prisma/adapter-pg"), import("./migration-lock")]);
    adapter = new PrismaPg({ connectionString: options.databaseUrl });
    const applied = await withMigrationLock(options.databaseUrl, () => applyMigrations(adapter));
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
    database = { backend: "postgresql", close: async () => {} };
  } else {
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
    const pglite = await PGlite.create(path.resolve(options.dataDir, "pglite"));
    adapter = new PrismaPGlite(pglite);
    const applied = await applyMigrations(adapter);
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
    database = { backend: "pglite", close: () => pglite.close() };
  }

  const prisma = new PrismaClient({ adapter });
  const closeDriver = database.close;
  holder.__pongDatabase = {
    ...database,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
  return prisma;
}

export async function closeDatabase(): Promise<void> {
  const database = holder.__pongDatabase;
  holder.__pongDatabase = undefined;
  await database?.close();
}
