// The live store with every call timed, for the metrics (store call latency per operation).
import { performance } from "node:perf_hooks";
import type { LiveStore } from "./types";

const TIMED = [
  "get",
  "set",
  "compareAndSet",
  "del",
  "hashGet",
  "hashGetAll",
  "hashSet",
  "hashReplace",
  "hashDelete",
  "hashSetIfAbsent",
  "hashTakeAll",
  "hashLength",
  "sortedAdd",
  "sortedTrimAndRange",
  "listPush",
  "listRange",
  "publish",
  "ping",
] as const satisfies readonly (keyof LiveStore)[];

/** `store`, with `observe(operation, seconds)` told the duration of each call (failed ones too). */
export function timedStore(store: LiveStore, observe: (operation: string, seconds: number) => void): LiveStore {
  // What is not timed (subscribe, limiter, close, kind) comes from the store itself.
  const timed = Object.create(store) as LiveStore;
  for (const operation of TIMED) {
    const call = (store[operation] as (...args: unknown[]) => Promise<unknown>).bind(store);
    Object.defineProperty(timed, operation, {
      value: (...args: unknown[]) => {
        const start = performance.now();
        return call(...args).finally(() => observe(operation, (performance.now() - start) / 1000));
      },
    });
  }
  return timed;
}
