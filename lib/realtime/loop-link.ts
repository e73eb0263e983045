// The main thread's end of the simulation thread (loop-thread.ts): starts it, batches what goes
// to it (one postMessage per event-loop turn, however many paddle inputs arrived in that turn)
// and pairs replies with requests.
import { Worker } from "node:worker_threads";
import { LOOP_THREAD_MARK, type FromLoop, type LoopReply, type ToLoop } from "./loop-thread";

type Request = ToLoop extends infer Message ? (Message extends { id: number } ? Omit<Message, "id"> : never) : never;
type Notice = ToLoop extends infer Message ? (Message extends { id: number } ? never : Message) : never;

export interface LoopLink {
  /** Fire and forget, delivered in order with everything else sent. */
  send(message: Notice | Omit<Extract<ToLoop, { op: "command" }>, "id">): void;
  /** Delivered in order; resolves with the simulation thread's answer. */
  request<Reply extends LoopReply>(message: Request | Omit<Extract<ToLoop, { op: "command" }>, "id">): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * Starts the simulation thread. The thread runs TypeScript through tsx, as server.ts does: the
 * bootstrap registers tsx's loader first (a worker does not inherit `--import` hooks).
 */
export function startLoopThread(onMessage: (message: FromLoop) => void, onFailure: (error: Error) => void): LoopLink {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./loop-thread.ts", import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: LOOP_THREAD_MARK, name: "match-loop" });

  const pending = new Map<number, { resolve(value: LoopReply): void; reject(error: Error): void }>();
  let nextId = 1;
  let queue: ToLoop[] = [];
  let closing = false;

  const flush = () => {
    const batch = queue;
    queue = [];
    worker.postMessage(batch);
  };
  const enqueue = (message: ToLoop) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push(message);
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
    send: (message) => enqueue(message as ToLoop),
    request<Reply extends LoopReply>(message: Request | Omit<Extract<ToLoop, { op: "command" }>, "id">) {
      const id = nextId++;
      return new Promise<Reply>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: LoopReply) => void, reject });
        enqueue({ ...message, id } as ToLoop);
      });
    },
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
