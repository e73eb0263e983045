// Every setting, validated once. A bad value stops the process with one line naming the variable.
import { z } from "zod";

const urlWithProtocol = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);

const milliseconds = z.coerce.number().int().min(100).max(3_600_000);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Embedded default: PGlite data and the generated session secret live here. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** PostgreSQL instead of the embedded PGlite. */
  DATABASE_URL: urlWithProtocol(["postgres:", "postgresql:"]).optional(),
  /** Redis store and Socket.IO Redis adapter instead of in-process state. */
  REDIS_URL: urlWithProtocol(["redis:", "rediss:"]).optional(),
  /** Prefix of every Redis key and channel, so several deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, "must be 1-40 letters, digits, _ . or -").default("pong"),
  /** Signs session cookies; generated into DATA_DIR when absent. Same value on every process. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Public URL of the site; without it, the request's Host header is trusted. */
  NEXTAUTH_URL: urlWithProtocol(["http:", "https:"]).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  CHALLENGE_TIMEOUT_MS: milliseconds.default(30_000),
  REGISTER_TIMEOUT_MS: milliseconds.default(30_000),
  RECONNECT_GRACE_MS: milliseconds.default(15_000),
  PAUSE_BUDGET_MS: milliseconds.default(60_000),
  POINTS_TO_WIN: z.coerce.number().int().min(1).max(21).default(5),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment; throws EnvError with a one-line message naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0]);
  throw new EnvError(`Invalid environment variable ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`);
}

let cached: Env | undefined;

/** The process's validated settings. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
