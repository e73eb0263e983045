// Every rate limit of the app, in one table built from the settings. The counters live in the
// live store (rate-limiter-flexible on Redis or in memory), so with Redis they hold across
// processes and restarts. docs/PROTOCOL.md lists the same table for clients.
import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import type { Env } from "../env";
import type { LiveStore } from "../infra/store/types";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Budget {
  points: number;
  durationMs: number;
}

/** The budgets, keyed by what they count. Named limits have a setting each; the rest scale with RATE_LIMIT_SCALE. */
export function budgets(config: Env) {
  const scaled = (points: number, durationMs: number): Budget => ({ points: Math.max(1, Math.round(points * config.RATE_LIMIT_SCALE)), durationMs });
  return {
    /** Login tries from one address, whatever the account (counted before any password hash). */
    login_address: { points: config.LOGIN_MAX_PER_ADDRESS, durationMs: HOUR },
    /** Failed logins for one account from one address; reaching it locks the pair out. */
    login_failures: { points: config.LOGIN_MAX_FAILURES, durationMs: config.LOGIN_FAILURE_WINDOW_MS },
    /** Lockouts of one pair in a day: each one lasts twice as long as the one before. */
    login_lockouts: { points: 1_000, durationMs: DAY },
    /** Accounts created from one address. */
    signup: { points: config.SIGNUP_MAX_PER_ADDRESS, durationMs: HOUR },
    challenge: { points: config.CHALLENGE_MAX_PER_MINUTE, durationMs: MINUTE },
    /** Challenges from one user to the same target. */
    challenge_target: { points: config.CHALLENGE_MAX_SAME_TARGET, durationMs: 10 * MINUTE },
    /** Practice matches started against the AI. */
    practice: scaled(20, MINUTE),
    tournament_create: { points: config.TOURNAMENT_MAX_CREATED, durationMs: HOUR },
    tournament_join_leave: { points: config.TOURNAMENT_MAX_JOIN_LEAVE, durationMs: MINUTE },
    chat_message: scaled(5, 10 * SECOND),
    /** Answering, cancelling and relaying challenges (challenge_reply, challenge_cancel, match_id). */
    challenge_answer: scaled(60, MINUTE),
    /** seek and seek_cancel. */
    seek: scaled(30, MINUTE),
    /** Entering and leaving match rooms (join_match, leave_match, close_match). */
    match_room: scaled(60, MINUTE),
    /** register and ready. */
    match_command: scaled(60, MINUTE),
    /** join_tournament and leave_tournament (the channel, not the tournament). */
    tournament_channel: scaled(120, MINUTE),
    /** Every other HTTP endpoint, per user (or per address when logged out). */
    http: scaled(300, MINUTE),
  } satisfies Record<string, Budget>;
}

export type BudgetName = keyof ReturnType<typeof budgets>;

/** A refused action: how long until it may be tried again. */
export interface Refusal {
  retryAfterSeconds: number;
}

/**
 * A limiter refuses by rejecting with a RateLimiterRes; anything else it rejects with is a store
 * failure. Told apart by shape: the class is the package's, and this file imports only its types.
 */
const isRefusal = (error: unknown): error is RateLimiterRes =>
  typeof error === "object" && error !== null && "msBeforeNext" in error && typeof error.msBeforeNext === "number";

const refusal = (msBeforeNext: number): Refusal => ({ retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) });

export class Limits {
  private readonly limiters = new Map<BudgetName, RateLimiterAbstract>();
  private readonly table: ReturnType<typeof budgets>;

  constructor(
    private readonly store: LiveStore,
    private readonly config: Env,
  ) {
    this.table = budgets(config);
  }

  private limiter(name: BudgetName): RateLimiterAbstract {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = this.store.limiter({ name, ...this.table[name] });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  /** Counts one action against `name` for `key`; a Refusal when the budget is spent. */
  async consume(name: BudgetName, key: string | number, points = 1): Promise<Refusal | null> {
    try {
      await this.limiter(name).consume(String(key), points);
      return null;
    } catch (error) {
      if (isRefusal(error)) return refusal(error.msBeforeNext);
      throw error;
    }
  }

  /** Gives back what `consume` took, for an action that turned out not to count (a sign-up refused for its input). */
  async refund(name: BudgetName, key: string | number, points = 1): Promise<void> {
    await this.limiter(name).reward(String(key), points);
  }

  // ---- login --------------------------------------------------------------------------------------

  /**
   * Whether a login may be tried at all, asked before the password is hashed: the account and
   * address pair must not be locked out, and the address must have tries left. The answer is the
   * same whether the account exists or not.
   */
  async loginAllowed(username: string, address: string): Promise<Refusal | null> {
    const locked = await this.limiter("login_failures").get(pairKey(username, address));
    if (locked && locked.consumedPoints > this.table.login_failures.points) return refusal(locked.msBeforeNext);
    return this.consume("login_address", address);
  }

  /** A wrong password: the failure that reaches the limit locks the pair out, each time for twice as long. */
  async loginFailed(username: string, address: string): Promise<void> {
    const key = pairKey(username, address);
    const failures = await this.limiter("login_failures").penalty(key);
    if (failures.consumedPoints < this.table.login_failures.points) return;
    const lockouts = (await this.limiter("login_lockouts").penalty(key)).consumedPoints;
    const lockoutMs = Math.min(DAY, this.config.LOGIN_LOCKOUT_MS * 2 ** Math.min(20, lockouts - 1));
    // A block counts as one more failure than the limit, for as long as it lasts.
    await this.limiter("login_failures").block(key, Math.ceil(lockoutMs / 1000));
  }

  async loginSucceeded(username: string, address: string): Promise<void> {
    await this.limiter("login_failures").delete(pairKey(username, address));
  }
}

const pairKey = (username: string, address: string) => `${username.toLowerCase()}|${address}`;

/** "Too many attempts, try again in N minutes": what a refused login shows. */
export function tooManyAttemptsMessage({ retryAfterSeconds }: Refusal): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
