// The limits on every action, on both back-ends: login lockout and tries per address, sign-ups
// per address, challenges, tournaments, connections per user (across processes with Redis).
// Addresses are told apart through X-Forwarded-For, which the server trusts with TRUST_PROXY=1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { backends, scaledOut } from "../helpers/backends";
import { closeAll, connectGame, emitAck, type OnlineUser } from "../helpers/protocol";
import { startServer, type RunningServer } from "../helpers/server";
import { connectSocket, connected, PASSWORD, uniqueName } from "../helpers/users";

const LIMITS = {
  TRUST_PROXY: "1",
  LOGIN_MAX_FAILURES: "5",
  LOGIN_MAX_PER_ADDRESS: "12",
  SIGNUP_MAX_PER_ADDRESS: "3",
  CHALLENGE_MAX_PER_MINUTE: "5",
  CHALLENGE_MAX_SAME_TARGET: "3",
  TOURNAMENT_MAX_CREATED: "2",
  TOURNAMENT_MAX_JOIN_LEAVE: "4",
  SOCKETS_PER_USER: "3",
};

let addressCounter = 0;
/** A fresh client address for each use (the server trusts one proxy hop). */
const newAddress = () => `198.51.100.${++addressCounter}`;

/** One login try from `address`: the session cookie, or the error the login page would show. */
async function tryLogin(baseUrl: string, username: string, password: string, address: string): Promise<{ cookie: string | null; error: string | null }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf/`, { headers: { "x-forwarded-for": address } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials/`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("next-auth.session-token="));
  const target = response.headers.get("location") ?? ((await response.json()) as { url: string }).url;
  return { cookie: session?.split(";")[0] ?? null, error: new URL(target, baseUrl).searchParams.get("error") };
}

/** A new account, each from an address of its own so the sign-up and login limits under test are not spent on setup. */
async function register(baseUrl: string, username: string): Promise<{ username: string }> {
  const created = await registerFrom(baseUrl, username, newAddress());
  if (created.status !== 201) throw new Error(`register ${username}: ${created.status}`);
  return { username };
}

async function loggedIn(baseUrl: string, username: string): Promise<string> {
  const { cookie } = await tryLogin(baseUrl, username, PASSWORD, newAddress());
  if (!cookie) throw new Error(`login ${username} failed`);
  return cookie;
}

async function onlineUser(baseUrl: string, base: string): Promise<OnlineUser> {
  const created = await registerFrom(baseUrl, uniqueName(base), newAddress());
  const { id, username } = created.body as unknown as { id: number; username: string };
  return connectGame(baseUrl, { id, username, cookie: await loggedIn(baseUrl, username) });
}

async function registerFrom(baseUrl: string, username: string, address: string) {
  const response = await fetch(`${baseUrl}/api/register/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { error?: { code: string; retry_after?: number } } };
}

describe.each(backends)("limits on $name", (backend) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ ...(await backend.environment()), ...LIMITS });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("locks an account out for one address after 5 wrong passwords, with the message the login page shows", async () => {
    const { username } = await register(server.url, uniqueName("victim"));
    const attacker = newAddress();
    for (let attempt = 0; attempt < 5; attempt++) expect((await tryLogin(server.url, username, "wrong-password", attacker)).error).toBe("CredentialsSignin");
    // Even the right password is refused now, from that address.
    const refused = await tryLogin(server.url, username, PASSWORD, attacker);
    expect(refused.cookie).toBeNull();
    expect(refused.error).toBe("Too many attempts, try again in 1 minute");
    // The owner, from elsewhere, still gets in.
    expect((await tryLogin(server.url, username, PASSWORD, newAddress())).cookie).not.toBeNull();
  });

  it("answers a locked-out name the same whether the account exists or not", async () => {
    const attacker = newAddress();
    const ghost = uniqueName("nobody");
    for (let attempt = 0; attempt < 5; attempt++) await tryLogin(server.url, ghost, "wrong-password", attacker);
    expect((await tryLogin(server.url, ghost, "wrong-password", attacker)).error).toBe("Too many attempts, try again in 1 minute");
  });

  it("caps login tries per address over every account", async () => {
    const address = newAddress();
    const names = await Promise.all([0, 1, 2].map(() => register(server.url, uniqueName("many")).then((user) => user.username)));
    // 12 tries per address: 4 per account, below each account's lockout.
    for (const name of names) for (let attempt = 0; attempt < 4; attempt++) await tryLogin(server.url, name, "wrong-password", address);
    const refused = await tryLogin(server.url, names[0]!, PASSWORD, address);
    expect(refused.cookie).toBeNull();
    expect(refused.error).toMatch(/^Too many attempts, try again in \d+ minutes?$/);
  });

  it("allows 3 sign-ups per address, then answers 429 rate_limited with retry_after and Retry-After", async () => {
    const address = newAddress();
    // A refused sign-up (name taken) does not count.
    const taken = (await register(server.url, uniqueName("taken"))).username;
    expect((await registerFrom(server.url, taken, address)).status).toBe(409);
    for (let index = 0; index < 3; index++) expect((await registerFrom(server.url, uniqueName("signup"), address)).status).toBe(201);
    const refused = await registerFrom(server.url, uniqueName("signup"), address);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "rate_limited", retry_after: expect.any(Number) });
    expect(Number(refused.retryAfter)).toBe(refused.body.error!.retry_after);
    expect((await registerFrom(server.url, uniqueName("signup"), newAddress())).status).toBe(201);
  });

  it("refuses a 4th challenge to the same target within 10 minutes, and more than 5 challenges a minute", async () => {
    const challenger = await onlineUser(server.url, "challenger");
    const targets = await Promise.all([0, 1, 2].map((index) => onlineUser(server.url, `target${index}`)));
    try {
      const challenge = (target: OnlineUser) => emitAck<{ challenge_id: string }>(challenger.game, "challenge", { type: "challenge", target: target.username });
      const cancel = (challengeId: string) => emitAck(challenger.game, "challenge_cancel", { type: "challenge_cancel", challenge_id: challengeId });
      for (let index = 0; index < 3; index++) {
        const sent = await challenge(targets[0]!);
        if (!sent.ok) throw new Error(sent.error.code);
        await cancel(sent.challenge_id);
      }
      expect(await challenge(targets[0]!)).toMatchObject({ ok: false, error: { code: "rate_limited", retry_after: expect.any(Number) } });
      // Other targets: the 5th challenge of the minute goes, the 6th does not.
      const fifth = await challenge(targets[1]!);
      if (!fifth.ok) throw new Error(fifth.error.code);
      await cancel(fifth.challenge_id);
      expect(await challenge(targets[2]!)).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    } finally {
      closeAll(challenger, ...targets);
    }
  });

  it("caps tournaments created per user, and joins and leaves per minute", async () => {
    const creator = await onlineUser(server.url, "creator");
    const joiner = await onlineUser(server.url, "joiner");
    try {
      const create = () => post(creator, "/game/tournaments/create_tournament_form/", { name: "Cup", max_players: 4 });
      const first = await create();
      expect(first.status).toBe(201);
      expect((await create()).status).toBe(201);
      const third = await create();
      expect(third.status).toBe(429);
      expect(third.body).toMatchObject({ error: { code: "rate_limited", retry_after: expect.any(Number) } });
      const id = (first.body as { tournament_id: number }).tournament_id;
      for (const action of ["join", "leave", "join", "leave"]) expect((await post(joiner, `/game/tournaments/${id}/${action}/`)).status).toBe(200);
      expect((await post(joiner, `/game/tournaments/${id}/join/`)).status).toBe(429);
    } finally {
      closeAll(creator, joiner);
    }
  });

  it("refuses a user's 4th connection with too_many_connections, and takes one again once a tab closes", async () => {
    const user = await onlineUser(server.url, "tabs");
    const sockets: Socket[] = [user.game];
    try {
      for (const namespace of ["/chat", "/game"]) {
        const socket = connectSocket(server.url, namespace, user.cookie);
        sockets.push(socket);
        await connected(socket);
      }
      const fourth = connectSocket(server.url, "/chat", user.cookie);
      sockets.push(fourth);
      await expect(connected(fourth)).rejects.toMatchObject({ data: { code: "too_many_connections" } });
      sockets[1]!.close();
      // Closing is asynchronous on the server: a new connection is taken once it has been counted out.
      await expect.poll(async () => {
        const again = connectSocket(server.url, "/game", user.cookie);
        sockets.push(again);
        return connected(again).then(() => true, () => false);
      }).toBe(true);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });

  it("admits exactly what is left of the cap to a burst of simultaneous connections", async () => {
    const user = await onlineUser(server.url, "burst");
    const burst = Array.from({ length: 6 }, () => connectSocket(server.url, "/chat", user.cookie));
    try {
      const outcomes = await Promise.all(burst.map((socket) => connected(socket).then(() => "connected", (error: { data?: { code: string } }) => error.data?.code)));
      // The user's page holds one of the 3.
      expect(outcomes.filter((outcome) => outcome === "connected")).toHaveLength(2);
      expect(outcomes.filter((outcome) => outcome === "too_many_connections")).toHaveLength(4);
    } finally {
      for (const socket of burst) socket.close();
      closeAll(user);
    }
  });
});

describe.runIf(scaledOut)("connections per user across two processes", () => {
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    const environment = { ...(await scaledOut!.environment()), ...LIMITS };
    servers.push(await startServer(environment), await startServer(environment));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it("counts a user's connections on every process", async () => {
    const [first, second] = servers as [RunningServer, RunningServer];
    const user = await onlineUser(first.url, "spread");
    const cookie = await loggedIn(first.url, user.username);
    const sockets = [user.game, connectSocket(first.url, "/game", cookie), connectSocket(second.url, "/game", cookie)];
    try {
      await Promise.all(sockets.slice(1).map(connected));
      const refused = connectSocket(second.url, "/chat", cookie);
      sockets.push(refused);
      await expect(connected(refused)).rejects.toMatchObject({ data: { code: "too_many_connections" } });
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});

async function post(user: OnlineUser, path: string, body?: unknown) {
  const response = await fetch(user.baseUrl + path, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: user.cookie, "x-forwarded-for": newAddress() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
