// GET /metrics: the process's Prometheus metrics, answered by server.ts before Next (an exact
// path, no trailing slash, the cost of a scrape kept small). With METRICS_TOKEN set, only a
// request carrying `Authorization: Bearer <token>` gets them.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { ApiError } from "../../protocol/http";

/** Whether the request may read the metrics: always without a token, else with that token. */
export function metricsAllowed(authorization: string | null | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const presented = Buffer.from(authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : "");
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export const METRICS_REFUSAL: ApiError = { error: { code: "unauthorized", message: "The metrics need Authorization: Bearer <METRICS_TOKEN>" } };

export async function serveMetrics(request: IncomingMessage, response: ServerResponse, { registry, token }: { registry: Registry; token: string | undefined }): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  if (!metricsAllowed(request.headers.authorization, token)) {
    response.writeHead(401, { "content-type": "application/json", "www-authenticate": "Bearer", "cache-control": "no-store" }).end(JSON.stringify(METRICS_REFUSAL));
    return;
  }
  const body = await registry.metrics();
  response.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(request.method === "HEAD" ? undefined : body);
}
