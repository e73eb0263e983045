// A match as JSON: players, scores, status, winner, forfeit reason, times.
import { NextResponse } from "next/server";
import { appContext } from "@/lib/app/context";
import { apiError, parseIdParam, withinHttpBudget } from "@/lib/transport/http/http";

export async function GET(request: Request, { params }: { params: Promise<{ matchId: string }> }) {
  const overBudget = await withinHttpBudget(request);
  if (overBudget) return overBudget;
  const id = parseIdParam((await params).matchId);
  if ("response" in id) return id.response;
  const match = await appContext().matches.json(id.id);
  if (!match) return apiError(404, "not_found", "No such match");
  return NextResponse.json(match);
}
