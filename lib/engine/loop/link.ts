// The main thread's end of the simulation thread (thread.ts): starts it, batches what goes
// to it (paddle inputs by the hundred a second, in one message every few ms) and pairs replies
// with requests.
import { Worker } from "node:worker_threads";
import type { FromLoop, LoopReply, LoopThreadData, ToLoop } from "./protocol";

/** How long notices wait to be sent together; well under one tick (16.7 ms). */
const NOTICE_BATCH_MS = 4;

type WithoutId<Message> = Message extends unknown ? Omit<Message, "id"> : never;
/** What the thread answers: state, stats, handover, and commands whose outcome the caller needs. */
type Request = WithoutId<Extract<ToLoop, { id: number }> | Extract<ToLoop, { op: "command" }>>;
/** What needs no answer: add, remove, and commands that cannot be refused. */
type Notice = WithoutId<Exclude<ToLoop, { id: number }>>;

export interface LoopLink {
  /** Fire and forget, delivered in order with everything else sent. */
  send(message: Notice): void;
  /** Delivered in order; resolves with the simulation thread's answer. */
  request<Reply extends LoopReply>(message: Request): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * Starts the simulation thread. The thread runs TypeScript through tsx, as server.ts does: the
 * bootstrap registers tsx's loader first (a worker does not inherit `--import` hooks).
 */
export function startLoopThread(onMessage: (message: FromLoop) => void, onFailure: (error: Error) => void): LoopLink {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./thread.ts", import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const wake = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(bootstrap, { eval: true, workerData: { wake } satisfies LoopThreadData, name: "match-loop" });

  const pending = new Map<number, { resolve(value: LoopReply): void; reject(error: Error): void }>();
  let nextId = 1;
  let queue: ToLoop[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let flushSoon: NodeJS.Immediate | undefined;
  let closing = false;

  const flush = () => {
    clearTimeout(flushTimer);
    clearImmediate(flushSoon);
    flushTimer = flushSoon = undefined;
    const batch = queue;
    queue = [];
    worker.postMessage(batch);
    // The simulation thread sleeps on `wake` between ticks: it takes the batch in at once.
    Atomics.add(wake, 0, 1);
    Atomics.notify(wake, 0);
  };
  // Notices (paddle moves above all) wait a few ms to share a message: thousands of inputs a
  // second become a few hundred wake-ups of the simulation thread. Requests go at once.
  const enqueue = (message: ToLoop, urgent: boolean) => {
    queue.push(message);
    if (urgent) flushSoon ??= setImmediate(flush);
    else flushTimer ??= setTimeout(flush, NOTICE_BATCH_MS);
  };
  const fail = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    if (!closing) onFailure(error);
  };

  worker.on("message", (message: FromLoop) => {
    for (const { id, value } of message.replies) {
      pending.get(id)?.resolve(value);
      pending.delete(id);
    }
    onMessage(message);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the simulation thread exited (code ${code})`)));

  return {
    send: (message) => enqueue(message as ToLoop, false),
    request<Reply extends LoopReply>(message: Request) {
      const id = nextId++;
      return new Promise<Reply>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: LoopReply) => void, reject });
        enqueue({ ...message, id } as ToLoop, true);
      });
    },
    async close() {
      closing = true;
      clearTimeout(flushTimer);
      clearImmediate(flushSoon);
      await worker.terminate();
    },
  };
}
