// A protocol-only client for integration tests: real socket.io-client sockets speaking the
// documented events (docs/PROTOCOL.md), and a bot that plays Pong.
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { Ack } from "@/lib/protocol/common";
import type { GameData, GameStateMessage, MatchRole } from "@/lib/protocol/game";
import { startInProcess, type TestApi, type TestServer } from "./app";
import type { Backend } from "./backends";
import { startServer } from "./server";
import { expectReplaysMatchResults } from "./replays";
import { connectSocket, connected, registerAndLogin, type TestUser } from "./users";

export interface OnlineUser extends TestUser {
  baseUrl: string;
  /** The server the user's socket is on: its create_match and join. */
  api: TestApi;
  game: Socket;
}

/** A spawned server.ts, reached over HTTP. */
export function httpApi(url: string): TestApi {
  return {
    url,
    newUser: (base) => registerAndLogin(url, base),
    createMatch: (user, opponent) => postJson({ baseUrl: url, cookie: user.cookie }, "/game/matches/create_match/", { opponent }),
    practice: (user, body) => postJson({ baseUrl: url, cookie: user.cookie }, "/game/matches/practice/", body),
    joinAsPlayer: (user, matchId) => postJson({ baseUrl: url, cookie: user.cookie }, `/game/matches/${matchId}/join/`),
    async matchJson(matchId) {
      const response = await fetch(`${url}/game/matches/${matchId}/`);
      return response.status === 404 ? null : ((await response.json()) as object);
    },
    async replay(matchId) {
      const response = await fetch(`${url}/game/matches/${matchId}/replay/`);
      return response.status === 404 ? null : ((await response.json()) as object);
    },
    createTournament: (user, body) => postJson({ baseUrl: url, cookie: user.cookie }, "/game/tournaments/create_tournament_form/", body),
    tournamentAction: (user, id, action) => postJson({ baseUrl: url, cookie: user.cookie }, `/game/tournaments/${id}/${action}/`),
    async tournamentJson(id) {
      const response = await fetch(`${url}/game/tournaments/${id}/`);
      return { status: response.status, body: await response.json() };
    },
  };
}

const apiOf = (target: string | TestApi) => (typeof target === "string" ? httpApi(target) : target);

/** A spawned server.ts on `env`, as a TestServer. */
export async function spawnTestServer(env: Record<string, string>): Promise<TestServer> {
  const server = await startServer(env);
  return { ...httpApi(server.url), output: server.output, stop: server.stop };
}

/**
 * Inside a describe: one server.ts process for the whole suite on `backend`; `user()`, a new
 * online user whose socket closes after the test that made it; `closeAfterTest()` for other
 * connections.
 */
export function suiteServer(backend: Backend, settings: Record<string, string>) {
  return suiteOn(async () => spawnTestServer({ ...(await backend.environment()), ...settings }));
}

/** As suiteServer, with the app booted in the test process (no Next: sockets and services only). */
export function suiteApp(backend: Backend, settings: Record<string, string>) {
  return suiteOn(async () => startInProcess({ ...(await backend.environment()), ...settings }));
}

function suiteOn<Server extends TestServer>(start: () => Promise<Server>) {
  let server: Server | undefined;
  const opened: OnlineUser[] = [];
  beforeAll(async () => {
    server = await start();
  });
  afterEach(() => closeAll(...opened.splice(0)));
  afterAll(async () => {
    // Whatever the suite played must replay to its stored result (docs/REPLAY.md).
    if (server) await expectReplaysMatchResults(server);
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error("The suite's server is not started");
    return server;
  };
  const url = () => running().url;
  const closeAfterTest = (online: OnlineUser) => void opened.push(online);
  const user = async (base: string) => {
    const online = await onlineUser(running(), base);
    closeAfterTest(online);
    return online;
  };
  return { url, user, closeAfterTest, server: running };
}

/** A registered, logged-in user with a /game socket open (which makes them "online"). */
export async function onlineUser(target: string | TestApi, base: string): Promise<OnlineUser> {
  const api = apiOf(target);
  return connectGame(api, await api.newUser(base));
}

export async function connectGame(target: string | TestApi, user: TestUser): Promise<OnlineUser> {
  const api = apiOf(target);
  const game = connectSocket(api.url, "/game", user.cookie);
  await connected(game);
  return { ...user, baseUrl: api.url, api, game };
}

export function emitAck<T extends object = object>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => socket.emit(event, payload, resolve));
}

/** Resolves with the next `event` payload that satisfies `predicate`. */
export function nextEvent<T>(socket: Socket, event: string, predicate: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

export const nextState = (socket: Socket, predicate: (state: GameData) => boolean) =>
  nextEvent<GameStateMessage>(socket, "game_state", (message) => predicate(message.game_state)).then((message) => message.game_state);

export async function postJson(user: { baseUrl: string; cookie: string }, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(user.baseUrl + path, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: user.cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** challenger → challenge (rated unless `rated` is false) → target accepts → create_match → match_id relayed. Returns the match id. */
export async function agreeDuel(challenger: OnlineUser, target: OnlineUser, { rated }: { rated?: boolean } = {}): Promise<number> {
  const offered = nextEvent<{ challenge_id: string; from: string }>(target.game, "challenge");
  const sent = await emitAck<{ challenge_id: string }>(challenger.game, "challenge", { type: "challenge", target: target.username, ...(rated === undefined ? {} : { rated }) });
  if (!sent.ok) throw new Error(`challenge refused: ${sent.error.code}`);
  const { challenge_id } = await offered;
  const replied = nextEvent(challenger.game, "challenge_reply");
  const reply = await emitAck(target.game, "challenge_reply", { type: "challenge_reply", challenge_id, reply: "accept" });
  if (!reply.ok) throw new Error(`reply refused: ${reply.error.code}`);
  await replied;
  const created = await target.api.createMatch(target, challenger.username);
  if (created.status !== 201) throw new Error(`create_match: ${created.status} ${JSON.stringify(created.body)}`);
  const { match_id } = created.body as { match_id: number };
  const relayed = nextEvent<{ match_id: number }>(challenger.game, "match_id");
  const sentId = await emitAck(target.game, "match_id", { type: "match_id", challenge_id, match_id });
  if (!sentId.ok) throw new Error(`match_id refused: ${sentId.error.code}`);
  if ((await relayed).match_id !== match_id) throw new Error("wrong match id relayed");
  return match_id;
}

export async function joinMatch(user: OnlineUser, matchId: number): Promise<{ role: MatchRole; game_state: GameData }> {
  const joined = await emitAck<{ role: MatchRole; game_state: GameData }>(user.game, "join_match", { type: "join_match", match_id: matchId });
  if (!joined.ok) throw new Error(`join_match refused: ${joined.error.code} ${joined.error.message}`);
  return joined;
}

/** HTTP join, join_match, register and ready, as a player's page does. */
export async function enterAsPlayer(user: OnlineUser, matchId: number): Promise<"player1" | "player2"> {
  const http = await user.api.joinAsPlayer(user, matchId);
  if (http.status !== 200) throw new Error(`join: ${http.status} ${JSON.stringify(http.body)}`);
  const { player } = http.body as { player: "player1" | "player2" };
  await joinMatch(user, matchId);
  const registered = await emitAck(user.game, "register", { type: "register", player, user: user.username, match_id: matchId });
  if (!registered.ok) throw new Error(`register refused: ${registered.error.code} ${registered.error.message}`);
  return player;
}

/** A duel `challenger` (player 1) and `target` agreed, entered and declared ready for: resolves with its id once it plays. */
export async function playingDuel(challenger: OnlineUser, target: OnlineUser): Promise<number> {
  const matchId = await agreeDuel(challenger, target);
  await enterAsPlayer(challenger, matchId);
  await enterAsPlayer(target, matchId);
  const started = nextState(challenger.game, (state) => state.status === "playing");
  await declareReady(challenger, "player1");
  await declareReady(target, "player2");
  await started;
  return matchId;
}

export async function declareReady(user: OnlineUser, player: "player1" | "player2"): Promise<void> {
  const answer = await emitAck(user.game, "ready", { type: "ready", player });
  if (!answer.ok) throw new Error(`ready refused: ${answer.error.code} ${answer.error.message}`);
}

/** Keeps `player`'s paddle under the ball: a player who never misses. Returns a stop function. */
export function trackBall(user: OnlineUser, player: "player1" | "player2"): () => void {
  const listener = ({ game_state }: GameStateMessage) => {
    if (game_state.status !== "playing") return;
    // Aim a little off-centre so the rally ends: the return goes wide of a still opponent.
    const aim = game_state.ball.x + (game_state.ball.x < game_state.field.width / 2 ? 30 : -30);
    user.game.emit(`${player}_position`, { type: `${player}_position`, position: aim, direction: 0 });
  };
  user.game.on("game_state", listener);
  return () => user.game.off("game_state", listener);
}

export function closeAll(...users: (OnlineUser | undefined)[]): void {
  for (const user of users) user?.game.close();
}
