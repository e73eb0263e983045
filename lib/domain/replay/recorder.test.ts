import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSimulation } from "../game/simulation";
import { FIELD_WIDTH, PADDLE_POSITION_STEP, PADDLE_WIDTH, TICK_SECONDS } from "../game/constants";
import { advance, createLiveMatch, movePlayer, type LiveMatch } from "../game/lifecycle";
import { PLAYER_SLOTS, type PlayerSlot } from "../lists";
import { decodeRecording, REPLAY_FORMAT_VERSION, type Replay, type ReplayEnvelope, type ReplayInput } from "./format";
import { createRecording, encodeRecording, recordInput, SEAL_EVERY_INPUTS, type Recording } from "./recorder";

const CENTRE = FIELD_WIDTH / 2;
const final = (tick: number, player1 = 0, player2 = 0) => {
  const sim = createSimulation({ pointsToWin: 5, seed: 3 });
  return { ...sim, tick, paddles: { player1: { ...sim.paddles.player1, score: player1 }, player2: { ...sim.paddles.player2, score: player2 } } };
};

function decoded(envelope: ReplayEnvelope): Replay {
  // Through JSON text, as it travels.
  const result = decodeRecording(JSON.parse(JSON.stringify(envelope)));
  if (!result.ok) throw new Error(result.error);
  return result.replay;
}

/** Each slot's position after every input of each tick up to `ticks`: what a replay must reproduce. */
function positionsByTick(inputs: readonly ReplayInput[], ticks: number): Record<PlayerSlot, number>[] {
  const positions: Record<PlayerSlot, number>[] = [];
  const current = { player1: CENTRE, player2: CENTRE };
  let next = 0;
  for (let tick = 0; tick <= ticks; tick++) {
    while (next < inputs.length && inputs[next]!.tick === tick) current[inputs[next]!.slot] = inputs[next++]!.x;
    positions.push({ ...current });
  }
  return positions;
}

const gridX = fc.integer({ min: PADDLE_WIDTH / 2 / PADDLE_POSITION_STEP, max: (FIELD_WIDTH - PADDLE_WIDTH / 2) / PADDLE_POSITION_STEP }).map((g) => g * PADDLE_POSITION_STEP);
/** Inputs as the engine applies them: ticks never decrease, often several per tick, some repeating a position. */
const appliedInputs = fc
  .array(fc.record({ gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 600 })), slot: fc.constantFrom(...PLAYER_SLOTS), x: fc.oneof(gridX, fc.constant(CENTRE)) }), { maxLength: 1_500 })
  .map((moves) => {
    let tick = 0;
    return moves.map(({ gap, slot, x }) => ({ tick: (tick += gap), slot, x }));
  });

function record(inputs: readonly ReplayInput[], recording: Recording = createRecording({ seed: 9, pointsToWin: 5 })): Recording {
  for (const { tick, slot, x } of inputs) recordInput(recording, tick, slot, x);
  return recording;
}

describe("recording and encoding", () => {
  it("round-trips: the decoded inputs put the paddles where the recorded ones did, at every tick, one input per slot and tick", () => {
    fc.assert(
      fc.property(appliedInputs, (inputs) => {
        const ticks = inputs.at(-1)?.tick ?? 0;
        const replay = decoded(encodeRecording(record(inputs), final(ticks, 2, 1)));
        expect(replay).toMatchObject({ seed: 9, pointsToWin: 5, ticks, finalScore: { player1: 2, player2: 1 } });
        expect(positionsByTick(replay.inputs, ticks)).toEqual(positionsByTick(inputs, ticks));
        const keys = replay.inputs.map(({ tick, slot }) => `${tick} ${slot}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the last of a slot's inputs at one tick and leaves out inputs that move nothing", () => {
    const recording = record([
      { tick: 0, slot: "player1", x: 310 },
      { tick: 0, slot: "player2", x: 290 },
      { tick: 0, slot: "player1", x: 320 },
      { tick: 5, slot: "player1", x: 320 },
      { tick: 6, slot: "player2", x: 280.0625 },
    ]);
    expect(decoded(encodeRecording(recording, final(6))).inputs).toEqual([
      { tick: 0, slot: "player1", x: 320 },
      { tick: 0, slot: "player2", x: 290 },
      { tick: 6, slot: "player2", x: 280.0625 },
    ]);
  });

  it("seals inputs into base64 chunks and carries on after a trip through JSON (the match snapshot)", () => {
    const inputs = Array.from({ length: SEAL_EVERY_INPUTS * 5 }, (_, k) => ({ tick: k >> 1, slot: PLAYER_SLOTS[k % 2]!, x: 100 + (k % 97) }));
    const half = inputs.length / 2 + 1;
    const carried: Recording = JSON.parse(JSON.stringify(record(inputs.slice(0, half))));
    const recording = record(inputs.slice(half), carried);
    expect(recording.sealed.length).toBeGreaterThanOrEqual(4);
    const ticks = inputs.at(-1)!.tick;
    const envelope = encodeRecording(recording, final(ticks));
    expect(envelope).toEqual(encodeRecording(record(inputs), final(ticks)));
    expect(positionsByTick(decoded(envelope).inputs, ticks)).toEqual(positionsByTick(inputs, ticks));
  });

  it("stays under 20 KB a minute even when both clients swing their paddles end to end several times a tick", () => {
    let match: LiveMatch = { ...createLiveMatch({ matchId: 5, player1: { id: 1, username: "a" }, player2: { id: 2, username: "b" }, pointsToWin: 1_000, registerTimeoutMs: 1, reconnectGraceMs: 1, pauseBudgetMs: 1 }, 0), status: "playing" };
    const recording = createRecording({ seed: 5, pointsToWin: 1_000 });
    let now = 0;
    for (let tick = 0; tick < 60 * 60; tick++) {
      for (let k = 0; k < 4; k++) {
        for (const slot of PLAYER_SLOTS) {
          match = movePlayer(match, slot, (tick + k) % 2 ? 0 : FIELD_WIDTH, 0, (now += 2));
          recordInput(recording, match.sim.tick, slot, match.sim.paddles[slot].x);
        }
      }
      match = advance(match, (now += 1), TICK_SECONDS);
    }
    const { inputs } = encodeRecording(recording, match.sim);
    expect((inputs.length * 3) / 4).toBeLessThanOrEqual(14_400 + 100);
  });

  it("refuses inputs that go back in time or are not numbers", () => {
    const recording = record([{ tick: 10, slot: "player1", x: 100 }]);
    expect(() => recordInput(recording, 9, "player2", 100)).toThrow(RangeError);
    expect(() => recordInput(recording, 10, "player2", Number.NaN)).toThrow(RangeError);
  });
});

describe("decodeRecording", () => {
  const valid = encodeRecording(record([{ tick: 3, slot: "player1", x: 400 }]), final(100, 1, 0));
  const withBytes = (bytes: number[]) => ({ ...valid, inputs: Buffer.from(bytes).toString("base64") });

  it("reads a valid envelope", () => {
    expect(decoded(valid)).toEqual({ seed: 9, pointsToWin: 5, ticks: 100, finalScore: { player1: 1, player2: 0 }, inputs: [{ tick: 3, slot: "player1", x: 400 }] });
    expect(valid.version).toBe(REPLAY_FORMAT_VERSION);
  });

  it.each([
    ["not an object", "replay", /JSON object/],
    ["null", null, /JSON object/],
    ["a later version", { ...valid, version: 2 }, /Unsupported replay version 2/],
    ["no version", { ...valid, version: undefined }, /Unsupported replay version/],
    ["a fractional seed", { ...valid, seed: 1.5 }, /seed/],
    ["a negative seed", { ...valid, seed: -1 }, /seed/],
    ["zero points to win", { ...valid, points_to_win: 0 }, /points_to_win/],
    ["ticks as a string", { ...valid, ticks: "100" }, /ticks/],
    ["no score", { ...valid, final_score: undefined }, /final_score/],
    ["a score beyond the points to win", { ...valid, final_score: { player1: 6, player2: 0 } }, /final_score/],
    ["inputs not a string", { ...valid, inputs: [1, 2] }, /inputs must be a base64 string/],
    ["more inputs than the ticks can hold", { ...valid, inputs: "A".repeat(16 * 101 + 4) }, /longer than 100 ticks can record/],
    ["base64 with a stray character", { ...valid, inputs: "AB*D" }, /not valid base64/],
    ["unpadded base64", { ...valid, inputs: "ABC" }, /not valid base64/],
    ["padding in the middle", { ...valid, inputs: "AB==ABCD" }, /not valid base64/],
    ["a record cut short", withBytes([6]), /byte 0 is cut short/],
    ["an endless number", withBytes([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1, 0]), /oversized number/],
    ["an input after the end", withBytes([22, 98]), /tick 101, after the match's end/],
    ["a paddle outside the field", withBytes([0x80, 0x80, 0x08]), /outside the field/],
    ["two inputs of one slot at one tick", withBytes([16, 16]), /second input of player1 at tick 0/],
  ])("rejects %s with a clear reason", (_, json, reason) => {
    const result = decodeRecording(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it("never throws on garbage", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ ...Object.fromEntries(Object.entries(valid).map(([key, value]) => [key, fc.oneof(fc.constant(value), fc.jsonValue())])) }), fc.uint8Array().map((bytes) => withBytes([...bytes]))), (json) => {
        const result = decodeRecording(json);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 1_000 },
    );
  });
});
