// Records a live match as it is played: the engine calls `recordInput` with every paddle position
// the simulation applied. The recording is plain JSON so it can ride in the match's snapshot, and
// it keeps most of itself already encoded: sealed chunks of the version-1 stream in base64 (a
// minute of play is a few kilobytes), plus a short tail of raw inputs still open to change.
import { PLAYER_SLOTS, type PlayerSlot } from "../lists";
import type { SimState } from "../game/types";
import { envelope, fromBase64, streamStart, toBase64, toGrid, writeRecords, type ReplayEnvelope, type StreamEnd } from "./format";

/** Inputs held raw before they are sealed into a chunk: about 4 s of two players at 30 Hz. */
export const SEAL_EVERY_INPUTS = 256;

export interface Recording {
  seed: number;
  pointsToWin: number;
  /** Base64 chunks of the input stream, in order; their bytes concatenated are the stream. */
  sealed: string[];
  /** Inputs not sealed yet: flat [tick, slotIndex, grid] triples, at most one per slot and tick. */
  open: number[];
  /** Where the stream stands after the sealed chunks (the open inputs are coded from there). */
  sealedEnd: StreamEnd;
  /** Each slot's position (grid) after every recorded input, to leave out inputs that change nothing. */
  grid: [number, number];
}

/** An empty recording for a match created with these simulation options (seed: the match id). */
export function createRecording({ seed, pointsToWin }: { seed: number; pointsToWin: number }): Recording {
  const start = streamStart();
  return { seed: seed >>> 0, pointsToWin, sealed: [], open: [], sealedEnd: start, grid: [...start.grid] };
}

/**
 * Notes that the simulation's `slot` paddle is at `x` (as movePaddle left it: on the
 * PADDLE_POSITION_STEP grid) from sim tick `tick` on. Changes `recording` in place, in constant time but for a seal every SEAL_EVERY_INPUTS inputs.
 * Ticks must not decrease. A later input of the same slot at the same tick replaces the earlier
 * one (only the last counts for the next step); an input that leaves the paddle where it was is
 * not kept.
 */
export function recordInput(recording: Recording, tick: number, slot: PlayerSlot, x: number): void {
  const { open } = recording;
  const slotIndex = PLAYER_SLOTS.indexOf(slot);
  const grid = toGrid(x);
  const lastTick = open.length > 0 ? open[open.length - 3]! : recording.sealedEnd.tick;
  if (!(tick >= lastTick)) throw new RangeError(`Inputs must come in tick order: tick ${tick} after tick ${lastTick}`);
  if (!Number.isFinite(x)) throw new RangeError(`A paddle position must be a finite number, got ${x}`);
  // The open inputs of this tick are its last one or two triples.
  for (let i = open.length - 3; i >= 0 && open[i] === tick; i -= 3) {
    if (open[i + 1] === slotIndex) {
      open[i + 2] = grid;
      recording.grid[slotIndex] = grid;
      return;
    }
  }
  if (grid === recording.grid[slotIndex]) return;
  if (open.length >= SEAL_EVERY_INPUTS * 3 && tick > lastTick) seal(recording);
  recording.open.push(tick, slotIndex, grid);
  recording.grid[slotIndex] = grid;
}

/** The replay envelope of a match that ended in `final` (its simulation state at the end). */
export function encodeRecording(recording: Recording, final: SimState): ReplayEnvelope {
  const stream: number[] = [];
  for (const chunk of recording.sealed) stream.push(...fromBase64(chunk)!);
  writeRecords(stream, recording.open, { tick: recording.sealedEnd.tick, grid: [...recording.sealedEnd.grid] });
  return envelope(
    {
      seed: recording.seed,
      pointsToWin: recording.pointsToWin,
      ticks: final.tick,
      finalScore: { player1: final.paddles.player1.score, player2: final.paddles.player2.score },
    },
    stream,
  );
}

/** Moves the open inputs into a new sealed chunk. */
function seal(recording: Recording): void {
  const bytes: number[] = [];
  writeRecords(bytes, recording.open, recording.sealedEnd);
  recording.sealed.push(toBase64(bytes));
  recording.open = [];
}
