// The tournament as JSON: status, creator, players, rounds with their matches, winner.
import { NextResponse } from "next/server";
import { apiError, parseIdParam, withinHttpBudget } from "@/lib/transport/http/http";
import { appContext } from "@/lib/app/context";

export async function GET(request: Request, { params }: { params: Promise<{ tournamentId: string }> }) {
  const overBudget = await withinHttpBudget(request);
  if (overBudget) return overBudget;
  const id = parseIdParam((await params).tournamentId);
  if ("response" in id) return id.response;
  const tournament = await appContext().tournaments.json(id.id);
  if (!tournament) return apiError(404, "not_found", "No such tournament");
  return NextResponse.json(tournament);
}
