// Pairing benchmark: the pure pairing wave (lib/domain/pairing) alone, no sockets, no store.
// 1. Times one wave over 10,000 waiting seekers (ratings ~ Normal(1500, 300)), several times.
// 2. Simulates 10,000 seekers arriving uniformly over 60 s of simulated time, a wave every
//    500 ms, until everyone is paired: the wait and the rating gap of the pairs.
// 3. The machine's noise: a fixed CPU task timed as often as the waves.
// Seeded: the same figures but for the timings. Not a test: timings depend on the machine.
//
//   npm run bench:pairing [-- --seekers 10000 --runs 30 --seed 1]
import { parseArgs } from "node:util";
import { nextRandom, seedRng } from "../../lib/domain/game/rng";
import { PAIRING_WAVE_MS, pairWave, type RecentPair, type Seeker } from "../../lib/domain/pairing";
import { machine, median, ms, p95, sortNoise, table, timeRuns } from "./report";

const { values } = parseArgs({
  options: {
    seekers: { type: "string", default: "10000" },
    runs: { type: "string", default: "30" },
    seed: { type: "string", default: "1" },
  },
});
const SEEKERS = Number(values.seekers);
const RUNS = Number(values.runs);
const WARMUP = 5;
const ARRIVALS_MS = 60_000;
const GOAL_WAVE_MS = 50;
const GOAL_MEDIAN_GAP = 50;

let state = seedRng(Number(values.seed));
function random(): number {
  const draw = nextRandom(state);
  state = draw.state;
  return draw.value;
}
/** Box–Muller. */
function normal(mean: number, sd: number): number {
  const u = 1 - random();
  const v = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
const rating = () => normal(1500, 300);

// 1. One wave at 10,000 waiting.
const NOW = 10_000_000;
function pool(waitedMaxMs: number, waitedMinMs = 0): Seeker[] {
  return Array.from({ length: SEEKERS }, (_, k) => ({ userId: k + 1, rating: rating(), since: NOW - waitedMinMs - Math.floor(random() * (waitedMaxMs - waitedMinMs)) }));
}
function recentAmong(seekers: readonly Seeker[], count: number): RecentPair[] {
  return Array.from({ length: count }, () => ({
    a: seekers[Math.floor(random() * seekers.length)]!.userId,
    b: seekers[Math.floor(random() * seekers.length)]!.userId,
    at: NOW - Math.floor(random() * 120_000),
  }));
}
const scenarios = [
  { name: "waited 0–40 s, 5,000 recent pairs", seekers: pool(40_000), recent: 5_000 },
  { name: "all fresh (±100)", seekers: pool(1), recent: 0 },
  { name: "all waited 30–40 s (anyone)", seekers: pool(40_000, 30_000), recent: 0 },
];
const waveRows = scenarios.map((scenario) => {
  const recent = recentAmong(scenario.seekers, scenario.recent);
  const result = pairWave(scenario.seekers, NOW, recent);
  const times = timeRuns(() => pairWave(scenario.seekers, NOW, recent), RUNS, WARMUP);
  return { ...scenario, times, pairs: result.pairs.length, gap: median(result.pairs.map((p) => p.gap)) };
});

// 2. Arrivals over 60 s, a wave every 500 ms.
const arrivals: Seeker[] = Array.from({ length: SEEKERS }, (_, k) => ({ userId: k + 1, rating: rating(), since: Math.floor(random() * ARRIVALS_MS) })).sort(
  (a, b) => a.since - b.since || a.userId - b.userId,
);
let waiting: Seeker[] = [];
let next = 0;
const recent: RecentPair[] = [];
const waits: number[] = [];
const gaps: number[] = [];
const simWaveTimes: number[] = [];
let largestPool = 0;
let now = 0;
while ((next < arrivals.length || waiting.length > 1) && now < 10 * ARRIVALS_MS) {
  now += PAIRING_WAVE_MS;
  while (next < arrivals.length && arrivals[next]!.since <= now) waiting.push(arrivals[next++]!);
  largestPool = Math.max(largestPool, waiting.length);
  const start = performance.now();
  const wave = pairWave(waiting, now, recent);
  simWaveTimes.push(performance.now() - start);
  for (const { player1, player2, gap } of wave.pairs) {
    waits.push((now - player1.since) / 1000, (now - player2.since) / 1000);
    gaps.push(gap);
    recent.push({ a: player1.userId, b: player2.userId, at: now });
  }
  waiting = [...wave.waiting];
}

// 3. Noise: a fixed CPU task (sorting the same 200,000 numbers), timed as often.
const noise = sortNoise(random, RUNS, WARMUP);

console.log(`Pairing benchmark: ${SEEKERS.toLocaleString("en")} seekers, ratings ~ Normal(1500, 300), seed ${values.seed}`);
console.log(`${machine()}\n`);

console.log(`One wave at ${SEEKERS.toLocaleString("en")} waiting (${RUNS} runs after ${WARMUP} warm-up; goal < ${GOAL_WAVE_MS} ms)`);
table(
  ["pool", "median", "p95", "min", "max", "pairs", "median gap"],
  waveRows.map((row) => [row.name, ms(median(row.times)), ms(p95(row.times)), ms(Math.min(...row.times)), ms(Math.max(...row.times)), String(row.pairs), row.gap.toFixed(2)]),
);

console.log(`Arrivals over ${ARRIVALS_MS / 1000} s, a wave every ${PAIRING_WAVE_MS} ms, until everyone is paired (goal: median gap < ${GOAL_MEDIAN_GAP})`);
table(
  ["measure", "median", "p95", "max"],
  [
    ["wait (simulated s)", median(waits).toFixed(2), p95(waits).toFixed(2), Math.max(...waits).toFixed(2)],
    ["rating gap", median(gaps).toFixed(1), p95(gaps).toFixed(1), Math.max(...gaps).toFixed(1)],
    ["wave time (ms)", median(simWaveTimes).toFixed(3), p95(simWaveTimes).toFixed(3), Math.max(...simWaveTimes).toFixed(3)],
  ],
);
console.log(
  `${gaps.length.toLocaleString("en")} pairs in ${simWaveTimes.length} waves (${(now / 1000).toFixed(1)} simulated s); largest pool ${largestPool}; left waiting ${waiting.length}\n`,
);

console.log(`Noise: sorting the same 200,000 numbers, ${RUNS} runs`);
table(
  ["task", "median", "p95", "min", "max", "p95/median"],
  [["sort 200k", ms(median(noise)), ms(p95(noise)), ms(Math.min(...noise)), ms(Math.max(...noise)), (p95(noise) / median(noise)).toFixed(2)]],
);
