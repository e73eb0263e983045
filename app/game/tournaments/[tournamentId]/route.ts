// The tournament as JSON: status, creator, players, rounds with their matches, winner.
import { tournamentAnswer } from "@/lib/transport/http/answers";
import { parseIdParam, send, withinHttpBudget } from "@/lib/transport/http/http";
import { appContext } from "@/lib/app/context";

export async function GET(request: Request, { params }: { params: Promise<{ tournamentId: string }> }) {
  const overBudget = await withinHttpBudget(request);
  if (overBudget) return overBudget;
  const id = parseIdParam((await params).tournamentId);
  if ("response" in id) return id.response;
  return send(tournamentAnswer(await appContext().tournaments.json(id.id)));
}
