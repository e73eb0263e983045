// Helpers for the fault tests: bounded waits with a message saying what did not happen, the match
// as the database holds it, which process runs a match, and players that steer their paddles.
import pg from "pg";
import type { GameData, GameStateMessage } from "@/lib/protocol/game";
import type { OnlineUser } from "./protocol";
import type { RunningServer } from "./server";

/** Rejects with `what` when `promise` has not settled within `ms`: a bound on a wait, not a timing assertion. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not within ${ms} ms: ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `read` every 100 ms until `done` holds for its value, at most `ms`; resolves with that value. */
export async function pollUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError && last === undefined ? `error ${(lastError as Error).message}` : JSON.stringify(last);
      throw new Error(`not within ${ms} ms: ${what} (last seen: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface MatchRow {
  id: number;
  status: string;
  player1_id: number;
  player2_id: number;
  player1_score: number;
  player2_score: number;
  winner_id: number | null;
  forfeit_reason: string | null;
  ended_at: Date | null;
  player1_rating_after: number | null;
  player2_rating_after: number | null;
}

/** Each user's stored rating and how many rated games it counts. */
export function storedRatings(databaseUrl: string, ids: number[]): Promise<{ id: number; rating: number; rated_games: number }[]> {
  return query(databaseUrl, "SELECT id, rating, rated_games FROM users WHERE id = ANY($1) ORDER BY id", [ids]);
}

/** One query on `databaseUrl` with a connection of its own (the database may have been restarted). */
export async function query<Row extends object>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every match row between the two players (either way round): a duel must leave exactly one. */
export function matchRowsBetween(databaseUrl: string, userA: number, userB: number): Promise<MatchRow[]> {
  return query<MatchRow>(
    databaseUrl,
    `SELECT id, status, player1_id, player2_id, player1_score, player2_score, winner_id, forfeit_reason, ended_at, player1_rating_after, player2_rating_after
       FROM matches WHERE (player1_id = $1 AND player2_id = $2) OR (player1_id = $2 AND player2_id = $1)`,
    [userA, userB],
  );
}

export async function ownedMatches(server: RunningServer): Promise<number> {
  const response = await fetch(`${server.url}/api/metrics/`);
  if (response.status !== 200) throw new Error(`metrics: ${response.status}`);
  return ((await response.json()) as { ownedMatches: number }).ownedMatches;
}

/** The one server (of servers that run nothing else) whose /api/metrics/ reports a running match. */
export async function matchOwner(servers: RunningServer[]): Promise<RunningServer> {
  const counts = await pollUntil(
    "one process runs the match",
    () => Promise.all(servers.map(ownedMatches)),
    (owned) => owned.filter((count) => count > 0).length === 1,
  );
  return servers[counts.findIndex((count) => count > 0)]!;
}

/** SIGKILL: no shutdown, no hand-over, the lease and the socket counts stay behind. */
export async function kill9(server: RunningServer): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await exited;
}

/** Records every game_state a socket receives; `after(n)` resolves once n more have arrived. */
export function stateRecorder(user: OnlineUser) {
  const states: GameData[] = [];
  const waiters = new Set<{ count: number; resolve: (state: GameData) => void }>();
  const listener = ({ game_state }: GameStateMessage) => {
    states.push(game_state);
    for (const waiter of waiters) {
      if (states.length >= waiter.count) {
        waiters.delete(waiter);
        waiter.resolve(game_state);
      }
    }
  };
  user.game.on("game_state", listener);
  return {
    states,
    get last(): GameData | undefined {
      return states.at(-1);
    },
    /** Resolves with the n-th state received from now on. */
    after(n: number): Promise<GameData> {
      return new Promise((resolve) => waiters.add({ count: states.length + n, resolve }));
    },
    stop: () => user.game.off("game_state", listener),
  };
}

export type Aim = (state: GameData) => number;

/** Keeps the paddle under the ball, a little off-centre so the return goes wide of a still opponent. */
export const followBall: Aim = (state) => state.ball.x + (state.ball.x < state.field.width / 2 ? 30 : -30);

/** How often a player's page sends its paddle while a key is held or a finger drags (~30 Hz). */
const INPUT_EVERY_MS = 33;

/**
 * A player holding a key, as a browser does: every 33 ms, while the last state it saw was
 * "playing", it sends a paddle input toward `aim` of that state (an input moves the paddle a
 * bounded distance, so reaching a far target takes a stream of them). Like a page, it keeps
 * sending when states stop arriving. `aim` can be changed on the way.
 */
export function steer(user: OnlineUser, slot: "player1" | "player2", aim: Aim) {
  let current = aim;
  let last: GameData | undefined;
  const listener = ({ game_state }: GameStateMessage) => void (last = game_state);
  user.game.on("game_state", listener);
  const ignore = () => {};
  const timer = setInterval(() => {
    if (last?.status !== "playing" || !user.game.connected) return;
    // The acknowledgement keeps a refused move (the match just ended) from coming back as an error event.
    user.game.emit(`${slot}_position`, { type: `${slot}_position`, position: current(last), direction: 0 }, ignore);
  }, INPUT_EVERY_MS);
  return {
    aim(next: Aim) {
      current = next;
    },
    stop() {
      clearInterval(timer);
      user.game.off("game_state", listener);
    },
  };
}

/** A player who moves to and fro without looking at the ball (and so misses now and then). */
export const wander: Aim = () => (Date.now() % 2_000 < 1_000 ? 150 : 450);

export const score = (state: GameData) => [state.player1.score, state.player2.score] as const;
