// The one way the browser calls the HTTP endpoints: GET or POST, JSON in, JSON out, and every failure
// (no network, the server's `{ error: { code, message, fields?, retry_after? } }`, or an answer
// with no such body) turned into one result type. Callers word the failures for their page.
import type { ApiError } from "@/lib/protocol/http";

export type ApiErrorDetail = ApiError["error"];

/**
 * `status` NETWORK_FAILURE (0): the request never reached the server (offline, DNS, connection reset).
 * `error` null: the server answered without the standard error body (a proxy's page, a crash).
 */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiErrorDetail | null };

export const NETWORK_FAILURE = 0;

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const { error } = body;
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string";
}

/** Accepts any success body (or none): for endpoints whose status is the whole answer. */
export const anyBody = (body: unknown): body is unknown => typeof body !== "symbol";

/**
 * POSTs `body` as JSON (no body at all when undefined) and parses the answer. A 2xx answer whose
 * body `accept` refuses counts as a failure, so callers only ever see data of the promised shape.
 */
export function postJson<T>(url: string, body: unknown, accept: (data: unknown) => data is T): Promise<ApiResult<T>> {
  const init: RequestInit =
    body === undefined ? { method: "POST" } : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  return requestJson(url, init, accept);
}

/** GETs `url` and parses the answer, as postJson does. */
export function getJson<T>(url: string, accept: (data: unknown) => data is T): Promise<ApiResult<T>> {
  return requestJson(url, { method: "GET" }, accept);
}

async function requestJson<T>(url: string, init: RequestInit, accept: (data: unknown) => data is T): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, status: NETWORK_FAILURE, error: null };
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok && accept(data)) return { ok: true, status: response.status, data };
  return { ok: false, status: response.status, error: isApiError(data) ? data.error : null };
}

/** A guard for `{ [key]: <object> }` / `{ [key]: number }` answers. */
export function hasField<K extends string, V>(key: K, check: (value: unknown) => value is V) {
  return (data: unknown): data is Record<K, V> => typeof data === "object" && data !== null && key in data && check((data as Record<K, unknown>)[key]);
}

export const isNumber = (value: unknown): value is number => typeof value === "number";
export const isObject = (value: unknown): value is object => typeof value === "object" && value !== null;
