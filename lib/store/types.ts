// Live state shared by every process: matches, presence, busy flags, challenges, leases, chat
// history. One interface, two implementations: memory.ts (one process) and redis.ts (scaled out).
// Values are strings; callers own their encoding.

export interface SetOptions {
  /** Expire the key after this many milliseconds. */
  ttlMs?: number;
  /** Only set when the key does not exist (a lease or a first-wins claim). */
  onlyIfAbsent?: boolean;
}

export type MessageHandler = (message: string) => void;

export interface LiveStore {
  readonly kind: "memory" | "redis";
  get(key: string): Promise<string | null>;
  /** Returns false when onlyIfAbsent was set and the key existed. */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;
  /** Sets only while the key still holds `expected`: renews or hands over a lease safely. */
  compareAndSet(key: string, expected: string, value: string, options?: Pick<SetOptions, "ttlMs">): Promise<boolean>;
  /** Deletes only while the key still holds `expected`; without it, deletes unconditionally. */
  del(key: string, expected?: string): Promise<boolean>;
  /** Adds `by` to a counter in a hash and returns the new value; a field reaching 0 is removed. Counter hashes hold numbers only. */
  hashIncrement(key: string, field: string, by: number): Promise<number>;
  hashGetAll(key: string): Promise<Record<string, string>>;
  hashSet(key: string, field: string, value: string): Promise<void>;
  hashDelete(key: string, field: string): Promise<void>;
  /** Counts calls in a fixed window that starts with the first call; returns the count so far (rate limits). */
  countInWindow(key: string, windowMs: number): Promise<number>;
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
