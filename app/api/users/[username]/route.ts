// A player's public card: when they joined, their rating, wins, losses and tournaments won. No login needed.
import { NextResponse } from "next/server";
import { appContext } from "@/lib/app/context";
import { apiError, withinHttpBudget } from "@/lib/transport/http/http";
import { textParam } from "@/lib/transport/http/params";

export async function GET(request: Request, { params }: { params: Promise<{ username: string }> }) {
  const overBudget = await withinHttpBudget(request);
  if (overBudget) return overBudget;
  const name = textParam((await params).username);
  const { users, tournaments } = appContext();
  const user = name === null ? null : await users.findByUsername(name);
  if (!user) return apiError(404, "not_found", "No such player");
  const [rating, record, titles] = await Promise.all([users.rating(user.id), users.record(user.id), tournaments.wonBy(user.id)]);
  if (!rating) return apiError(404, "not_found", "No such player");
  return NextResponse.json({
    username: user.username,
    ai_level: user.aiLevel,
    joined_at: user.createdAt.toISOString(),
    rating,
    wins: record.wins,
    losses: record.losses,
    tournaments_won: titles.length,
  });
}
