// Match boundaries that touch both the database and the live store: creating a duel match from an
// accepted challenge, marking it started, and writing its result exactly once.
import type { LiveMatch } from "../domain/game/lifecycle";
import { env } from "../env";
import { recordChallengeMatch, redeemAcceptedChallenge } from "./challenges";
import { saveNewMatch } from "../engine/match-store";
import { markInGame, markOutOfGame } from "./presence";
import type { LiveStore } from "../infra/store/types";
import { createMatchRow, markMatchPlaying, recordMatchResult } from "./repos/matches";
import { findUserByUsername } from "./repos/users";
import { tournamentMatchFinished } from "./tournaments/service";

/** The timeouts every new match gets from the settings. */
export function matchTimeouts(): { registerTimeoutMs: number; reconnectGraceMs: number; pauseBudgetMs: number } {
  const config = env();
  return { registerTimeoutMs: config.REGISTER_TIMEOUT_MS, reconnectGraceMs: config.RECONNECT_GRACE_MS, pauseBudgetMs: config.PAUSE_BUDGET_MS };
}

export type CreateDuelResult = { ok: true; matchId: number } | { ok: false; status: 403 | 404; code: string; message: string };

/** The challenged player creates the match of a challenge they accepted (the seed's create_match). */
export async function createDuelMatch(store: LiveStore, target: { id: number; name: string }, opponentName: string): Promise<CreateDuelResult> {
  const challenger = await findUserByUsername(opponentName);
  if (!challenger) return { ok: false, status: 404, code: "unknown_user", message: `No player is called "${opponentName}"` };
  const challengeId = await redeemAcceptedChallenge(store, challenger.id, target.id);
  if (!challengeId) return { ok: false, status: 403, code: "no_accepted_challenge", message: `You have no accepted challenge from ${challenger.username}` };

  const config = env();
  const { id: matchId } = await createMatchRow(challenger.id, target.id, config.POINTS_TO_WIN);
  await saveNewMatch(store, {
    matchId,
    player1: { id: challenger.id, username: challenger.username },
    player2: { id: target.id, username: target.name },
    pointsToWin: config.POINTS_TO_WIN,
    ...matchTimeouts(),
  });
  await recordChallengeMatch(store, challengeId, matchId);
  await markInGame(store, [challenger.id, target.id], matchId);
  return { ok: true, matchId };
}

export async function matchStarted(match: LiveMatch): Promise<void> {
  await markMatchPlaying(match.matchId, new Date(match.startedAt ?? Date.now()));
}

/**
 * Writes the result once, frees the players and advances the tournament. The last two also run
 * when the result was already written (by a process that stopped right after, or whose write
 * committed but whose answer was lost): both are idempotent.
 */
export async function matchFinished(store: LiveStore, match: LiveMatch): Promise<void> {
  const { player1, player2 } = match.sim.paddles;
  await recordMatchResult({
    matchId: match.matchId,
    player1Score: player1.score,
    player2Score: player2.score,
    winnerId: match.winner === null ? null : match.players[match.winner].id,
    status: match.status === "finished" ? "finished" : "forfeited",
    forfeitReason: match.forfeitReason,
    startedAt: match.startedAt === null ? null : new Date(match.startedAt),
    endedAt: new Date(match.endedAt ?? Date.now()),
  });
  await markOutOfGame(store, [match.players.player1.id, match.players.player2.id]);
  if (match.tournamentId !== null) await tournamentMatchFinished(match.matchId);
}
