// Helpers for route handlers: JSON bodies parsed with zod, errors in one shape.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { fieldErrors, type ApiError } from "../../protocol/http";
import { idParam } from "./params";
import { errorAnswer, type Answer } from "./answers";
import { currentUser, type SessionUser } from "./auth";
import { CLIENT_ADDRESS_HEADER } from "../client-address";
import { appContext } from "../../app/context";
import type { BudgetName, Refusal } from "../../app/limits";

/** Counts a refused request in the metrics (server.ts has always built the app before a route runs). */
function countRefusal(code: string): void {
  appContext().metrics.refusals.inc({ transport: "http", code });
}

/** Sends an answer worked out by answers.ts. */
export function send({ status, body }: Answer) {
  if (status >= 400 && typeof body === "object" && body !== null && "error" in body) countRefusal((body as ApiError).error.code);
  return NextResponse.json(body, { status });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>) {
  return send(errorAnswer(status, code, message, fields));
}

/** 429 rate_limited, with retry_after in the body and a Retry-After header. */
export function rateLimited({ retryAfterSeconds }: Refusal, message = "Too many requests: try again later") {
  countRefusal("rate_limited");
  return NextResponse.json<ApiError>(
    { error: { code: "rate_limited", message, retry_after: retryAfterSeconds } },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds) } },
  );
}

/** The client's address, as server.ts worked it out (TRUST_PROXY). */
export function requestAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** Spends one point of each budget for `key`; the 429 response to send instead when one is spent. */
async function spend(key: string | number, names: BudgetName[]): Promise<NextResponse | null> {
  for (const name of names) {
    const refused = await appContext().limits.consume(name, key);
    if (refused) return rateLimited(refused);
  }
  return null;
}

/** For endpoints open to anyone: the caller's HTTP budget, per user when logged in, else per address. */
export async function withinHttpBudget(request: Request): Promise<NextResponse | null> {
  const user = await currentUser();
  return spend(user ? `user:${user.id}` : `address:${requestAddress(request)}`, ["http"]);
}

const MAX_BODY_BYTES = 16 * 1024;

/** The body as text, or the 413 response to send instead. The limit is in bytes (UTF-8 on the wire), not in characters. */
export async function readBody(request: Request): Promise<{ text: string } | { response: NextResponse }> {
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > MAX_BODY_BYTES) return { response: apiError(413, "body_too_large", "The request body is too large") };
  return { text: new TextDecoder().decode(body) };
}

/** Parses a JSON body with `schema`; on failure returns the 400/413 response to send instead. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ data: T } | { response: NextResponse }> {
  const body = await readBody(request);
  if ("response" in body) return body;
  const { text } = body;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { response: apiError(400, "invalid_json", "The request body must be JSON") };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    return { response: apiError(400, "invalid_input", Object.values(fields)[0] ?? "Invalid input", fields) };
  }
  return { data: result.data };
}

/** The logged-in user within their HTTP budget (and the `also` budgets), or the 401 / 429 response to send instead. */
export async function requireUser(...also: BudgetName[]): Promise<{ user: SessionUser } | { response: NextResponse }> {
  const user = await currentUser();
  if (!user) return { response: apiError(401, "unauthorized", "Log in first") };
  const refused = (await spend(`user:${user.id}`, ["http"])) ?? (await spend(user.id, also));
  return refused ? { response: refused } : { user };
}

/** A numeric id from the path, or the 404 response to send instead. */
export function parseIdParam(raw: string): { id: number } | { response: NextResponse } {
  const id = idParam(raw);
  return id === null ? { response: apiError(404, "not_found", "Not found") } : { id };
}
