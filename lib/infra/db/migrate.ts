// Applies prisma/migrations at start, offline, with the Wasm schema engine. Records them in
// `_prisma_migrations` exactly like `prisma migrate deploy`, so both stay interchangeable.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { openSchemaEngine } from "./schema-engine";

export const prismaDir = path.join(fileURLToPath(new URL("../../..", import.meta.url)), "prisma");
const migrationsDir = path.join(prismaDir, "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

export async function readSchema(): Promise<string> {
  return readFile(path.join(prismaDir, "schema.prisma"), "utf8");
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8")
            .then((sql) => ({ tag: "ok" as const, value: sql }))
            .catch((error: Error) => ({ tag: "error" as const, value: error.message })),
        },
      })),
    ),
  };
}

/** Applies every pending migration; returns the names it applied. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(adapterFactory, await readSchema());
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: await readMigrationList(), filters: noFilters });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}
