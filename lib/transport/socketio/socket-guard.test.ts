import { describe, expect, it } from "vitest";
import { TokenBucket } from "./socket-guard";

describe("TokenBucket", () => {
  it("lets a burst through, then refills at its rate", () => {
    const bucket = new TokenBucket(60, 120, 0);
    expect(Array.from({ length: 120 }, () => bucket.take(0)).every(Boolean)).toBe(true);
    expect(bucket.take(0)).toBe(false);
    // 60 a second: one token every 16.7 ms, the dropped message's debt paid first.
    expect(bucket.take(34)).toBe(true);
    expect(bucket.take(34)).toBe(false);
  });

  it("never holds more than its burst after a long silence", () => {
    const bucket = new TokenBucket(20, 40, 0);
    expect(Array.from({ length: 100 }, () => bucket.take(3_600_000)).filter(Boolean).length).toBe(40);
  });

  it("counts dropped messages as debt, in seconds of refill, and pays it back over time", () => {
    const bucket = new TokenBucket(60, 120, 0);
    for (let index = 0; index < 120; index++) bucket.take(0);
    expect(bucket.debtSeconds).toBe(0);
    for (let index = 0; index < 180; index++) bucket.take(0);
    expect(bucket.debtSeconds).toBeCloseTo(3);
    bucket.take(2_000);
    expect(bucket.debtSeconds).toBeCloseTo(1 + 1 / 60);
    expect(bucket.take(3_100)).toBe(true);
    expect(bucket.debtSeconds).toBe(0);
  });

  it("keeps a client within its rate out of debt for good", () => {
    const bucket = new TokenBucket(60, 120, 0);
    // 30 moves a second for a minute: a player's normal rate.
    for (let at = 0; at < 60_000; at += 33) expect(bucket.take(at)).toBe(true);
  });
});
