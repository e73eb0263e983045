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
const count = z.coerce.number().int().min(1).max(1_000_000);

const originList = z
  .string()
  .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean))
  .pipe(z.array(urlWithProtocol(["http:", "https:"]).transform((value) => new URL(value).origin)));

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
  /** When set, GET /metrics and /api/metrics/ answer only requests carrying `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  CHALLENGE_TIMEOUT_MS: milliseconds.default(30_000),
  REGISTER_TIMEOUT_MS: milliseconds.default(30_000),
  RECONNECT_GRACE_MS: milliseconds.default(15_000),
  PAUSE_BUDGET_MS: milliseconds.default(60_000),
  POINTS_TO_WIN: z.coerce.number().int().min(1).max(21).default(5),

  // ---- security (README "Security") ----
  /** Proxy hops in front of the server: the client address is the N-th entry from the right of X-Forwarded-For. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Origins (besides NEXTAUTH_URL's) allowed to open sockets and send state-changing requests, comma-separated. */
  ALLOWED_ORIGINS: originList.optional(),
  LOGIN_MAX_FAILURES: count.default(5),
  LOGIN_FAILURE_WINDOW_MS: milliseconds.default(15 * 60_000),
  /** The first lockout after too many failures; each further one within a day doubles it. */
  LOGIN_LOCKOUT_MS: milliseconds.default(60_000),
  LOGIN_MAX_PER_ADDRESS: count.default(50),
  SIGNUP_MAX_PER_ADDRESS: count.default(5),
  CHALLENGE_MAX_PER_MINUTE: count.default(25),
  CHALLENGE_MAX_SAME_TARGET: count.default(3),
  TOURNAMENT_MAX_CREATED: count.default(5),
  TOURNAMENT_MAX_JOIN_LEAVE: count.default(20),
  /** Multiplies every other per-user budget (the table in docs/PROTOCOL.md). */
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  SOCKET_MAX_MOVES: count.default(60),
  SOCKET_MAX_EVENTS: count.default(20),
  SOCKET_FLOOD_MS: milliseconds.default(3_000),
  SOCKETS_PER_USER: count.default(20),
  /** A server process whose heartbeat is this old is taken for dead (kill -9, a lost machine): the others clean up after it. */
  PROCESS_TIMEOUT_MS: milliseconds.default(15_000),
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
