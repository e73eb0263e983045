// One wrapper for every client → server event: parse the payload with the event's schema, spend
// the sender's budget for the event, run the handler, answer through the acknowledgement (or an
// `error` event when there is none).
// A handler that throws answers `internal` and changes nothing further; nothing a client sends
// can crash the process.
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { Ack, ErrorBody, ErrorCode } from "../../protocol/common";
import { EVENT_BUDGETS, limits, type Refusal } from "../../app/limits";
import type { Logger } from "../../infra/log";
import type { SocketUser } from "./auth";

export class RefusedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Refuses the current message with `code`: the wrapper turns it into the error answer. */
export function refuse(code: ErrorCode, message: string): never {
  throw new RefusedError(code, message);
}

/** Refuses the current message as over a budget. */
export function refuseRateLimited({ retryAfterSeconds }: Refusal, message: string): never {
  throw new RefusedError("rate_limited", message, retryAfterSeconds);
}

export function handle<Schema extends z.ZodType, Result extends object>(
  socket: Socket,
  event: string,
  schema: Schema,
  log: Logger,
  handler: (message: z.infer<Schema>) => Promise<Result | void> | Result | void,
): void {
  type Answer = (response: Ack<Result>) => void;
  const fail = (ack: Answer | undefined, code: ErrorCode, message: string, retryAfter?: number) => {
    const error: ErrorBody = { code, message, ...(retryAfter !== undefined && { retry_after: retryAfter }) };
    if (ack) ack({ ok: false, error });
    else socket.emit("error", { type: "error", ...error });
  };
  const failWith = (ack: Answer | undefined, error: unknown) => {
    if (error instanceof RefusedError) return fail(ack, error.code, error.message, error.retryAfter);
    log.error(`${event} from ${socket.data.user?.name}: ${(error as Error).stack ?? error}`);
    fail(ack, "internal", "The server could not handle this message");
  };
  const succeed = (ack: Answer | undefined, result: Result | void) => ack?.({ ok: true, ...(result ?? {}) } as Ack<Result>);
  const budget = EVENT_BUDGETS[event];
  const run = (message: z.infer<Schema>): Promise<Result | void> | Result | void => {
    if (!budget) return handler(message);
    const user = socket.data.user as SocketUser;
    return limits()
      .consume(budget, user.id)
      .then((refused) => {
        if (refused) refuseRateLimited(refused, `You are doing this too often: try again in ${refused.retryAfterSeconds} s`);
        return handler(message);
      });
  };
  // Per message, nothing is allocated beyond the parse unless the handler is asynchronous: paddle
  // moves arrive thousands of times a second.
  socket.on(event, (payload: unknown, maybeAck: unknown) => {
    // emit(event, ack) without a payload: Socket.IO hands the acknowledgement over as the only
    // argument. It must still be answered (invalid_message), not left waiting for ever.
    if (maybeAck === undefined && typeof payload === "function") [payload, maybeAck] = [undefined, payload];
    const ack = typeof maybeAck === "function" ? (maybeAck as Answer) : undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(ack, "invalid_message", `Invalid ${event} message${issue ? `: ${issue.path.join(".") || "payload"} ${issue.message}` : ""}`);
    }
    let outcome: Promise<Result | void> | Result | void;
    try {
      outcome = run(parsed.data);
    } catch (error) {
      return failWith(ack, error);
    }
    if (outcome instanceof Promise) outcome.then((result) => succeed(ack, result)).catch((error: unknown) => failWith(ack, error));
    else succeed(ack, outcome);
  });
}
