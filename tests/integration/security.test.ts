// The origin rule (HTTP and socket handshakes) on both back-ends, and the security headers.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, embedded } from "../helpers/backends";
import { startServer, type RunningServer } from "../helpers/server";
import { connected, PASSWORD, registerAndLogin, uniqueName, type TestUser } from "../helpers/users";

const EVIL = "https://evil.example";
const NAMESPACES = ["/game", "/tournament", "/chat"];

/** The create-tournament form as a page would post it, with `origin` as the browser would stamp it. */
function postTournamentForm(baseUrl: string, user: TestUser, name: string, origin?: string) {
  return fetch(`${baseUrl}/game/tournaments/create_tournament_form/`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie, ...(origin && { origin }) },
    body: new URLSearchParams({ name, max_players: "4" }),
  });
}

function postRegister(baseUrl: string, username: string, origin?: string) {
  return fetch(`${baseUrl}/api/register/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(origin && { origin }) },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
}

async function tournamentsPage(baseUrl: string, user: TestUser): Promise<string> {
  return (await fetch(`${baseUrl}/tournaments/`, { headers: { cookie: user.cookie } })).text();
}

function socketWithOrigin(baseUrl: string, namespace: string, cookie: string, origin: string) {
  return io(baseUrl + namespace, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { cookie, origin } });
}

async function expectForbiddenOrigin(response: Response) {
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ error: { code: "forbidden_origin", message: expect.any(String) } });
}

describe.each(backends)("origin rule on $name", (backend) => {
  let server: RunningServer;
  let user: TestUser;

  beforeAll(async () => {
    server = await startServer(await backend.environment());
    user = await registerAndLogin(server.url, "origin");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a logged-in form post from another site with 403 forbidden_origin and creates nothing; the site's own origin and no Origin go through", async () => {
    const evil = uniqueName("evil cup");
    await expectForbiddenOrigin(await postTournamentForm(server.url, user, evil, EVIL));
    await expectForbiddenOrigin(await postTournamentForm(server.url, user, evil, "null"));
    const own = uniqueName("own cup");
    expect((await postTournamentForm(server.url, user, own, server.url)).status).toBe(303);
    const bare = uniqueName("bare cup");
    expect((await postTournamentForm(server.url, user, bare)).status).toBe(303);
    const page = await tournamentsPage(server.url, user);
    expect(page).not.toContain(evil);
    expect(page).toContain(own);
    expect(page).toContain(bare);
  });

  it("refuses sign-up and sign-in from another site; the site's own origin signs up and in", async () => {
    const username = uniqueName("evil");
    await expectForbiddenOrigin(await postRegister(server.url, username, EVIL));
    // Nothing was created: the name is still free.
    expect((await postRegister(server.url, username, server.url)).status).toBe(201);

    const csrf = await fetch(`${server.url}/api/auth/csrf/`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = (origin: string) =>
      fetch(`${server.url}/api/auth/callback/credentials/`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; "),
          origin,
        },
        body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }),
      });
    const hasSession = (response: Response) => response.headers.getSetCookie().some((cookie) => cookie.startsWith("next-auth.session-token="));
    const refused = await signIn(EVIL);
    await expectForbiddenOrigin(refused);
    expect(hasSession(refused)).toBe(false);
    expect(hasSession(await signIn(server.url))).toBe(true);
  });

  it.each(NAMESPACES)("refuses a handshake on %s from another site with connect_error forbidden_origin, even with a session; accepts the site's own", async (namespace) => {
    const foreign = socketWithOrigin(server.url, namespace, user.cookie, EVIL);
    await expect(connected(foreign)).rejects.toMatchObject({ message: "forbidden_origin", data: { code: "forbidden_origin", message: expect.any(String) } });
    foreign.close();
    const own = socketWithOrigin(server.url, namespace, user.cookie, server.url);
    await expect(connected(own)).resolves.toBeUndefined();
    own.close();
  });
});

describe("configured origins behind a proxy", () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ ...(await embedded.environment()), TRUST_PROXY: "1", ALLOWED_ORIGINS: "https://pong.example, https://admin.pong.example" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("accepts only the listed origins, not the one naming the Host header", async () => {
    expect((await postRegister(server.url, uniqueName("listed"), "https://admin.pong.example")).status).toBe(201);
    await expectForbiddenOrigin(await postRegister(server.url, uniqueName("host"), server.url));
    const user = await registerAndLogin(server.url, "proxied");
    const socket = socketWithOrigin(server.url, "/chat", user.cookie, server.url);
    await expect(connected(socket)).rejects.toMatchObject({ data: { code: "forbidden_origin" } });
    socket.close();
  });

  it("sends Strict-Transport-Security only when the trusted proxy says the client used https", async () => {
    const https = await fetch(`${server.url}/login/`, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    const http = await fetch(`${server.url}/login/`, { headers: { "x-forwarded-proto": "http" } });
    expect(http.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("security headers", () => {
  let server: RunningServer;
  let user: TestUser;
  let tournamentId: number;

  beforeAll(async () => {
    server = await startServer(await embedded.environment());
    user = await registerAndLogin(server.url, "headers");
    const created = await fetch(`${server.url}/game/tournaments/create_tournament_form/`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: user.cookie },
      body: JSON.stringify({ name: "Header cup" }),
    });
    tournamentId = ((await created.json()) as { tournament_id: number }).tournament_id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const pages = () => ["/", "/login/", "/register/", `/tournaments/${tournamentId}/`, `/users/${user.username}/`];

  function nonceOf(policy: string | null): string {
    const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
    expect(nonce, `no nonce in ${policy}`).toBeDefined();
    return nonce!;
  }

  function expectSecurityHeaders(response: Response) {
    const policy = response.headers.get("content-security-policy") ?? "";
    const directives = new Map(policy.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources.join(" ")];
    }));
    expect(directives.get("default-src")).toBe("'self'");
    expect(directives.get("script-src")).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{16,}'$/);
    expect(directives.get("connect-src")).toBe("'self'");
    expect(directives.get("img-src")).toBe("'self' data: blob:");
    expect(directives.get("object-src")).toBe("'none'");
    expect(directives.get("base-uri")).toBe("'self'");
    expect(directives.get("form-action")).toBe("'self'");
    expect(directives.get("frame-ancestors")).toBe("'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // Plain http, no proxy: no HSTS.
    expect(response.headers.get("strict-transport-security")).toBeNull();
  }

  it("puts them on every page, logged out and logged in, with a fresh nonce that every script of the page carries", async () => {
    for (const path of pages()) {
      for (const cookie of [undefined, user.cookie]) {
        const responses = await Promise.all([0, 1].map(() => fetch(server.url + path, { headers: cookie ? { cookie } : {} })));
        const nonces: string[] = [];
        for (const response of responses) {
          expect(response.status, path).toBe(200);
          expectSecurityHeaders(response);
          const nonce = nonceOf(response.headers.get("content-security-policy"));
          const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
          expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
          for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
          nonces.push(nonce);
        }
        expect(nonces[0], path).not.toBe(nonces[1]);
      }
    }
  });

  it("puts them on route handlers, API answers, refusals and not-found pages", async () => {
    for (const [path, status] of [
      ["/api/metrics/", 200],
      ["/healthz", 200],
      [`/game/tournaments/${tournamentId}/`, 200],
      ["/game/tournaments/999999/", 404],
      [`/users/${uniqueName("ghost")}/`, 404],
    ] as const) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(status);
      expectSecurityHeaders(response);
    }
    const refused = await postRegister(server.url, uniqueName("evil"), EVIL);
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused);
    const created = await postRegister(server.url, uniqueName("fine"));
    expect(created.status).toBe(201);
    expectSecurityHeaders(created);
  });
});
