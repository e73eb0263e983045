// One contract, both live-store implementations.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "@/lib/infra/store/memory";
import { connectRedis, createRedisStore } from "@/lib/infra/store/redis";
import type { LiveStore } from "@/lib/infra/store/types";
import { isCI } from "../helpers/ci";

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
else {
  if (isCI()) throw new Error(`CI=${process.env.CI} but TEST_REDIS_URL is not set: the Redis store cannot be tested (run the tests with npm test)`);
  console.warn("\n!! TEST_REDIS_URL not set: the Redis live-store contract tests are SKIPPED (npm test starts a Redis)\n");
}

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
    // Long enough to be read back on a loaded machine; the expiry is then awaited, not timed.
    await store.set("short", "value", { ttlMs: 3_000 });
    expect(await store.get("short")).toBe("value");
    await expect.poll(() => store.get("short"), { timeout: 15_000, interval: 100 }).toBeNull();
  });

  it("sets, reads and deletes hash fields; only one of two deletions of a field finds it", async () => {
    const store = await open();
    await store.hashSet("presence", "7", "2");
    await store.hashSet("presence", "9", "1");
    expect(await store.hashDelete("presence", "7")).toBe(true);
    expect(await store.hashGetAll("presence")).toEqual({ "9": "1" });
    expect(await store.hashGet("presence", "9")).toBe("1");
    expect(await store.hashDelete("presence", "9")).toBe(true);
    expect(await store.hashDelete("presence", "9")).toBe(false);
    expect(await store.hashGet("presence", "9")).toBeNull();
    expect(await store.hashGetAll("presence")).toEqual({});
    await store.hashSet("summaries", "12", '{"a":1}');
    expect(await store.hashGetAll("summaries")).toEqual({ "12": '{"a":1}' });
  });

  it("replaces a whole hash, and deletes it when given nothing", async () => {
    const store = await open();
    await store.hashSet("tally", "old", "1");
    await store.hashReplace("tally", { a: "2", b: "3" });
    expect(await store.hashGetAll("tally")).toEqual({ a: "2", b: "3" });
    await store.hashReplace("tally", {});
    expect(await store.hashGetAll("tally")).toEqual({});
  });

  it("limits a key to its points within the window, shared by every limiter of the same name", async () => {
    const store = await open();
    // A window long enough that the three calls below fall in it even on a loaded machine.
    const [first, second] = [0, 1].map(() => store.limiter({ name: "test", points: 2, durationMs: 3_000 }));
    await first!.consume("alice");
    await second!.consume("alice");
    await expect(first!.consume("alice")).rejects.toMatchObject({ remainingPoints: 0 });
    await second!.consume("bob");
    // After the window, the key starts over.
    await expect.poll(async () => (await first!.get("alice")) === null, { timeout: 15_000, interval: 100 }).toBe(true);
    await first!.consume("alice");
  });

  it("sets a hash field only when absent, and takes several fields all or none", async () => {
    const store = await open();
    expect(await store.hashSetIfAbsent("pool", "1", "a")).toBe(true);
    expect(await store.hashSetIfAbsent("pool", "1", "b")).toBe(false);
    expect(await store.hashGet("pool", "1")).toBe("a");
    await store.hashSet("pool", "2", "c");
    expect(await store.hashLength("pool")).toBe(2);
    // One field missing: nothing is taken.
    expect(await store.hashTakeAll("pool", ["1", "3"])).toBe(false);
    expect(await store.hashLength("pool")).toBe(2);
    // Two racing takes of the same fields: exactly one wins.
    const takes = await Promise.all([store.hashTakeAll("pool", ["1", "2"]), store.hashTakeAll("pool", ["2", "1"])]);
    expect(takes.filter(Boolean)).toHaveLength(1);
    expect(await store.hashGetAll("pool")).toEqual({});
    expect(await store.hashLength("pool")).toBe(0);
  });

  it("keeps a sorted set by score, drops members scored below a bound, and expires the set", async () => {
    const store = await open();
    await store.sortedAdd("recent", "1:2", 100);
    await store.sortedAdd("recent", "3:4", 300);
    await store.sortedAdd("recent", "5:6", 200);
    await store.sortedAdd("recent", "1:2", 400);
    expect(await store.sortedTrimAndRange("recent", 0)).toEqual([
      { member: "5:6", score: 200 },
      { member: "3:4", score: 300 },
      { member: "1:2", score: 400 },
    ]);
    expect(await store.sortedTrimAndRange("recent", 300)).toEqual([
      { member: "3:4", score: 300 },
      { member: "1:2", score: 400 },
    ]);
    expect(await store.sortedTrimAndRange("recent", 0)).toHaveLength(2);
    await store.sortedAdd("recent", "7:8", 500, { ttlMs: 3_000 });
    await expect.poll(() => store.sortedTrimAndRange("recent", 0), { timeout: 15_000, interval: 100 }).toEqual([]);
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
