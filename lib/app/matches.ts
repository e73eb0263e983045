// Match boundaries that touch both the database and the live store: creating a duel match from an
// accepted challenge, marking it started, and writing its result exactly once.
import type { LiveMatch } from "../domain/game/lifecycle";
import type { ReplayEnvelope } from "../domain/replay";
import { asForfeitReason, isOverStatus, type PlayerSlot } from "../domain/lists";
import type { Env } from "../env";
import type { LiveStore } from "../infra/store/types";
import { recordChallengeMatch, redeemAcceptedChallenge } from "./challenge-store";
import { openMatch } from "./open-match";
import type { MatchHost, MatchNotifier } from "./ports";
import { isBusy, markOutOfGame } from "./presence";
import type { MatchRepo } from "./repos/matches";
import type { UserRepo } from "./repos/users";

type Refused = { ok: false; status: 403 | 404 | 409; code: string; message: string };
export type CreateDuelResult = { ok: true; matchId: number } | Refused;
export type PlayerSlotResult = { ok: true; player: PlayerSlot } | Refused;

export interface MatchServiceDeps {
  config: Env;
  store: LiveStore;
  users: UserRepo;
  matchRows: MatchRepo;
  host: MatchHost;
  notifier: MatchNotifier;
}

export function createMatchService({ config, store, users, matchRows, host, notifier }: MatchServiceDeps) {
  return {
    /** The challenged player creates the match of a challenge they accepted (the seed's create_match). */
    async createDuel(target: { id: number; name: string }, opponentName: string): Promise<CreateDuelResult> {
      const challenger = await users.findByUsername(opponentName);
      if (!challenger) return { ok: false, status: 404, code: "unknown_user", message: `No player is called "${opponentName}"` };
      // Either may have entered another match since the accept (a pairing, a tournament's): one match at a time.
      if (await isBusy(store, target.id)) return { ok: false, status: 409, code: "in_match", message: "Finish your current match first" };
      if (await isBusy(store, challenger.id)) return { ok: false, status: 409, code: "busy", message: `${challenger.username} is in a match` };
      const accepted = await redeemAcceptedChallenge(store, challenger.id, target.id);
      if (!accepted) return { ok: false, status: 403, code: "no_accepted_challenge", message: `You have no accepted challenge from ${challenger.username}` };

      const { id: matchId } = await matchRows.createDuelRow(challenger.id, target.id, config.POINTS_TO_WIN, accepted.rated);
      await openMatch({ host, store, config }, {
        matchId,
        player1: { id: challenger.id, username: challenger.username },
        player2: { id: target.id, username: target.name },
        pointsToWin: config.POINTS_TO_WIN,
      });
      await recordChallengeMatch(store, accepted.id, matchId);
      return { ok: true, matchId };
    },

    /** A match as the API shows it (GET /game/matches/<id>/): players, scores, status, winner, times; null when there is none. */
    async json(matchId: number) {
      const match = await matchRows.find(matchId);
      return (
        match && {
          match_id: match.id,
          tournament_id: match.tournamentId,
          status: match.status,
          player1: { id: match.player1.id, username: match.player1.username, score: match.player1Score, rating_before: match.player1RatingBefore, rating_after: match.player1RatingAfter },
          player2: match.player2 && { id: match.player2.id, username: match.player2.username, score: match.player2Score, rating_before: match.player2RatingBefore, rating_after: match.player2RatingAfter },
          points_to_win: match.pointsToWin,
          rated: match.rated,
          practice: match.practice,
          winner: match.winner?.username ?? null,
          forfeit_reason: asForfeitReason(match.forfeitReason),
          created_at: match.createdAt.toISOString(),
          started_at: match.startedAt?.toISOString() ?? null,
          ended_at: match.endedAt?.toISOString() ?? null,
        }
      );
    },

    /**
     * A match's replay (docs/REPLAY.md): a finished match's from the database; a match still
     * being played, recorded so far (`live: true`, for spectators to rewind). Null: none.
     */
    async replay(matchId: number): Promise<(ReplayEnvelope & { live: boolean }) | null> {
      const stored = await matchRows.findReplay(matchId);
      if (stored) {
        const { version, ticks, inputs, match } = stored;
        return {
          version: version as ReplayEnvelope["version"],
          seed: matchId,
          points_to_win: match.pointsToWin,
          ticks,
          final_score: { player1: match.player1Score, player2: match.player2Score },
          inputs: Buffer.from(inputs).toString("base64"),
          live: false,
        };
      }
      const live = await host.liveReplay(matchId);
      return live && { ...live, live: true };
    },

    /** The seed's join: a match's player learns their slot; anyone else, or anyone once it is over, is refused. */
    async playerSlot(userId: number, matchId: number): Promise<PlayerSlotResult> {
      const match = await matchRows.find(matchId);
      if (!match) return { ok: false, status: 404, code: "not_found", message: "No such match" };
      const player = match.player1Id === userId ? "player1" : match.player2Id === userId ? "player2" : null;
      if (!player) return { ok: false, status: 403, code: "not_a_player", message: "Only the match's players can join it; others can watch it" };
      if (isOverStatus(match.status)) return { ok: false, status: 409, code: "match_over", message: "This match is over" };
      return { ok: true, player };
    },

    async started(match: LiveMatch): Promise<void> {
      await matchRows.markPlaying(match.matchId, new Date(match.startedAt ?? Date.now()));
    },

    /**
     * Writes the result once and frees the players. The second part also runs when the result
     * was already written (by a process that stopped right after, or whose write committed but
     * whose answer was lost): it is idempotent, as the tournament hook after it must be.
     */
    async finished(match: LiveMatch, replay: ReplayEnvelope | null): Promise<void> {
      const { player1, player2 } = match.sim.paddles;
      const ratings = await matchRows.recordResult({
        matchId: match.matchId,
        player1Score: player1.score,
        player2Score: player2.score,
        winnerId: match.winner === null ? null : match.players[match.winner].id,
        status: match.status === "finished" ? "finished" : "forfeited",
        forfeitReason: match.forfeitReason,
        startedAt: match.startedAt === null ? null : new Date(match.startedAt),
        endedAt: new Date(match.endedAt ?? Date.now()),
        // A match that never started play has nothing to watch.
        replay: replay && match.startedAt !== null ? { version: replay.version, ticks: replay.ticks, inputs: new Uint8Array(Buffer.from(replay.inputs, "base64")) } : null,
      });
      await markOutOfGame(store, [match.players.player1.id, match.players.player2.id]);
      // Live on the result screen of both players and every spectator, wherever they are connected.
      if (ratings) notifier.rated({ type: "match_rated", match_id: match.matchId, ...ratings });
    },
  };
}

export type MatchService = ReturnType<typeof createMatchService>;
