// One wrapper for every client → server event: parse the payload with the event's schema, spend
// the sender's budget for the event, run the handler, answer through the acknowledgement (or an
// `error` event when there is none). A refusal (lib/app/refusal.ts) becomes the error answer; a
// handler that throws anything else answers `internal` and changes nothing further: nothing a
// client sends can crash the process.
import type { z } from "zod";
import type { BudgetName, Limits } from "../../app/limits";
import { RefusedError, refuseRateLimited } from "../../app/refusal";
import type { Logger } from "../../infra/log";
import type { Metrics } from "../../infra/metrics";
import type { Ack, AckCallback, ErrorBody, ErrorCode, ErrorEvent } from "../../protocol/common";
import type { SocketData } from "./types";

/** A client → server event's message and acknowledgement result, from its signature in the event map. */
type MessageOf<Event> = Event extends (message: infer Message, ...rest: never[]) => void ? Message : never;
type ResultOf<Event> = Event extends (message: never, ack?: AckCallback<infer Result>) => void ? Result : never;

export interface EventHandler<Event> {
  schema: z.ZodType<MessageOf<Event>>;
  /** The per-user budget each message spends (lib/app/limits.ts); null for paddle moves, which have only their per-socket bucket (socket-guard.ts). */
  budget: BudgetName | null;
  /** Returns the acknowledgement's fields, if any; synchronous where it can (paddle moves). */
  run(message: MessageOf<Event>): Promise<ResultOf<Event> | void> | ResultOf<Event> | void;
}

/** One handler per event of the namespace's client → server map: the compiler checks the names and shapes. */
export type HandlerTable<ClientToServer> = { [Event in keyof ClientToServer & string]: EventHandler<ClientToServer[Event]> };

export interface HandleDeps {
  log: Logger;
  limits: Limits;
  metrics: Metrics;
}

/** What the wrapper needs of a socket, whatever its namespace. */
interface HandledSocket {
  data: SocketData;
  nsp: { name: string };
  on(event: string, listener: (payload: unknown, ack: unknown) => void): unknown;
  emit(event: "error", message: ErrorEvent): unknown;
}

type AnyHandler = EventHandler<(message: unknown, ack?: AckCallback<object>) => void>;

export function registerHandlers<ClientToServer>(socket: HandledSocket, table: HandlerTable<ClientToServer>, deps: HandleDeps): void {
  for (const [event, handler] of Object.entries<AnyHandler>(table as Record<string, AnyHandler>)) register(socket, event, handler, deps);
}

function register(socket: HandledSocket, event: string, { schema, budget, run: handler }: AnyHandler, { log, limits, metrics }: HandleDeps): void {
  type Answer = (response: Ack<object>) => void;
  // Bound once per socket and event: counting a message is then one addition.
  const received = metrics.messagesIn.labels(socket.nsp.name, event);
  const fail = (ack: Answer | undefined, code: ErrorCode, message: string, retryAfter?: number) => {
    metrics.refusals.inc({ transport: "socket", code });
    const error: ErrorBody = { code, message, ...(retryAfter !== undefined && { retry_after: retryAfter }) };
    if (ack) ack({ ok: false, error });
    else socket.emit("error", { type: "error", ...error });
  };
  const failWith = (ack: Answer | undefined, error: unknown) => {
    if (error instanceof RefusedError) return fail(ack, error.code, error.message, error.retryAfter);
    log.error(`${event} from ${socket.data.user.name} failed: ${(error as Error).stack ?? error}`, { userId: socket.data.user.id, event, namespace: socket.nsp.name });
    fail(ack, "internal", "The server could not handle this message");
  };
  const succeed = (ack: Answer | undefined, result: object | void) => ack?.({ ok: true, ...(result ?? {}) });
  const run = (message: unknown): Promise<object | void> | object | void => {
    if (!budget) return handler(message);
    return limits.consume(budget, socket.data.user.id).then((refused) => {
      if (refused) refuseRateLimited(refused, `You are doing this too often: try again in ${refused.retryAfterSeconds} s`);
      return handler(message);
    });
  };
  // Per message, nothing is allocated beyond the parse unless the handler is asynchronous: paddle
  // moves arrive thousands of times a second.
  socket.on(event, (payload: unknown, maybeAck: unknown) => {
    // emit(event, ack) without a payload: Socket.IO hands the acknowledgement over as the only
    // argument. It must still be answered (invalid_message), not left waiting for ever.
    received.inc();
    if (maybeAck === undefined && typeof payload === "function") [payload, maybeAck] = [undefined, payload];
    const ack = typeof maybeAck === "function" ? (maybeAck as Answer) : undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(ack, "invalid_message", `Invalid ${event} message${issue ? `: ${issue.path.join(".") || "payload"} ${issue.message}` : ""}`);
    }
    let outcome: Promise<object | void> | object | void;
    try {
      outcome = run(parsed.data);
    } catch (error) {
      return failWith(ack, error);
    }
    if (outcome instanceof Promise) outcome.then((result) => succeed(ack, result)).catch((error: unknown) => failWith(ack, error));
    else succeed(ack, outcome);
  });
}
