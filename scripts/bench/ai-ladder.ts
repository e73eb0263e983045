// AI ladder benchmark: the pure simulation played headless (lib/domain/ai/headless.ts), no server.
// 1. Each pair of adjacent AI levels, and level 1 against a bot that tracks the ball perfectly,
//    plays `--games` games to the server's default points (POINTS_TO_WIN): each seed is played
//    twice with the sides swapped, so serves and sides are balanced. Goal: the stronger side wins
//    at least 70 % (75 % with margin).
// 2. What an AI costs the match loop per tick: one AI decision, next to a simulation step and
//    the clamp a human's input goes through.
// 3. The machine's noise: a fixed CPU task timed as often.
// Seeded: the same games but for the timings. Not a test: timings depend on the machine.
//
//   npm run bench:ai [-- --games 200 --seed 1]
import { availableParallelism, cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { parseEnv } from "../../lib/env";
import { AI_LEVEL_SPECS, type AiLevel } from "../../lib/domain/ai/levels";
import { aiMover, playHeadless, trackBall, type Mover } from "../../lib/domain/ai/headless";
import { aiTick, createAi } from "../../lib/domain/ai/player";
import { advance, createLiveMatch, isOver, movePlayer, type LiveMatch } from "../../lib/domain/game/lifecycle";
import { createSimulation } from "../../lib/domain/game/simulation";
import { TICK_MS, TICK_RATE, TICK_SECONDS } from "../../lib/domain/game/constants";
import { nextRandom, seedRng } from "../../lib/domain/game/rng";
import type { PlayerSlot } from "../../lib/domain/game/types";
import { PLAYER_SLOTS } from "../../lib/domain/lists";

const { values } = parseArgs({
  options: {
    games: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
  },
});
const GAMES = Number(values.games);
const SEED = Number(values.seed);
const POINTS_TO_WIN = parseEnv({}).POINTS_TO_WIN;
const GOAL = 0.7;
const GOAL_WITH_MARGIN = 0.75;

type Side = AiLevel | "tracker";
const moverFor = (side: Side, slot: PlayerSlot, seed: number): Mover => (side === "tracker" ? trackBall : aiMover(side, slot, seed));
const sideName = (side: Side) => (side === "tracker" ? "tracker" : `L${side}`);

/** `strong` is the side expected to win; `goal` false: shown for information only. */
const PAIRINGS: { strong: Side; weak: Side; goal: boolean }[] = [
  { strong: 2, weak: 1, goal: true },
  { strong: 3, weak: 2, goal: true },
  { strong: 4, weak: 3, goal: true },
  { strong: 5, weak: 4, goal: true },
  { strong: "tracker", weak: 1, goal: true },
  // Where the top level stands against the yardstick, which never misses.
  { strong: "tracker", weak: 5, goal: false },
];

function playPairing({ strong, weak, goal }: { strong: Side; weak: Side; goal: boolean }) {
  let strongWins = 0;
  let strongPoints = 0;
  let weakPoints = 0;
  let ticks = 0;
  let unfinished = 0;
  const hits = { strong: 0, weak: 0 };
  for (let game = 0; game < GAMES; game += 1) {
    const seed = SEED * 100_003 + Math.floor(game / 2);
    // Each seed twice, sides swapped: the same serves for both.
    const strongSlot: PlayerSlot = game % 2 === 0 ? "player1" : "player2";
    const weakSlot: PlayerSlot = strongSlot === "player1" ? "player2" : "player1";
    const movers = { [strongSlot]: moverFor(strong, strongSlot, seed), [weakSlot]: moverFor(weak, weakSlot, seed + 1) } as Record<PlayerSlot, Mover>;
    const result = playHeadless(createSimulation({ pointsToWin: POINTS_TO_WIN, seed }), movers);
    if (result.state.phase !== "over") unfinished += 1;
    if (result.state.winner === strongSlot) strongWins += 1;
    strongPoints += result.state.paddles[strongSlot].score;
    weakPoints += result.state.paddles[weakSlot].score;
    ticks += result.ticks;
    hits.strong += result.hits[strongSlot];
    hits.weak += result.hits[weakSlot];
  }
  // A ball reaching a side is either returned or a point for the other side.
  const returns = { strong: hits.strong / (hits.strong + weakPoints), weak: hits.weak / (hits.weak + strongPoints) };
  return { strong, weak, goal, strongWins, strongPoints, weakPoints, ticks, unfinished, returns };
}

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const median = (samples: readonly number[]) => quantile(samples, 0.5);
const p99 = (samples: readonly number[]) => quantile(samples, 0.99);

const pad = (cells: string[], widths: number[]) => cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join("  ");
function table(header: string[], rows: string[][]) {
  const widths = header.map((_, k) => Math.max(...[header, ...rows].map((row) => row[k]!.length)));
  console.log(pad(header, widths));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(pad(row, widths));
  console.log();
}

console.log(`AI ladder: ${GAMES} games per pairing to ${POINTS_TO_WIN} points, seed ${SEED}`);
console.log(`Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), load ${loadavg().map((l) => l.toFixed(2)).join(" ")}, Node ${process.version}\n`);

console.log("Levels (ticks at 60 Hz)");
table(
  ["level", "view every", "reaction", "aim error", "foresight", "aims", "speed"],
  Object.entries(AI_LEVEL_SPECS).map(([level, spec]) => [
    `L${level}`,
    String(spec.viewEveryTicks),
    String(spec.reactionTicks),
    String(spec.aimError),
    spec.foresight,
    spec.aims ? "yes" : "no",
    `${Math.round(spec.speed * 100)} %`,
  ]),
);

// 1. The ladder.
const started = performance.now();
const results = PAIRINGS.map(playPairing);
const ladderSeconds = (performance.now() - started) / 1000;
console.log(`The ladder (goal: the stronger side wins ≥ ${GOAL * 100} %, ≥ ${GOAL_WITH_MARGIN * 100} % with margin)`);
table(
  ["pairing (strong v weak)", "wins", "strong win %", "mean points", "returns %", "mean game (s)", "verdict"],
  results.map((r) => {
    const share = r.strongWins / GAMES;
    return [
      `${sideName(r.strong)} v ${sideName(r.weak)}`,
      `${r.strongWins}–${GAMES - r.strongWins}`,
      `${(share * 100).toFixed(1)} %`,
      `${(r.strongPoints / GAMES).toFixed(2)}–${(r.weakPoints / GAMES).toFixed(2)}`,
      `${(r.returns.strong * 100).toFixed(0)}–${(r.returns.weak * 100).toFixed(0)}`,
      (r.ticks / GAMES / TICK_RATE).toFixed(1),
      (!r.goal ? "info" : share >= GOAL_WITH_MARGIN ? "ok" : share >= GOAL ? "ok, thin" : "FAILS") + (r.unfinished ? ` (${r.unfinished} unfinished)` : ""),
    ];
  }),
);
const simulatedSeconds = results.reduce((sum, r) => sum + r.ticks, 0) / TICK_RATE;
console.log(`${results.length * GAMES} games, ${(simulatedSeconds / 60).toFixed(0)} simulated minutes in ${ladderSeconds.toFixed(1)} s\n`);

// 2. Cost per tick, timed call by call over level 5 v level 5 games run as the match loop does:
// the AI's input through movePlayer (a human's paddle message takes the same call), then advance.
const decisionTimes: number[] = [];
const advanceTimes: number[] = [];
const inputTimes: number[] = [];
let decisions = 0;
for (let game = 0; game < 20; game += 1) {
  const player = (id: number) => ({ id, username: `p${id}` });
  const created = createLiveMatch(
    { matchId: SEED + game, player1: player(1), player2: player(2), pointsToWin: POINTS_TO_WIN, registerTimeoutMs: 60_000, reconnectGraceMs: 15_000, pauseBudgetMs: 60_000 },
    0,
  );
  let match: LiveMatch = { ...created, status: "playing", startedAt: 0 };
  let ai = { player1: createAi({ level: 5, slot: "player1", seed: game }), player2: createAi({ level: 5, slot: "player2", seed: game + 1 }) };
  for (let tick = 0; tick < 60 * 60 * 10 && !isOver(match); tick += 1) {
    const now = tick * TICK_MS;
    for (const slot of PLAYER_SLOTS) {
      const sim = match.sim;
      let start = performance.now();
      const decision = aiTick(ai[slot], sim.tick, () => sim);
      decisionTimes.push(performance.now() - start);
      decisions += 1;
      ai = { ...ai, [slot]: decision.ai };
      if (decision.target === null) continue;
      const direction = Math.sign(decision.target - sim.paddles[slot].x) as -1 | 0 | 1;
      start = performance.now();
      match = movePlayer(match, slot, decision.target, direction, now);
      inputTimes.push(performance.now() - start);
    }
    const start = performance.now();
    match = advance(match, now, TICK_SECONDS);
    advanceTimes.push(performance.now() - start);
  }
}
const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
const mean = (samples: readonly number[]) => samples.reduce((a, b) => a + b, 0) / samples.length;
console.log(`Cost per tick (${advanceTimes.length.toLocaleString("en")} ticks of L5 v L5, each call timed alone, timer overhead included)`);
table(
  ["call", "median", "p99", "mean"],
  (
    [
      ["AI decision (aiTick)", decisionTimes],
      ["step (advance)", advanceTimes],
      ["paddle input (movePlayer)", inputTimes],
    ] as const
  ).map(([name, samples]) => [name, us(median(samples)), us(p99(samples)), us(mean(samples))]),
);
const inputsPerSecond = (inputTimes.length / decisions) * TICK_RATE;
console.log(
  `The AI sends an input on ${((inputTimes.length / decisions) * 100).toFixed(0)} % of its ticks (${inputsPerSecond.toFixed(0)} a second; a human's client sends up to 60).`,
);
// Means, not medians: a second of play pays for the slow calls (garbage collection) too.
const aiPerSecond = TICK_RATE * mean(decisionTimes) + inputsPerSecond * mean(inputTimes);
console.log(
  `Per second of play (from the means), an AI player costs the loop ${us(aiPerSecond)} of CPU, its decisions and inputs; a human's 60 inputs cost ${us(60 * mean(inputTimes))} in the loop, plus receiving and validating each message; the match's 60 steps cost ${us(TICK_RATE * mean(advanceTimes))}.\n`,
);

// 3. Noise: a fixed CPU task (sorting the same 200,000 numbers), 30 runs.
let rng = seedRng(SEED);
const numbers = Float64Array.from({ length: 200_000 }, () => {
  const draw = nextRandom(rng);
  rng = draw.state;
  return draw.value;
});
const noise = Array.from({ length: 30 }, () => {
  const start = performance.now();
  numbers.slice().sort();
  return performance.now() - start;
});
console.log("Noise: sorting the same 200,000 numbers, 30 runs");
table(
  ["task", "median", "p99", "min", "max"],
  [["sort 200k", `${median(noise).toFixed(2)} ms`, `${p99(noise).toFixed(2)} ms`, `${Math.min(...noise).toFixed(2)} ms`, `${Math.max(...noise).toFixed(2)} ms`]],
);
