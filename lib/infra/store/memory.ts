// In-process store: the embedded default, for a single server process.
import { EventEmitter } from "node:events";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { LiveStore, MessageHandler, SetOptions } from "./types";

interface Entry {
  value: string;
  expiresAt?: number;
}

export function createMemoryStore(now: () => number = Date.now): LiveStore {
  const strings = new Map<string, Entry>();
  const hashes = new Map<string, Map<string, string>>();
  const lists = new Map<string, string[]>();
  const sorted = new Map<string, { members: Map<string, number>; expiresAt?: number }>();
  const limiters = new Map<string, RateLimiterMemory>();
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
  const readSorted = (key: string) => {
    const set = sorted.get(key);
    if (set?.expiresAt !== undefined && set.expiresAt <= now()) {
      sorted.delete(key);
      return undefined;
    }
    return set;
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
      const current = read(key) ?? (hashes.has(key) || lists.has(key) || readSorted(key) ? "" : null);
      if (current === null || (expected !== undefined && current !== expected)) return false;
      strings.delete(key);
      hashes.delete(key);
      lists.delete(key);
      sorted.delete(key);
      return true;
    },
    async hashGet(key, field) {
      return hashes.get(key)?.get(field) ?? null;
    },
    async hashGetAll(key) {
      return Object.fromEntries(hashes.get(key) ?? []);
    },
    async hashReplace(key, entries) {
      if (Object.keys(entries).length) hashes.set(key, new Map(Object.entries(entries)));
      else hashes.delete(key);
    },
    async hashSet(key, field, value) {
      const hash = hashes.get(key) ?? new Map<string, string>();
      hash.set(field, value);
      hashes.set(key, hash);
    },
    async hashDelete(key, field) {
      const hash = hashes.get(key);
      const existed = hash?.delete(field) ?? false;
      if (hash && !hash.size) hashes.delete(key);
      return existed;
    },
    async hashSetIfAbsent(key, field, value) {
      const hash = hashes.get(key) ?? new Map<string, string>();
      if (hash.has(field)) return false;
      hash.set(field, value);
      hashes.set(key, hash);
      return true;
    },
    async hashTakeAll(key, fields) {
      const hash = hashes.get(key);
      if (!hash || !fields.every((field) => hash.has(field))) return false;
      for (const field of fields) hash.delete(field);
      if (!hash.size) hashes.delete(key);
      return true;
    },
    async hashLength(key) {
      return hashes.get(key)?.size ?? 0;
    },
    async sortedAdd(key, member, score, options = {}) {
      const set = readSorted(key) ?? { members: new Map<string, number>() };
      set.members.set(member, score);
      if (options.ttlMs !== undefined) set.expiresAt = now() + options.ttlMs;
      sorted.set(key, set);
    },
    async sortedTrimAndRange(key, minScore) {
      const set = readSorted(key);
      if (!set) return [];
      for (const [member, score] of set.members) if (score < minScore) set.members.delete(member);
      if (!set.members.size) sorted.delete(key);
      return [...set.members].map(([member, score]) => ({ member, score })).sort((a, b) => a.score - b.score || (a.member < b.member ? -1 : 1));
    },
    limiter({ name, points, durationMs }) {
      // One counter per name in this process, as Redis has one for every process.
      let limiter = limiters.get(name);
      if (!limiter) limiters.set(name, (limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: Math.max(1, Math.ceil(durationMs / 1000)) })));
      return limiter;
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
