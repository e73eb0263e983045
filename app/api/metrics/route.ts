// Match-loop health for operators and the load script: matches run here, ticks, tick lateness.
import { NextResponse } from "next/server";
import { realtime } from "@/lib/transport/socketio/registry";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json(await realtime().runner.stats(), { headers: { "cache-control": "no-store" } });
}
