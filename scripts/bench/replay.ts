// Replay benchmark: the pure replay core (lib/domain/replay) alone, no engine, no store.
// 1. Plays matches of 10 minutes through the real lifecycle (lib/domain/replay/sample-match.ts:
//    two players tracking the ball with noise, ~30 inputs a second each through movePlayer's
//    clamp) and records them: bytes per minute of play, as the stream, as the JSON envelope the
//    endpoint returns, and as the Recording's JSON (what a match snapshot carries).
// 2. On the first match: recordInput, decoding, building the timeline (re-simulating it all) and
//    seeking to random ticks (stateAt) with several keyframe intervals; one-frame steps.
// 3. The machine's noise: a fixed CPU task timed as often as the timeline builds.
// Seeded: the same figures but for the timings. Not a test: timings depend on the machine.
//
//   npm run bench:replay [-- --minutes 10 --matches 5 --seeks 2000 --runs 20 --seed 1]
import { parseArgs } from "node:util";
import { TICK_RATE } from "../../lib/domain/game/constants";
import { nextRandom, seedRng } from "../../lib/domain/game/rng";
import { createRecording, decodeRecording, encodeRecording, KEYFRAME_EVERY_TICKS, nextFrame, recordInput, resimulate, stateAt, type Replay } from "../../lib/domain/replay";
import { playSampleMatch } from "../../lib/domain/replay/sample-match";
import { machine, median, ms, p95, sortNoise, table, timeRuns } from "./report";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    matches: { type: "string", default: "5" },
    seeks: { type: "string", default: "2000" },
    runs: { type: "string", default: "20" },
    seed: { type: "string", default: "1" },
  },
});
const MINUTES = Number(values.minutes);
const MATCHES = Number(values.matches);
const SEEKS = Number(values.seeks);
const RUNS = Number(values.runs);
const WARMUP = 3;
const GOAL_BYTES_PER_MINUTE = 20_000;
const GOAL_SEEK_MS = 100;
const KEYFRAME_INTERVALS = [60, KEYFRAME_EVERY_TICKS, 600, 1_800];

let state = seedRng(Number(values.seed));
function random(): number {
  const draw = nextRandom(state);
  state = draw.state;
  return draw.value;
}
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

// 1. Matches and their sizes. pointsToWin is out of reach: each match runs its full length.
const matches = Array.from({ length: MATCHES }, (_, k) => {
  const played = playSampleMatch({ matchId: 1_000 + k, pointsToWin: 10_000, seed: Number(values.seed) * 100 + k, maxTicks: MINUTES * 60 * TICK_RATE });
  const envelope = encodeRecording(played.recording, played.match.sim);
  const minutes = played.match.sim.tick / TICK_RATE / 60;
  const decoded = decodeRecording(JSON.parse(JSON.stringify(envelope)));
  if (!decoded.ok) throw new Error(decoded.error);
  const streamBytes = Math.floor((envelope.inputs.length * 3) / 4) - (envelope.inputs.match(/=*$/)?.[0].length ?? 0);
  return {
    ...played,
    envelope,
    replay: decoded.replay,
    minutes,
    streamBytes,
    envelopeBytes: JSON.stringify(envelope).length,
    recordingBytes: JSON.stringify(played.recording).length,
  };
});

// 2. Timings on the first match.
const first = matches[0]!;
const replay: Replay = first.replay;
const envelopeJson = JSON.stringify(first.envelope);
const recordTimes = timeRuns(
  () => {
    const recording = createRecording({ seed: replay.seed, pointsToWin: replay.pointsToWin });
    for (const { tick, slot, x } of replay.inputs) recordInput(recording, tick, slot, x);
  },
  RUNS,
  WARMUP,
);
const decodeTimes = timeRuns(() => decodeRecording(JSON.parse(envelopeJson)), RUNS, WARMUP);
// The first build in a fresh process, as a viewer opening the page gets it (cold JIT).
const coldStart = performance.now();
const coldTimeline = resimulate(replay);
const coldBuildMs = performance.now() - coldStart;
const seekTicks = Array.from({ length: SEEKS }, () => Math.floor(random() * (coldTimeline.totalTicks + 1)));
const seekRows = KEYFRAME_INTERVALS.map((every) => {
  const buildTimes = timeRuns(() => resimulate(replay, every), RUNS, WARMUP);
  const timeline = resimulate(replay, every);
  const seeks = seekTicks.map((tick) => {
    const start = performance.now();
    stateAt(timeline, tick);
    return performance.now() - start;
  });
  return { every, keyframes: timeline.keyframes.length, buildTimes, seeks };
});
const timeline = resimulate(replay);
const frameTimes = seekTicks.slice(0, 200).map((tick) => {
  const from = stateAt(timeline, tick);
  const start = performance.now();
  nextFrame(timeline, from);
  return performance.now() - start;
});

// 3. Noise.
const noise = sortNoise(random, RUNS, WARMUP);

console.log(`Replay benchmark: ${MATCHES} matches of ${MINUTES} minutes, two tracking players at ~30 inputs/s each, seed ${values.seed}`);
console.log(`${machine()}\n`);

console.log(`Size per match (goal: ≤ ${kb(GOAL_BYTES_PER_MINUTE)} per minute of play)`);
table(
  ["match", "minutes", "points", "inputs sent", "kept", "stream", "per minute", "envelope JSON", "per minute", "Recording JSON"],
  matches.map((m) => [
    String(m.match.matchId),
    m.minutes.toFixed(2),
    String(m.match.sim.paddles.player1.score + m.match.sim.paddles.player2.score),
    m.inputsSent.toLocaleString("en"),
    m.replay.inputs.length.toLocaleString("en"),
    kb(m.streamBytes),
    kb(m.streamBytes / m.minutes),
    kb(m.envelopeBytes),
    kb(m.envelopeBytes / m.minutes),
    kb(m.recordingBytes),
  ]),
);
console.log(`Stream bytes per kept input: ${(first.streamBytes / replay.inputs.length).toFixed(2)}; the re-simulation reached the recorded end: ${timeline.reachedRecordedEnd}\n`);

console.log(`Time on match ${first.match.matchId} (${timeline.totalTicks.toLocaleString("en")} ticks, ${replay.inputs.length.toLocaleString("en")} inputs; ${RUNS} runs after ${WARMUP} warm-up)`);
table(
  ["task", "median", "p95", "max"],
  [
    ["recordInput × each kept input", ms(median(recordTimes)), ms(p95(recordTimes)), ms(Math.max(...recordTimes))],
    ["decodeRecording (JSON text)", ms(median(decodeTimes)), ms(p95(decodeTimes)), ms(Math.max(...decodeTimes))],
    ["nextFrame (one frame on)", ms(median(frameTimes)), ms(p95(frameTimes)), ms(Math.max(...frameTimes))],
  ],
);
console.log(`First timeline build in this process (cold): ${ms(coldBuildMs)}\n`);

console.log(`Timeline build and seeking: stateAt over ${SEEKS} random ticks (goal: seek < ${GOAL_SEEK_MS} ms; default keyframes every ${KEYFRAME_EVERY_TICKS} ticks)`);
table(
  ["keyframe every", "keyframes", "build median", "build p95", "seek median", "seek p95", "seek max"],
  seekRows.map((row) => [
    `${row.every} ticks (${(row.every / TICK_RATE).toFixed(0)} s)`,
    String(row.keyframes),
    ms(row.buildTimes.length ? median(row.buildTimes) : Number.NaN),
    ms(p95(row.buildTimes)),
    `${median(row.seeks).toFixed(3)} ms`,
    `${p95(row.seeks).toFixed(3)} ms`,
    `${Math.max(...row.seeks).toFixed(3)} ms`,
  ]),
);

console.log(`Noise: sorting the same 200,000 numbers, ${RUNS} runs`);
table(
  ["task", "median", "p95", "min", "max", "p95/median"],
  [["sort 200k", ms(median(noise)), ms(p95(noise)), ms(Math.min(...noise)), ms(Math.max(...noise)), (p95(noise) / median(noise)).toFixed(2)]],
);
