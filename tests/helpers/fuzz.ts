// Generators and checks for the protocol fuzz suite (tests/integration/fuzz.test.ts): random and
// mutated payloads for every client → server socket event and every HTTP endpoint of
// docs/PROTOCOL.md, the schemas the server validates them with (the oracle that says which
// messages are well formed), and the documented shapes of every answer.
import fc from "fast-check";
import type { z } from "zod";
import { chatMessageSchema } from "@/lib/protocol/chat";
import { ERROR_CODES } from "@/lib/protocol/common";
import {
  challengeCancelSchema,
  challengeReplySchema,
  challengeSchema,
  closeMatchSchema,
  joinMatchSchema,
  leaveMatchSchema,
  matchIdSchema,
  player1PositionSchema,
  player2PositionSchema,
  readySchema,
  registerSchema,
} from "@/lib/protocol/game";
import { joinTournamentSchema, leaveTournamentChannelSchema } from "@/lib/protocol/tournament";

export type Namespace = "/game" | "/chat" | "/tournament";

/** Every client → server event, its namespace and the schema the server parses it with. */
export const EVENTS: Record<string, { namespace: Namespace; schema: z.ZodType }> = {
  challenge: { namespace: "/game", schema: challengeSchema },
  challenge_reply: { namespace: "/game", schema: challengeReplySchema },
  challenge_cancel: { namespace: "/game", schema: challengeCancelSchema },
  match_id: { namespace: "/game", schema: matchIdSchema },
  join_match: { namespace: "/game", schema: joinMatchSchema },
  leave_match: { namespace: "/game", schema: leaveMatchSchema },
  close_match: { namespace: "/game", schema: closeMatchSchema },
  register: { namespace: "/game", schema: registerSchema },
  ready: { namespace: "/game", schema: readySchema },
  player1_position: { namespace: "/game", schema: player1PositionSchema },
  player2_position: { namespace: "/game", schema: player2PositionSchema },
  chat_message: { namespace: "/chat", schema: chatMessageSchema },
  join_tournament: { namespace: "/tournament", schema: joinTournamentSchema },
  leave_tournament: { namespace: "/tournament", schema: leaveTournamentChannelSchema },
};
const EVENT_NAMES = Object.keys(EVENTS);

/** What the fuzz knows when it builds its generators: the live match, tournament and users it targets. */
export interface FuzzWorld {
  /** Matches the payloads name most often (the target match first). */
  matchIds: number[];
  tournamentIds: number[];
  usernames: string[];
  /** How many users act (index into the run's actor table). */
  actors: number;
}

// ---- references resolved when the action runs ----------------------------------------------
// Ids only known during the run (challenges offered, matches and tournaments created) appear in
// generated values as "$challenge:<k>" etc. and are replaced by the k-th known one when sent.

export type Pool = "challenge" | "match" | "tournament";
const REF = /^\$(challenge|match|tournament):(\d+)$/;

export function resolveRefs(value: unknown, pools: Record<Pool, (string | number)[]>): unknown {
  if (typeof value === "string") {
    const ref = REF.exec(value);
    if (!ref) return value;
    const pool = pools[ref[1] as Pool];
    return pool.length === 0 ? "no-such-challenge" : pool[Number(ref[2]) % pool.length];
  }
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, pools));
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    // defineProperty: "__proto__" stays an own key, as JSON.parse makes it on the server.
    for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: resolveRefs(item, pools), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

const ref = (pool: Pool) => fc.nat({ max: 1000 }).map((k) => `$${pool}:${k}`);

// ---- values -------------------------------------------------------------------------------

export const HUGE = 9_000;
const weirdStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uFFFF",
  "💥",
  "x".repeat(HUGE),
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "NaN",
  "Infinity",
  "-1",
  "1e999",
  "../../etc/passwd",
  "%00",
  "<script>alert(1)</script>",
  "' OR '1'='1",
  "\r\n",
  "ａｌｉｃｅ",
);
const anyString = fc.oneof({ weight: 3, arbitrary: weirdStrings }, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
const weirdNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  0.5,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  5e-324,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);
const anyNumber = fc.oneof(weirdNumbers, fc.integer(), fc.double(), fc.integer({ min: -20_000, max: 20_000 }));
/** Anything JSON can carry (fc.anything's extras, undefined and -0 among them, are normalised by JSON on the way). */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 3, arbitrary: anyNumber },
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
);
const pollutionKeys = fc.constantFrom("__proto__", "constructor", "prototype", "toJSON", "hasOwnProperty");
const extraKey = fc.oneof(pollutionKeys, fc.constantFrom("type", "match_id", "player", "user", "admin", "id"), fc.string({ maxLength: 10 }));

/** `depth` levels of alternating objects and arrays around `inner`. */
export function nest(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

// ---- mutations ---------------------------------------------------------------------------

/** Data, not functions, so a failing case prints what was sent. */
type Mutation =
  | { op: "drop"; k: number }
  | { op: "extra"; key: string; value: unknown }
  | { op: "retype"; k: number; value: unknown }
  | { op: "pollute"; k: number; key: string }
  | { op: "nestField"; k: number; depth: number }
  | { op: "nestAll"; depth: number }
  | { op: "wrap" }
  | { op: "replace"; value: unknown }
  | { op: "type"; value: unknown };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), k: fc.nat() }),
  fc.record({ op: fc.constant("extra" as const), key: extraKey, value: anyValue }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant("retype" as const), k: fc.nat(), value: anyValue }) },
  fc.record({ op: fc.constant("pollute" as const), k: fc.nat(), key: pollutionKeys }),
  fc.record({ op: fc.constant("nestField" as const), k: fc.nat(), depth: fc.integer({ min: 2, max: 1_200 }) }),
  fc.record({ op: fc.constant("nestAll" as const), depth: fc.integer({ min: 1, max: 1_200 }) }),
  fc.record({ op: fc.constant("wrap" as const) }),
  fc.record({ op: fc.constant("replace" as const), value: anyValue }),
  fc.record({ op: fc.constant("type" as const), value: fc.oneof(fc.constantFrom(...EVENT_NAMES), anyValue) }),
);

function mutate(payload: unknown, mutation: Mutation): unknown {
  if (mutation.op === "replace") return mutation.value;
  if (mutation.op === "wrap") return [payload];
  if (mutation.op === "nestAll") return nest(mutation.depth, payload);
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return payload;
  const object = payload as Record<string, unknown>;
  const keys = Object.keys(object);
  const kth = (k: number) => keys[k % Math.max(1, keys.length)];
  switch (mutation.op) {
    case "drop": {
      const key = kth(mutation.k);
      if (key === undefined) return object;
      const copy = { ...object };
      delete copy[key];
      return copy;
    }
    case "extra":
      return withKey(object, mutation.key, mutation.value);
    case "retype": {
      const key = kth(mutation.k);
      return key === undefined ? object : withKey(object, key, mutation.value);
    }
    case "pollute": {
      // A field replaced by an object that tries to reach the prototype: { "__proto__": { ... } }.
      const key = kth(mutation.k);
      const poison = JSON.parse(`{"${mutation.key}":{"polluted":true,"type":"chat_message","ok":true}}`) as unknown;
      return key === undefined ? poison : withKey(object, key, poison);
    }
    case "nestField": {
      const key = kth(mutation.k);
      return key === undefined ? object : withKey(object, key, nest(mutation.depth, object[key]));
    }
    case "type":
      return withKey(object, "type", mutation.value);
  }
}

/** A valid-shaped value, then up to three mutations. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([payload, mutations]) => mutations.reduce(mutate, payload));
}

// ---- socket messages ----------------------------------------------------------------------

export interface SocketAction {
  kind: "socket";
  actor: number;
  namespace: Namespace;
  event: string;
  /** How it travels: a normal emit with or without an acknowledgement; "no_payload": emit(event[, ack]); "extra_argument": emit(event, payload, extra); "raw": a hand-written frame (JSON a client library would not write, e.g. 1e999). */
  form: "plain" | "no_payload" | "extra_argument" | "raw";
  ack: boolean;
  payload: unknown;
  /** For "raw": tokens spliced into the JSON text in place of the string "$raw". */
  rawToken?: string;
}

function validShaped(world: FuzzWorld): Record<string, fc.Arbitrary<Record<string, unknown>>> {
  const matchId = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...world.matchIds) }, { weight: 2, arbitrary: ref("match") }, fc.integer({ min: 1, max: 2 ** 31 - 1 }), weirdNumbers);
  const tournamentId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...world.tournamentIds) }, { weight: 2, arbitrary: ref("tournament") }, fc.integer({ min: 1, max: 2 ** 31 - 1 }), weirdNumbers);
  const challengeId = fc.oneof({ weight: 4, arbitrary: ref("challenge") }, fc.uuid(), anyString);
  const username = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...world.usernames) },
    fc.constantFrom(...world.usernames).map((name) => name.toUpperCase()),
    { weight: 2, arbitrary: anyString },
  );
  const slot = fc.oneof({ weight: 5, arbitrary: fc.constantFrom("player1", "player2") }, anyString);
  const position = fc.oneof(fc.integer({ min: 0, max: 600 }), anyNumber);
  const direction = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(-1, 0, 1) }, anyNumber);
  const text = fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 }), weirdStrings, fc.constantFrom("y".repeat(500), "y".repeat(501)));
  const message = <T extends Record<string, fc.Arbitrary<unknown>>>(type: string, fields: T, optional: (keyof T)[] = []) =>
    fc.record({ type: fc.constant(type), ...fields }, { requiredKeys: ["type", ...Object.keys(fields).filter((key) => !optional.includes(key))] as never }) as fc.Arbitrary<Record<string, unknown>>;
  return {
    challenge: message("challenge", { target: username }),
    challenge_reply: message("challenge_reply", { challenge_id: challengeId, reply: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("accept", "decline") }, anyString) }),
    challenge_cancel: message("challenge_cancel", { challenge_id: challengeId }),
    match_id: message("match_id", { challenge_id: challengeId, match_id: matchId }),
    join_match: message("join_match", { match_id: matchId }),
    leave_match: message("leave_match", { match_id: matchId }),
    close_match: message("close_match", { match_id: matchId }),
    register: message("register", { player: slot, user: username, match_id: matchId }),
    ready: message("ready", { player: slot, match_id: matchId }, ["match_id"]),
    player1_position: message("player1_position", { position, direction }),
    player2_position: message("player2_position", { position, direction }),
    chat_message: message("chat_message", { text }),
    join_tournament: message("join_tournament", { tournament_id: tournamentId }),
    leave_tournament: message("leave_tournament", { tournament_id: tournamentId }),
  };
}

/** Raw JSON tokens no JSON.stringify writes: they reach the server as Infinity, -0, or rounded. */
const RAW_TOKENS = ["1e999", "-1e999", "-0", "1E400", "0.1e-400", "123456789012345678901234567890", "2147483647.0000000001", "1.0"];

export function socketActionArb(world: FuzzWorld): fc.Arbitrary<SocketAction> {
  const shapes = validShaped(world);
  const forEvent = (event: string) => {
    const valid = shapes[event]!;
    const payload = fc.oneof(
      // Valid-shaped, with wrong or right ids and values.
      { weight: 5, arbitrary: valid },
      // Mutated from a valid one: missing, extra and wrong-typed keys, deep nesting, pollution.
      { weight: 4, arbitrary: mutated(valid) },
      // Arbitrary JSON.
      { weight: 1, arbitrary: anyValue },
    );
    const raw = fc.tuple(valid, fc.nat(), fc.constantFrom(...RAW_TOKENS)).map(([shape, k, token]) => {
      const keys = Object.keys(shape).filter((key) => key !== "type");
      const key = keys[k % Math.max(1, keys.length)];
      return { payload: key === undefined ? shape : { ...shape, [key]: "$raw" }, rawToken: token };
    });
    return fc.oneof(
      { weight: 16, arbitrary: fc.record({ form: fc.constant("plain" as const), ack: fc.boolean(), payload }) },
      { weight: 1, arbitrary: fc.record({ form: fc.constant("no_payload" as const), ack: fc.boolean(), payload: fc.constant(undefined) }) },
      { weight: 1, arbitrary: fc.record({ form: fc.constant("extra_argument" as const), ack: fc.constant(false), payload }) },
      { weight: 2, arbitrary: fc.tuple(fc.boolean(), raw).map(([ack, { payload, rawToken }]) => ({ form: "raw" as const, ack, payload, rawToken })) },
    ).map((sent) => ({ event, namespace: EVENTS[event]!.namespace, ...sent }));
  };
  return fc
    .tuple(fc.nat({ max: world.actors - 1 }), fc.oneof(...EVENT_NAMES.map((event) => ({ weight: EVENTS[event]!.namespace === "/game" ? 3 : 4, arbitrary: forEvent(event) }))))
    .map(([actor, sent]) => ({ kind: "socket" as const, actor, ...sent }));
}

// ---- HTTP requests ------------------------------------------------------------------------

export interface HttpAction {
  kind: "http";
  actor: number;
  method: "GET" | "POST";
  /** With "{id}" standing for `segment`, encoded when sent. */
  path: string;
  segment?: string;
  contentType?: string;
  body?: string;
  /** A foreign Origin: state-changing requests must be refused with 403 forbidden_origin. */
  origin?: string;
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

export function httpActionArb(world: FuzzWorld): fc.Arbitrary<HttpAction> {
  const idSegment = (pool: "match" | "tournament", constants: number[]) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...constants).map(String) },
      { weight: 2, arbitrary: ref(pool) },
      fc.integer({ min: -5, max: 2 ** 31 + 5 }).map(String),
      fc.constantFrom("0", "-1", "1.5", "1e3", "0x10", "2147483648", "99999999999", "007", " 1", "abc", "%", "%00", "\u0000", "💥", "x".repeat(300)),
      fc.string({ minLength: 1, maxLength: 12 }),
      // Not "." or "..": the URL parser resolves them (encoded too) before the request leaves.
    ).filter((segment) => segment !== "." && segment !== "..");
  const username = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...world.usernames) }, fc.stringMatching(/^[A-Za-z0-9_-]{3,20}$/), anyString);
  const json = (value: fc.Arbitrary<unknown>) => value.map((body) => ({ contentType: JSON_TYPE as string | undefined, body: JSON.stringify(body) ?? "" }));
  const rawBody = fc.record({
    contentType: fc.constantFrom(JSON_TYPE, "text/plain", FORM, undefined, "multipart/form-data; boundary=x", "application/json; charset=utf-16"),
    body: fc.oneof(
      fc.constantFrom("", "{", "null", "[]", "1e999", "\u0000", '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', "x".repeat(17_000)),
      fc.string({ maxLength: 40 }),
      fc.integer({ min: 100, max: 2_500 }).map((depth) => JSON.stringify(nest(depth, 1))),
      anyValue.map((value) => JSON.stringify(value) ?? ""),
    ),
  });
  /** The valid-shaped body of an endpoint, JSON-encoded, mutated, or junk. */
  const bodyOf = (valid: fc.Arbitrary<Record<string, unknown>>) =>
    fc.oneof({ weight: 3, arbitrary: json(valid) }, { weight: 4, arbitrary: json(mutated(valid)) }, { weight: 2, arbitrary: rawBody });
  const post = (path: string, body: fc.Arbitrary<{ contentType?: string; body?: string }>, segment?: fc.Arbitrary<string>) =>
    fc.record({ method: fc.constant("POST" as const), path: fc.constant(path), segment: segment ?? fc.constant(undefined), payload: body }).map(({ payload, ...rest }) => ({ ...rest, ...payload }));
  const get = (path: string, segment: fc.Arbitrary<string>) => fc.record({ method: fc.constant("GET" as const), path: fc.constant(path), segment });
  const noBody = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, rawBody);

  const register = fc.record({
    username: fc.oneof(fc.stringMatching(/^fz[a-z0-9]{6,10}$/), username),
    password: fc.oneof(fc.constantFrom("correct-horse-battery", "short", "p".repeat(200), "p".repeat(201)), anyString),
  });
  const createMatch = fc.record({ opponent: username });
  const tournamentName = fc.oneof(fc.string({ minLength: 3, maxLength: 40 }), anyString);
  const createTournament = fc.record(
    { name: tournamentName, max_players: fc.oneof(fc.integer({ min: 2, max: 64 }), anyNumber, anyString), points_to_win: fc.oneof(fc.integer({ min: 1, max: 21 }), anyNumber, anyString) },
    { requiredKeys: ["name"] },
  );
  const formValue = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 100 }).map(String), weirdStrings);
  const form = fc
    .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom("name", "max_players", "points_to_win") }, extraKey), formValue), { maxLength: 5 })
    .map((pairs) => ({ contentType: FORM as string | undefined, body: new URLSearchParams(pairs).toString() }));

  const matchSegment = idSegment("match", world.matchIds);
  const tournamentSegment = idSegment("tournament", world.tournamentIds);
  const request = fc.oneof(
    { weight: 2, arbitrary: post("/api/register/", bodyOf(register)) },
    { weight: 3, arbitrary: post("/game/matches/create_match/", bodyOf(createMatch)) },
    { weight: 3, arbitrary: post("/game/matches/{id}/join/", noBody, matchSegment) },
    { weight: 3, arbitrary: get("/game/matches/{id}/", matchSegment) },
    { weight: 2, arbitrary: get("/api/users/{id}/", username.filter(isPathSegment)) },
    { weight: 3, arbitrary: post("/game/tournaments/create_tournament_form/", bodyOf(createTournament)) },
    { weight: 2, arbitrary: post("/game/tournaments/create_tournament_form/", fc.oneof({ weight: 3, arbitrary: form }, rawBody)) },
    ...(["join", "leave", "start"] as const).map((action) => ({ weight: 2, arbitrary: post(`/game/tournaments/{id}/${action}/`, noBody, tournamentSegment) })),
    { weight: 3, arbitrary: get("/game/tournaments/{id}/", tournamentSegment) },
  );
  return fc
    .tuple(fc.nat({ max: world.actors }), request, fc.oneof({ weight: 19, arbitrary: fc.constant(undefined) }, fc.constantFrom("http://evil.example", "null")))
    .map(([actor, sent, origin]) => ({ kind: "http" as const, actor, ...sent, ...(origin && { origin }) }));
}

/** Text a URL path can carry as one segment: not empty or a dot segment, and valid UTF-16 (no lone surrogate). */
function isPathSegment(text: string): boolean {
  if (["", ".", ".."].includes(text)) return false;
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

// ---- answers ------------------------------------------------------------------------------

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const ERROR_CODE_SET = new Set<string>(ERROR_CODES);

function errorBodyProblem(error: unknown, allowed: string[]): string | null {
  if (!isObject(error)) return "the error is not an object";
  const extra = Object.keys(error).filter((key) => !allowed.includes(key));
  if (extra.length > 0) return `unexpected keys ${extra.join(", ")}`;
  if (typeof error.code !== "string" || !ERROR_CODE_SET.has(error.code)) return `code ${JSON.stringify(error.code)} is not in ERROR_CODES`;
  if (typeof error.message !== "string" || error.message === "") return "no message";
  if (error.retry_after !== undefined && !(typeof error.retry_after === "number" && error.retry_after > 0)) return "retry_after is not a positive number";
  return null;
}

/** `{ ok: true, ... }` or `{ ok: false, error: { code, message, retry_after? } }`; null when it fits. */
export function ackProblem(answer: unknown): string | null {
  if (!isObject(answer)) return "the acknowledgement is not an object";
  if (answer.ok === true) return null;
  if (answer.ok !== false) return "ok is not a boolean";
  if (Object.keys(answer).some((key) => key !== "ok" && key !== "error")) return "a refusal with keys besides ok and error";
  return errorBodyProblem(answer.error, ["code", "message", "retry_after"]);
}

/** `{ type: "error", code, message, retry_after? }`. */
export function errorEventProblem(event: unknown): string | null {
  if (!isObject(event) || event.type !== "error") return "not { type: \"error\", … }";
  return errorBodyProblem(event, ["type", "code", "message", "retry_after"]);
}

/** `{ error: { code, message, fields?, retry_after? } }` with a 4xx status. */
export function httpErrorProblem(status: number, body: unknown): string | null {
  if (status < 400 || status > 499) return `status ${status}`;
  if (!isObject(body) || Object.keys(body).length !== 1 || !isObject(body.error)) return "not { error: { … } }";
  const { error } = body;
  const extra = Object.keys(error).filter((key) => !["code", "message", "fields", "retry_after"].includes(key));
  if (extra.length > 0) return `unexpected keys ${extra.join(", ")}`;
  if (typeof error.code !== "string" || !/^[a-z_]+$/.test(error.code)) return `code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== "string" || error.message === "") return "no message";
  if (error.fields !== undefined && !(isObject(error.fields) && Object.values(error.fields).every((value) => typeof value === "string"))) return "fields is not a map of strings";
  if (error.retry_after !== undefined && !(typeof error.retry_after === "number" && error.retry_after > 0)) return "retry_after is not a positive number";
  return null;
}
