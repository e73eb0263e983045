// Reachability of the database and the live store (Redis when configured), for load balancers
// and operators. 200 when both answer, 503 otherwise.
import { NextResponse } from "next/server";
import { appContext } from "@/lib/app/context";

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
  const { db, databaseBackend, store } = appContext();
  const [database, storeStatus] = await Promise.all([check(() => db.$queryRaw`SELECT 1`), check(() => store.ping())]);
  const healthy = database === "ok" && storeStatus === "ok";
  return NextResponse.json(
    {
      status: healthy ? "ok" : "error",
      database: { backend: databaseBackend, status: database },
      redis: store.kind === "redis" ? storeStatus : "not_configured",
      store: { kind: store.kind, status: storeStatus },
    },
    { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
