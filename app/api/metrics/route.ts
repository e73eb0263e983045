// Match-loop health for operators and the load script: matches run here, ticks, tick lateness.
import { NextResponse } from "next/server";
import { appContext } from "@/lib/app/context";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json(await appContext().host.stats(), { headers: { "cache-control": "no-store" } });
}
