// Match rows: created when a duel is accepted, marked playing at the start, written once at the end
// (with the rating change, in the same transaction).
import type { ForfeitReason, PlayerSlot } from "../../domain/lists";
import type { RatingMove } from "../../protocol/game";
import type { Rating } from "../../domain/rating/glicko2";
import { movesRatings, ratedOutcome } from "../../domain/rating/rated-result";
import type { Prisma, PrismaClient } from "../../infra/db/generated/prisma/client";
import { currentRating, type StoredRating } from "./stored-rating";

/** Both players' rating before and after a rated match. */
export type RatingMoves = Record<PlayerSlot, RatingMove>;

export interface MatchResult {
  matchId: number;
  player1Score: number;
  player2Score: number;
  winnerId: number | null;
  status: "finished" | "forfeited";
  forfeitReason: ForfeitReason | null;
  startedAt: Date | null;
  endedAt: Date;
  /** What re-simulates the match (docs/REPLAY.md); null when it has none. */
  replay: StoredReplay | null;
}

/** A replay as the database keeps it: the envelope's own fields come from the match row. */
export interface StoredReplay {
  version: number;
  ticks: number;
  inputs: Uint8Array<ArrayBuffer>;
}

export function matchRepo(db: PrismaClient) {
  return {
    async createDuelRow(player1Id: number, player2Id: number, pointsToWin: number, rated: boolean) {
      return db.match.create({ data: { player1Id, player2Id, pointsToWin, rated }, select: { id: true } });
    },

    /** A practice match: the human is player 1, the AI player 2; never rated. */
    async createPracticeRow(humanId: number, aiId: number, pointsToWin: number) {
      return db.match.create({ data: { player1Id: humanId, player2Id: aiId, pointsToWin, rated: false, practice: true }, select: { id: true } });
    },

    async markPlaying(matchId: number, startedAt: Date): Promise<void> {
      await db.match.updateMany({ where: { id: matchId, status: "created" }, data: { status: "playing", startedAt } });
    },

    /**
     * Writes the result unless one is already there: the first result stands. The rating change
     * is written in the same transaction, so it is applied exactly when the result is: once.
     */
    async recordResult(result: MatchResult): Promise<RatingMoves | null> {
      await db.$transaction(async (tx) => {
        const { count } = await tx.match.updateMany({
          where: { id: result.matchId, status: { in: ["created", "playing"] } },
          data: {
            player1Score: result.player1Score,
            player2Score: result.player2Score,
            winnerId: result.winnerId,
            status: result.status,
            forfeitReason: result.forfeitReason,
            startedAt: result.startedAt,
            endedAt: result.endedAt,
          },
        });
        if (count !== 1) return;
        await applyRatings(tx, result);
        if (result.replay) await tx.matchReplay.create({ data: { matchId: result.matchId, ...result.replay } });
      });
      // Read back rather than returned from the transaction: a retry after a crash hears the change too.
      const stored = await db.match.findUnique({
        where: { id: result.matchId },
        select: { player1RatingBefore: true, player1RatingAfter: true, player2RatingBefore: true, player2RatingAfter: true },
      });
      if (!stored) return null;
      const { player1RatingBefore, player1RatingAfter, player2RatingBefore, player2RatingAfter } = stored;
      if (player1RatingBefore === null || player1RatingAfter === null || player2RatingBefore === null || player2RatingAfter === null) return null;
      return { player1: { before: player1RatingBefore, after: player1RatingAfter }, player2: { before: player2RatingBefore, after: player2RatingAfter } };
    },

    /**
     * Ends every duel still open, with no winner and the reason "interrupted". For the embedded
     * default at start: its live state was in memory, so duels under way died with the previous
     * process. (Tournament matches are recreated instead: see the tournaments' resume.)
     */
    async callOffOpenDuels(): Promise<number> {
      const { count } = await db.match.updateMany({
        where: { tournamentId: null, status: { in: ["created", "playing"] } },
        data: { status: "forfeited", forfeitReason: "interrupted", winnerId: null, endedAt: new Date() },
      });
      return count;
    },

    /** A finished match's replay with what its envelope needs from the match row; null when it has none. */
    async findReplay(matchId: number) {
      return db.matchReplay.findUnique({
        where: { matchId },
        select: { version: true, ticks: true, inputs: true, match: { select: { pointsToWin: true, player1Score: true, player2Score: true } } },
      });
    },

    async find(matchId: number) {
      return db.match.findUnique({
        where: { id: matchId },
        include: { player1: { select: { id: true, username: true } }, player2: { select: { id: true, username: true } }, winner: { select: { username: true } } },
      });
    },
  };
}

export type MatchRepo = ReturnType<typeof matchRepo>;

type RatedUser = StoredRating & { id: number };

async function applyRatings(tx: Prisma.TransactionClient, result: MatchResult): Promise<void> {
  const match = await tx.match.findUniqueOrThrow({ where: { id: result.matchId }, select: { rated: true, player1Id: true, player2Id: true } });
  const { player1Id, player2Id } = match;
  if (!match.rated || player2Id === null) return;
  const winner = result.winnerId === player1Id ? "player1" : result.winnerId === player2Id ? "player2" : null;
  if (!movesRatings({ status: result.status, forfeitReason: result.forfeitReason, winner }) || !winner) return;

  // Locked in id order: a player's rating is read and written by one result at a time.
  const rows = await tx.$queryRaw<RatedUser[]>`SELECT id, rating, rating_deviation AS "ratingDeviation", rating_volatility AS "ratingVolatility", rated_at AS "ratedAt" FROM users WHERE id IN (${player1Id}, ${player2Id}) ORDER BY id FOR UPDATE`;
  const now = result.endedAt;
  const current = (id: number): Rating => {
    return currentRating(rows.find((candidate) => candidate.id === id)!, now);
  };
  const before = { player1: current(player1Id), player2: current(player2Id) };
  const after = ratedOutcome(before.player1, before.player2, winner);
  for (const [id, rating] of [[player1Id, after.player1], [player2Id, after.player2]] as const) {
    await tx.user.update({
      where: { id },
      data: { rating: rating.rating, ratingDeviation: rating.deviation, ratingVolatility: rating.volatility, ratedGames: { increment: 1 }, ratedAt: now },
    });
  }
  await tx.match.update({
    where: { id: result.matchId },
    data: { player1RatingBefore: before.player1.rating, player1RatingAfter: after.player1.rating, player2RatingBefore: before.player2.rating, player2RatingAfter: after.player2.rating },
  });
}
