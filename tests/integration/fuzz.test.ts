// Property-based fuzzing of the whole wire protocol against a live server, on every back-end:
// random and mutated payloads for every client → server socket event and every HTTP endpoint,
// sent by the players of a live match, a spectator, strangers and anonymous clients. Afterwards:
// every answer had the documented shape and none was `internal`, nothing the fuzz could only
// reach through refused messages changed, and the server still serves a full duel and the chat.
import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameData } from "@/lib/protocol/game";
import { backends, type Backend } from "../helpers/backends";
import {
  EVENTS,
  ackProblem,
  errorEventProblem,
  httpActionArb,
  httpErrorProblem,
  resolveRefs,
  socketActionArb,
  type FuzzWorld,
  type HttpAction,
  type Namespace,
  type Pool,
  type SocketAction,
} from "../helpers/fuzz";
import { agreeDuel, closeAll, connectGame, declareReady, emitAck, enterAsPlayer, joinMatch, nextEvent, nextState, onlineUser, postJson, trackBall, type OnlineUser } from "../helpers/protocol";
import { startServer, type RunningServer } from "../helpers/server";
import { createTournament, tournamentAction } from "../helpers/tournament";
import { connectSocket, connected } from "../helpers/users";

/** Fixed: every run sends the same messages (ids aside), so a failure can be replayed. */
const SEED = 20_240_611;
/** The budget: RUNS batches of BATCH actions, about one in five an HTTP request. */
const RUNS = 400;
const BATCH = 30;
/** A refused or accepted message is answered in milliseconds; this only keeps a lost answer from hanging the run. */
const ACK_TIMEOUT_MS = 5_000;
/** Frames over 16 KiB close the connection (documented): the long-lived fuzz sockets stay under it. */
const MAX_FRAME_BYTES = 15_000;

const SETTINGS = {
  // Every message gets an answer: nothing dropped by the per-socket budgets (GENEROUS_LIMITS raises the per-user ones).
  SOCKET_MAX_EVENTS: "100000",
  SOCKET_MAX_MOVES: "100000",
  // The duel played at the end to show the server still works is one point long.
  POINTS_TO_WIN: "1",
};

type Slot = "player1" | "player2";

/** Index of the "stranger" actor (see beforeAll): a logged-in user with nothing to do with the targets. */
const STRANGER = 4;
const JSON_BODY = "application/json";

/** Cases this fuzz found once (each answered `internal` or 500, or left unanswered): replayed first on every run, whatever the generators draw. */
const REGRESSIONS: (SocketAction | HttpAction)[] = [
  // A NUL in a username reached PostgreSQL, which cannot store it.
  { kind: "socket", actor: STRANGER, namespace: "/game", event: "challenge", form: "plain", ack: true, payload: { type: "challenge", target: "a\u0000b" } },
  { kind: "socket", actor: STRANGER, namespace: "/game", event: "challenge", form: "plain", ack: false, payload: { type: "challenge", target: "\u0000" } },
  // ... and in a tournament name, JSON or form.
  { kind: "http", actor: STRANGER, method: "POST", path: "/game/tournaments/create_tournament_form/", contentType: JSON_BODY, body: JSON.stringify({ name: "a\u0000bc" }) },
  { kind: "http", actor: STRANGER, method: "POST", path: "/game/tournaments/create_tournament_form/", contentType: "application/x-www-form-urlencoded", body: "name=abc%00d&max_players=4" },
  // emit(event, ack) without a payload: the acknowledgement was never called.
  { kind: "socket", actor: STRANGER, namespace: "/chat", event: "chat_message", form: "no_payload", ack: true, payload: undefined },
  { kind: "socket", actor: STRANGER, namespace: "/game", event: "join_match", form: "no_payload", ack: true, payload: undefined },
];

interface Actor {
  label: string;
  user?: OnlineUser;
  sockets: Partial<Record<Namespace, Socket>>;
  /** A player of the target match: their valid messages that would legitimately change it are not sent. */
  slot?: Slot;
  /** A member of the target tournament: their own join/leave/start would legitimately change it. */
  inTargetTournament?: boolean;
}

/** Strips what legitimately moves in a match nobody plays: the publication counter and who is watching. */
function liveParts(state: GameData): Omit<GameData, "seq" | "spectators"> {
  const parts: Partial<GameData> = { ...state };
  delete parts.seq;
  delete parts.spectators;
  return parts as Omit<GameData, "seq" | "spectators">;
}

describe.each(backends)("protocol fuzz on $name", (backend: Backend) => {
  let server: RunningServer;
  let startedAt = 0;
  const actors: Actor[] = [];
  const anonymous: Actor = { label: "anonymous", sockets: {} };
  const pools: Record<Pool, (string | number)[]> = { challenge: [], match: [], tournament: [] };
  /** Everything that broke the contract, with the message that caused it. */
  const problems: string[] = [];
  const stats = { socketMessages: 0, httpRequests: 0, refused: 0, accepted: 0, guarded: 0, oversized: 0, unanswered: 0 };
  const codes = new Map<string, number>();
  const statuses = new Map<number, number>();
  /** Per socket: error events with invalid_message expected (malformed messages sent without an acknowledgement) and received. */
  const invalidExpected = new Map<Socket, number>();
  const invalidReceived = new Map<Socket, number>();
  /** What each socket sent last, to name the culprit of an error event. */
  const lastSent = new Map<Socket, string>();
  const rawAcks = new Map<number, (answer: unknown) => void>();
  let nextRawAck = 1_000_000;
  let matchId = 0;
  let tournamentId = 0;
  let before: { live: ReturnType<typeof liveParts>; stored: unknown; tournament: unknown };
  const url = () => server.url;
  const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  const describeAction = (action: SocketAction | HttpAction, actor: Actor) => {
    const text = JSON.stringify({ ...action, actor: actor.label }, (_key, value: unknown) => (typeof value === "string" && value.length > 200 ? `${value.slice(0, 40)}…(${value.length} chars)` : value));
    return text.length > 1_500 ? `${text.slice(0, 1_500)}…` : text;
  };

  /** Watches a fuzz socket: error events in shape, never internal; no disconnection; challenge ids it is offered. */
  function watch(socket: Socket, actor: Actor, namespace: Namespace): void {
    socket.on("error", (event: unknown) => {
      const problem = errorEventProblem(event);
      const culprit = lastSent.get(socket) ?? "(nothing sent yet)";
      if (problem) return void problems.push(`error event ${JSON.stringify(event)} on ${namespace}: ${problem}; last sent: ${culprit}`);
      const { code } = event as { code: string };
      stats.refused++;
      count(codes, code);
      if (code === "internal") problems.push(`internal error event on ${namespace}; last sent: ${culprit}`);
      if (code === "invalid_message") count(invalidReceived, socket);
    });
    socket.on("disconnect", (reason) => problems.push(`${actor.label}'s ${namespace} socket disconnected (${reason}); last sent: ${lastSent.get(socket)}`));
    if (namespace === "/game") socket.on("challenge", ({ challenge_id }: { challenge_id: string }) => void pools.challenge.push(challenge_id));
    // Acknowledgements of hand-written frames (ids the client library does not know): "3/<ns>,<id>[answer]".
    socket.io.engine.on("message", (data) => {
      const frame = typeof data === "string" ? /^3\/\w+,(\d+)(\[.*)$/s.exec(data) : null;
      const resolve = frame && rawAcks.get(Number(frame[1]));
      if (resolve) resolve((JSON.parse(frame[2]!) as unknown[])[0]);
    });
  }

  async function addActor(label: string, user: OnlineUser, extra: Partial<Actor> = {}, namespaces: Namespace[] = ["/chat", "/tournament"]): Promise<Actor> {
    const actor: Actor = { label, user, sockets: { "/game": user.game }, ...extra };
    for (const namespace of namespaces) {
      const socket = connectSocket(url(), namespace, user.cookie);
      await connected(socket);
      actor.sockets[namespace] = socket;
    }
    actors.push(actor);
    return actor;
  }

  beforeAll(async () => {
    startedAt = performance.now();
    server = await startServer({ ...(await backend.environment()), ...SETTINGS });
    const [alice, bob, carol, dave, tina, tom, sam, sue] = await Promise.all(["alice", "bob", "carol", "dave", "tina", "tom", "sam", "sue"].map((base) => onlineUser(url(), base)));
    // The target match: both players registered, nobody ready, so it waits for ever ("waiting"
    // with no deadline) and only a player's own ready, move, leave or move to another match changes it.
    matchId = await agreeDuel(alice!, bob!);
    await enterAsPlayer(alice!, matchId);
    await enterAsPlayer(bob!, matchId);
    // A second live match whose players are fuzzed without any filter: its state is free to change.
    const playground = await agreeDuel(carol!, dave!);
    await enterAsPlayer(carol!, playground);
    await enterAsPlayer(dave!, playground);
    expect((await joinMatch(sam!, matchId)).role).toBe("spectator");
    // The target tournament: open and full (2 of 2), so nobody else can join, and only its two
    // members could leave or (the creator) start it.
    tournamentId = await createTournament(tina!, { name: "Fuzz target cup", max_players: 2 });
    expect((await tournamentAction(tom!, tournamentId, "join")).status).toBe(200);

    await addActor("player1", alice!, { slot: "player1" });
    await addActor("player2", bob!, { slot: "player2" });
    // player 1's second tab, not in the match room (it may join it through the fuzz).
    await addActor("player1 (second tab)", await connectGame(url(), alice!), { slot: "player1" }, []);
    await addActor("spectator", sam!);
    await addActor("stranger", sue!);
    await addActor("playground player1", carol!);
    await addActor("playground player2", dave!);
    await addActor("tournament creator", tina!, { inTargetTournament: true });
    await addActor("tournament member", tom!, { inTargetTournament: true });
    expect(actors[STRANGER]!.label).toBe("stranger");
    for (const actor of actors) for (const [namespace, socket] of Object.entries(actor.sockets)) watch(socket, actor, namespace as Namespace);
    pools.match.push(matchId, playground);
    pools.tournament.push(tournamentId);
    before = await snapshot();
  });

  afterAll(async () => {
    for (const actor of actors) for (const socket of Object.values(actor.sockets)) socket.removeAllListeners("disconnect").close();
    await server?.stop();
  });

  /** What the fuzz must not have changed: the target match (live and stored) and the target tournament. */
  async function snapshot() {
    const player1 = actors.find((actor) => actor.slot === "player1")!.user!;
    const stored = (await (await fetch(`${url()}/game/matches/${matchId}/`)).json()) as unknown;
    const tournament = (await (await fetch(`${url()}/game/tournaments/${tournamentId}/`)).json()) as unknown;
    return { live: liveParts((await joinMatch(player1, matchId)).game_state), stored, tournament };
  }

  /**
   * Whether a message from a player of the target match would be accepted and legitimately change
   * it (the schema, as the server parses it, says it is well formed): those are not sent. A valid
   * register is sent: both players are registered already, so it changes nothing.
   */
  function changesTarget(event: string, received: unknown, slot: Slot): boolean {
    const parsed = EVENTS[event]!.schema.safeParse(received);
    if (!parsed.success) return false;
    const message = parsed.data as { player?: string; match_id?: number };
    switch (event) {
      case "ready":
        return message.player === slot && (message.match_id === undefined || message.match_id === matchId);
      case "player1_position":
      case "player2_position":
        return event === `${slot}_position`;
      case "leave_match":
      case "close_match":
        return message.match_id === matchId;
      case "join_match":
        // Joining another live match takes the socket out of the target's room: the player is away.
        return message.match_id !== matchId;
      default:
        return false;
    }
  }

  async function sendSocket(action: SocketAction): Promise<void> {
    const actor = actors[action.actor]!;
    const socket = actor.sockets[action.namespace];
    if (!socket) return; // player 1's second tab has only /game
    const payload = resolveRefs(action.payload, pools);
    // The payload as the server will parse it: through JSON, as the client library or the raw frame carries it.
    const wire = action.form === "no_payload" ? undefined : action.form === "raw" ? JSON.stringify(payload).replace('"$raw"', action.rawToken!) : JSON.stringify([payload]).slice(1, -1);
    if (wire !== undefined && Buffer.byteLength(wire) > MAX_FRAME_BYTES) return void stats.oversized++;
    const received: unknown = wire === undefined ? undefined : JSON.parse(wire);
    if (actor.slot && changesTarget(action.event, received, actor.slot)) return void stats.guarded++;
    const valid = EVENTS[action.event]!.schema.safeParse(received).success;
    const label = describeAction(action, actor);
    stats.socketMessages++;
    lastSent.set(socket, label);

    if (!action.ack) {
      if (action.form === "raw") socket.io.engine.send(`2${action.namespace},[${JSON.stringify(action.event)},${wire}]`);
      else if (action.form === "no_payload") socket.emit(action.event);
      else if (action.form === "extra_argument") socket.emit(action.event, payload, "extra");
      else socket.emit(action.event, payload);
      // Answered by an error event, counted when it arrives.
      if (!valid) count(invalidExpected, socket);
      return;
    }
    const answer = await new Promise<unknown>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ACK_TIMEOUT_MS);
      const done = (value: unknown) => {
        clearTimeout(timer);
        resolve(value);
      };
      if (action.form === "raw") {
        const id = nextRawAck++;
        rawAcks.set(id, (value) => {
          rawAcks.delete(id);
          done(value);
        });
        socket.io.engine.send(`2${action.namespace},${id}[${JSON.stringify(action.event)},${wire}]`);
      } else if (action.form === "no_payload") socket.emit(action.event, done);
      else socket.emit(action.event, payload, done);
    });
    if (answer === undefined) {
      stats.unanswered++;
      return void problems.push(`no acknowledgement within ${ACK_TIMEOUT_MS} ms: ${label}`);
    }
    const problem = ackProblem(answer);
    if (problem) return void problems.push(`acknowledgement ${JSON.stringify(answer)}: ${problem}; sent ${label}`);
    const { ok, error } = answer as { ok: boolean; error?: { code: string } };
    if (ok) stats.accepted++;
    else {
      stats.refused++;
      count(codes, error!.code);
    }
    if (error?.code === "internal") problems.push(`internal: ${label}`);
    // The schemas are the oracle: malformed means invalid_message, well formed never does.
    if (!valid && error?.code !== "invalid_message") problems.push(`a malformed message was answered ${JSON.stringify(answer)}: ${label}`);
    if (valid && error?.code === "invalid_message") problems.push(`a well-formed message was refused as invalid: ${label}`);
  }

  async function sendHttp(action: HttpAction): Promise<void> {
    const actor = actors[action.actor] ?? anonymous;
    if (actor.inTargetTournament && /^\/game\/tournaments\/\{id\}\/(join|leave|start)\/$/.test(action.path)) return void stats.guarded++;
    // Encoded so the server sees exactly the segment.
    const segment = encodeURIComponent(String(resolveRefs(action.segment ?? "", pools)));
    const headers: Record<string, string> = {};
    if (actor.user) headers.cookie = actor.user.cookie;
    if (action.contentType) headers["content-type"] = action.contentType;
    if (action.origin) headers.origin = action.origin;
    const label = describeAction(action, actor);
    stats.httpRequests++;
    const send = (path: string) => fetch(url() + path, { method: action.method, headers, body: action.method === "POST" ? (action.body ?? "") : undefined, redirect: "manual" });
    let response = await send(action.path.replace("{id}", segment));
    // Next's trailing-slash rule takes the slash off a last segment that looks like a file name
    // ("1.5"): followed once, the request must then get a documented answer.
    const location = response.status === 308 ? response.headers.get("location") : null;
    if (location) {
      count(statuses, 308);
      response = await send(new URL(location, url()).pathname);
    }
    const text = await response.text();
    count(statuses, response.status);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Checked below: only a 303 from the form may come without JSON.
    }
    const foreign = action.origin !== undefined && action.method === "POST";
    if (response.status >= 400) {
      const problem = httpErrorProblem(response.status, body);
      if (problem) problems.push(`HTTP ${response.status} ${text.slice(0, 300)}: ${problem}; sent ${label}`);
      if (foreign && !(response.status === 403 && (body as { error?: { code?: string } }).error?.code === "forbidden_origin")) problems.push(`a foreign origin was not refused: ${label}`);
      return;
    }
    if (foreign) problems.push(`a foreign origin was accepted (${response.status}): ${label}`);
    if (response.status === 303) {
      const created = /\/tournaments\/(\d+)\/$/.exec(response.headers.get("location") ?? "");
      if (!created) problems.push(`303 to ${response.headers.get("location")}: ${label}`);
      else pools.tournament.push(Number(created[1]));
      return;
    }
    if (![200, 201].includes(response.status) || typeof body !== "object" || body === null) return void problems.push(`HTTP ${response.status} ${text.slice(0, 300)}: ${label}`);
    const { match_id, tournament_id } = body as { match_id?: number; tournament_id?: number };
    if (response.status === 201 && match_id !== undefined) pools.match.push(match_id);
    if (response.status === 201 && tournament_id !== undefined) pools.tournament.push(tournament_id);
  }

  it("answers every fuzzed message and request in the documented shape, and never `internal`", { timeout: 150_000 }, async () => {
    const fuzzStart = performance.now();
    const world: FuzzWorld = {
      matchIds: [matchId, ...pools.match.filter((id) => id !== matchId)].map(Number),
      tournamentIds: [tournamentId],
      usernames: actors.map((actor) => actor.user!.username).filter((name, index, all) => all.indexOf(name) === index),
      actors: actors.length,
    };
    for (const known of REGRESSIONS) await (known.kind === "socket" ? sendSocket(known) : sendHttp(known));
    expect(problems, "the regression cases").toEqual([]);
    const action = fc.oneof({ weight: 4, arbitrary: socketActionArb(world) }, { weight: 1, arbitrary: httpActionArb(world) });
    // fc.check, not fc.assert: the problems listed below name each culprit message briefly,
    // where fast-check would print the whole batch (deeply nested, kilobytes long).
    const run = await fc.check(
      fc.asyncProperty(fc.array(action, { minLength: BATCH, maxLength: BATCH }), async (actions) => {
        const known = problems.length;
        for (const next of actions) await (next.kind === "socket" ? sendSocket(next) : sendHttp(next));
        // The first batch with a problem ends the run; FUZZ_ALL=1 runs the whole budget to list every problem.
        if (problems.length > known && !process.env.FUZZ_ALL) throw new Error(`${problems.length - known} problem(s)`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (run.failed) problems.push(`the fuzz stopped at batch ${run.numRuns} (replay: seed ${run.seed}, path "${run.counterexamplePath}"): ${run.errorInstance}`);

    // One acknowledged malformed message per socket: the answers to everything sent before it
    // on that socket have arrived, so every malformed message without acknowledgement got its error event.
    const probes: Record<Namespace, string> = { "/game": "join_match", "/chat": "chat_message", "/tournament": "join_tournament" };
    for (const actor of actors) {
      for (const [namespace, socket] of Object.entries(actor.sockets) as [Namespace, Socket][]) {
        expect(await emitAck(socket, probes[namespace], {})).toMatchObject({ ok: false, error: { code: "invalid_message" } });
        const [expected, received] = [invalidExpected.get(socket) ?? 0, invalidReceived.get(socket) ?? 0];
        if (expected !== received) problems.push(`${actor.label}'s ${namespace}: ${received} invalid_message error events for ${expected} malformed messages without acknowledgement`);
      }
    }
    console.log(
      `fuzz on ${backend.name}: ${stats.socketMessages} socket messages, ${stats.httpRequests} HTTP requests, ${stats.refused} refused, ${stats.accepted} accepted ` +
        `(acknowledged), ${stats.guarded} not sent (would legitimately change the target), ${stats.oversized} over 16 KiB not sent, in ${((performance.now() - fuzzStart) / 1000).toFixed(1)} s\n` +
        `  socket error codes: ${JSON.stringify(Object.fromEntries(codes))}\n  HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}\n` +
        `  pools: ${pools.challenge.length} challenges offered, ${pools.match.length} matches, ${pools.tournament.length} tournaments`,
    );
    expect(problems).toEqual([]);
    expect(stats.unanswered).toBe(0);
  });

  it("changed nothing in the target match and tournament, which only refused messages reached", async () => {
    const after = await snapshot();
    expect(after.live).toEqual(before.live);
    expect(after.stored).toEqual(before.stored);
    expect(after.tournament).toEqual(before.tournament);
    // What the snapshots compare is meaningful: a match waiting on its players, a tournament full and open.
    expect(after.live).toMatchObject({ status: "waiting", player1: { registered: true, ready: false, connected: true }, player2: { registered: true, ready: false, connected: true } });
    expect(after.tournament).toMatchObject({ status: "open", players: [expect.anything(), expect.anything()] });
  });

  it("still serves health checks, a full duel and the chat, and cuts off broken connections; no error was logged", async () => {
    expect((await fetch(`${url()}/healthz`)).status).toBe(200);

    // Connections that break the rules are closed, and nothing else: a frame over 16 KiB, a frame that is not JSON, no session.
    const oversized = await connectGame(url(), actors[STRANGER]!.user!);
    const cutOff = nextEvent(oversized.game, "disconnect");
    oversized.game.emit("chat_message", { type: "chat_message", text: "x".repeat(20_000) });
    await cutOff;
    const garbled = await connectGame(url(), actors[STRANGER]!.user!);
    const closed = nextEvent(garbled.game, "disconnect");
    garbled.game.io.engine.send('2/game,["join_match",{');
    await closed;
    await expect(connected(connectSocket(url(), "/game"))).rejects.toMatchObject({ message: "unauthorized" });
    // Pages that look users up by name, with the NUL that PostgreSQL cannot take (found with the fuzz's challenge case).
    expect((await fetch(`${url()}/users/a%00b/`)).status).toBe(404);
    expect((await fetch(`${url()}/users/?q=%00`)).status).toBe(200);

    const [first, second] = await Promise.all([onlineUser(url(), "fresh1"), onlineUser(url(), "fresh2")]);
    try {
      const freshMatch = await agreeDuel(first!, second!);
      const slots = [await enterAsPlayer(first!, freshMatch), await enterAsPlayer(second!, freshMatch)] as const;
      const finished = nextState(first!.game, (state) => state.status === "finished");
      await declareReady(first!, slots[0]);
      await declareReady(second!, slots[1]);
      const stop = trackBall(first!, slots[0]);
      expect(await finished).toMatchObject({ winner: first!.username, forfeit_reason: null });
      stop();

      const chatOf = async (user: OnlineUser) => {
        const socket = connectSocket(url(), "/chat", user.cookie);
        await connected(socket);
        return socket;
      };
      const [sender, reader] = [await chatOf(first!), await chatOf(second!)];
      const heard = nextEvent<{ text: string }>(reader, "chat_message", (message) => message.text === "still alive");
      expect(await emitAck(sender, "chat_message", { type: "chat_message", text: "still alive" })).toMatchObject({ ok: true });
      await heard;
      sender.close();
      reader.close();
      expect((await postJson(first!, "/game/tournaments/create_tournament_form/", { name: "After the fuzz" })).status).toBe(201);
    } finally {
      closeAll(first, second, oversized, garbled);
    }

    // handle.ts logs every `internal` answer at error level, with the event, the user and the stack;
    // Next prints the errors of route handlers with ⨯.
    const errors = server.output().split("\n").filter((line) => line.includes('"level":"error"') || line.includes("⨯"));
    expect(errors).toEqual([]);
    console.log(`fuzz on ${backend.name}: done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s with the server start and the checks`);
  });
});
