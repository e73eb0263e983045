import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the embedded defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", POINTS_TO_WIN: 5, CHALLENGE_TIMEOUT_MS: 30_000, REGISTER_TIMEOUT_MS: 30_000, REDIS_KEY_PREFIX: "pong" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("accepts the scaled-out settings", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/pong", REDIS_URL: "redis://cache:6379", PORT: "8080" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u:p@db:5432/pong", REDIS_URL: "redis://cache:6379", PORT: 8080 });
  });

  it.each([
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://db/pong"],
    ["REDIS_URL", "http://cache"],
    ["NEXTAUTH_SECRET", "short"],
    ["POINTS_TO_WIN", "abc"],
    ["REDIS_KEY_PREFIX", "has spaces"],
    ["LOG_LEVEL", "loud"],
  ])("refuses %s=%s with one line naming the variable", (name, value) => {
    let error: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid environment variable ${name}="${value}": `));
    expect((error as Error).message).not.toContain("\n");
  });
});
