import { describe, expect, it } from "vitest";
import { COUNTDOWN_MS, createLiveMatch, FIELD } from "../../domain/game/lifecycle";
import type { GameStateMessage } from "../../protocol/game";
import { createRecording, decodeRecording, resimulate, SEAL_EVERY_INPUTS, type Recording } from "../../domain/replay";
import { BROADCAST_EVERY_TICKS, IDLE_BROADCAST_EVERY_TICKS, MatchLoop, SNAPSHOT_EVERY_TICKS, type LoopEvent, type LoopMatchState, type MatchCommand } from "./match-loop";
import type { Snapshot } from "../match-store";

const MATCH_ID = 7;

function newSnapshot(pointsToWin = 5): LoopMatchState {
  const match = createLiveMatch(
    { matchId: MATCH_ID, player1: { id: 1, username: "alice" }, player2: { id: 2, username: "bob" }, pointsToWin, registerTimeoutMs: 30_000, reconnectGraceMs: 15_000, pauseBudgetMs: 60_000 },
    0,
  );
  return { match, seq: 0, connected: { player1: true, player2: true }, spectators: 0, recording: createRecording({ seed: MATCH_ID, pointsToWin }) };
}

/** A stored snapshot as a new owner's loop takes it: its sealed chunks put back from the `recordingChunk` events. */
function resumed(json: string, chunks: string[]): LoopMatchState {
  const { recording, ...rest } = JSON.parse(json) as Snapshot;
  if (!recording) return { ...rest, recording: null };
  const { sealedCount, ...open } = recording;
  return { ...rest, recording: { ...open, sealed: chunks.slice(0, sealedCount) } satisfies Recording };
}

/** A loop with one match, driven by hand: `now` only moves when a test says so. */
function loopWith(snapshot = newSnapshot()) {
  const loop = new MatchLoop();
  loop.add(snapshot);
  let now = 0;
  const command = (command: MatchCommand) => {
    const events: LoopEvent[] = [];
    return { result: loop.apply(MATCH_ID, command, now, events), events };
  };
  const ticks = (count: number, msEach = 1000 / 60) => {
    const events: LoopEvent[] = [];
    for (let index = 0; index < count; index++) {
      now += msEach;
      loop.tick(now, events);
    }
    return events;
  };
  const startPlay = () => {
    for (const slot of ["player1", "player2"] as const) command({ kind: "register", slot });
    for (const slot of ["player1", "player2"] as const) command({ kind: "ready", slot });
    return ticks(1, COUNTDOWN_MS);
  };
  return { loop, command, ticks, startPlay };
}

const ofKind = <Kind extends LoopEvent["kind"]>(events: LoopEvent[], kind: Kind) => events.filter((event): event is Extract<LoopEvent, { kind: Kind }> => event.kind === kind);
const states = (events: LoopEvent[]) => ofKind(events, "broadcast").map((event) => (JSON.parse(event.message) as GameStateMessage).game_state);

describe("match loop", () => {
  it("plays a practice match's AI through the move path, and its memory travels in the snapshot", () => {
    const practice = createLiveMatch(
      { matchId: MATCH_ID, player1: { id: 1, username: "alice" }, player2: { id: 9, username: "ai_level_5" }, pointsToWin: 2, registerTimeoutMs: 30_000, reconnectGraceMs: 15_000, pauseBudgetMs: 60_000, aiLevel: 5 },
      0,
    );
    const { loop, command, ticks } = loopWith({ match: practice, seq: 0, connected: { player1: true, player2: false }, spectators: 0, recording: null });
    command({ kind: "register", slot: "player1" });
    command({ kind: "ready", slot: "player1" });
    ticks(1, COUNTDOWN_MS);
    const played = states(ticks(120));
    expect(played.some((state) => state.player2.position !== FIELD.width / 2)).toBe(true);
    // The AI has no connection, yet is never shown away.
    expect(played.every((state) => state.player2.connected)).toBe(true);

    // Handed over mid-game: the new owner's loop goes on with the AI's remembered state, and the AI wins.
    const [handover] = loop.unfinishedSnapshots();
    const next = new MatchLoop();
    next.add(resumed(handover!.json, handover!.chunks));
    const events: LoopEvent[] = [];
    for (let tick = 1; tick <= 60 * 120 && ofKind(events, "over").length === 0; tick++) next.tick(COUNTDOWN_MS + 200 * (1000 / 60) + tick * (1000 / 60), events);
    const [over] = ofKind(events, "over");
    expect(over?.match).toMatchObject({ status: "finished", winner: "player2" });
  });

  it("broadcasts a waiting match every 15th tick and a match in play every other tick", () => {
    const { ticks, startPlay } = loopWith();
    expect(states(ticks(60))).toHaveLength(60 / IDLE_BROADCAST_EVERY_TICKS);
    startPlay();
    const playing = states(ticks(60));
    expect(playing).toHaveLength(60 / BROADCAST_EVERY_TICKS);
    expect(playing.every((state) => state.status === "playing")).toBe(true);
    // Each broadcast is numbered, so clients can drop a late one.
    expect(playing.map((state) => state.seq)).toEqual([...playing.map((state) => state.seq)].sort((a, b) => a - b));
  });

  it("broadcasts a command's change at once, but lets paddle moves ride on the next periodic state", () => {
    const { command } = loopWith();
    const registered = command({ kind: "register", slot: "player1" });
    expect(registered.result).toEqual({ ok: true });
    expect(states(registered.events)).toMatchObject([{ status: "waiting", player1: { registered: true } }]);
    const moved = command({ kind: "move", slot: "player1", position: 100, direction: 1 });
    expect(moved.result).toEqual({ ok: true });
    expect(moved.events).toEqual([]);
  });

  it("refuses a command the match's state does not allow, and changes nothing", () => {
    const { command, loop } = loopWith();
    const before = loop.gameState(MATCH_ID, 0);
    const refused = command({ kind: "ready", slot: "player1" });
    expect(refused.result).toMatchObject({ ok: false, error: "bad_state" });
    expect(refused.events).toEqual([]);
    expect(loop.gameState(MATCH_ID, 0)).toEqual(before);
    expect(loop.apply(999, { kind: "ready", slot: "player1" }, 0, [])).toMatchObject({ ok: false, error: "not_found" });
  });

  it("reports the start of play once, and stores a snapshot once a second and at every milestone", () => {
    const { ticks, startPlay, command } = loopWith();
    const started = startPlay();
    expect(ofKind(started, "started")).toHaveLength(1);
    expect(ofKind(ticks(SNAPSHOT_EVERY_TICKS * 3), "started")).toHaveLength(0);
    // Three seconds of play: three periodic snapshots, plus one for each point scored.
    const later = ticks(SNAPSHOT_EVERY_TICKS * 3);
    const points = ofKind(later, "summary").length;
    expect(ofKind(later, "snapshot")).toHaveLength(3 + points);
    const snapshot = JSON.parse(ofKind(command({ kind: "spectators", count: 2 }).events, "snapshot")[0]!.json) as Snapshot;
    expect(snapshot).toMatchObject({ spectators: 2, match: { matchId: MATCH_ID, status: "playing" } });
  });

  it("reports the end once with the final snapshot, then stops stepping the match", () => {
    const { command, ticks, loop } = loopWith();
    const quit = command({ kind: "quit", slot: "player2" });
    expect(states(quit.events)).toMatchObject([{ status: "forfeited", winner: "alice", forfeit_reason: "quit" }]);
    const [over] = ofKind(quit.events, "over");
    expect(over?.match).toMatchObject({ status: "forfeited", winner: "player1" });
    expect((JSON.parse(over!.json) as Snapshot).match.status).toBe("forfeited");
    expect(ofKind(quit.events, "summary")).toEqual([{ kind: "summary", matchId: MATCH_ID, summary: null }]);
    expect(ticks(120)).toEqual([]);
    expect(loop.unfinishedSnapshots()).toEqual([]);
  });

  it("pauses for everyone when a player's last connection goes, and hands unfinished matches over", () => {
    const { command, startPlay, loop } = loopWith();
    startPlay();
    expect(states(command({ kind: "connections", slot: "player2", count: 0 }).events)).toMatchObject([{ status: "paused", paused: { player: "bob" } }]);
    const [handed] = loop.unfinishedSnapshots();
    expect(JSON.parse(handed!.json)).toMatchObject({ connected: { player1: true, player2: false }, match: { status: "paused" } });
    loop.remove(MATCH_ID);
    expect(loop.gameState(MATCH_ID, 0)).toBeNull();
    expect(loop.size).toBe(0);
  });

  it("records every applied paddle position, so the match's replay re-simulates to its result, across a hand-over", () => {
    const { command, startPlay, loop } = loopWith(newSnapshot(3));
    const chunks: string[] = [];
    const collect = (events: LoopEvent[]) => {
      for (const event of ofKind(events, "recordingChunk")) chunks[event.index] = event.chunk;
      return events;
    };
    // A human who follows the ball (a clamped move each tick) against one who sits still, then
    // sends an absurd jump: what is recorded is where the clamp left the paddle.
    const follow = (match: MatchLoop, count: number, events: LoopEvent[]) => {
      for (let index = 0; index < count; index++) {
        const state = match.gameState(MATCH_ID, 0)!;
        match.apply(MATCH_ID, { kind: "move", slot: "player1", position: state.ball.x, direction: 0 }, index * (1000 / 60), events);
        match.tick(index * (1000 / 60), events);
      }
    };
    command({ kind: "move", slot: "player2", position: 590, direction: 1 });
    collect(startPlay());
    const events = collect([]);
    follow(loop, SEAL_EVERY_INPUTS * 2, events);
    collect(events);
    expect(chunks.length).toBeGreaterThan(0);
    const [handed] = loop.unfinishedSnapshots();
    expect(handed!.chunks).toEqual(chunks);
    const stored = JSON.parse(handed!.json) as Snapshot;
    expect(stored.recording).toMatchObject({ sealedCount: chunks.length });
    expect(stored.recording).not.toHaveProperty("sealed");

    // A new owner goes on from the stored snapshot and the stored chunks, to the end of the match.
    const next = new MatchLoop();
    next.add(resumed(handed!.json, chunks));
    const after: LoopEvent[] = [];
    for (let round = 0; round < 200 && ofKind(after, "over").length === 0; round++) follow(next, 60, after);
    const [over] = ofKind(after, "over");
    expect(over?.match.status).toBe("finished");
    const decoded = decodeRecording(JSON.parse(JSON.stringify(over!.replay)));
    if (!decoded.ok) throw new Error(decoded.error);
    const timeline = resimulate(decoded.replay);
    expect(timeline.reachedRecordedEnd).toBe(true);
    // Positions and scores to the bit (a replayed paddle's direction is only that of its last move).
    const { player1, player2 } = over!.match.sim.paddles;
    expect(timeline.final.paddles).toMatchObject({ player1: { x: player1.x, score: player1.score }, player2: { x: player2.x, score: player2.score } });
    expect(timeline.final.ball).toEqual(over!.match.sim.ball);
    expect(decoded.replay.inputs.some((input) => input.slot === "player2")).toBe(true);
  });

  it("has no replay for a match whose recording was lost, and still ends it", () => {
    const { command } = loopWith({ ...newSnapshot(), recording: null });
    const [over] = ofKind(command({ kind: "quit", slot: "player1" }).events, "over");
    expect(over).toMatchObject({ match: { status: "forfeited" }, replay: null });
  });
});
