// Which ended matches move ratings, and how: a game played to the end, or lost by a forfeit the
// loser caused. A match nobody came to, one the server called off, a bye or a walkover is not.
import type { ForfeitReason } from "../lists";
import { afterInactivity, rateGame, type Rating } from "./glicko2";

/** Forfeits that count as a loss for the player who forfeited. */
export const RATED_FORFEITS: readonly ForfeitReason[] = ["disconnect", "quit", "register_timeout", "left_tournament"];

export function movesRatings(result: { status: "finished" | "forfeited"; forfeitReason: ForfeitReason | null; winner: "player1" | "player2" | null }): boolean {
  if (result.winner === null) return false;
  return result.status === "finished" || (result.forfeitReason !== null && RATED_FORFEITS.includes(result.forfeitReason));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A stored rating as of `now`: one empty rating period per whole day since its last rated game. */
export function ratingAt(rating: Rating, ratedAt: Date | null, now: Date): Rating {
  return ratedAt === null ? rating : afterInactivity(rating, Math.floor((now.getTime() - ratedAt.getTime()) / DAY_MS));
}

/** Both players' ratings after a rated match that `winner` won. */
export function ratedOutcome(player1: Rating, player2: Rating, winner: "player1" | "player2"): { player1: Rating; player2: Rating } {
  const { a, b } = rateGame(player1, player2, winner === "player1" ? 1 : 0);
  return { player1: a, player2: b };
}
