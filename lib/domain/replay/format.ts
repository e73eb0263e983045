// The replay format, version 1: what GET /game/matches/<id>/replay/ returns (see docs/REPLAY.md).
// A JSON envelope whose `inputs` is the base64 of a byte stream, one record per applied input:
//
//   varint((zigzag(gridDelta) × 4 + tickCode) × 2 + slotIndex), then varint(tickDelta − 3) if tickCode = 3
//
//   slotIndex   0 for player1, 1 for player2
//   tickDelta   ticks since the previous record (the first record: since tick 0); tickCode is
//               tickDelta when below 3, else 3 and the delta follows
//   gridDelta   the change of that slot's position, in PADDLE_POSITION_STEPs, from its previous
//               record (the first: from the centre)
//
// With two players sending, consecutive records are 0 to 2 ticks apart, and the speed clamp keeps
// a paddle's move within a tick under 64 units (1,023 steps; up to 90 after a silence of 70 ms
// or more): a record takes 1 or 2 bytes, where JSON numbers would take about 20. At most one
// record per slot and tick bounds a minute to 7,200 records, about 14.4 KB, whatever the clients send.
import { FIELD_WIDTH, PADDLE_POSITION_STEP, PADDLE_WIDTH } from "../game/constants";
import { PLAYER_SLOTS, type PlayerSlot } from "../lists";

export const REPLAY_FORMAT_VERSION = 1;

/** A paddle position the simulation applied at `tick` (before the step from `tick` to `tick + 1`). */
export interface ReplayInput {
  tick: number;
  slot: PlayerSlot;
  /** On the PADDLE_POSITION_STEP grid. */
  x: number;
}

/** A whole recorded match, decoded. */
export interface Replay {
  seed: number;
  pointsToWin: number;
  /** The simulation's tick when the match ended. */
  ticks: number;
  /** The score when the match ended: re-simulating must reach it (a check, not an input). */
  finalScore: Record<PlayerSlot, number>;
  /** In the order they were applied; at most one per slot and tick. */
  inputs: ReplayInput[];
}

/** The JSON the replay endpoint returns. */
export interface ReplayEnvelope {
  version: typeof REPLAY_FORMAT_VERSION;
  seed: number;
  points_to_win: number;
  ticks: number;
  final_score: Record<PlayerSlot, number>;
  /** Base64 (standard alphabet, padded) of the input stream described above. */
  inputs: string;
}

export type DecodeResult = { ok: true; replay: Replay } | { ok: false; error: string };

/** Positions travel as counts of PADDLE_POSITION_STEP. */
export const toGrid = (x: number) => Math.round(x / PADDLE_POSITION_STEP);
const MIN_GRID = toGrid(PADDLE_WIDTH / 2);
const MAX_GRID = toGrid(FIELD_WIDTH - PADDLE_WIDTH / 2);
const CENTRE_GRID = toGrid(FIELD_WIDTH / 2);

/** Where the delta coding stands after some records: what the next record is relative to. */
export interface StreamEnd {
  tick: number;
  grid: [number, number];
}
export const streamStart = (): StreamEnd => ({ tick: 0, grid: [CENTRE_GRID, CENTRE_GRID] });

// Bounds that keep a hostile envelope from making the viewer loop or allocate without end.
const MAX_TICKS = 60 * 60 * 60 * 6; // six hours of play at 60 Hz
const MAX_POINTS_TO_WIN = 10_000;
const MAX_SEED = 2 ** 32 - 1;
/** A varint of this many bytes holds 49 bits, far beyond any tick or delta. */
const MAX_VARINT_BYTES = 7;

/**
 * Appends records for `inputs`, flat [tick, slotIndex, grid] triples, to `out`, continuing from
 * `end` (updated in place).
 */
export function writeRecords(out: number[], inputs: readonly number[], end: StreamEnd): void {
  for (let i = 0; i < inputs.length; i += 3) {
    const tick = inputs[i]!;
    const slot = inputs[i + 1]! as 0 | 1;
    const grid = inputs[i + 2]!;
    const tickDelta = tick - end.tick;
    const delta = grid - end.grid[slot];
    const zigzag = delta >= 0 ? delta * 2 : -delta * 2 - 1;
    writeVarint(out, (zigzag * 4 + Math.min(tickDelta, 3)) * 2 + slot);
    if (tickDelta >= 3) writeVarint(out, tickDelta - 3);
    end.tick = tick;
    end.grid[slot] = grid;
  }
}

/** The envelope for a finished stream of records. */
export function envelope(replay: Omit<Replay, "inputs">, stream: readonly number[]): ReplayEnvelope {
  return {
    version: REPLAY_FORMAT_VERSION,
    seed: replay.seed,
    points_to_win: replay.pointsToWin,
    ticks: replay.ticks,
    final_score: { ...replay.finalScore },
    inputs: toBase64(stream),
  };
}

/** Reads an envelope (parsed JSON, of unknown shape); a clear reason when anything is off. */
export function decodeRecording(json: unknown): DecodeResult {
  const fail = (error: string): DecodeResult => ({ ok: false, error });
  if (typeof json !== "object" || json === null) return fail("A replay is a JSON object");
  const raw = json as Record<string, unknown>;
  if (raw.version !== REPLAY_FORMAT_VERSION) return fail(`Unsupported replay version ${JSON.stringify(raw.version)} (this viewer reads version ${REPLAY_FORMAT_VERSION})`);
  if (!isIntegerIn(raw.seed, 0, MAX_SEED)) return fail(`seed must be an integer in [0, ${MAX_SEED}]`);
  if (!isIntegerIn(raw.points_to_win, 1, MAX_POINTS_TO_WIN)) return fail(`points_to_win must be an integer in [1, ${MAX_POINTS_TO_WIN}]`);
  if (!isIntegerIn(raw.ticks, 0, MAX_TICKS)) return fail(`ticks must be an integer in [0, ${MAX_TICKS}]`);
  const score = raw.final_score as Record<string, unknown> | null | undefined;
  if (typeof score !== "object" || score === null || !PLAYER_SLOTS.every((slot) => isIntegerIn(score[slot], 0, raw.points_to_win as number))) {
    return fail("final_score must give each player an integer from 0 to points_to_win");
  }
  if (typeof raw.inputs !== "string") return fail("inputs must be a base64 string");
  // At most two records a tick, of at most 6 bytes each: 16 base64 characters a tick.
  if (raw.inputs.length > 16 * ((raw.ticks as number) + 1)) return fail(`inputs is longer than ${raw.ticks} ticks can record`);
  const bytes = fromBase64(raw.inputs);
  if (!bytes) return fail("inputs is not valid base64 (standard alphabet, with padding)");
  const inputs = readRecords(bytes, raw.ticks as number);
  if (typeof inputs === "string") return fail(inputs);
  return {
    ok: true,
    replay: {
      seed: raw.seed as number,
      pointsToWin: raw.points_to_win as number,
      ticks: raw.ticks as number,
      finalScore: { player1: score.player1 as number, player2: score.player2 as number },
      inputs,
    },
  };
}

/** The records of a stream, or what is wrong with it. */
function readRecords(bytes: Uint8Array, ticks: number): ReplayInput[] | string {
  const inputs: ReplayInput[] = [];
  const end = streamStart();
  const lastTick = [-1, -1];
  let at = 0;
  const readVarint = (): number | null => {
    let value = 0;
    for (let k = 0; k < MAX_VARINT_BYTES && at < bytes.length; k++) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** (7 * k);
      if (byte < 0x80) return value;
    }
    return null;
  };
  while (at < bytes.length) {
    const start = at;
    const head = readVarint();
    const slot = head === null ? 0 : head % 2;
    const tickCode = head === null ? 0 : ((head - slot) / 2) % 4;
    const longGap = tickCode === 3 ? readVarint() : 0;
    if (head === null || longGap === null) return `inputs: the record at byte ${start} is cut short or has an oversized number`;
    const zigzag = ((head - slot) / 2 - tickCode) / 4;
    const tick = end.tick + tickCode + longGap;
    const grid = end.grid[slot]! + (zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2);
    if (tick > ticks) return `inputs: the record at byte ${start} is at tick ${tick}, after the match's end (${ticks})`;
    if (tick === lastTick[slot]) return `inputs: the record at byte ${start} is a second input of ${PLAYER_SLOTS[slot]} at tick ${tick}`;
    if (grid < MIN_GRID || grid > MAX_GRID) return `inputs: the record at byte ${start} puts a paddle outside the field`;
    inputs.push({ tick, slot: PLAYER_SLOTS[slot]!, x: grid * PADDLE_POSITION_STEP });
    end.tick = tick;
    end.grid[slot] = grid;
    lastTick[slot] = tick;
  }
  return inputs;
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Non-negative integers up to 2^53, 7 bits a byte, low bits first. */
function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

// Base64 by hand: the domain runs in Node and browsers alike, and atob accepts sloppy input.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const SEXTET = new Map([...ALPHABET].map((char, value) => [char, value]));

export function toBase64(bytes: ArrayLike<number>): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1] ?? 0, bytes[i + 2] ?? 0];
    const triple = (a << 16) | (b << 8) | c;
    text += ALPHABET[triple >> 18]! + ALPHABET[(triple >> 12) & 63]!;
    text += i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63]! : "=";
    text += i + 2 < bytes.length ? ALPHABET[triple & 63]! : "=";
  }
  return text;
}

/** The bytes of canonical padded base64, or null for anything else. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  for (let i = 0, out = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let k = 0; k < 4; k++) {
      const char = text[i + k]!;
      const last = i + 4 === text.length;
      const value = char === "=" && last && k >= 4 - padding ? 0 : SEXTET.get(char);
      if (value === undefined) return null;
      triple = triple * 64 + value;
    }
    for (let k = 0; k < 3 && out < bytes.length; k++) bytes[out++] = (triple >> (16 - 8 * k)) & 0xff;
  }
  return bytes;
}
