// A player's rating statistics, worked out from their stored matches: pure, so that the profile,
// the leaderboard and their tests agree on what a streak, a peak or a win rate is.
import { INITIAL_RATING } from "./glicko2";

/** Consecutive wins or losses, counted from the most recent game back. */
export interface Streak {
  kind: "win" | "loss";
  length: number;
}

/** The current streak over `wonMostRecentFirst` (one entry per decided game, newest first); null before any game. */
export function currentStreak(wonMostRecentFirst: readonly boolean[]): Streak | null {
  if (wonMostRecentFirst.length === 0) return null;
  const first = wonMostRecentFirst[0];
  let length = 0;
  while (length < wonMostRecentFirst.length && wonMostRecentFirst[length] === first) length++;
  return { kind: first ? "win" : "loss", length };
}

/** The highest rating a player has reached after a rated game; a newcomer's is the starting rating. */
export function peakRating(ratingsAfter: readonly number[]): number {
  return ratingsAfter.reduce((peak, rating) => Math.max(peak, rating), INITIAL_RATING.rating);
}

/** Wins and losses of `playerId` over decided games between two players, given each game's winner. */
export function headToHead(winnerIds: readonly number[], playerId: number): { wins: number; losses: number } {
  const wins = winnerIds.filter((id) => id === playerId).length;
  return { wins, losses: winnerIds.length - wins };
}

/** The share of games won, 0 to 1; null without games (no rate to show). */
export function winRate(wins: number, games: number): number | null {
  return games > 0 ? wins / games : null;
}

/** A rating as shown to players: rounded, with "?" while provisional. */
export function formatRating(value: number, provisional: boolean): string {
  return `${Math.round(value)}${provisional ? "?" : ""}`;
}
