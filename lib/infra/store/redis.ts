// Redis store: shared by every server process. Compare-and-set runs as Lua so it is atomic.
import { createClient } from "redis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { LiveStore, MessageHandler } from "./types";

export type RedisClient = Awaited<ReturnType<typeof connectRedis>>;

const COMPARE_AND_SET = `
if redis.call("GET", KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[3] == "" then redis.call("SET", KEYS[1], ARGV[2]) else redis.call("SET", KEYS[1], ARGV[2], "PX", ARGV[3]) end
return 1`;

const COMPARE_AND_DELETE = `
if redis.call("GET", KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call("DEL", KEYS[1])`;

const TAKE_ALL_FIELDS = `
for _, field in ipairs(ARGV) do
  if redis.call("HEXISTS", KEYS[1], field) == 0 then return 0 end
end
redis.call("HDEL", KEYS[1], unpack(ARGV))
return 1`;

export async function connectRedis(url: string) {
  const client = createClient({ url });
  // Without a listener node-redis throws on errors; reconnection is automatic.
  client.on("error", (error: Error) => console.error(`[redis] ${error.message}`));
  await client.connect();
  return client;
}

/** `client` carries commands; `subscriber` is a second connection (Redis requires one for subscriptions). */
export async function createRedisStore(client: RedisClient, subscriber: RedisClient, prefix: string): Promise<LiveStore> {
  const k = (key: string) => `${prefix}:${key}`;

  return {
    kind: "redis",
    async get(key) {
      return client.get(k(key));
    },
    async set(key, value, options = {}) {
      const reply = await client.set(k(key), value, {
        ...(options.ttlMs !== undefined && { expiration: { type: "PX", value: options.ttlMs } }),
        ...(options.onlyIfAbsent && { condition: "NX" }),
      });
      return reply === "OK";
    },
    async compareAndSet(key, expected, value, options = {}) {
      const ttl = options.ttlMs === undefined ? "" : String(options.ttlMs);
      return (await client.eval(COMPARE_AND_SET, { keys: [k(key)], arguments: [expected, value, ttl] })) === 1;
    },
    async del(key, expected) {
      if (expected === undefined) return (await client.del(k(key))) > 0;
      return (await client.eval(COMPARE_AND_DELETE, { keys: [k(key)], arguments: [expected] })) === 1;
    },
    async hashGet(key, field) {
      return (await client.hGet(k(key), field)) ?? null;
    },
    async hashGetAll(key) {
      return { ...(await client.hGetAll(k(key))) };
    },
    async hashReplace(key, entries) {
      const transaction = client.multi().del(k(key));
      if (Object.keys(entries).length) transaction.hSet(k(key), entries);
      await transaction.exec();
    },
    async hashSet(key, field, value) {
      await client.hSet(k(key), field, value);
    },
    async hashDelete(key, field) {
      return (await client.hDel(k(key), field)) > 0;
    },
    async hashSetIfAbsent(key, field, value) {
      return (await client.hSetNX(k(key), field, value)) === 1;
    },
    async hashTakeAll(key, fields) {
      if (!fields.length) return true;
      return (await client.eval(TAKE_ALL_FIELDS, { keys: [k(key)], arguments: fields })) === 1;
    },
    async hashLength(key) {
      return client.hLen(k(key));
    },
    async sortedAdd(key, member, score, options = {}) {
      const transaction = client.multi().zAdd(k(key), { score, value: member });
      if (options.ttlMs !== undefined) transaction.pExpire(k(key), options.ttlMs);
      await transaction.exec();
    },
    async sortedTrimAndRange(key, minScore) {
      const [, members] = await client.multi().zRemRangeByScore(k(key), "-inf", `(${minScore}`).zRangeWithScores(k(key), 0, -1).exec();
      return (members as unknown as { value: string; score: number }[]).map(({ value, score }) => ({ member: value, score }));
    },
    limiter({ name, points, durationMs }) {
      // Redis expiries are whole seconds.
      const duration = Math.max(1, Math.ceil(durationMs / 1000));
      return new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        keyPrefix: k(`ratelimit:${name}`),
        points,
        duration,
        // While Redis is unreachable, each process counts on its own rather than waiting or failing open.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
    },
    async listPush(key, value, maxLength) {
      await client.multi().rPush(k(key), value).lTrim(k(key), -maxLength, -1).exec();
    },
    async listRange(key) {
      return client.lRange(k(key), 0, -1);
    },
    async publish(channel, message) {
      await client.publish(k(channel), message);
    },
    async subscribe(channel, handler: MessageHandler) {
      await subscriber.subscribe(k(channel), handler);
      return async () => {
        await subscriber.unsubscribe(k(channel), handler);
      };
    },
    async ping() {
      await client.ping();
    },
    async close() {
      await subscriber.quit().catch(() => {});
    },
  };
}
