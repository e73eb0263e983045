// Match-loop health as JSON, for the load script (npm run bench) and the tests: percentiles over
// the last minute, which Prometheus's histograms (GET /metrics) do not give as such.
import { NextResponse } from "next/server";
import { appContext } from "@/lib/app/context";
import { env } from "@/lib/env";
import { METRICS_REFUSAL, metricsAllowed } from "@/lib/transport/http/metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!metricsAllowed(request.headers.get("authorization"), env().METRICS_TOKEN)) return NextResponse.json(METRICS_REFUSAL, { status: 401, headers: { "www-authenticate": "Bearer" } });
  return NextResponse.json(await appContext().host.stats(), { headers: { "cache-control": "no-store" } });
}
