// Per-socket protection, before any handler runs: a token bucket for paddle moves and one for
// everything else (over budget, a message is dropped before its payload is even validated), a
// disconnection for a socket that goes far over budget, and a cap on each user's connections over
// every process. The buckets are local on purpose: a socket lives on one process, and paddle moves
// are the hot path (thousands a second), so they cost no store round trip and no promise.
import type { Logger } from "../../infra/log";
import type { AnySocket } from "./types";
import type { ProcessLedger } from "../../app/process-ledger";

/**
 * A bucket of `burst` tokens refilled at `ratePerSecond`; each message takes one. A message that
 * finds no token is dropped and still counted, as debt: the debt, in seconds of refill, says how
 * far over its budget the sender has gone (20,000 messages against 60 a second: over 5 minutes).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0;
  }

  /** How long, in seconds, the bucket needs to refill to empty: 0 while within budget. */
  get debtSeconds(): number {
    return Math.max(0, -this.tokens / this.ratePerSecond);
  }
}

export interface MessageBudget {
  movesPerSecond: number;
  eventsPerSecond: number;
  floodMs: number;
}

const MOVE_EVENTS = new Set(["player1_position", "player2_position"]);

/** `onDropped`: told of each message dropped for going over the budget (the refusals metric). */
export function limitMessages(socket: AnySocket, budget: MessageBudget, log: Logger, onDropped: () => void = () => {}): void {
  const start = Date.now();
  const moves = new TokenBucket(budget.movesPerSecond, budget.movesPerSecond * 2, start);
  const others = new TokenBucket(budget.eventsPerSecond, budget.eventsPerSecond * 2, start);
  let cutOff = false;
  socket.use((packet, next) => {
    const bucket = MOVE_EVENTS.has(packet[0]) ? moves : others;
    if (bucket.take(Date.now())) return next();
    onDropped();
    // Dropped: next() is not called, so no handler (and no schema) sees the message. A client
    // waiting for an answer is told, so it does not wait for ever.
    const ack = packet.at(-1);
    if (typeof ack === "function" && !cutOff) {
      const retryAfter = Math.max(1, Math.ceil(bucket.debtSeconds));
      ack({ ok: false, error: { code: "rate_limited", message: "You are sending messages too fast", retry_after: retryAfter } });
    }
    // A socket whose debt reaches floodMs of its budget keeps sending far faster than it may: cut off.
    if (cutOff || bucket.debtSeconds * 1000 < budget.floodMs) return;
    cutOff = true;
    log.warn(`disconnected ${socket.data.user.name} (${socket.data.address}) on ${socket.nsp.name}: far over its message budget`, {
      userId: socket.data.user.id,
      event: packet[0],
      namespace: socket.nsp.name,
    });
    socket.emit("error", { type: "error", code: "too_many_messages", message: "You were disconnected for sending too many messages. Reload the page to reconnect." });
    // The whole connection goes: a client flooding one namespace gets no other.
    socket.disconnect(true);
  });
}

const REFUSED_CLOSE_DELAY_MS = 1_000;

/** The verdict on a connection, shared by all the namespaces it carries. */
type Conn = AnySocket["conn"] & { admitted?: Promise<boolean> };

/**
 * Socket.IO middleware: at most `max` connections per user over every process (a connection is a
 * browser tab, carrying its namespaces). The next one is refused with connect_error
 * too_many_connections, and closed.
 */
export function limitConnections(ledger: ProcessLedger, max: number) {
  /** Each user's admissions on this process, one after the other, so a burst of tabs gets exactly what is left. */
  const queues = new Map<number, Promise<unknown>>();
  const check = async (conn: Conn, userId: number): Promise<boolean> => {
    // Counted first, checked after: connections racing on other processes cannot all slip in.
    const total = await ledger.addConnection(userId, 1);
    if (total > max || conn.readyState === "closed") {
      await ledger.addConnection(userId, -1);
      return false;
    }
    conn.once("close", () => void ledger.addConnection(userId, -1).catch(() => {}));
    return true;
  };
  const admit = (conn: Conn, userId: number): Promise<boolean> => {
    const verdict = (queues.get(userId) ?? Promise.resolve()).then(() => check(conn, userId));
    const settled = verdict.catch(() => {});
    queues.set(userId, settled);
    void settled.then(() => queues.get(userId) === settled && queues.delete(userId));
    return verdict;
  };
  return async (socket: AnySocket, next: (error?: Error) => void): Promise<void> => {
    const conn: Conn = socket.conn;
    const { user } = socket.data;
    let admitted: boolean;
    try {
      admitted = await (conn.admitted ??= admit(conn, user.id));
    } catch {
      return next(Object.assign(new Error("unavailable"), { data: { code: "unavailable", message: "The server could not take the connection: try again" } }));
    }
    if (admitted) return next();
    next(Object.assign(new Error("too_many_connections"), { data: { code: "too_many_connections", message: `You have ${max} connections open already: close a tab first` } }));
    // The refused tab's connection goes once the refusal has reached it.
    setTimeout(() => conn.close(), REFUSED_CLOSE_DELAY_MS).unref();
  };
}
