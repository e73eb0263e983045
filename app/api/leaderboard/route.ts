// The leaderboard as JSON, a page at a time: the established players ranked by rating. No login needed.
import { NextResponse } from "next/server";
import { appContext } from "@/lib/app/context";
import { fieldErrors, leaderboardQuerySchema } from "@/lib/protocol/http";
import { apiError, withinHttpBudget } from "@/lib/transport/http/http";

export async function GET(request: Request) {
  const overBudget = await withinHttpBudget(request);
  if (overBudget) return overBudget;
  const query = leaderboardQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const fields = fieldErrors(query.error);
    return apiError(400, "invalid_input", Object.values(fields)[0] ?? "Invalid query", fields);
  }
  const { total, players } = await appContext().leaderboard.page(query.data);
  return NextResponse.json({
    total,
    limit: query.data.limit,
    offset: query.data.offset,
    players: players.map((player) => ({
      rank: player.rank,
      username: player.username,
      rating: player.rating,
      deviation: player.deviation,
      games: player.games,
      wins: player.wins,
      losses: player.losses,
      win_rate: player.winRate,
    })),
  });
}
