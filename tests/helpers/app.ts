// The app booted inside the test process (createApp on a plain HTTP server, no Next): its
// Socket.IO namespaces, services and engine are the real ones; what Next serves (pages, route
// handlers, next-auth) is not there. Users are created through the services and get a session
// cookie signed the way next-auth signs it. For suites about the socket protocol; suites about
// HTTP, several processes, restarts or crashes spawn server.ts (server.ts helper).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import type { AppContext } from "@/lib/app/context";
import { parseEnv } from "@/lib/env";
import { openDatabase } from "@/lib/infra/db/open";
import type { Logger } from "@/lib/infra/log";
import { openLiveState } from "@/lib/infra/store";
import { createApp } from "@/lib/create-app";
import { createTournamentBodySchema } from "@/lib/protocol/tournament";
import { practiceBodySchema } from "@/lib/protocol/http";
import { createMatchAnswer, errorAnswer, joinAnswer, tournamentActionAnswer, tournamentAnswer } from "@/lib/transport/http/answers";
import { sessionClaims } from "@/lib/transport/http/session";
import { GENEROUS_LIMITS, TEST_SECRET } from "./server";
import { PASSWORD, uniqueName, type TestUser } from "./users";

/** What the protocol helpers need of a server, whether spawned (over HTTP) or in-process (through the services). */
export interface TestApi {
  url: string;
  /** A new registered user with a session cookie. */
  newUser(base: string): Promise<TestUser>;
  /** The seed's create_match for `user`, answered as the HTTP endpoint answers. */
  createMatch(user: TestUser, opponent: string): Promise<{ status: number; body: unknown }>;
  /** POST /game/matches/practice/ with `body`, answered as the HTTP endpoint answers. */
  practice(user: TestUser, body: unknown): Promise<{ status: number; body: unknown }>;
  /** The seed's join (POST /game/matches/<id>/join/), answered as the HTTP endpoint answers. */
  joinAsPlayer(user: TestUser, matchId: number): Promise<{ status: number; body: unknown }>;
  /** A match as GET /game/matches/<id>/ shows it (null: no such match). */
  matchJson(matchId: number): Promise<object | null>;
  /** GET /game/matches/<id>/replay/ (null: 404, no replay). */
  replay(matchId: number): Promise<object | null>;
  /** The seed's create_tournament_form with a valid JSON body: 201 { tournament_id }. */
  createTournament(user: TestUser, body: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** POST /game/tournaments/<id>/<action>/. */
  tournamentAction(user: TestUser, id: number, action: "join" | "leave" | "start"): Promise<{ status: number; body: unknown }>;
  /** GET /game/tournaments/<id>/. */
  tournamentJson(id: number): Promise<{ status: number; body: unknown }>;
}

export interface TestServer extends TestApi {
  /** Everything the server logged so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface InProcessServer extends TestServer {
  context: AppContext;
}

/** The session cookie next-auth would set for `user` after a login. */
export async function sessionCookie(user: { id: number; username: string }): Promise<string> {
  const token = await encode({ token: { sub: String(user.id), name: user.username, ...sessionClaims(user) }, secret: TEST_SECRET });
  return `next-auth.session-token=${token}`;
}

/** Boots the app in this process with `env` (settings and back-end URLs); PGlite in memory unless DATABASE_URL is set. */
export async function startInProcess(env: Record<string, string> = {}): Promise<InProcessServer> {
  // The socket middleware reads the session secret from the environment, as next-auth does.
  process.env.NEXTAUTH_SECRET = TEST_SECRET;
  const config = parseEnv({ NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", NEXTAUTH_SECRET: TEST_SECRET, ...GENEROUS_LIMITS, ...env });
  const lines: string[] = [];
  const write = (level: string) => (message: string) => void lines.push(`${new Date().toISOString()} ${level.padEnd(5)} ${message}`);
  const log: Logger = { debug: () => {}, info: write("info"), warn: write("warn"), error: write("error"), announce: write("info") };

  const database = await openDatabase({ databaseUrl: config.DATABASE_URL });
  const live = await openLiveState(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  const http = createServer((_request, response) => response.writeHead(404).end());
  const app = await createApp(http, { config, log, database, live });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { context } = app;

  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    context,
    async newUser(base) {
      const created = await context.users.create(uniqueName(base), PASSWORD);
      if (!created.ok) throw new Error(`${base}: the username is taken`);
      return { id: created.user.id, username: created.user.username, cookie: await sessionCookie(created.user) };
    },
    createMatch: async (user, opponent) => createMatchAnswer(await context.matches.createDuel({ id: user.id, name: user.username }, opponent)),
    async practice(user, body) {
      const parsed = practiceBodySchema.safeParse(body);
      if (!parsed.success) return errorAnswer(400, "invalid_input", parsed.error.issues[0]?.message ?? "Invalid input");
      return createMatchAnswer(await context.practice.start({ id: user.id, name: user.username }, parsed.data.level));
    },
    joinAsPlayer: async (user, matchId) => joinAnswer(matchId, await context.matches.playerSlot(user.id, matchId)),
    matchJson: (matchId) => context.matches.json(matchId),
    replay: (matchId) => context.matches.replay(matchId),
    createTournament: async (user, body) => ({ status: 201, body: { tournament_id: await context.tournaments.create(user.id, createTournamentBodySchema.parse(body)) } }),
    tournamentAction: async (user, id, action) => tournamentActionAnswer(await context.tournaments[action](user.id, id)),
    tournamentJson: async (id) => tournamentAnswer(await context.tournaments.json(id)),
    output: () => lines.join("\n"),
    async stop() {
      await app.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await live.close();
      await database.close();
    },
  };
}
