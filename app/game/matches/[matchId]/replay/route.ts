// A match's replay (docs/REPLAY.md): what re-simulates it exactly. A finished match's never
// changes; a live match's is recorded up to its latest snapshot.
import { NextResponse } from "next/server";
import { appContext } from "@/lib/app/context";
import { apiError, parseIdParam, withinHttpBudget } from "@/lib/transport/http/http";

export async function GET(request: Request, { params }: { params: Promise<{ matchId: string }> }) {
  const overBudget = await withinHttpBudget(request);
  if (overBudget) return overBudget;
  const id = parseIdParam((await params).matchId);
  if ("response" in id) return id.response;
  const replay = await appContext().matches.replay(id.id);
  if (!replay) return apiError(404, "no_replay", "This match has no replay: it does not exist, never started, or is not recorded");
  return NextResponse.json(replay, { headers: { "Cache-Control": replay.live ? "no-store" : "public, max-age=86400, immutable" } });
}
