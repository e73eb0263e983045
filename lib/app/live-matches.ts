// The lobby's "Live now" list: each match's owner keeps a one-line summary in the store and
// announces changes; every process pushes the fresh list to its own /chat sockets.
import type { LiveMatch } from "../domain/game/lifecycle";
import type { LiveMatchesMessage, LiveMatchSummary } from "../protocol/chat";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";

export function summarize(match: LiveMatch, spectators: number): LiveMatchSummary | null {
  if (match.status === "finished" || match.status === "forfeited") return null;
  return {
    match_id: match.matchId,
    tournament_id: match.tournamentId,
    player1: match.players.player1.username,
    player2: match.players.player2.username,
    score1: match.sim.paddles.player1.score,
    score2: match.sim.paddles.player2.score,
    status: match.status,
    spectators,
  };
}

/** Records (or, with null, removes) a match's line and tells every process. */
export async function publishLiveSummary(store: LiveStore, matchId: number, summary: LiveMatchSummary | null): Promise<void> {
  if (summary) await store.hashSet(keys.liveSummaries, String(matchId), JSON.stringify(summary));
  else await store.hashDelete(keys.liveSummaries, String(matchId));
  await store.publish(keys.liveChannel, "");
}

export async function liveMatchesList(store: LiveStore): Promise<LiveMatchesMessage> {
  const matches = Object.values(await store.hashGetAll(keys.liveSummaries))
    .map((raw) => JSON.parse(raw) as LiveMatchSummary)
    .sort((a, b) => b.match_id - a.match_id);
  return { type: "live_matches", matches };
}
