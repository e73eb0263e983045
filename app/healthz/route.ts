// Reachability of the database and the live store (Redis when configured), for load balancers
// and operators. 200 when both answer, 503 otherwise.
import { NextResponse } from "next/server";
import { databaseBackend, db } from "@/lib/infra/db/client";
import { liveStore } from "@/lib/infra/store";

export const dynamic = "force-dynamic";

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await probe();
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.message : "unreachable";
  }
}

export async function GET() {
  const [database, store] = await Promise.all([check(() => db().$queryRaw`SELECT 1`), check(() => liveStore().ping())]);
  const healthy = database === "ok" && store === "ok";
  const storeKind = liveStore().kind;
  return NextResponse.json(
    {
      status: healthy ? "ok" : "error",
      database: { backend: databaseBackend(), status: database },
      redis: storeKind === "redis" ? store : "not_configured",
      store: { kind: storeKind, status: store },
    },
    { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
