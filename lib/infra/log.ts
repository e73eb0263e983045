// The process's logs: one JSON object a line (pino), with a level, the time, the message and the
// context of what it is about (a user, an event, a match). Lines written while an HTTP request is
// handled carry its request id (withRequestId). In development, pino-pretty prints them for people.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

export type Level = "debug" | "info" | "warn" | "error";

/** Fields a line is about: user id, event, match id… never secrets (and `redact` below drops them if they slip in). */
export type LogContext = Record<string, unknown>;

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  /** Printed at any level: the start line scripts and tests wait for. */
  announce(message: string): void;
}

const request = new AsyncLocalStorage<{ reqId: string }>();

/** Runs `handle` with `reqId` on every line logged while it (and what it starts) runs. */
export function withRequestId<T>(reqId: string, handle: () => T): T {
  return request.run({ reqId }, handle);
}

/** Keys whose values never reach a line, wherever a context puts them. */
const REDACTED = ["password", "passwordHash", "secret", "token", "cookie", "authorization", "*.password", "*.passwordHash", "*.secret", "*.token", "*.cookie", "*.authorization", "*.headers.cookie", "*.headers.authorization"];

export function createLogger(minimum: Level = "info", { pretty = false }: { pretty?: boolean } = {}): Logger {
  const base = pino({
    level: minimum,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"warn" rather than a number: readable in a terminal and by grep.
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => request.getStore() ?? {},
    redact: { paths: REDACTED, censor: "[redacted]" },
    ...(pretty && { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid" } } }),
  });
  const announcer = base.child({}, { level: "info" });
  const write = (level: Level) => (message: string, context?: LogContext) => (context ? base[level](context, message) : base[level](message));
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error"), announce: (message) => announcer.info(message) };
}
