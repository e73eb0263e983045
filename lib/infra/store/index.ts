// The process's live-state back-end, chosen from the environment: Redis when REDIS_URL is set,
// else in-process memory.
import type { createAdapter } from "@socket.io/redis-adapter";
import { createMemoryStore } from "./memory";
import type { LiveStore } from "./types";

export type { LiveStore } from "./types";

export interface LiveState {
  store: LiveStore;
  /** The Socket.IO adapter relaying broadcasts between processes; undefined in memory mode. */
  adapter?: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

export async function openLiveState(redisUrl: string | undefined, keyPrefix: string): Promise<LiveState> {
  if (redisUrl) {
    const [{ connectRedis, createRedisStore }, { createAdapter }] = await Promise.all([import("./redis"), import("@socket.io/redis-adapter")]);
    const [commands, adapterPublisher, adapterSubscriber] = await Promise.all([1, 2, 3].map(() => connectRedis(redisUrl)));
    const store = await createRedisStore(commands!, await connectRedis(redisUrl), keyPrefix);
    // The adapter publishes without catching: a broadcast in flight when Redis drops would be an
    // unhandled rejection. It is lost either way; Socket.IO has no retry for broadcasts.
    const publish = adapterPublisher!.publish.bind(adapterPublisher);
    Object.assign(adapterPublisher!, { publish: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0) });
    return {
      store,
      adapter: createAdapter(adapterPublisher!, adapterSubscriber!, { key: `${keyPrefix}:socket.io` }),
      async close() {
        await store.close();
        await Promise.all([commands, adapterPublisher, adapterSubscriber].map((client) => client!.quit().catch(() => {})));
      },
    };
  }
  const store = createMemoryStore();
  return { store, close: () => store.close() };
}
