import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detCos, detHypot, detSin } from "./det-math";
import { MAX_BOUNCE_ANGLE } from "./constants";

describe("deterministic sin and cos", () => {
  it("match Math.sin and Math.cos to 1e-15 over the angles the game uses (|angle| ≤ π/3)", () => {
    let worst = 0;
    for (let k = -100_000; k <= 100_000; k++) {
      const angle = (k / 100_000) * MAX_BOUNCE_ANGLE;
      worst = Math.max(worst, Math.abs(detSin(angle) - Math.sin(angle)), Math.abs(detCos(angle) - Math.cos(angle)));
    }
    expect(worst).toBeLessThanOrEqual(1e-15);
  });

  it("stay within 1e-12 over a wide range, through every quadrant", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), (x) => {
        expect(Math.abs(detSin(x) - Math.sin(x))).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(detCos(x) - Math.cos(x))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 2_000 },
    );
  });

  it("keep exact values and symmetry where they must", () => {
    expect(detSin(0)).toBe(0);
    expect(detCos(0)).toBe(1);
    for (const x of [0.1, 0.5, 1, MAX_BOUNCE_ANGLE]) {
      expect(detSin(-x)).toBe(-detSin(x));
      expect(detCos(-x)).toBe(detCos(x));
    }
  });

  it("give NaN for non-finite angles", () => {
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(detSin(x)).toBeNaN();
      expect(detCos(x)).toBeNaN();
    }
  });
});

describe("deterministic hypot", () => {
  it("matches Math.hypot to the last bit or two at game speeds", () => {
    fc.assert(
      // Game speeds: up to 2,000 units/s, never so small that x² underflows.
      fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: -2_000_000, max: 2_000_000 }), (i, j) => {
        const [x, y] = [i / 1_000, j / 1_000];
        expect(Math.abs(detHypot(x, y) - Math.hypot(x, y))).toBeLessThanOrEqual(Math.hypot(x, y) * 4e-16);
      }),
    );
    expect(detHypot(3, 4)).toBe(5);
  });
});
