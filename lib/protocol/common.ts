// Shapes shared by every namespace: acknowledgements and error codes.
import { z } from "zod";

export const ERROR_CODES = [
  "invalid_message", // the payload does not match the event's schema
  "unauthorized", // no valid session
  "forbidden", // valid session, but not allowed to do this
  "not_found", // the match / challenge / user does not exist
  "unknown_user",
  "self",
  "offline",
  "busy",
  "pending",
  "in_match", // the sender is already playing a match
  "already_seeking", // the sender is already in the quick-pairing pool
  "rate_limited", // over a budget: retry_after says in how many seconds to try again
  "bad_state", // the action does not fit the current state (e.g. ready before register)
  "unavailable", // the process running the match did not answer in time; try again
  "too_many_connections", // connect_error: the user has SOCKETS_PER_USER connections open already
  "too_many_messages", // sent with the disconnection of a socket that stayed over its message budget
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** With rate_limited: seconds until the action may be tried again. */
  retry_after?: number;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

/** Server → client when a refused message carried no acknowledgement callback. */
export interface ErrorEvent extends ErrorBody {
  type: "error";
}

export const idSchema = z.number().int().positive().max(2_147_483_647);
export const usernameText = z.string().min(1).max(40);
