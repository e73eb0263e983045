// The deployment's nginx (deploy/nginx.conf, Debian's nginx) in front of two server.ts processes
// on PostgreSQL + Redis: players who reach the site only through it play a duel, one over
// WebSocket and the other over long-polling (which needs every request of a session on one
// process: the sticky upstream); then a rolling restart of the process running a match (SIGTERM,
// then a new process on its port) and the match goes on to its end.
import { Agent, type AgentOptions } from "node:http";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { io, type Socket } from "socket.io-client";
import type { GameData } from "@/lib/protocol/game";
import { isCI } from "../helpers/ci";
import { scaledOut } from "../helpers/backends";
import { followBall, matchOwner, pollUntil, steer, wander, within, type Aim } from "../helpers/faults";
import { freePort, NGINX, startNginx, type RunningNginx } from "../helpers/nginx";
import { agreeDuel, emitAck, enterAsPlayer, httpApi, nextState, type OnlineUser } from "../helpers/protocol";
import { expectReplaysMatchResults } from "../helpers/replays";
import { startServer, type RunningServer } from "../helpers/server";
import { connected, registerAndLogin } from "../helpers/users";

if (!NGINX && isCI()) throw new Error("CI, but nginx is not installed: .ci/run installs it");

const over = (state: GameData) => state.status === "finished" || state.status === "forfeited";

describe.runIf(scaledOut && NGINX)("behind nginx (deploy/nginx.conf) in front of two processes", () => {
  let environment: Record<string, string>;
  const ports: number[] = [];
  const servers: RunningServer[] = [];
  let proxy: RunningNginx;
  const sockets: Socket[] = [];
  const steering: { stop(): void }[] = [];

  beforeAll(async () => {
    environment = { ...(await scaledOut!.environment()), TRUST_PROXY: "1", POINTS_TO_WIN: "3", RECONNECT_GRACE_MS: "30000", PAUSE_BUDGET_MS: "120000" };
    ports.push(await freePort(), await freePort());
    servers.push(...(await Promise.all(ports.map((port) => startServer({ ...environment, PORT: String(port) })))));
    proxy = await startNginx(ports);
  });
  afterAll(async () => {
    for (const player of steering) player.stop();
    for (const socket of sockets) socket.close();
    await proxy?.stop();
    await Promise.all(servers.map((server) => server.stop()));
  });
  const dumpOnFailure = () =>
    onTestFailed(() => servers.forEach((server, index) => console.error(`---- server ${index} ----\n${server.output().split("\n").slice(-40).join("\n")}`)));

  /** A player who reaches the site through nginx only, on `transport`, from their own local address (nginx keeps each address on one process). */
  async function player(base: string, transport: "websocket" | "polling", localAddress: string): Promise<OnlineUser> {
    const user = await registerAndLogin(proxy.url, base);
    // Node only: the engine hands `agent` to its HTTP requests and WebSocket (typed for browsers as a string).
    const agent = new Agent({ localAddress } as AgentOptions) as unknown as string;
    const game = io(`${proxy.url}/game`, { transports: [transport], upgrade: false, forceNew: true, extraHeaders: { cookie: user.cookie }, agent, reconnectionDelay: 200, reconnectionDelayMax: 1_000 });
    sockets.push(game);
    await connected(game);
    return { ...user, baseUrl: proxy.url, api: httpApi(proxy.url), game };
  }

  /** The player steers (`aim`) while the match plays and, after a reconnection, joins the match again as a page does. */
  function play(user: OnlineUser, slot: "player1" | "player2", matchId: number, aim: Aim) {
    user.game.io.on("reconnect", () => void emitAck(user.game, "join_match", { type: "join_match", match_id: matchId }));
    steering.push(steer(user, slot, aim));
  }

  it("plays a duel whose players connect through nginx, one over WebSocket, the other over long-polling", { timeout: 120_000 }, async () => {
    dumpOnFailure();
    const alice = await player("alice", "websocket", "127.0.0.2");
    const bob = await player("bob", "polling", "127.0.0.3");
    expect(bob.game.io.engine.transport.name).toBe("polling");
    const matchId = await agreeDuel(alice, bob);
    await enterAsPlayer(alice, matchId);
    await enterAsPlayer(bob, matchId);
    const ended = Promise.all([nextState(alice.game, over), nextState(bob.game, over)]);
    play(alice, "player1", matchId, followBall);
    play(bob, "player2", matchId, wander);
    for (const [user, slot] of [[alice, "player1"], [bob, "player2"]] as const) expect(await emitAck(user.game, "ready", { type: "ready", player: slot })).toEqual({ ok: true });
    const [forAlice, forBob] = await within(ended, 90_000, "the duel ends for both players");
    expect(forAlice).toMatchObject({ status: "finished" });
    expect(forBob).toMatchObject({ status: "finished", winner: forAlice.winner, player1: { score: forAlice.player1.score } });
    // Long-polling the whole match: every request of the session reached the same process.
    expect(bob.game.io.engine.transport.name).toBe("polling");
    const stored = await pollUntil("the result is stored", async () => (await fetch(`${proxy.url}/game/matches/${matchId}/`)).json() as Promise<{ status: string }>, (row) => row.status === "finished");
    expect(stored).toMatchObject({ status: "finished", winner: forAlice.winner });
  });

  it("keeps a match going through a rolling restart of the process that runs it", { timeout: 180_000 }, async () => {
    dumpOnFailure();
    const alice = await player("carol", "websocket", "127.0.0.4");
    const bob = await player("dave", "polling", "127.0.0.5");
    const matchId = await agreeDuel(alice, bob);
    await enterAsPlayer(alice, matchId);
    await enterAsPlayer(bob, matchId);
    play(alice, "player1", matchId, followBall);
    play(bob, "player2", matchId, wander);
    for (const [user, slot] of [[alice, "player1"], [bob, "player2"]] as const) expect(await emitAck(user.game, "ready", { type: "ready", player: slot })).toEqual({ ok: true });
    await within(nextState(alice.game, (state) => state.status === "playing" && state.tick > 60), 20_000, "the match plays");

    // The rolling restart: SIGTERM to the process running the match (it hands the match over),
    // then a new process on its port, as an orchestrator does.
    const owner = await matchOwner(servers);
    const index = servers.indexOf(owner);
    const ended = Promise.all([nextState(alice.game, over), nextState(bob.game, over)]);
    await owner.stop();
    await matchOwner([servers[1 - index]!]);
    servers[index] = await startServer({ ...environment, PORT: String(ports[index]) });

    const [forAlice, forBob] = await within(ended, 120_000, "the match goes on to its end through the restart");
    expect(forAlice.status).toBe("finished");
    expect(forBob).toMatchObject({ status: "finished", winner: forAlice.winner });
    const stored = await pollUntil("the result is stored", async () => (await fetch(`${proxy.url}/game/matches/${matchId}/`)).json() as Promise<{ status: string }>, (row) => row.status === "finished");
    expect(stored).toMatchObject({ status: "finished", winner: forAlice.winner });
    // Both matches of this suite, recorded across the restart too, replay to their results.
    expect(await expectReplaysMatchResults(httpApi(proxy.url))).toBe(2);
  });
});
