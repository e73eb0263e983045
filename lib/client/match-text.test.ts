import { describe, expect, it } from "vitest";
import { FORFEIT_REASONS } from "@/lib/domain/lists";
import { forfeitText, ratingChangeText, ratingDeltaText } from "./match-text";

describe("forfeitText", () => {
  it("words every forfeit reason, each in its own way", () => {
    const texts = FORFEIT_REASONS.map((reason) => forfeitText(reason, "bob"));
    for (const text of texts) expect(text).toEqual(expect.any(String));
    expect(new Set(texts).size).toBe(FORFEIT_REASONS.length);
  });

  it("names the loser where the reason is about them", () => {
    expect(forfeitText("disconnect", "bob")).toBe("bob disconnected");
    expect(forfeitText("register_timeout", "bob")).toBe("bob did not register in time");
    expect(forfeitText("quit", "bob")).toBe("bob left the match");
    expect(forfeitText("left_tournament", "bob")).toBe("bob left the tournament");
  });

  it("says nothing of a loser when nobody lost, but still words the reasons that need none", () => {
    expect(forfeitText("disconnect", null)).toBeNull();
    expect(forfeitText("quit", null)).toBeNull();
    expect(forfeitText("no_show", null)).toBe("Neither player showed up");
    expect(forfeitText("interrupted", null)).toBe("Called off: the server restarted");
    expect(forfeitText("bye", null)).toBe("No opponent this round (bye)");
    expect(forfeitText("walkover", null)).toBe("Walkover: the opponent never came");
  });

  it("has nothing to say without a reason", () => {
    expect(forfeitText(null, "bob")).toBeNull();
  });
});

describe("ratingChangeText", () => {
  it("shows before, after and the difference, rounded so that they add up", () => {
    expect(ratingChangeText({ before: 1500, after: 1662.31 })).toBe("1500 → 1662 (+162)");
    expect(ratingChangeText({ before: 1500, after: 1337.69 })).toBe("1500 → 1338 (−162)");
    expect(ratingChangeText({ before: 1499.6, after: 1500.4 })).toBe("1500 → 1500 (+0)");
    expect(ratingDeltaText({ before: 1662.3, after: 1650.1 })).toBe("−12");
  });
});
