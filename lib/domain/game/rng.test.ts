import { describe, expect, it } from "vitest";
import { nextRandom, seedRng } from "./rng";

function draws(seed: number, count: number): number[] {
  let state = seedRng(seed);
  return Array.from({ length: count }, () => {
    const draw = nextRandom(state);
    state = draw.state;
    return draw.value;
  });
}

describe("rng", () => {
  it("repeats the same sequence for the same seed", () => {
    expect(draws(123, 50)).toEqual(draws(123, 50));
  });

  it("gives a different sequence for a different seed", () => {
    expect(draws(124, 50)).not.toEqual(draws(123, 50));
  });

  it("draws floats in [0, 1) spread over the range", () => {
    const values = draws(7, 1000);
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it("keeps its state an unsigned 32-bit integer, whatever the seed", () => {
    for (const seed of [0, -1, 2 ** 40 + 3, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const { state } = nextRandom(seedRng(seed));
      expect(Number.isInteger(state) && state >= 0 && state < 2 ** 32).toBe(true);
    }
  });
});
