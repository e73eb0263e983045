import { describe, expect, it } from "vitest";
import { fieldErrors, leaderboardQuerySchema, registerBodySchema } from "./http";

describe("registerBodySchema", () => {
  it.each(["abc", "A_b-9", "x".repeat(20)])("accepts the username %s", (username) => {
    expect(registerBodySchema.safeParse({ username, password: "12345678" }).success).toBe(true);
  });

  it.each(["ab", "x".repeat(21), "with space", "émile", "a.b", ""])("refuses the username %j", (username) => {
    const result = registerBodySchema.safeParse({ username, password: "12345678" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toHaveProperty("username");
  });

  it("refuses a password under 8 characters with a message on the password field", () => {
    const result = registerBodySchema.safeParse({ username: "alice", password: "1234567" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ password: "Password must be at least 8 characters" });
  });

  it("refuses non-string fields", () => {
    const result = registerBodySchema.safeParse({ username: 42, password: ["x"] });
    expect(Object.keys(fieldErrors(result.error!)).sort()).toEqual(["password", "username"]);
  });
});

describe("leaderboardQuerySchema", () => {
  it("defaults to the first 100 players", () => {
    expect(leaderboardQuerySchema.parse({})).toEqual({ limit: 100, offset: 0 });
    expect(leaderboardQuerySchema.parse({ limit: "1", offset: "250", other: "x" })).toEqual({ limit: 1, offset: 250 });
  });

  it.each([{ limit: "0" }, { limit: "101" }, { limit: "1e2" }, { limit: " 5" }, { offset: "-1" }, { offset: "1.5" }, { limit: "" }])("refuses %j", (query) => {
    expect(leaderboardQuerySchema.safeParse(query).success).toBe(false);
  });
});
