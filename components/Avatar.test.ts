import { describe, expect, it } from "vitest";
import { initials } from "./Avatar";

describe("initials", () => {
  it.each([
    ["alice", "AL"],
    ["jean-luc", "JL"],
    ["big_bad_wolf", "BB"],
    ["x1", "X1"],
  ])("%s → %s", (username, expected) => {
    expect(initials(username)).toBe(expected);
  });
});
