// A match as JSON: players, scores, status, winner, forfeit reason, times.
import { NextResponse } from "next/server";
import { apiError, parseIdParam, withinHttpBudget } from "@/lib/transport/http/http";
import { appContext } from "@/lib/app/context";

export async function GET(request: Request, { params }: { params: Promise<{ matchId: string }> }) {
  const overBudget = await withinHttpBudget(request);
  if (overBudget) return overBudget;
  const id = parseIdParam((await params).matchId);
  if ("response" in id) return id.response;
  const match = await appContext().matchRows.find(id.id);
  if (!match) return apiError(404, "not_found", "No such match");
  return NextResponse.json({
    match_id: match.id,
    tournament_id: match.tournamentId,
    status: match.status,
    player1: { id: match.player1.id, username: match.player1.username, score: match.player1Score },
    player2: match.player2 && { id: match.player2.id, username: match.player2.username, score: match.player2Score },
    points_to_win: match.pointsToWin,
    winner: match.winner?.username ?? null,
    forfeit_reason: match.forfeitReason,
    created_at: match.createdAt,
    started_at: match.startedAt,
    ended_at: match.endedAt,
  });
}
