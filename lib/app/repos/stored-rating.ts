// A user row's rating columns → the rating as it stands now (its deviation grown by the days
// since the player's last rated game). Every repo reads ratings through this.
import type { Rating } from "../../domain/rating/glicko2";
import { ratingAt } from "../../domain/rating/rated-result";

export interface StoredRating {
  rating: number;
  ratingDeviation: number;
  ratingVolatility: number;
  ratedAt: Date | null;
}

export const STORED_RATING_COLUMNS = { rating: true, ratingDeviation: true, ratingVolatility: true, ratedAt: true } as const;

export function currentRating(row: StoredRating, now: Date): Rating {
  return ratingAt({ rating: row.rating, deviation: row.ratingDeviation, volatility: row.ratingVolatility }, row.ratedAt, now);
}
