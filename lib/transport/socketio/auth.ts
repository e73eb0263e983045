// Socket.IO middleware: a socket is let in only with a valid next-auth session cookie.
import { parse as parseCookies } from "cookie";
import { getToken } from "next-auth/jwt";
import { readSessionClaims } from "../http/session";
import type { AnySocket } from "./types";

/** Refuses with connect_error "unauthorized" when there is no valid session. */
export async function authenticateSocket(socket: AnySocket, next: (error?: Error) => void): Promise<void> {
  try {
    const headers = socket.request.headers;
    const request = { headers, cookies: parseCookies(headers.cookie ?? "") } as unknown as Parameters<typeof getToken>[0]["req"];
    // The cookie is named __Secure-… when the site is served over https (maybe behind a proxy).
    const claims = readSessionClaims((await getToken({ req: request, secureCookie: true })) ?? (await getToken({ req: request, secureCookie: false })));
    if (!claims) {
      next(Object.assign(new Error("unauthorized"), { data: { code: "unauthorized", message: "Log in to connect" } }));
      return;
    }
    socket.data.user = { id: claims.uid, name: claims.username };
    next();
  } catch {
    next(Object.assign(new Error("unauthorized"), { data: { code: "unauthorized", message: "Log in to connect" } }));
  }
}
