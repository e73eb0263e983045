import { describe, expect, it } from "vitest";
import { fitField } from "./field-size";

const PORTRAIT_FIELD = 600 / 800;

describe("fitField", () => {
  it("fills the height of a wide box (a phone held sideways)", () => {
    expect(fitField({ width: 560, height: 374 }, PORTRAIT_FIELD)).toEqual({ width: 280, height: 373 });
  });

  it("fills the width of a tall box (a phone held upright)", () => {
    expect(fitField({ width: 374, height: 700 }, PORTRAIT_FIELD)).toEqual({ width: 374, height: 498 });
  });

  it("never exceeds the box, in whole pixels", () => {
    for (const [width, height] of [
      [1000.7, 651.3],
      [333.3, 333.3],
      [1, 1],
      [1366, 667],
    ] as const) {
      const size = fitField({ width, height }, PORTRAIT_FIELD);
      expect(size.width).toBeLessThanOrEqual(width);
      expect(size.height).toBeLessThanOrEqual(height);
      expect(Number.isInteger(size.width) && Number.isInteger(size.height)).toBe(true);
    }
  });

  it("keeps the aspect ratio to within a pixel", () => {
    const { width, height } = fitField({ width: 1024, height: 613 }, PORTRAIT_FIELD);
    expect(Math.abs(width / PORTRAIT_FIELD - height)).toBeLessThan(1);
  });

  it("gives 0×0 for no room, a negative or non-finite size, or a bad aspect ratio", () => {
    expect(fitField({ width: 0, height: 500 }, PORTRAIT_FIELD)).toEqual({ width: 0, height: 0 });
    expect(fitField({ width: -20, height: -5 }, PORTRAIT_FIELD)).toEqual({ width: 0, height: 0 });
    expect(fitField({ width: Number.NaN, height: 500 }, PORTRAIT_FIELD)).toEqual({ width: 0, height: 0 });
    expect(fitField({ width: 400, height: 500 }, 0)).toEqual({ width: 0, height: 0 });
    expect(fitField({ width: 400, height: 500 }, Number.POSITIVE_INFINITY)).toEqual({ width: 0, height: 0 });
  });
});
