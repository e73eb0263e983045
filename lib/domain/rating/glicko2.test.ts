import { describe, expect, it } from "vitest";
import { afterInactivity, INITIAL_RATING, isProvisional, MAX_DEVIATION, rateGame, ratePeriod } from "./glicko2";

describe("Glicko-2", () => {
  it("reproduces Glickman's worked example: 1500/200/0.06 against 1400/30 (win), 1550/100 (loss), 1700/300 (loss)", () => {
    const player = { rating: 1500, deviation: 200, volatility: 0.06 };
    const after = ratePeriod(player, [
      { opponent: { rating: 1400, deviation: 30, volatility: 0.06 }, score: 1 },
      { opponent: { rating: 1550, deviation: 100, volatility: 0.06 }, score: 0 },
      { opponent: { rating: 1700, deviation: 300, volatility: 0.06 }, score: 0 },
    ]);
    // The paper rounds its intermediate values to four decimals (μ' = −0.2069): within 0.01 of its figures.
    expect(Math.abs(after.rating - 1464.06)).toBeLessThan(0.01);
    expect(Math.abs(after.deviation - 151.52)).toBeLessThan(0.01);
    expect(Math.abs(after.volatility - 0.05999)).toBeLessThan(0.00001);
  });

  it("a win raises the winner and lowers the loser by the same amount between equals, and both grow surer", () => {
    const { a, b } = rateGame(INITIAL_RATING, INITIAL_RATING, 1);
    expect(a.rating).toBeGreaterThan(1500);
    expect(b.rating).toBeLessThan(1500);
    expect(a.rating - 1500).toBeCloseTo(1500 - b.rating, 6);
    expect(a.deviation).toBeLessThan(INITIAL_RATING.deviation);
    expect(b.deviation).toBeCloseTo(a.deviation, 6);
  });

  it("beating a stronger player gains more than beating a weaker one", () => {
    const me = { rating: 1500, deviation: 80, volatility: 0.06 };
    const strong = { rating: 1800, deviation: 80, volatility: 0.06 };
    const weak = { rating: 1200, deviation: 80, volatility: 0.06 };
    expect(rateGame(me, strong, 1).a.rating - 1500).toBeGreaterThan(rateGame(me, weak, 1).a.rating - 1500);
    // A loss (a forfeit counts as one) costs the loser.
    expect(rateGame(me, weak, 0).a.rating).toBeLessThan(1500);
  });

  it("inactivity widens the deviation by one empty period per day, never past a newcomer's", () => {
    const settled = { rating: 1700, deviation: 60, volatility: 0.06 };
    const oneDay = afterInactivity(settled, 1);
    expect(oneDay.rating).toBe(1700);
    expect(oneDay.volatility).toBe(0.06);
    // The paper's step 6 for a period without games: φ* = √(φ² + σ²), on the Glicko scale.
    expect(oneDay.deviation).toBeCloseTo(173.7178 * Math.sqrt((60 / 173.7178) ** 2 + 0.06 ** 2), 9);
    expect(afterInactivity(settled, 30).deviation).toBeCloseTo(afterInactivity(afterInactivity(settled, 10), 20).deviation, 9);
    expect(afterInactivity(settled, 0)).toEqual(settled);
    expect(afterInactivity(settled, 1_000_000).deviation).toBe(MAX_DEVIATION);
  });

  it("a newcomer is provisional until enough games make the rating sure", () => {
    let rating = INITIAL_RATING;
    expect(isProvisional(rating)).toBe(true);
    const opponent = { rating: 1500, deviation: 60, volatility: 0.06 };
    for (let game = 0; game < 20 && isProvisional(rating); game++) rating = rateGame(rating, opponent, (game % 2) as 0 | 1).a;
    expect(isProvisional(rating)).toBe(false);
  });
});
