// Socket.IO middleware: a socket is let in only with a valid next-auth session cookie.
import { parse as parseCookies } from "cookie";
import { getToken } from "next-auth/jwt";
import type { AnySocket } from "./types";

/** Refuses with connect_error "unauthorized" when there is no valid session. */
export async function authenticateSocket(socket: AnySocket, next: (error?: Error) => void): Promise<void> {
  try {
    const headers = socket.request.headers;
    const request = { headers, cookies: parseCookies(headers.cookie ?? "") } as unknown as Parameters<typeof getToken>[0]["req"];
    // The cookie is named __Secure-… when the site is served over https (maybe behind a proxy).
    const token = (await getToken({ req: request, secureCookie: true })) ?? (await getToken({ req: request, secureCookie: false }));
    if (!token || typeof token.uid !== "number" || typeof token.username !== "string") {
      next(Object.assign(new Error("unauthorized"), { data: { code: "unauthorized", message: "Log in to connect" } }));
      return;
    }
    socket.data.user = { id: token.uid, name: token.username };
    next();
  } catch {
    next(Object.assign(new Error("unauthorized"), { data: { code: "unauthorized", message: "Log in to connect" } }));
  }
}
