import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TICK_SECONDS } from "../game/constants";
import { createSimulation, step } from "../game/simulation";
import type { SimState } from "../game/types";
import { decodeRecording, type Replay } from "./format";
import { encodeRecording } from "./recorder";
import { playSampleMatch } from "./sample-match";
import { nextFrame, resimulate, stateAt, stateAtSeconds, type Timeline } from "./timeline";

/** A replay shows positions, not the direction a player pressed (kept for rendering only). */
const withoutDirections = (state: SimState): SimState => ({
  ...state,
  paddles: { player1: { ...state.paddles.player1, direction: 0 }, player2: { ...state.paddles.player2, direction: 0 } },
});

// A real match: inputs while waiting, during the countdown and a pause, through movePlayer's clamp.
const liveStates: SimState[] = [];
const { match, recording } = playSampleMatch({ matchId: 7, pointsToWin: 3, seed: 11, maxTicks: 60 * 60 * 10, pause: { atTick: 1_000, pauseMs: 4_000 }, beforeStep: (sim) => liveStates.push(sim) });
const envelope = encodeRecording(recording, match.sim);

function load(json: unknown): Replay {
  const result = decodeRecording(json);
  if (!result.ok) throw new Error(result.error);
  return result.replay;
}
const replay = load(JSON.parse(JSON.stringify(envelope)));
const timeline = resimulate(replay);

/** The plain way, no keyframes: each tick's inputs, then a step. */
function everyState(replay: Replay): SimState[] {
  const states: SimState[] = [];
  let state = createSimulation({ pointsToWin: replay.pointsToWin, seed: replay.seed });
  for (let tick = 0; tick <= replay.ticks; tick++) {
    for (const input of replay.inputs.filter((i) => i.tick === tick)) {
      state = { ...state, paddles: { ...state.paddles, [input.slot]: { ...state.paddles[input.slot], x: input.x } } };
    }
    states.push(withoutDirections(state));
    state = step(state, TICK_SECONDS).state;
  }
  return states;
}

describe("re-simulating a recorded match", () => {
  it("was given a match played to the end, with inputs before the start and a pause", () => {
    expect(match.status).toBe("finished");
    expect(liveStates.length).toBe(match.sim.tick);
    expect(recording.sealed.length).toBeGreaterThan(0);
    expect(replay.inputs.filter((input) => input.tick === 0).map((input) => input.slot).sort()).toEqual(["player1", "player2"]);
    // Player 2 was away for the 4 s pause (returning on the next tick after).
    expect(60_000 - match.players.player2.pauseBudgetMs).toBeGreaterThanOrEqual(4_000);
    expect(60_000 - match.players.player2.pauseBudgetMs).toBeLessThan(4_100);
  });

  it("ends where the match ended: same state, tick and score, after encoding and decoding", () => {
    expect(timeline.reachedRecordedEnd).toBe(true);
    expect(timeline.totalTicks).toBe(match.sim.tick);
    expect(withoutDirections(timeline.final)).toEqual(withoutDirections(match.sim));
  });

  it("goes through every state the match went through", () => {
    for (let tick = 0; tick < liveStates.length; tick++) expect(withoutDirections(stateAt(timeline, tick))).toEqual(withoutDirections(liveStates[tick]!));
  });

  it("gives identical results every time", () => {
    const again = resimulate(load(envelope));
    expect(again.final).toEqual(timeline.final);
    expect(again.keyframes).toEqual(timeline.keyframes);
    expect(again.points).toEqual(timeline.points);
  });

  it("marks every point at the tick it was scored", () => {
    expect(timeline.points.map((p) => p.score)).toEqual(
      liveStates.slice(1).flatMap((state, k) => (state.paddles.player1.score + state.paddles.player2.score !== liveStates[k]!.paddles.player1.score + liveStates[k]!.paddles.player2.score ? [{ player1: state.paddles.player1.score, player2: state.paddles.player2.score }] : [])).concat([{ player1: match.sim.paddles.player1.score, player2: match.sim.paddles.player2.score }]),
    );
    for (const point of timeline.points) {
      expect(stateAt(timeline, point.tick).paddles[point.scorer].score).toBe(point.score[point.scorer]);
      expect(stateAt(timeline, point.tick - 1).paddles[point.scorer].score).toBe(point.score[point.scorer] - 1);
    }
  });

  it("seeks to any tick as if stepping from the start, and steps one frame on from there", () => {
    const reference = everyState(replay);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: timeline.totalTicks }), (tick) => {
        expect(withoutDirections(stateAt(timeline, tick))).toEqual(reference[tick]);
        if (tick < timeline.totalTicks) expect(withoutDirections(nextFrame(timeline, stateAt(timeline, tick)))).toEqual(reference[tick + 1]);
      }),
      { numRuns: 300 },
    );
    expect(stateAt(timeline, -5)).toEqual(stateAt(timeline, 0));
    expect(stateAt(timeline, Number.NaN)).toEqual(stateAt(timeline, 0));
    expect(stateAt(timeline, Number.POSITIVE_INFINITY)).toEqual(timeline.final);
    expect(stateAt(timeline, timeline.totalTicks + 100)).toEqual(timeline.final);
    expect(nextFrame(timeline, timeline.final)).toBe(timeline.final);
    expect(stateAtSeconds(timeline, 10)).toEqual(stateAt(timeline, 600));
  });

  it("finds the same moments whatever the keyframe interval", () => {
    const sparse: Timeline = resimulate(replay, 1_000);
    for (const tick of [0, 999, 1_000, 1_001, timeline.totalTicks]) expect(stateAt(sparse, tick)).toEqual(stateAt(timeline, tick));
  });

  it("still replays this pinned recording to the same bits: if this fails, the rules changed, and REPLAY_FORMAT_VERSION must go up", () => {
    // Paddles jumping about by a fixed formula: hits, misses, wall bounces, every angle.
    const inputs = Array.from({ length: 3_000 }, (_, k) => ({ tick: k, slot: k % 2 ? ("player2" as const) : ("player1" as const), x: 50 + ((k * 37) % 500) }));
    const end = resimulate({ seed: 1234, pointsToWin: 100, ticks: 6_000, finalScore: { player1: 0, player2: 0 }, inputs });
    const { ball, paddles, tick, rng } = end.final;
    expect({ tick, rng, ball, score: [paddles.player1.score, paddles.player2.score], points: end.points.length }).toMatchInlineSnapshot(`
      {
        "ball": {
          "vx": -169.2946123674491,
          "vy": -411.75523581777946,
          "x": 534.0783495075466,
          "y": 378.290727258575,
        },
        "points": 40,
        "rng": 3911321348,
        "score": [
          21,
          19,
        ],
        "tick": 6000,
      }
    `);
  });
});
