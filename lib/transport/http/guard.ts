// What server.ts does to every HTTP request before Next sees it: the client's address for route
// handlers, the security headers (with a fresh CSP nonce), and the origin rule for state-changing
// requests. Socket.IO's requests (/socket.io/) never come here: engine.io answers them first.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Env } from "../../env";
import type { ApiError } from "../../protocol/http";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "../client-address";
import { configuredOrigins, FORBIDDEN_ORIGIN, originAllowed } from "../origin";
import { wellFormedPath } from "./params";

type GuardConfig = Pick<Env, "NODE_ENV" | "TRUST_PROXY" | "NEXTAUTH_URL" | "ALLOWED_ORIGINS">;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The policy of one response: only the site itself, and inline scripts carrying `nonce`. */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // Next's chunks are files of the site; its inline bootstrap scripts carry the nonce. React's
    // development build evaluates code for its debugging stacks.
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ""}`,
    // Next's built-in error pages (500, global error) are rendered with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self' covers ws: and wss: to the same host (CSP Level 3), which Socket.IO uses.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Whether the client reached the site over https: a public https URL, or a trusted proxy saying so. */
function servedOverHttps(request: IncomingMessage, config: GuardConfig): boolean {
  if (config.NEXTAUTH_URL && new URL(config.NEXTAUTH_URL).protocol === "https:") return true;
  if (config.TRUST_PROXY === 0) return false;
  // The first entry is the scheme the client used with the outermost proxy (as Express reads it).
  const forwarded = request.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

/**
 * Prepares `request` for Next and sets the security headers on `response`. Returns false when it
 * has answered the request itself (a state-changing request from a foreign origin: 403).
 */
export function guardHttpRequest(request: IncomingMessage, response: ServerResponse, config: GuardConfig): boolean {
  if (request.url) request.url = wellFormedPath(request.url);
  // Replaces whatever the client sent under that name.
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request, config.TRUST_PROXY);

  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"), config.NODE_ENV === "development");
  // Next puts the nonce it finds in the request's policy on every script of the page it renders.
  request.headers["content-security-policy"] = policy;
  response.setHeader("Content-Security-Policy", policy);
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  if (servedOverHttps(request, config)) response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");

  if (SAFE_METHODS.has(request.method ?? "GET")) return true;
  if (originAllowed(request.headers.origin, request.headers.host, configuredOrigins(config))) return true;
  const body: ApiError = { error: { ...FORBIDDEN_ORIGIN } };
  response.writeHead(403, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  return false;
}
