import { describe, expect, it } from "vitest";
import { FORFEIT_REASONS } from "../lists";
import { INITIAL_RATING, rateGame } from "./glicko2";
import { movesRatings, RATED_FORFEITS, ratedOutcome, ratingAt } from "./rated-result";

describe("which results move ratings", () => {
  it("a game played to the end does; a forfeit does when the loser caused it", () => {
    expect(movesRatings({ status: "finished", forfeitReason: null, winner: "player1" })).toBe(true);
    for (const reason of FORFEIT_REASONS) {
      expect(movesRatings({ status: "forfeited", forfeitReason: reason, winner: "player2" }), reason).toBe(RATED_FORFEITS.includes(reason));
    }
    expect(RATED_FORFEITS).toEqual(["disconnect", "quit", "register_timeout", "left_tournament"]);
  });

  it("nothing without a winner (no_show, interrupted, void)", () => {
    expect(movesRatings({ status: "forfeited", forfeitReason: "no_show", winner: null })).toBe(false);
    expect(movesRatings({ status: "forfeited", forfeitReason: "disconnect", winner: null })).toBe(false);
  });
});

describe("rating a result", () => {
  it("the winner's side is rated as a win, the other as a loss", () => {
    const strong = { rating: 1700, deviation: 80, volatility: 0.06 };
    const expected = rateGame(INITIAL_RATING, strong, 0);
    expect(ratedOutcome(INITIAL_RATING, strong, "player2")).toEqual({ player1: expected.a, player2: expected.b });
  });

  it("a stored rating is read with one empty period per whole day since its last game", () => {
    const stored = { rating: 1600, deviation: 60, volatility: 0.06 };
    const ratedAt = new Date("2026-01-01T12:00:00Z");
    expect(ratingAt(stored, ratedAt, new Date("2026-01-02T11:59:59Z"))).toEqual(stored);
    expect(ratingAt(stored, ratedAt, new Date("2026-01-03T12:00:00Z")).deviation).toBeGreaterThan(60);
    expect(ratingAt(stored, null, new Date())).toEqual(stored);
  });
});
