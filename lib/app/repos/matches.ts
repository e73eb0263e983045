// Match rows: created when a duel is accepted, marked playing at the start, written once at the end.
import type { ForfeitReason } from "../../domain/lists";
import type { PrismaClient } from "../../infra/db/generated/prisma/client";

export interface MatchResult {
  matchId: number;
  player1Score: number;
  player2Score: number;
  winnerId: number | null;
  status: "finished" | "forfeited";
  forfeitReason: ForfeitReason | null;
  startedAt: Date | null;
  endedAt: Date;
}

export function matchRepo(db: PrismaClient) {
  return {
    async createDuelRow(player1Id: number, player2Id: number, pointsToWin: number) {
      return db.match.create({ data: { player1Id, player2Id, pointsToWin }, select: { id: true } });
    },

    async markPlaying(matchId: number, startedAt: Date): Promise<void> {
      await db.match.updateMany({ where: { id: matchId, status: "created" }, data: { status: "playing", startedAt } });
    },

    /** Writes the result unless one is already there: the first result stands. */
    async recordResult(result: MatchResult): Promise<void> {
      await db.match.updateMany({
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

    async find(matchId: number) {
      return db.match.findUnique({
        where: { id: matchId },
        include: { player1: { select: { id: true, username: true } }, player2: { select: { id: true, username: true } }, winner: { select: { username: true } } },
      });
    },
  };
}

export type MatchRepo = ReturnType<typeof matchRepo>;
