// One wrapper for every client → server event: parse the payload with the event's schema, run
// the handler, answer through the acknowledgement (or an `error` event when there is none).
// A handler that throws answers `internal` and changes nothing further; nothing a client sends
// can crash the process.
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { Ack, ErrorCode } from "../protocol/common";
import type { Logger } from "../server/log";

export class RefusedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Refuses the current message with `code`: the wrapper turns it into the error answer. */
export function refuse(code: ErrorCode, message: string): never {
  throw new RefusedError(code, message);
}

export function handle<Schema extends z.ZodType, Result extends object>(
  socket: Socket,
  event: string,
  schema: Schema,
  log: Logger,
  handler: (message: z.infer<Schema>) => Promise<Result | void> | Result | void,
): void {
  type Answer = (response: Ack<Result>) => void;
  const fail = (ack: Answer | undefined, code: ErrorCode, message: string) => {
    if (ack) ack({ ok: false, error: { code, message } });
    else socket.emit("error", { type: "error", code, message });
  };
  const failWith = (ack: Answer | undefined, error: unknown) => {
    if (error instanceof RefusedError) return fail(ack, error.code, error.message);
    log.error(`${event} from ${socket.data.user?.name}: ${(error as Error).stack ?? error}`);
    fail(ack, "internal", "The server could not handle this message");
  };
  const succeed = (ack: Answer | undefined, result: Result | void) => ack?.({ ok: true, ...(result ?? {}) } as Ack<Result>);
  // Per message, nothing is allocated beyond the parse unless the handler is asynchronous: paddle
  // moves arrive thousands of times a second.
  socket.on(event, (payload: unknown, maybeAck: unknown) => {
    const ack = typeof maybeAck === "function" ? (maybeAck as Answer) : undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(ack, "invalid_message", `Invalid ${event} message${issue ? `: ${issue.path.join(".") || "payload"} ${issue.message}` : ""}`);
    }
    let outcome: Promise<Result | void> | Result | void;
    try {
      outcome = handler(parsed.data);
    } catch (error) {
      return failWith(ack, error);
    }
    if (outcome instanceof Promise) outcome.then((result) => succeed(ack, result)).catch((error: unknown) => failWith(ack, error));
    else succeed(ack, outcome);
  });
}
