// User queries used by pages, route handlers and the auth provider.
import { hash, verify } from "@node-rs/argon2";
import { asForfeitReason, type ForfeitReason } from "../../domain/lists";
import { isProvisional } from "../../domain/rating/glicko2";
import { Prisma, type PrismaClient } from "../../infra/db/generated/prisma/client";
import { currentRating, STORED_RATING_COLUMNS } from "./stored-rating";

export interface PublicUser {
  id: number;
  username: string;
  createdAt: Date;
  /** The AI's level for its system users (docs/PROTOCOL.md), else null. */
  aiLevel: number | null;
}

const publicFields = { id: true, username: true, createdAt: true, aiLevel: true } as const;

/**
 * Whether an account could have this name. PostgreSQL text cannot hold NUL (a query with one
 * fails), and usernameSchema never lets one in: such a name is nobody's, answered without asking.
 */
const mayBeAUsername = (name: string) => !name.includes("\u0000");

export interface UserRecord {
  wins: number;
  losses: number;
}

/** A player's Glicko-2 rating as of now (the deviation grown by the days since their last rated game). */
export interface RatingSummary {
  value: number;
  deviation: number;
  volatility: number;
  provisional: boolean;
  games: number;
}

export interface MatchSummary {
  id: number;
  opponent: string | null;
  ownScore: number;
  opponentScore: number;
  won: boolean;
  status: "finished" | "forfeited";
  forfeitReason: ForfeitReason | null;
  endedAt: Date | null;
  tournamentId: number | null;
  /** The player's rating before and after, when the match moved ratings. */
  rating: { before: number; after: number } | null;
  /** Against the AI: never rated, not in the human's wins and losses. */
  practice: boolean;
  /** Whether it has a replay (it was played, and recorded). */
  hasReplay: boolean;
}

/** One rated game of a player, for their profile's chart, streak and peak. */
export interface RatedGame {
  matchId: number;
  endedAt: Date | null;
  won: boolean;
  ratingBefore: number;
  ratingAfter: number;
}

/** A rated match's row: both "after" values are written together, with the result. */
const movedRatings = { player1RatingAfter: { not: null } } as const;

export function userRepo(db: PrismaClient) {
  return {
    /**
     * The new account, or "taken". An answer rather than an error class: route handlers are
     * bundled apart from the code that builds this repo, so their copy of a class would not match.
     */
    async create(username: string, password: string): Promise<{ ok: true; user: PublicUser } | { ok: false; reason: "taken" }> {
      const passwordHash = await hash(password);
      try {
        const user = await db.user.create({ data: { username, usernameLower: username.toLowerCase(), passwordHash }, select: publicFields });
        return { ok: true, user };
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "taken" };
        throw error;
      }
    },

    /** The user when the password matches, else null (same answer for unknown user and wrong password). */
    async verifyCredentials(username: string, password: string): Promise<PublicUser | null> {
      if (!mayBeAUsername(username)) return null;
      const user = await db.user.findUnique({ where: { usernameLower: username.toLowerCase() } });
      // Nobody logs in as the AI (its stored hash is no hash at all).
      if (!user || user.aiLevel !== null || !(await verify(user.passwordHash, password))) return null;
      return { id: user.id, username: user.username, createdAt: user.createdAt, aiLevel: null };
    },

    async findByUsername(username: string): Promise<PublicUser | null> {
      if (!mayBeAUsername(username)) return null;
      return db.user.findUnique({ where: { usernameLower: username.toLowerCase() }, select: publicFields });
    },

    /** The AI's system user of this level (made by a migration). */
    async findAi(level: number): Promise<PublicUser | null> {
      return db.user.findUnique({ where: { aiLevel: level }, select: publicFields });
    },

    async findById(id: number): Promise<PublicUser | null> {
      return db.user.findUnique({ where: { id }, select: publicFields });
    },

    async list(search: string | undefined, limit = 100): Promise<PublicUser[]> {
      const query = search?.trim().toLowerCase();
      if (query && !mayBeAUsername(query)) return [];
      return db.user.findMany({
        where: query ? { usernameLower: { contains: query } } : undefined,
        orderBy: { usernameLower: "asc" },
        take: limit,
        select: publicFields,
      });
    },

    async rating(userId: number, now = new Date()): Promise<RatingSummary | null> {
      const row = await db.user.findUnique({ where: { id: userId }, select: { ...STORED_RATING_COLUMNS, ratedGames: true } });
      if (!row) return null;
      const current = currentRating(row, now);
      return { value: current.rating, deviation: current.deviation, volatility: current.volatility, provisional: isProvisional(current), games: row.ratedGames };
    },

    /**
     * Wins and losses over concluded matches (byes excluded: nobody lost them). A human's practice
     * matches (they are always player 1) do not count; the AI's record is its practice matches.
     */
    async record(userId: number): Promise<UserRecord> {
      const concluded = { status: { in: ["finished", "forfeited"] as ("finished" | "forfeited")[] }, player2Id: { not: null }, NOT: { practice: true, player1Id: userId } };
      const [wins, played] = await Promise.all([
        db.match.count({ where: { ...concluded, winnerId: userId } }),
        db.match.count({ where: { ...concluded, winnerId: { not: null }, OR: [{ player1Id: userId }, { player2Id: userId }] } }),
      ]);
      return { wins, losses: played - wins };
    },

    /** The player's most recent rated games, newest first. */
    async ratedGames(userId: number, limit = 100): Promise<RatedGame[]> {
      const matches = await db.match.findMany({
        where: { ...movedRatings, OR: [{ player1Id: userId }, { player2Id: userId }] },
        orderBy: [{ endedAt: "desc" }, { id: "desc" }],
        take: limit,
        select: { id: true, endedAt: true, winnerId: true, player1Id: true, player1RatingBefore: true, player1RatingAfter: true, player2RatingBefore: true, player2RatingAfter: true },
      });
      return matches.flatMap((match) => {
        const isPlayer1 = match.player1Id === userId;
        const change = ratingChange(isPlayer1 ? match.player1RatingBefore : match.player2RatingBefore, isPlayer1 ? match.player1RatingAfter : match.player2RatingAfter);
        return change === null ? [] : [{ matchId: match.id, endedAt: match.endedAt, won: match.winnerId === userId, ratingBefore: change.before, ratingAfter: change.after }];
      });
    },

    /** Every rating the player reached after a rated game (at most two values: the best as player 1 and as player 2). */
    async bestRatingsAfter(userId: number): Promise<number[]> {
      const [asPlayer1, asPlayer2] = await Promise.all([
        db.match.aggregate({ where: { ...movedRatings, player1Id: userId }, _max: { player1RatingAfter: true } }),
        db.match.aggregate({ where: { ...movedRatings, player2Id: userId }, _max: { player2RatingAfter: true } }),
      ]);
      return [asPlayer1._max.player1RatingAfter, asPlayer2._max.player2RatingAfter].filter((value) => value !== null);
    },

    /** The winner of each decided match between the two players (byes and void matches have none). */
    async winnersBetween(userId: number, otherId: number): Promise<number[]> {
      const matches = await db.match.findMany({
        where: {
          status: { in: ["finished", "forfeited"] },
          winnerId: { not: null },
          OR: [
            { player1Id: userId, player2Id: otherId },
            { player1Id: otherId, player2Id: userId },
          ],
        },
        select: { winnerId: true },
      });
      return matches.flatMap((match) => (match.winnerId === null ? [] : [match.winnerId]));
    },

    async recentMatches(userId: number, limit = 10): Promise<MatchSummary[]> {
      const matches = await db.match.findMany({
        where: { status: { in: ["finished", "forfeited"] }, OR: [{ player1Id: userId }, { player2Id: userId }] },
        orderBy: { endedAt: "desc" },
        take: limit,
        include: { player1: { select: { username: true } }, player2: { select: { username: true } }, replay: { select: { matchId: true } } },
      });
      return matches.map((match) => {
        const isPlayer1 = match.player1Id === userId;
        return {
          id: match.id,
          opponent: (isPlayer1 ? match.player2?.username : match.player1.username) ?? null,
          ownScore: isPlayer1 ? match.player1Score : match.player2Score,
          opponentScore: isPlayer1 ? match.player2Score : match.player1Score,
          won: match.winnerId === userId,
          status: match.status === "finished" ? "finished" : "forfeited",
          forfeitReason: asForfeitReason(match.forfeitReason),
          endedAt: match.endedAt,
          tournamentId: match.tournamentId,
          rating: ratingChange(isPlayer1 ? match.player1RatingBefore : match.player2RatingBefore, isPlayer1 ? match.player1RatingAfter : match.player2RatingAfter),
          practice: match.practice,
          hasReplay: match.replay !== null,
        };
      });
    },
  };
}

const ratingChange = (before: number | null, after: number | null) => (before === null || after === null ? null : { before, after });

export type UserRepo = ReturnType<typeof userRepo>;
