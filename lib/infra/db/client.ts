// The process's one Prisma client. It lives on globalThis because Next bundles route handlers
// apart from server.ts: a module-level variable would exist once per bundle (and PGlite can
// only be opened once per data directory).
import type { PrismaClient } from "./generated/prisma/client";

export interface Database {
  prisma: PrismaClient;
  backend: "pglite" | "postgresql";
  close(): Promise<void>;
}

export const holder = globalThis as typeof globalThis & { __pongDatabase?: Database };

/** The Prisma client opened by openDatabase() (open-database.ts) at start. */
export function db(): PrismaClient {
  const database = holder.__pongDatabase;
  if (!database) throw new Error("The database is not open: start the app with server.ts");
  return database.prisma;
}

export function databaseBackend(): Database["backend"] | undefined {
  return holder.__pongDatabase?.backend;
}

export async function closeDatabase(): Promise<void> {
  const database = holder.__pongDatabase;
  holder.__pongDatabase = undefined;
  await database?.close();
}
