// Live state shared by every process: matches, presence, busy flags, challenges, leases, chat
// history. One interface, two implementations: memory.ts (one process) and redis.ts (scaled out).
// Values are strings; callers own their encoding.
import type { RateLimiterAbstract } from "rate-limiter-flexible";

export interface SetOptions {
  /** Expire the key after this many milliseconds. */
  ttlMs?: number;
  /** Only set when the key does not exist (a lease or a first-wins claim). */
  onlyIfAbsent?: boolean;
}

export type MessageHandler = (message: string) => void;

/** A limit: at most `points` in `durationMs`, counted in the store so every process shares it. */
export interface LimiterOptions {
  /** Names the counters in the store (`ratelimit:<name>:<key>`). */
  name: string;
  points: number;
  durationMs: number;
}

export interface LiveStore {
  readonly kind: "memory" | "redis";
  get(key: string): Promise<string | null>;
  /** Returns false when onlyIfAbsent was set and the key existed. */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;
  /** Sets only while the key still holds `expected`: renews or hands over a lease safely. */
  compareAndSet(key: string, expected: string, value: string, options?: Pick<SetOptions, "ttlMs">): Promise<boolean>;
  /** Deletes only while the key still holds `expected`; without it, deletes unconditionally. */
  del(key: string, expected?: string): Promise<boolean>;
  hashGet(key: string, field: string): Promise<string | null>;
  hashGetAll(key: string): Promise<Record<string, string>>;
  hashSet(key: string, field: string, value: string): Promise<void>;
  /** Replaces the whole hash at once (an empty record deletes it). */
  hashReplace(key: string, entries: Record<string, string>): Promise<void>;
  /** True when the field existed: of several processes deleting the same field, exactly one gets true. */
  hashDelete(key: string, field: string): Promise<boolean>;
  /** Sets the field only when it does not exist; false when it did (a first-wins claim on a field). */
  hashSetIfAbsent(key: string, field: string, value: string): Promise<boolean>;
  /** Deletes every field at once, or none when one of them is missing: of two processes taking the same fields, exactly one gets true. */
  hashTakeAll(key: string, fields: string[]): Promise<boolean>;
  hashLength(key: string): Promise<number>;
  /** Adds (or moves) a member of a sorted set; `ttlMs` sets the whole set's expiry. */
  sortedAdd(key: string, member: string, score: number, options?: Pick<SetOptions, "ttlMs">): Promise<void>;
  /** The members scored at least `minScore`, lowest score first; those scored below it are dropped. */
  sortedTrimAndRange(key: string, minScore: number): Promise<{ member: string; score: number }[]>;
  /** A rate limiter (rate-limiter-flexible) whose counters live in this store. */
  limiter(options: LimiterOptions): RateLimiterAbstract;
  /** Appends to a list, keeping only its last `maxLength` items. */
  listPush(key: string, value: string, maxLength: number): Promise<void>;
  listRange(key: string): Promise<string[]>;
  publish(channel: string, message: string): Promise<void>;
  /** Returns a function that unsubscribes. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  /** Throws when the back-end is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
