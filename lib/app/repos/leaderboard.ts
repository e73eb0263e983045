// The leaderboard: established players (deviation at most 110 as of now, at least one rated game)
// ranked by rating. Used by GET /api/leaderboard/ and the /leaderboard/ page.
import { isProvisional, PROVISIONAL_DEVIATION } from "../../domain/rating/glicko2";
import { winRate } from "../../domain/rating/stats";
import type { PrismaClient } from "../../infra/db/generated/prisma/client";
import { currentRating, STORED_RATING_COLUMNS } from "./stored-rating";

export interface LeaderboardEntry {
  rank: number;
  username: string;
  rating: number;
  deviation: number;
  /** Rated games; wins and losses are over those games. */
  games: number;
  wins: number;
  losses: number;
  /** wins / games, 0 to 1. */
  winRate: number;
}

export interface LeaderboardPage {
  /** How many players the whole leaderboard has. */
  total: number;
  players: LeaderboardEntry[];
}

/** Where a player stands: their rank and neighbours, or why they have none yet. */
export type Standing = { ranked: true; rank: number; neighbours: LeaderboardEntry[] } | { ranked: false; games: number; rating: number };

/** Players shown on each side of the viewer in "around me". */
const NEIGHBOURS = 2;

interface Ranked {
  id: number;
  username: string;
  rating: number;
  deviation: number;
  games: number;
}

export function leaderboardRepo(db: PrismaClient) {
  /**
   * Every established player, best first. A stored deviation only grows with inactivity, so the
   * query keeps those at most 110 when stored, and currentRating drops those who have since idled past it:
   * the inactivity rule stays in one place (the domain) rather than copied into SQL.
   */
  async function ranked(now: Date): Promise<Ranked[]> {
    const rows = await db.user.findMany({
      where: { ratedGames: { gt: 0 }, ratingDeviation: { lte: PROVISIONAL_DEVIATION } },
      orderBy: [{ rating: "desc" }, { usernameLower: "asc" }],
      select: { id: true, username: true, ratedGames: true, ...STORED_RATING_COLUMNS },
    });
    return rows.flatMap((row) => {
      const current = currentRating(row, now);
      return isProvisional(current) ? [] : [{ id: row.id, username: row.username, rating: current.rating, deviation: current.deviation, games: row.ratedGames }];
    });
  }

  /** The entries for `players` (from offset `first`), with wins counted over their rated games. */
  async function entries(players: Ranked[], first: number): Promise<LeaderboardEntry[]> {
    if (players.length === 0) return [];
    // A rated match that moved ratings has both "after" values: its winner won a rated game.
    const won = await db.match.groupBy({
      by: ["winnerId"],
      where: { winnerId: { in: players.map((player) => player.id) }, player1RatingAfter: { not: null } },
      _count: { _all: true },
    });
    const winsOf = new Map(won.map((row) => [row.winnerId, row._count._all]));
    return players.map((player, index) => {
      const wins = winsOf.get(player.id) ?? 0;
      return { rank: first + index + 1, username: player.username, rating: player.rating, deviation: player.deviation, games: player.games, wins, losses: player.games - wins, winRate: winRate(wins, player.games) ?? 0 };
    });
  }

  return {
    async page({ limit, offset }: { limit: number; offset: number }, now = new Date()): Promise<LeaderboardPage> {
      const all = await ranked(now);
      return { total: all.length, players: await entries(all.slice(offset, offset + limit), offset) };
    },

    /** The player's rank with a few players either side, or their rated games so far when they are not on it. */
    async standing(userId: number, now = new Date()): Promise<Standing | null> {
      const all = await ranked(now);
      const index = all.findIndex((player) => player.id === userId);
      if (index === -1) {
        const user = await db.user.findUnique({ where: { id: userId }, select: { ratedGames: true, ...STORED_RATING_COLUMNS } });
        return user && { ranked: false, games: user.ratedGames, rating: currentRating(user, now).rating };
      }
      const first = Math.max(0, index - NEIGHBOURS);
      return { ranked: true, rank: index + 1, neighbours: await entries(all.slice(first, index + NEIGHBOURS + 1), first) };
    },
  };
}

export type LeaderboardRepo = ReturnType<typeof leaderboardRepo>;
