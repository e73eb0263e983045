// A refused request, as services and socket handlers say it: a protocol error code and a
// message for the user. The socket wrapper (lib/transport/socketio/handle.ts) turns it into the
// error answer; anything else thrown is a bug, answered `internal`.
import type { Refusal } from "./limits";
import type { ErrorCode } from "../protocol/common";

export class RefusedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Refuses the current request with `code`. */
export function refuse(code: ErrorCode, message: string): never {
  throw new RefusedError(code, message);
}

/** Refuses the current request as over a budget. */
export function refuseRateLimited({ retryAfterSeconds }: Refusal, message: string): never {
  throw new RefusedError("rate_limited", message, retryAfterSeconds);
}
