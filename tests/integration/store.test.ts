// One contract, both live-store implementations.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "@/lib/store/memory";
import { connectRedis, createRedisStore } from "@/lib/store/redis";
import type { LiveStore } from "@/lib/store/types";

const redisUrl = process.env.TEST_REDIS_URL;
const opened: LiveStore[] = [];
const redisClients: Awaited<ReturnType<typeof connectRedis>>[] = [];

async function redisStore(prefix: string): Promise<LiveStore> {
  const [commands, subscriber] = await Promise.all([connectRedis(redisUrl!), connectRedis(redisUrl!)]);
  redisClients.push(commands);
  const store = await createRedisStore(commands, subscriber, prefix);
  opened.push(store);
  return store;
}

const implementations: [string, () => Promise<LiveStore>][] = [["memory", async () => createMemoryStore()]];
if (redisUrl) implementations.push(["redis", () => redisStore(`store-test-${randomBytes(4).toString("hex")}`)]);

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await Promise.all(redisClients.map((client) => client.quit()));
});

describe.each(implementations)("%s store", (_name, open) => {
  it("sets only-if-absent once, so exactly one claimant wins", async () => {
    const store = await open();
    const results = await Promise.all(["a", "b", "c"].map((owner) => store.set("lease", owner, { onlyIfAbsent: true, ttlMs: 10_000 })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ["a", "b", "c"][results.indexOf(true)]!;
    expect(await store.get("lease")).toBe(winner);
  });

  it("compare-and-set and compare-and-delete act only on the expected value", async () => {
    const store = await open();
    await store.set("key", "one");
    expect(await store.compareAndSet("key", "other", "two")).toBe(false);
    expect(await store.get("key")).toBe("one");
    expect(await store.compareAndSet("key", "one", "two")).toBe(true);
    expect(await store.del("key", "one")).toBe(false);
    expect(await store.get("key")).toBe("two");
    expect(await store.del("key", "two")).toBe(true);
    expect(await store.get("key")).toBeNull();
  });

  it("expires a key after its time to live", async () => {
    const store = await open();
    await store.set("short", "value", { ttlMs: 150 });
    expect(await store.get("short")).toBe("value");
    await expect.poll(() => store.get("short"), { timeout: 2_000, interval: 50 }).toBeNull();
  });

  it("counts in a hash, drops a field that reaches zero, deletes a field", async () => {
    const store = await open();
    expect(await store.hashIncrement("presence", "7", 1)).toBe(1);
    expect(await store.hashIncrement("presence", "7", 1)).toBe(2);
    expect(await store.hashIncrement("presence", "9", 1)).toBe(1);
    expect(await store.hashIncrement("presence", "7", -2)).toBe(0);
    expect(await store.hashGetAll("presence")).toEqual({ "9": "1" });
    await store.hashDelete("presence", "9");
    expect(await store.hashGetAll("presence")).toEqual({});
    await store.hashSet("summaries", "12", '{"a":1}');
    expect(await store.hashGetAll("summaries")).toEqual({ "12": '{"a":1}' });
  });

  it("counts calls within a window and starts over after it", async () => {
    const store = await open();
    expect(await store.countInWindow("rate", 300)).toBe(1);
    expect(await store.countInWindow("rate", 300)).toBe(2);
    expect(await store.countInWindow("rate", 300)).toBe(3);
    await expect.poll(() => store.get("rate"), { timeout: 2_000, interval: 50 }).toBeNull();
    expect(await store.countInWindow("rate", 300)).toBe(1);
  });

  it("keeps only the last items of a list", async () => {
    const store = await open();
    for (const item of ["1", "2", "3", "4"]) await store.listPush("history", item, 3);
    expect(await store.listRange("history")).toEqual(["2", "3", "4"]);
  });

  it("delivers published messages to subscribers until they unsubscribe", async () => {
    const store = await open();
    const received: string[] = [];
    let bothArrived!: () => void;
    const arrival = new Promise<void>((resolve) => (bothArrived = resolve));
    const unsubscribe = await store.subscribe("channel", (message) => {
      received.push(message);
      if (received.length === 2) bothArrived();
    });
    await store.publish("channel", "hello");
    await store.publish("channel", "world");
    await arrival;
    await unsubscribe();

    // A later subscriber hears the next message; the one that left does not.
    let heard!: (message: string) => void;
    const later = new Promise<string>((resolve) => (heard = resolve));
    await store.subscribe("channel", heard);
    await store.publish("channel", "late");
    expect(await later).toBe("late");
    expect(received).toEqual(["hello", "world"]);
  });
});
