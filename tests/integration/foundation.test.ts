// The foundation on both back-ends: health, accounts, sessions, profiles and authenticated sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../helpers/backends";
import { startServer, type RunningServer } from "../helpers/server";
import { connectSocket, connected, login, PASSWORD, register, registerAndLogin, uniqueName } from "../helpers/users";

const NAMESPACES = ["/game", "/tournament", "/chat"];

describe.each(backends)("foundation on $name", (backend) => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(await backend.environment());
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("reports the database and live store the server opened through /healthz (a route handler sees server.ts's singletons)", async () => {
    const response = await fetch(`${server.url}/healthz`, { redirect: "manual" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const scaled = backend.name.includes("Redis");
    expect(body).toEqual({
      status: "ok",
      database: { backend: scaled ? "postgresql" : "pglite", status: "ok" },
      redis: scaled ? "ok" : "not_configured",
      store: { kind: scaled ? "redis" : "memory", status: "ok" },
    });
  });

  it("registers a user and refuses a username taken in another case with 409 username_taken", async () => {
    const username = uniqueName("Alice");
    const created = await fetch(`${server.url}/api/register/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: expect.any(Number), username });

    const taken = await fetch(`${server.url}/api/register/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: username.toUpperCase(), password: PASSWORD }),
    });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe("username_taken");
  });

  it.each([
    ["a short username", { username: "ab", password: PASSWORD }],
    ["a long username", { username: "a".repeat(21), password: PASSWORD }],
    ["a username with a space", { username: "bad name", password: PASSWORD }],
    ["a short password", { username: "shortpass_user", password: "1234567" }],
    ["a missing password", { username: "nopass_user" }],
    ["a number for a username", { username: 12345, password: PASSWORD }],
  ])("answers %s with 400 invalid_input and creates nothing", async (_label, body) => {
    const response = await fetch(`${server.url}/api/register/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("invalid_input");
    expect(error.message.length).toBeGreaterThan(0);
    if (typeof body.username === "string" && /^[A-Za-z0-9_-]{3,20}$/.test(body.username)) {
      // The refused name is still free.
      expect(await register(server.url, body.username)).toMatchObject({ username: body.username });
    }
  });

  it("answers a body that is not JSON with 400 invalid_json", async () => {
    const response = await fetch(`${server.url}/api/register/`, { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_json");
  });

  it("logs in with the right password only, and the session names the user", async () => {
    const user = await register(server.url, uniqueName("bob"));
    expect(await login(server.url, user.username, "wrong-password")).toBeNull();
    const cookie = await login(server.url, user.username.toUpperCase());
    expect(cookie).not.toBeNull();
    const session = await fetch(`${server.url}/api/auth/session/`, { headers: { cookie: cookie! } });
    expect(await session.json()).toMatchObject({ user: { id: user.id, name: user.username } });
  });

  it("serves a profile with a Duel link to the user's id for others, none on one's own, and 404 for an unknown user", async () => {
    const alice = await registerAndLogin(server.url, "alice");
    const bob = await registerAndLogin(server.url, "bob");
    const asBob = await (await fetch(`${server.url}/users/${alice.username}/`, { headers: { cookie: bob.cookie } })).text();
    expect(asBob).toContain(`href="/duel/${alice.id}/"`);
    const asAlice = await (await fetch(`${server.url}/users/${alice.username}/`, { headers: { cookie: alice.cookie } })).text();
    expect(asAlice).not.toContain(`/duel/${alice.id}/`);
    expect(asAlice).toContain(alice.username);
    const unknown = await fetch(`${server.url}/users/${uniqueName("ghost")}/`);
    expect(unknown.status).toBe(404);
  });

  it("answers malformed URL segments with the titled 404 page and logs nothing", async () => {
    const user = await registerAndLogin(server.url, "curious");
    const logged = server.output().length;
    for (const path of ["/users/%25/", "/users/%E0%A4%A/", "/duel/abc/", "/duel/%25/", "/match/xyz/", "/match/0/", "/tournaments/%25/", "/tournaments/%E0/", "/tournaments/1e3/"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie: user.cookie }, redirect: "manual" });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain("<title>Page not found · Online Pong</title>");
    }
    expect(server.output().slice(logged)).toBe("");
  });

  it.each(NAMESPACES)("refuses an anonymous socket on %s with connect_error unauthorized", async (namespace) => {
    const socket = connectSocket(server.url, namespace);
    await expect(connected(socket)).rejects.toMatchObject({ message: "unauthorized", data: { code: "unauthorized" } });
    socket.close();
  });

  it.each(NAMESPACES)("refuses a forged session cookie on %s", async (namespace) => {
    const socket = connectSocket(server.url, namespace, "next-auth.session-token=forged.jwt.value");
    await expect(connected(socket)).rejects.toMatchObject({ message: "unauthorized" });
    socket.close();
  });

  it.each(NAMESPACES)("accepts a logged-in socket on %s", async (namespace) => {
    const user = await registerAndLogin(server.url, "sock");
    const socket = connectSocket(server.url, namespace, user.cookie);
    await expect(connected(socket)).resolves.toBeUndefined();
    socket.close();
  });
});
