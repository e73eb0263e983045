// In-process store: the embedded default, for a single server process.
import { EventEmitter } from "node:events";
import type { LiveStore, MessageHandler, SetOptions } from "./types";

interface Entry {
  value: string;
  expiresAt?: number;
}

export function createMemoryStore(now: () => number = Date.now): LiveStore {
  const strings = new Map<string, Entry>();
  const hashes = new Map<string, Map<string, string>>();
  const lists = new Map<string, string[]>();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);

  const read = (key: string): string | null => {
    const entry = strings.get(key);
    if (!entry) return null;
    if (entry.expiresAt !== undefined && entry.expiresAt <= now()) {
      strings.delete(key);
      return null;
    }
    return entry.value;
  };
  const write = (key: string, value: string, ttlMs?: number) => {
    strings.set(key, { value, expiresAt: ttlMs === undefined ? undefined : now() + ttlMs });
  };

  return {
    kind: "memory",
    async get(key) {
      return read(key);
    },
    async set(key, value, options: SetOptions = {}) {
      if (options.onlyIfAbsent && read(key) !== null) return false;
      write(key, value, options.ttlMs);
      return true;
    },
    async compareAndSet(key, expected, value, options = {}) {
      if (read(key) !== expected) return false;
      write(key, value, options.ttlMs);
      return true;
    },
    async del(key, expected) {
      const current = read(key) ?? (hashes.has(key) || lists.has(key) ? "" : null);
      if (current === null || (expected !== undefined && current !== expected)) return false;
      strings.delete(key);
      hashes.delete(key);
      lists.delete(key);
      return true;
    },
    async hashIncrement(key, field, by) {
      const hash = hashes.get(key) ?? new Map<string, string>();
      const next = Number(hash.get(field) ?? 0) + by;
      if (next === 0) hash.delete(field);
      else hash.set(field, String(next));
      if (hash.size) hashes.set(key, hash);
      else hashes.delete(key);
      return next;
    },
    async hashGetAll(key) {
      return Object.fromEntries(hashes.get(key) ?? []);
    },
    async hashSet(key, field, value) {
      const hash = hashes.get(key) ?? new Map<string, string>();
      hash.set(field, value);
      hashes.set(key, hash);
    },
    async hashDelete(key, field) {
      const hash = hashes.get(key);
      hash?.delete(field);
      if (hash && !hash.size) hashes.delete(key);
    },
    async countInWindow(key, windowMs) {
      const count = Number(read(key) ?? 0) + 1;
      const expiresAt = strings.get(key)?.expiresAt ?? now() + windowMs;
      strings.set(key, { value: String(count), expiresAt });
      return count;
    },
    async listPush(key, value, maxLength) {
      const list = lists.get(key) ?? [];
      list.push(value);
      lists.set(key, list.slice(-maxLength));
    },
    async listRange(key) {
      return [...(lists.get(key) ?? [])];
    },
    async publish(channel, message) {
      // Asynchronous like Redis: a publisher never runs its subscribers inside its own call.
      queueMicrotask(() => bus.emit(channel, message));
    },
    async subscribe(channel, handler: MessageHandler) {
      bus.on(channel, handler);
      return async () => {
        bus.off(channel, handler);
      };
    },
    async ping() {},
    async close() {
      bus.removeAllListeners();
    },
  };
}
