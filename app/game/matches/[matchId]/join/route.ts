// The seed's join: a player learns their slot in a match; anyone else is refused.
import { NextResponse } from "next/server";
import { apiError, parseIdParam, requireUser } from "@/lib/transport/http/http";
import { appContext } from "@/lib/app/context";

export async function POST(_request: Request, { params }: { params: Promise<{ matchId: string }> }) {
  const auth = await requireUser();
  if ("response" in auth) return auth.response;
  const id = parseIdParam((await params).matchId);
  if ("response" in id) return id.response;
  const match = await appContext().matchRows.find(id.id);
  if (!match) return apiError(404, "not_found", "No such match");
  const player = match.player1Id === auth.user.id ? "player1" : match.player2Id === auth.user.id ? "player2" : null;
  if (!player) return apiError(403, "not_a_player", "Only the match's players can join it; others can watch it");
  if (match.status === "finished" || match.status === "forfeited") return apiError(409, "match_over", "This match is over");
  return NextResponse.json({ match_id: match.id, player });
}
