// The database as the app holds it: one Prisma client per process, opened by openDatabase (open.ts).
import type { PrismaClient } from "./generated/prisma/client";

export interface Database {
  prisma: PrismaClient;
  backend: "pglite" | "postgresql";
  /** Tells `listener` the duration of every query (seconds), for the metrics. */
  onQuery(listener: (seconds: number) => void): void;
  close(): Promise<void>;
}
