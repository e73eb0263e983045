// Each HTTP request gets an id, the client's own X-Request-Id when it sends a sane one (a proxy's),
// else a new one; it goes back in the response's X-Request-Id and on every log line written while
// the request is handled. The completed request is logged at debug (an access log), or as an
// error when the server failed it.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../infra/log";

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers["x-request-id"];
  const id = typeof given === "string" && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader("X-Request-Id", id);
  return id;
}

/** `reqId` is named here too: the response's events run outside the request's log context. */
export function logCompletion(request: IncomingMessage, response: ServerResponse, log: Logger, reqId: string): void {
  const start = performance.now();
  response.once("finish", () => {
    // The path only: a query string may carry what a user typed.
    const context = { reqId, method: request.method, path: (request.url ?? "").split("?")[0], status: response.statusCode, ms: Math.round(performance.now() - start) };
    if (response.statusCode >= 500) log.error("request failed", context);
    else log.debug("request", context);
  });
}
