// The simulation side of the match runner: the matches this process owns, stepped one tick at a
// time, the commands applied to them, and what each change means outside (states to broadcast,
// snapshots to store, Live now lines, starts and ends) as a list of events. No timers and no I/O:
// it runs on the simulation thread (thread.ts) and in unit tests alike.
import {
  advance,
  forfeit,
  isOver,
  milestone,
  movePlayer,
  playerLeft,
  playerReturned,
  ready,
  register,
  type LiveMatch,
  type Transition,
} from "../../domain/game/lifecycle";
import { TICK_SECONDS } from "../../domain/game/constants";
import { aiTick } from "../../domain/ai";
import { encodeRecording, recordInput, type Recording, type ReplayEnvelope } from "../../domain/replay";
import type { LiveForfeitReason, PlayerSlot } from "../../domain/lists";
import { toGameData } from "../game-data";
import type { LiveMatchSummary } from "../../protocol/chat";
import type { GameData, GameStateMessage } from "../../protocol/game";
import { summarize } from "../../app/live-matches";
import { storedRecording, type Snapshot } from "../match-store";

/** game_state goes out every other tick while playing: 30 Hz, clients interpolate. */
export const BROADCAST_EVERY_TICKS = 2;
/** Outside play (waiting, countdown) the state changes slowly: 4 Hz keeps countdowns fresh. */
export const IDLE_BROADCAST_EVERY_TICKS = 15;
/** The store gets a match's state once a second, and at once on every milestone (score, status, who is here). */
export const SNAPSHOT_EVERY_TICKS = 60;

export type MatchCommand =
  | { kind: "register"; slot: PlayerSlot }
  | { kind: "ready"; slot: PlayerSlot }
  | { kind: "move"; slot: PlayerSlot; position: number; direction: -1 | 0 | 1 }
  | { kind: "connections"; slot: PlayerSlot; count: number }
  | { kind: "spectators"; count: number }
  | { kind: "quit"; slot: PlayerSlot }
  | { kind: "forfeit"; slot: PlayerSlot; reason: LiveForfeitReason };

/** `unavailable`: the command was forwarded to the match's process, which did not answer. */
export type CommandResult = { ok: true } | { ok: false; error: "not_found" | "bad_state" | "unavailable"; message: string };

/** Only register and ready can be refused by the match's state; every other command applies. */
export const mayBeRefused = (command: MatchCommand) => command.kind === "register" || command.kind === "ready";

export type LoopEvent =
  /** Send this game_state message (JSON, serialized here rather than on the main thread) to the match room. */
  | { kind: "broadcast"; matchId: number; message: string }
  /** Store this snapshot (JSON of a Snapshot). */
  | { kind: "snapshot"; matchId: number; json: string }
  /** Store this newly sealed chunk of the match's recording: before any snapshot that counts it. */
  | { kind: "recordingChunk"; matchId: number; index: number; chunk: string }
  /** The match's line in the Live now list changed (null: it leaves the list). */
  | { kind: "summary"; matchId: number; summary: LiveMatchSummary | null }
  /** Play began: once per match. */
  | { kind: "started"; match: LiveMatch }
  /** The match is over: once. The loop stops stepping it; the runner writes the result (and the replay: null when its recording was lost), then removes it. */
  | { kind: "over"; match: LiveMatch; json: string; replay: ReplayEnvelope | null };

/** A match as the loop holds it: the snapshot's parts, with the whole recording (sealed chunks included). */
export interface LoopMatchState extends Omit<Snapshot, "recording"> {
  recording: Recording | null;
}

interface LoopMatch extends LoopMatchState {
  lastMilestone: string;
  over: boolean;
}

/** An unfinished match's snapshot, with its recording's sealed chunks (to write them again after the store lost them). */
export interface HandoverSnapshot {
  matchId: number;
  json: string;
  chunks: string[];
}

const snapshotJson = ({ match, seq, connected, spectators, recording }: LoopMatch) =>
  JSON.stringify({ match, seq, connected, spectators, recording: recording && storedRecording(recording) } satisfies Snapshot);

export class MatchLoop {
  private readonly matches = new Map<number, LoopMatch>();
  private tickCount = 0;

  get size(): number {
    return this.matches.size;
  }

  add(state: LoopMatchState): void {
    this.matches.set(state.match.matchId, { ...state, lastMilestone: milestone(state.match), over: isOver(state.match) });
  }

  remove(matchId: number): void {
    this.matches.delete(matchId);
  }

  gameState(matchId: number, now: number): GameData | null {
    const entry = this.matches.get(matchId);
    return entry ? toGameData(entry.match, entry.seq, entry.connected, entry.spectators, now) : null;
  }

  /** Snapshots of the matches still in play, to hand them over to another process. */
  unfinishedSnapshots(): HandoverSnapshot[] {
    return [...this.matches.values()]
      .filter((entry) => !entry.over)
      .map((entry) => ({ matchId: entry.match.matchId, json: snapshotJson(entry), chunks: entry.recording?.sealed ?? [] }));
  }

  apply(matchId: number, command: MatchCommand, now: number, events: LoopEvent[]): CommandResult {
    const entry = this.matches.get(matchId);
    if (!entry) return { ok: false, error: "not_found", message: "The match is not running" };
    let transition: Transition;
    switch (command.kind) {
      case "register":
        transition = register(entry.match, command.slot, now);
        break;
      case "ready":
        transition = ready(entry.match, command.slot, now);
        break;
      case "move":
        this.applyMove(entry, command.slot, command.position, command.direction, now, events);
        transition = { ok: true, match: entry.match };
        break;
      case "connections":
        entry.connected = { ...entry.connected, [command.slot]: command.count > 0 };
        // Gone: paused for everyone while the grace period runs; back: a countdown resumes play.
        transition = { ok: true, match: command.count > 0 ? playerReturned(entry.match, command.slot, now) : playerLeft(entry.match, command.slot, now) };
        break;
      case "spectators":
        entry.spectators = Math.max(0, command.count);
        transition = { ok: true, match: entry.match };
        break;
      case "quit":
        transition = { ok: true, match: forfeit(entry.match, command.slot, "quit", now) };
        break;
      case "forfeit":
        transition = { ok: true, match: forfeit(entry.match, command.slot, command.reason, now) };
        break;
    }
    if (!transition.ok) return transition;
    entry.match = transition.match;
    // Paddle moves ride on the next periodic broadcast; every other command is news at once.
    if (command.kind !== "move") this.afterChange(entry, now, { periodic: false, force: true }, events);
    return { ok: true };
  }

  /** One simulation step for every match in play. */
  tick(now: number, events: LoopEvent[]): void {
    this.tickCount++;
    for (const entry of this.matches.values()) {
      if (entry.over) continue;
      this.moveAi(entry, now, events);
      entry.match = advance(entry.match, now, TICK_SECONDS);
      this.afterChange(entry, now, { periodic: true, force: false }, events);
    }
  }

  /** Every paddle move, a human's (the move command) or the AI's: one path, one speed clamp, recorded as applied. */
  private applyMove(entry: LoopMatch, slot: PlayerSlot, position: number, direction: -1 | 0 | 1, now: number, events: LoopEvent[]): void {
    if (entry.over) return;
    entry.match = movePlayer(entry.match, slot, position, direction, now);
    const { recording } = entry;
    if (!recording) return;
    const { sim } = entry.match;
    const sealedBefore = recording.sealed.length;
    try {
      recordInput(recording, sim.tick, slot, sim.paddles[slot].x);
    } catch {
      // A recording that cannot go on (a bug, never a client's input) costs the replay, not the match.
      entry.recording = null;
      return;
    }
    if (recording.sealed.length > sealedBefore) {
      events.push({ kind: "recordingChunk", matchId: entry.match.matchId, index: sealedBefore, chunk: recording.sealed[sealedBefore]! });
    }
  }

  /** A practice match's AI looks and moves once per tick of play, before the step, as a human's input would land. */
  private moveAi(entry: LoopMatch, now: number, events: LoopEvent[]): void {
    const { ai, sim, status } = entry.match;
    if (!ai || status !== "playing") return;
    const decision = aiTick(ai, sim.tick, () => sim);
    entry.match = { ...entry.match, ai: decision.ai };
    if (decision.target === null) return;
    const paddle = sim.paddles[ai.slot];
    this.applyMove(entry, ai.slot, decision.target, Math.sign(decision.target - paddle.x) as -1 | 0 | 1, now, events);
  }

  /**
   * What a change means outside: broadcasts and snapshots as due, the Live now line, start and end.
   * `periodic`: called from the tick, so the regular broadcast and snapshot rates apply.
   */
  private afterChange(entry: LoopMatch, now: number, { periodic, force }: { periodic: boolean; force: boolean }, events: LoopEvent[]): void {
    if (entry.over) return;
    const { match } = entry;
    const matchId = match.matchId;
    const current = milestone(match);
    const changed = force || current !== entry.lastMilestone;
    // The first start only: resuming after a pause also goes from countdown to playing.
    const started = entry.lastMilestone.startsWith("countdown") && match.status === "playing" && match.startedAt === now;
    entry.lastMilestone = current;
    const every = match.status === "playing" ? BROADCAST_EVERY_TICKS : IDLE_BROADCAST_EVERY_TICKS;
    // Offset by match id so the broadcasts of many matches spread over the ticks instead of piling onto one.
    if (changed || (periodic && (this.tickCount + matchId) % every === 0)) {
      entry.seq++;
      const message: GameStateMessage = { type: "game_state", game_state: toGameData(match, entry.seq, entry.connected, entry.spectators, now) };
      events.push({ kind: "broadcast", matchId, message: JSON.stringify(message) });
    }
    if (changed) events.push({ kind: "summary", matchId, summary: summarize(match, entry.spectators) });
    if (started) events.push({ kind: "started", match });
    if (isOver(match)) {
      entry.over = true;
      events.push({ kind: "over", match, json: snapshotJson(entry), replay: entry.recording && encodeRecording(entry.recording, match.sim) });
    } else if (changed || (periodic && (this.tickCount + matchId) % SNAPSHOT_EVERY_TICKS === 0)) {
      events.push({ kind: "snapshot", matchId, json: snapshotJson(entry) });
    }
  }
}
