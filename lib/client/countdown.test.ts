import { describe, expect, it } from "vitest";
import { formatCountdown, joinCountdownText, msUntilNextSecond, secondsLeft } from "./countdown";

const at = (iso: string) => Date.parse(iso);
const deadline = at("2026-01-01T12:00:30.000Z");

describe("secondsLeft", () => {
  it("rounds up, so the last second still shows 1", () => {
    expect(secondsLeft(deadline, at("2026-01-01T12:00:00.000Z"))).toBe(30);
    expect(secondsLeft(deadline, at("2026-01-01T12:00:00.001Z"))).toBe(30);
    expect(secondsLeft(deadline, at("2026-01-01T12:00:29.999Z"))).toBe(1);
  });

  it("is 0 at and after the deadline", () => {
    expect(secondsLeft(deadline, at("2026-01-01T12:00:30.000Z"))).toBe(0);
    expect(secondsLeft(deadline, at("2026-01-01T12:05:00.000Z"))).toBe(0);
  });
});

describe("msUntilNextSecond", () => {
  it("waits until the shown second changes", () => {
    expect(msUntilNextSecond(deadline, at("2026-01-01T12:00:00.000Z"))).toBe(1000);
    expect(msUntilNextSecond(deadline, at("2026-01-01T12:00:00.250Z"))).toBe(750);
    const now = at("2026-01-01T12:00:00.250Z");
    expect(secondsLeft(deadline, now + 749)).toBe(secondsLeft(deadline, now));
    expect(secondsLeft(deadline, now + 750)).toBe(secondsLeft(deadline, now) - 1);
  });

  it("stops once the time is up", () => {
    expect(msUntilNextSecond(deadline, at("2026-01-01T12:00:30.000Z"))).toBeNull();
  });
});

describe("texts", () => {
  it("shows minutes and two-digit seconds", () => {
    expect(formatCountdown(29)).toBe("0:29");
    expect(formatCountdown(5)).toBe("0:05");
    expect(formatCountdown(65)).toBe("1:05");
  });

  it("says the time left to join, then that it is up", () => {
    expect(joinCountdownText(29)).toBe("0:29 left to join");
    expect(joinCountdownText(0)).toBe("Join now if your opponent is in");
  });
});
