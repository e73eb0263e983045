// Attack script: replays the abuse a public server meets, against two server.ts processes with
// the default limits, and prints what got through. Not a test: it reports, it does not judge.
//
//   npm run attacks                                              (embedded: one process)
//   REDIS_URL=redis://… DATABASE_URL=postgres://… npm run attacks   (two processes sharing them)
import { randomBytes } from "node:crypto";
import pg from "pg";
import { agreeDuel, connectGame, declareReady, emitAck, enterAsPlayer, joinMatch, nextState, type OnlineUser } from "../../tests/helpers/protocol";
import { startServer, type RunningServer } from "../../tests/helpers/server";
import { io } from "socket.io-client";
import { connectSocket, PASSWORD, register, uniqueName } from "../../tests/helpers/users";

// Empty means unset: the servers run with every limit at its default (the test helpers raise them).
const DEFAULT_LIMITS = Object.fromEntries(
  ["LOGIN_MAX_PER_ADDRESS", "SIGNUP_MAX_PER_ADDRESS", "CHALLENGE_MAX_PER_MINUTE", "CHALLENGE_MAX_SAME_TARGET", "TOURNAMENT_MAX_CREATED", "TOURNAMENT_MAX_JOIN_LEAVE", "RATE_LIMIT_SCALE", "SOCKETS_PER_USER"].map((name) => [name, ""]),
);
const TRUST_PROXY = "1";

async function environment(): Promise<Record<string, string>> {
  const env: Record<string, string> = { ...DEFAULT_LIMITS, TRUST_PROXY, POINTS_TO_WIN: "21", LOG_LEVEL: "error" };
  if (!process.env.REDIS_URL || !process.env.DATABASE_URL) return env;
  const suffix = randomBytes(4).toString("hex");
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "attacks_${suffix}"`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/attacks_${suffix}`;
  return { ...env, DATABASE_URL: url.toString(), REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `attacks-${suffix}` };
}

let addresses = 0;
/** Users set up for an attack come from addresses of their own; the attacker's is fixed. */
const freshAddress = () => `203.0.113.${(++addresses % 250) + 1}`;
const ATTACKER = "198.51.100.66";

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

async function newUser(server: RunningServer, base: string): Promise<OnlineUser> {
  const username = uniqueName(base);
  const created = await post(`${server.url}/api/register/`, { username, password: PASSWORD }, { "x-forwarded-for": freshAddress() });
  if (created.status !== 201) throw new Error(`register: ${created.status}`);
  const { id } = (await created.json()) as { id: number };
  const csrf = await fetch(`${server.url}/api/auth/csrf/`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${server.url}/api/auth/callback/credentials/`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "x-forwarded-for": freshAddress() },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))?.split(";")[0];
  if (!cookie) throw new Error("login failed");
  return connectGame(server.url, { id, username, cookie });
}

const rows: [string, string][] = [];
const report = (attack: string, outcome: string) => {
  rows.push([attack, outcome]);
  console.log(`${attack}: ${outcome}`);
};

async function wrongPasswords(server: RunningServer) {
  const { username } = await register(server.url, uniqueName("victim"));
  let wrong = 0;
  let refused = 0;
  const startedAt = performance.now();
  for (let attempt = 0; attempt < 30; attempt++) {
    const csrf = await fetch(`${server.url}/api/auth/csrf/`, { headers: { "x-forwarded-for": ATTACKER } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${server.url}/api/auth/callback/credentials/`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "x-forwarded-for": ATTACKER },
      body: new URLSearchParams({ csrfToken, username, password: `guess-${attempt}`, json: "true" }),
    });
    const target = response.headers.get("location") ?? ((await response.json()) as { url: string }).url;
    const error = new URL(target, server.url).searchParams.get("error");
    if (error === "CredentialsSignin") wrong++;
    else refused++;
  }
  const seconds = (performance.now() - startedAt) / 1000;
  report("30 wrong passwords, one account, one address", `${wrong} checked, ${refused} refused before hashing (${(30 / seconds).toFixed(0)} tries/s)`);
}

async function signups(server: RunningServer) {
  const statuses = await Promise.all(Array.from({ length: 40 }, () => post(`${server.url}/api/register/`, { username: uniqueName("farm"), password: PASSWORD }, { "x-forwarded-for": ATTACKER }).then((r) => r.status)));
  report("40 sign-ups from one address", `${statuses.filter((s) => s === 201).length} created, ${statuses.filter((s) => s === 429).length} refused (429)`);
}

async function challenges(server: RunningServer) {
  const attacker = await newUser(server, "pest");
  const targets = await Promise.all(Array.from({ length: 30 }, (_, index) => newUser(server, `t${index}`)));
  let reached = 0;
  for (const offered of targets) offered.game.on("challenge", () => reached++);
  let refused = 0;
  // Paced within the socket's message budget (20 a second), so what refuses them is the challenge limit.
  const pace = () => new Promise((resolve) => setTimeout(resolve, 150));
  for (let index = 0; index < 60; index++) {
    await pace();
    const sent = await emitAck<{ challenge_id: string }>(attacker.game, "challenge", { type: "challenge", target: targets[index % 30]!.username });
    if (!sent.ok) {
      refused++;
      continue;
    }
    await emitAck(attacker.game, "challenge_cancel", { type: "challenge_cancel", challenge_id: sent.challenge_id });
  }
  let sameTarget = 0;
  const victim = await newUser(server, "victim");
  const pest = await newUser(server, "pest2");
  for (let index = 0; index < 10; index++) {
    await pace();
    const sent = await emitAck<{ challenge_id: string }>(pest.game, "challenge", { type: "challenge", target: victim.username });
    if (!sent.ok) continue;
    sameTarget++;
    await emitAck(pest.game, "challenge_cancel", { type: "challenge_cancel", challenge_id: sent.challenge_id });
  }
  report("60 challenges in a minute (30 targets)", `${60 - refused} sent (${reached} offers delivered), ${refused} refused; to one target: ${sameTarget} of 10`);
  for (const user of [attacker, victim, pest, ...targets]) user.game.close();
}

async function playingMatch(server: RunningServer, names: [string, string]): Promise<[OnlineUser, OnlineUser, number]> {
  const [first, second] = await Promise.all(names.map((name) => newUser(server, name)));
  const matchId = await agreeDuel(first!, second!);
  const slots = await Promise.all([enterAsPlayer(first!, matchId), enterAsPlayer(second!, matchId)]);
  await Promise.all([declareReady(first!, slots[0]), declareReady(second!, slots[1])]);
  await nextState(first!.game, (state) => state.status === "playing");
  return [first!, second!, matchId];
}

async function flood(servers: RunningServer[]) {
  const [a1, a2, floodedMatch] = await playingMatch(servers[0]!, ["a1", "a2"]);
  const [b1, b2] = await playingMatch(servers.at(-1)!, ["b1", "b2"]);
  const flooder = await newUser(servers[0]!, "flooder");
  await joinMatch(flooder, floodedMatch);
  const gaps: number[] = [];
  let last = 0;
  const onState = () => {
    const now = performance.now();
    if (last > 0) gaps.push(now - last);
    last = now;
  };
  b1.game.on("game_state", onState);
  const disconnected = new Promise<number>((resolve) => flooder.game.once("disconnect", () => resolve(performance.now())));
  const startedAt = performance.now();
  // In chunks, yielding between them, so this process goes on receiving the other match's states.
  for (let index = 0; index < 20_000; index++) {
    flooder.game.emit("player1_position", { type: "player1_position", position: index % 500, direction: 1 });
    if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
  // The other match's states are watched for 5 s from the start of the flood, whatever happens to it.
  const cutOff = await Promise.race([disconnected, new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, 5_000 - (performance.now() - startedAt))))]);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 5_000 - (performance.now() - startedAt))));
  b1.game.off("game_state", onState);
  gaps.sort((x, y) => x - y);
  const p99 = gaps[Math.floor(gaps.length * 0.99)] ?? 0;
  report(
    "spectator floods 20,000 refused paddle moves",
    `${cutOff === null ? "never cut off (5 s)" : `cut off after ${(cutOff - startedAt).toFixed(0)} ms`}; another match's state gaps p50 ${gaps[Math.floor(gaps.length / 2)]?.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
  );
  for (const user of [a1, a2, b1, b2, flooder]) user.game.close();
}

async function foreignOrigin(server: RunningServer) {
  const user = await newUser(server, "origin");
  const probe = io(`${server.url}/chat`, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { cookie: user.cookie, origin: "https://evil.example" } });
  const handshake = await new Promise<string>((resolve) => {
    probe.once("connect", () => resolve("accepted"));
    probe.once("connect_error", (error: Error & { data?: { code?: string } }) => resolve(`refused (${error.data?.code ?? error.message})`));
  });
  probe.close();
  const form = await fetch(`${server.url}/game/tournaments/create_tournament_form/`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: user.cookie, origin: "https://evil.example" },
    body: JSON.stringify({ name: "Evil cup", max_players: 4 }),
  });
  report("foreign Origin with a valid session", `socket handshake ${handshake}; POST ${form.status}`);
  user.game.close();
}

async function headers(server: RunningServer) {
  const response = await fetch(`${server.url}/login/`);
  const wanted = ["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"];
  const present = wanted.filter((name) => response.headers.has(name));
  report("protective headers on pages", `${present.length} of ${wanted.length} (${present.join(", ") || "none"})`);
}

async function sockets(servers: RunningServer[]) {
  const user = await newUser(servers[0]!, "hoarder");
  const opened = Array.from({ length: 300 }, (_, index) => connectSocket(servers[index % servers.length]!.url, "/chat", user.cookie));
  const outcomes = await Promise.all(
    opened.map((socket) => new Promise<boolean>((resolve) => (socket.once("connect", () => resolve(true)), socket.once("connect_error", () => resolve(false))))),
  );
  report("one user opens 300 sockets", `${outcomes.filter(Boolean).length + 1} open (its page's included), ${outcomes.filter((ok) => !ok).length} refused`);
  for (const socket of opened) socket.close();
  user.game.close();
}

async function tournamentRace(servers: RunningServer[]) {
  let worst = 0;
  for (let round = 0; round < 10; round++) {
    const creator = await newUser(servers[0]!, "host");
    const created = await post(`${servers[0]!.url}/game/tournaments/create_tournament_form/`, { name: `Race ${round}`, max_players: 2 }, { cookie: creator.cookie });
    const { tournament_id } = (await created.json()) as { tournament_id: number };
    const joiners = await Promise.all(Array.from({ length: 10 }, (_, index) => newUser(servers[index % servers.length]!, `j${index}`)));
    await Promise.all(joiners.map((joiner) => post(`${joiner.baseUrl}/game/tournaments/${tournament_id}/join/`, {}, { cookie: joiner.cookie })));
    const tournament = (await (await fetch(`${servers[0]!.url}/game/tournaments/${tournament_id}/`)).json()) as { players: unknown[] };
    worst = Math.max(worst, tournament.players.length);
    for (const user of [creator, ...joiners]) user.game.close();
  }
  report("10 simultaneous joins of a 2-player tournament, 10 times", `most players ever in it: ${worst}`);
}

const env = await environment();
const scaled = Boolean(env.REDIS_URL);
console.log(`starting ${scaled ? "two server.ts processes on PostgreSQL + Redis" : "one embedded server.ts"} with the default limits`);
const servers = scaled ? await Promise.all([startServer(env), startServer(env)]) : [await startServer(env)];
try {
  await wrongPasswords(servers[0]!);
  await signups(servers.at(-1)!);
  await challenges(servers[0]!);
  await flood(servers);
  await foreignOrigin(servers[0]!);
  await headers(servers[0]!);
  await sockets(servers);
  await tournamentRace(servers);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
console.log("\n| attack | outcome |\n|---|---|");
for (const [attack, outcome] of rows) console.log(`| ${attack} | ${outcome} |`);
