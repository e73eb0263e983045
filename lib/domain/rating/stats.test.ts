import { describe, expect, it } from "vitest";
import { currentStreak, formatRating, headToHead, peakRating, winRate } from "./stats";

describe("currentStreak", () => {
  it("counts the run of the most recent result", () => {
    expect(currentStreak([true, true, false, true])).toEqual({ kind: "win", length: 2 });
    expect(currentStreak([false, false, false])).toEqual({ kind: "loss", length: 3 });
    expect(currentStreak([false, true, true])).toEqual({ kind: "loss", length: 1 });
  });

  it("is null before any game", () => {
    expect(currentStreak([])).toBeNull();
  });
});

describe("peakRating", () => {
  it("is the highest rating after a game", () => {
    expect(peakRating([1540, 1662.4, 1600])).toBe(1662.4);
  });

  it("is the starting rating without games, or when every game lowered it", () => {
    expect(peakRating([])).toBe(1500);
    expect(peakRating([1420, 1380])).toBe(1500);
  });
});

describe("headToHead", () => {
  it("tallies one player's wins and losses against the other", () => {
    expect(headToHead([7, 9, 7, 7], 7)).toEqual({ wins: 3, losses: 1 });
    expect(headToHead([7, 9, 7, 7], 9)).toEqual({ wins: 1, losses: 3 });
    expect(headToHead([], 7)).toEqual({ wins: 0, losses: 0 });
  });
});

describe("winRate", () => {
  it("is the share of games won, null without games", () => {
    expect(winRate(3, 4)).toBe(0.75);
    expect(winRate(0, 5)).toBe(0);
    expect(winRate(0, 0)).toBeNull();
  });
});

describe("formatRating", () => {
  it("rounds a rating and marks a provisional one", () => {
    expect(formatRating(1662.5, false)).toBe("1663");
    expect(formatRating(1500, true)).toBe("1500?");
  });
});
