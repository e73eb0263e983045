// Load script: one server.ts process holding many concurrent matches, played by bots over real
// socket.io-client connections. Reports server CPU, tick lateness (p50/p99/max) and ticks per
// match-minute. Not a test: numbers depend on the machine.
//
//   npm run bench -- [--matches 200] [--seconds 60] [--input-hz 30]
//   REDIS_URL=redis://… DATABASE_URL=postgres://… npm run bench   (the Redis store on)
import { readdirSync, readFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { availableParallelism, setPriority } from "node:os";
import { parseArgs } from "node:util";
import type { GameData, GameStateMessage } from "../../lib/protocol/game";
import { agreeDuel, declareReady, enterAsPlayer, onlineUser, type OnlineUser } from "../../tests/helpers/protocol";
import { startServer } from "../../tests/helpers/server";

const { values } = parseArgs({
  options: {
    matches: { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    "input-hz": { type: "string", default: "30" },
  },
});
const matches = Number(values.matches);
const seconds = Number(values.seconds);
const inputHz = Number(values["input-hz"]);

const CLOCK_TICKS = 100; // USER_HZ on Linux
function cpuSeconds(statPath: string): number {
  const fields = readFileSync(statPath, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
}
/** CPU seconds of each of the process's threads, by thread id. */
function threadCpuSeconds(pid: number): Map<number, number> {
  return new Map(readdirSync(`/proc/${pid}/task`).map((tid) => [Number(tid), cpuSeconds(`/proc/${pid}/task/${tid}/stat`)]));
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size) results.push(...(await Promise.all(items.slice(index, index + size).map(work))));
  return results;
}

const env: Record<string, string> = { POINTS_TO_WIN: "21", REGISTER_TIMEOUT_MS: "600000", CHALLENGE_TIMEOUT_MS: "600000", LOG_LEVEL: "warn" };
if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
if (process.env.REDIS_URL) env.REDIS_KEY_PREFIX = `bench-${Date.now()}`;
console.log(`starting server.ts (store: ${env.REDIS_URL ? "redis" : "memory"}, database: ${env.DATABASE_URL ? "postgresql" : "pglite"})`);
const server = await startServer(env);
const pid = server.process.pid!;
// Started before the bots lower their priority, so it runs as the server does.
const wakeFloor = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "wake-floor.ts")], { stdio: ["pipe", "pipe", "inherit"] });
let wakeFloorOutput = "";
wakeFloor.stdout.on("data", (chunk: Buffer) => (wakeFloorOutput += chunk.toString()));
const wakeFloorResult = new Promise<{ p50: number; p99: number; max: number; samples: number }>((resolve) => wakeFloor.once("exit", () => resolve(JSON.parse(wakeFloorOutput))));
// The bots are the load, not the system under test: on a small machine they yield the CPU to the
// server (nice 19) and keep to the last CPU, as remote clients would use none of the server's.
setPriority(process.pid, 19);
const cpus = availableParallelism();
if (cpus > 1) {
  const pinned = spawnSync("taskset", ["--all-tasks", "--cpu-list", "--pid", String(cpus - 1), String(process.pid)], { encoding: "utf8" });
  console.log(pinned.status === 0 ? `bots pinned to CPU ${cpus - 1} of ${cpus}` : `bots not pinned (taskset: ${pinned.error?.message ?? pinned.stderr.trim()})`);
}

try {
  console.log(`creating ${matches * 2} players…`);
  const players: OnlineUser[] = await inBatches(Array.from({ length: matches * 2 }, (_, index) => index), 8, (index) => onlineUser(server.url, `bot${index}`));
  console.log(`starting ${matches} matches…`);
  const pairs = Array.from({ length: matches }, (_, index) => [players[2 * index]!, players[2 * index + 1]!] as const);
  await inBatches(pairs, 10, async ([one, two]) => {
    const matchId = await agreeDuel(one, two);
    await enterAsPlayer(one, matchId);
    await enterAsPlayer(two, matchId);
    await declareReady(one, "player1");
    await declareReady(two, "player2");
  });

  // Each bot follows the ball from the latest state and sends its paddle at `inputHz`.
  const latest = new Map<OnlineUser, GameData>();
  const tickTrace = new Map<number, { first?: [number, number]; last?: [number, number] }>();
  let measuring = false;
  for (const player of players) {
    player.game.on("game_state", ({ game_state }: GameStateMessage) => {
      latest.set(player, game_state);
      if (measuring && game_state.status === "playing") {
        const trace = tickTrace.get(game_state.match_id) ?? {};
        const sample: [number, number] = [performance.now(), game_state.tick];
        trace.first ??= sample;
        trace.last = sample;
        tickTrace.set(game_state.match_id, trace);
      }
    });
  }
  const slotOf = (player: OnlineUser, state: GameData) => (state.player1.username === player.username ? "player1" : "player2");
  // Each bot sends on its own clock with a random phase, as real players do: no synchronised bursts.
  const inputTimers: NodeJS.Timeout[] = [];
  for (const player of players) {
    const send = () => {
      const state = latest.get(player);
      if (state?.status !== "playing") return;
      const slot = slotOf(player, state);
      const own = state[slot].position;
      player.game.emit(`${slot}_position`, { type: `${slot}_position`, position: state.ball.x, direction: Math.sign(state.ball.x - own) });
    };
    setTimeout(() => inputTimers.push(setInterval(send, 1000 / inputHz)), Math.random() * (1000 / inputHz));
  }
  const stopInputs = () => inputTimers.forEach((timer) => clearInterval(timer));

  // Let the countdowns end, then measure a clean window.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const playing = [...latest.values()].filter((state) => state.status === "playing").length / 2;
  console.log(`${playing} matches playing; measuring ${seconds} s…`);
  measuring = true;
  await fetch(`${server.url}/api/metrics/`); // starts a fresh event-loop-delay window
  wakeFloor.stdin.write("start\n");
  const cpuStart = cpuSeconds(`/proc/${pid}/stat`);
  const threadsStart = threadCpuSeconds(pid);
  const wallStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const cpu = (cpuSeconds(`/proc/${pid}/stat`) - cpuStart) / wallSeconds;
  const threadShare = [...threadCpuSeconds(pid)].map(([tid, end]) => ({ tid, share: (end - (threadsStart.get(tid) ?? 0)) / wallSeconds }));
  const mainThread = threadShare.find(({ tid }) => tid === pid)?.share ?? 0;
  // Threads have no names here; the busiest one after the main thread is the simulation thread.
  const busiestOther = Math.max(0, ...threadShare.filter(({ tid }) => tid !== pid).map(({ share }) => share));
  measuring = false;
  wakeFloor.stdin.end("stop\n");
  stopInputs();
  const floor = await wakeFloorResult;

  const metrics = (await (await fetch(`${server.url}/api/metrics/`)).json()) as {
    ownedMatches: number;
    skippedTicks: number;
    ticksPerMinute: number;
    lateness: { p50: number; p99: number; max: number; samples: number };
    relayDelay: { p50: number; p99: number; max: number };
    eventLoopDelay: { p50: number; p99: number; max: number };
  };
  const perMinute = [...tickTrace.values()]
    .filter((trace) => trace.first && trace.last && trace.last[0] - trace.first[0] > 10_000)
    .map((trace) => ((trace.last![1] - trace.first![1]) / (trace.last![0] - trace.first![0])) * 60_000)
    .sort((a, b) => a - b);
  const median = perMinute[Math.floor(perMinute.length / 2)] ?? 0;
  console.log("");
  console.log(`matches running:        ${metrics.ownedMatches}`);
  const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
  console.log(`server CPU:             ${percent(cpu)} of one core (main thread ${percent(mainThread)}, simulation thread ${percent(busiestOther)}, others ${percent(cpu - mainThread - busiestOther)})`);
  console.log(`tick lateness (ms):     p50 ${metrics.lateness.p50.toFixed(2)}  p99 ${metrics.lateness.p99.toFixed(2)}  max ${metrics.lateness.max.toFixed(2)}  (${metrics.lateness.samples} ticks)`);
  console.log(`wake-up floor (ms):     p50 ${floor.p50.toFixed(2)}  p99 ${floor.p99.toFixed(2)}  max ${floor.max.toFixed(2)}  (a bare thread sleeping to 60 Hz deadlines beside the server)`);
  console.log(`state relay delay (ms): p50 ${metrics.relayDelay.p50.toFixed(2)}  p99 ${metrics.relayDelay.p99.toFixed(2)}  max ${metrics.relayDelay.max.toFixed(2)}  (simulation thread → main thread)`);
  console.log(`event-loop delay (ms):  p50 ${metrics.eventLoopDelay.p50.toFixed(2)}  p99 ${metrics.eventLoopDelay.p99.toFixed(2)}  max ${metrics.eventLoopDelay.max.toFixed(2)}`);
  console.log(`loop ticks per minute:  ${metrics.ticksPerMinute.toFixed(1)} (server clock), ${metrics.skippedTicks} ticks skipped after stalls`);
  console.log(`ticks per match-minute: median ${median.toFixed(1)}  min ${perMinute[0]?.toFixed(1)}  max ${perMinute.at(-1)?.toFixed(1)}  (${perMinute.length} matches; seen from the bots, ±1 tick of arrival jitter)`);
  for (const player of players) player.game.close();
  const warnings = server.output().split("\n").filter((line) => /"level":"(warn|error)"/.test(line));
  if (warnings.length) console.log(`\nserver warnings and errors (${warnings.length}, last 10):\n${warnings.slice(-10).join("\n")}`);
} catch (error) {
  console.error(`failed: ${(error as Error).message}\n--- server output (last 40 lines) ---\n${server.output().split("\n").slice(-40).join("\n")}`);
  process.exitCode = 1;
} finally {
  wakeFloor.kill();
  await server.stop();
}
