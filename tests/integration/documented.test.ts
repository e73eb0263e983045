// Behaviours docs/PROTOCOL.md promises that no other suite pins down, on both back-ends: each test
// fails if the behaviour it names is removed. The HTTP ones on a server.ts process, the socket
// ones on the app booted in-process; the default (30 s) timeouts, so that nothing races a timer.
import { describe, expect, it } from "vitest";
import type { ChallengeClosed } from "@/lib/protocol/game";
import type { TournamentJson } from "@/lib/protocol/tournament";
import { backends } from "../helpers/backends";
import { agreeDuel, emitAck, joinMatch, nextEvent, postJson, suiteApp, suiteServer } from "../helpers/protocol";
import { createTournament, tournamentAction } from "../helpers/tournament";
import { connectSocket, connected, registerAndLogin, uniqueName } from "../helpers/users";

const MAX_BODY_BYTES = 16 * 1024;

describe.each(backends)("documented behaviours on $name", (backend) => {
  const { url, user } = suiteServer(backend, {});

  const getJson = async <T>(path: string): Promise<T> => (await (await fetch(url() + path)).json()) as T;

  it("redirects a path without its trailing slash with 308 to the same path with the slash; /healthz answers directly", async () => {
    for (const [path, target] of [
      ["/login", "/login/"],
      ["/users?q=abc", "/users/?q=abc"],
      ["/game/tournaments/1", "/game/tournaments/1/"],
    ]) {
      const response = await fetch(url() + path, { redirect: "manual" });
      expect(response.status, path).toBe(308);
      expect(new URL(response.headers.get("location")!, url()).href).toBe(url() + target);
    }
    // A POST is redirected the same way (308 keeps the method and body).
    const post = await fetch(`${url()}/api/register`, { method: "POST", redirect: "manual", headers: { "content-type": "application/json" }, body: "{}" });
    expect(post.status).toBe(308);
    expect(new URL(post.headers.get("location")!, url()).pathname).toBe("/api/register/");
    expect((await fetch(`${url()}/healthz`, { redirect: "manual" })).status).toBe(200);
  });

  it("answers a body over 16 KiB with 413 body_too_large, counting bytes, not characters", async () => {
    const register = (body: string) => fetch(`${url()}/api/register/`, { method: "POST", headers: { "content-type": "application/json" }, body });
    /** `{"username":"…","password":"<fill>"}` of exactly `bytes` bytes in UTF-8. */
    const bodyOf = (bytes: number) => {
      const frame = JSON.stringify({ username: uniqueName("big"), password: "" });
      return frame.replace('"password":""', `"password":"${"p".repeat(bytes - Buffer.byteLength(frame))}"`);
    };
    expect(Buffer.byteLength(bodyOf(MAX_BODY_BYTES + 1))).toBe(MAX_BODY_BYTES + 1);

    const over = await register(bodyOf(MAX_BODY_BYTES + 1));
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error: { code: "body_too_large" } });
    // At the limit the body is read (and refused for what it says: the password is too long).
    const atLimit = await register(bodyOf(MAX_BODY_BYTES));
    expect(atLimit.status).toBe(400);
    expect(await atLimit.json()).toMatchObject({ error: { code: "invalid_input", fields: { password: expect.any(String) } } });

    // 2-byte characters: far fewer characters than the limit, more bytes than it.
    const wide = JSON.stringify({ username: uniqueName("wide"), password: "é".repeat(9_000) });
    expect(wide.length).toBeLessThan(MAX_BODY_BYTES);
    expect(Buffer.byteLength(wide)).toBeGreaterThan(MAX_BODY_BYTES);
    const multiByte = await register(wide);
    expect(multiByte.status).toBe(413);
    expect(await multiByte.json()).toMatchObject({ error: { code: "body_too_large" } });
  });

  it("answers join with 401 logged out, 404 for no such match, 403 not_a_player for others and 409 match_over once it ended", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const carol = await registerAndLogin(url(), "carol");
    const matchId = await agreeDuel(alice, bob);
    const join = (cookie: string | undefined, id: number) => fetch(`${url()}/game/matches/${id}/join/`, { method: "POST", headers: cookie ? { cookie } : {} });

    const loggedOut = await join(undefined, matchId);
    expect(loggedOut.status).toBe(401);
    expect(await loggedOut.json()).toMatchObject({ error: { code: "unauthorized" } });
    const missing = await join(alice.cookie, 99_999_999);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
    const stranger = await join(carol.cookie, matchId);
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ error: { code: "not_a_player" } });
    expect((await join(bob.cookie, matchId)).status).toBe(200);

    // Bob quits: the match is over, and joining it is refused.
    await joinMatch(bob, matchId);
    expect(await emitAck(bob.game, "leave_match", { type: "leave_match", match_id: matchId })).toEqual({ ok: true });
    await expect.poll(async () => (await getJson<{ status: string }>(`/game/matches/${matchId}/`)).status, { timeout: 10_000 }).toBe("forfeited");
    const over = await join(alice.cookie, matchId);
    expect(over.status).toBe(409);
    expect(await over.json()).toMatchObject({ error: { code: "match_over" } });
  });

  it("answers create_match with 401 logged out and 404 unknown_user for no such opponent", async () => {
    const alice = await registerAndLogin(url(), "alice");
    const loggedOut = await fetch(`${url()}/game/matches/create_match/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ opponent: alice.username }) });
    expect(loggedOut.status).toBe(401);
    expect(await loggedOut.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(await postJson({ ...alice, baseUrl: url() }, "/game/matches/create_match/", { opponent: uniqueName("nobody") })).toMatchObject({ status: 404, body: { error: { code: "unknown_user" } } });
  });

  it("refuses leaving a running tournament twice: 409 eliminated, and the tournament runs on", async () => {
    const [first, second, third] = [await user("elim0"), await user("elim1"), await user("elim2")];
    const id = await createTournament(first, { name: "Out cup", max_players: 4 });
    for (const player of [second, third]) expect((await tournamentAction(player, id, "join")).status).toBe(200);
    expect((await tournamentAction(first, id, "start")).status).toBe(200);
    // Seed 3 meets seed 2 in round 1 and leaves: out of it, their live match forfeited.
    expect((await tournamentAction(third, id, "leave")).status).toBe(200);
    const state = await getJson<TournamentJson>(`/game/tournaments/${id}/`);
    expect(state.status).toBe("running");
    expect(state.players.find((player) => player.username === third.username)?.eliminated).toBe(true);
    expect(await tournamentAction(third, id, "leave")).toMatchObject({ status: 409, body: { error: { code: "eliminated" } } });
    expect((await getJson<TournamentJson>(`/game/tournaments/${id}/`)).status).toBe("running");
  });

  it("creates a tournament from a form post with 303 to its page, the creator joined", async () => {
    const creator = await registerAndLogin(url(), "former");
    const name = uniqueName("Form cup");
    const response = await fetch(`${url()}/game/tournaments/create_tournament_form/`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: creator.cookie },
      body: new URLSearchParams({ name, max_players: "4", points_to_win: "3" }),
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, url());
    const [, id] = /^\/tournaments\/(\d+)\/$/.exec(location.pathname) ?? [];
    expect(id).toBeDefined();
    expect(await getJson<TournamentJson>(`/game/tournaments/${id}/`)).toMatchObject({
      name,
      status: "open",
      creator: creator.username,
      max_players: 4,
      points_to_win: 3,
      players: [{ username: creator.username }],
    });
  });
});

describe.each(backends)("documented socket behaviours on $name", (backend) => {
  const { server, user } = suiteApp(backend, {});

  it("refuses every connection to the default namespace, session or not", async () => {
    const alice = await server().newUser("alice");
    for (const cookie of [alice.cookie, undefined]) {
      const socket = connectSocket(server().url, "/", cookie);
      try {
        await expect(connected(socket)).rejects.toThrow(/\/game, \/tournament or \/chat/);
        expect(socket.connected).toBe(false);
      } finally {
        socket.close();
      }
    }
    // The same session opens a named namespace.
    const game = connectSocket(server().url, "/game", alice.cookie);
    try {
      await connected(game);
    } finally {
      game.close();
    }
  });

  it("answers challenge_cancel with not_found, forbidden and bad_state", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const carol = await user("carol");
    const cancel = (socket: typeof alice.game, challenge_id: string) => emitAck(socket, "challenge_cancel", { type: "challenge_cancel", challenge_id });
    expect(await cancel(alice.game, "no-such-challenge")).toMatchObject({ ok: false, error: { code: "not_found" } });

    const offered = nextEvent<{ challenge_id: string }>(bob.game, "challenge");
    expect(await emitAck(alice.game, "challenge", { type: "challenge", target: bob.username })).toMatchObject({ ok: true });
    const { challenge_id } = await offered;
    expect(await cancel(carol.game, challenge_id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const declined = nextEvent<ChallengeClosed>(alice.game, "challenge_closed");
    expect(await emitAck(bob.game, "challenge_reply", { type: "challenge_reply", challenge_id, reply: "decline" })).toEqual({ ok: true });
    expect((await declined).reason).toBe("declined");
    expect(await cancel(alice.game, challenge_id)).toMatchObject({ ok: false, error: { code: "bad_state" } });
  });

  it("answers match_id with not_found and forbidden (not the target, not this challenge's match) and relays the right one", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    const sendId = (socket: typeof alice.game, challenge_id: string, match_id: number) => emitAck(socket, "match_id", { type: "match_id", challenge_id, match_id });
    expect(await sendId(bob.game, "no-such-challenge", 1)).toMatchObject({ ok: false, error: { code: "not_found" } });

    const offered = nextEvent<{ challenge_id: string }>(bob.game, "challenge");
    await emitAck(alice.game, "challenge", { type: "challenge", target: bob.username });
    const { challenge_id } = await offered;
    const replied = nextEvent(alice.game, "challenge_reply");
    expect(await emitAck(bob.game, "challenge_reply", { type: "challenge_reply", challenge_id, reply: "accept" })).toEqual({ ok: true });
    await replied;
    const created = await bob.api.createMatch(bob, alice.username);
    expect(created.status).toBe(201);
    const { match_id } = created.body as { match_id: number };

    let relayed = 0;
    alice.game.on("match_id", () => relayed++);
    expect(await sendId(alice.game, challenge_id, match_id)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await sendId(bob.game, challenge_id, match_id + 1_000)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const relay = nextEvent<{ match_id: number }>(alice.game, "match_id");
    expect(await sendId(bob.game, challenge_id, match_id)).toEqual({ ok: true });
    expect((await relay).match_id).toBe(match_id);
    expect(relayed).toBe(1);
  });

  it("answers join_match with not_found for no such match; a real one is joined", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    expect(await emitAck(alice.game, "join_match", { type: "join_match", match_id: 99_999_999 })).toMatchObject({ ok: false, error: { code: "not_found" } });
    const matchId = await agreeDuel(alice, bob);
    expect(await emitAck(alice.game, "join_match", { type: "join_match", match_id: matchId })).toMatchObject({ ok: true, role: "player1" });
  });
});
