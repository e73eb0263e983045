// The origin rule shared by HTTP requests and Socket.IO handshakes: a browser request from another
// site (a cross-site form, fetch or websocket riding on the user's cookie) is refused.
import type { Env } from "../env";

export const FORBIDDEN_ORIGIN = { code: "forbidden_origin", message: "Requests from this origin are not allowed" } as const;

/** NEXTAUTH_URL's origin and ALLOWED_ORIGINS; empty when neither is set. */
export function configuredOrigins(config: Pick<Env, "NEXTAUTH_URL" | "ALLOWED_ORIGINS">): string[] {
  return [...(config.NEXTAUTH_URL ? [new URL(config.NEXTAUTH_URL).origin] : []), ...(config.ALLOWED_ORIGINS ?? [])];
}

/**
 * Whether a request may go on. No Origin header (a non-browser client) may; `null` or anything
 * unparsable may not. With no configured origins the site's own is the one naming the request's Host.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, configured: readonly string[]): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (configured.length > 0) return configured.includes(url.origin);
  // A Host header is a name or address and maybe a port: nothing a URL parser would read differently.
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return false;
  try {
    // Read the Host header with the origin's scheme so default ports and letter case compare equal.
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}
