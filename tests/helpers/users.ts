// Accounts and sessions over real HTTP, the way a browser gets them.
import { randomBytes } from "node:crypto";
import { io, type Socket } from "socket.io-client";

export const PASSWORD = "correct-horse-battery";

/** A fresh username, unique across runs that share a database. */
export function uniqueName(base: string): string {
  return `${base}_${randomBytes(3).toString("hex")}`;
}

export async function register(baseUrl: string, username: string, password = PASSWORD): Promise<{ id: number; username: string }> {
  const response = await fetch(`${baseUrl}/api/register/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 201) throw new Error(`register ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: number; username: string };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Logs in through next-auth's credentials callback; returns the Cookie header, or null when refused. */
export async function login(baseUrl: string, username: string, password = PASSWORD): Promise<string | null> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf/`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials/`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrfResponse).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.startsWith("next-auth.session-token="));
  return session ?? null;
}

export interface TestUser {
  id: number;
  username: string;
  cookie: string;
}

export async function registerAndLogin(baseUrl: string, base: string): Promise<TestUser> {
  const user = await register(baseUrl, uniqueName(base));
  const cookie = await login(baseUrl, user.username);
  if (!cookie) throw new Error(`login ${user.username} failed`);
  return { ...user, cookie };
}

/** A real socket.io-client on `namespace`, authenticated by `cookie` (or anonymous). */
export function connectSocket(baseUrl: string, namespace: string, cookie?: string): Socket {
  return io(baseUrl + namespace, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
}

/** Resolves on connect, rejects with the connect_error. */
export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
}
