import { describe, expect, it } from "vitest";
import { TICK_RATE } from "../domain/game/constants";
import { decodeRecording, encodeRecording, resimulate, stateAt } from "../domain/replay";
import { playSampleMatch } from "../domain/replay/sample-match";
import { formatReplayTime, ReplayPlayer, tickFromParam } from "./replay-player";

const { match, recording } = playSampleMatch({ matchId: 7, pointsToWin: 3, seed: 11, maxTicks: 60 * 60 * 10 });
const decoded = decodeRecording(JSON.parse(JSON.stringify(encodeRecording(recording, match.sim))));
if (!decoded.ok) throw new Error(decoded.error);
const timeline = resimulate(decoded.replay);
const meta = { matchId: 7, names: { player1: "alice", player2: "bob" } };
const second = 1000;

describe("replay player", () => {
  it("plays at its speed from where it was, and stops at the end", () => {
    const player = new ReplayPlayer(timeline, meta);
    expect(player.positionAt(0)).toBe(0);
    player.play(1_000);
    expect(player.positionAt(1_000 + 2 * second)).toBeCloseTo(2 * TICK_RATE, 9);
    player.setSpeed(4, 1_000 + 2 * second);
    expect(player.positionAt(1_000 + 3 * second)).toBeCloseTo(2 * TICK_RATE + 4 * TICK_RATE, 9);
    player.setSpeed(0.25, 1_000 + 3 * second);
    expect(player.positionAt(1_000 + 7 * second)).toBeCloseTo(7 * TICK_RATE, 9);
    player.pause(1_000 + 7 * second);
    expect(player.positionAt(1_000_000)).toBeCloseTo(7 * TICK_RATE, 9);
    expect(player.isPlaying(1_000_000)).toBe(false);

    player.setSpeed(4, 0);
    player.play(0);
    expect(player.positionAt(10_000 * second)).toBe(timeline.totalTicks);
    expect(player.isPlaying(10_000 * second)).toBe(false);
    // Play at the end starts over.
    player.play(10_000 * second);
    expect(player.positionAt(10_000 * second)).toBe(0);
  });

  it("seeks to any tick, clamped, and steps one frame at a time, pausing", () => {
    const player = new ReplayPlayer(timeline, meta);
    const marker = timeline.points[1]!;
    player.seek(marker.tick, 0);
    const state = player.stateAt(0);
    expect(state.tick).toBe(marker.tick);
    expect({ player1: state.paddles.player1.score, player2: state.paddles.player2.score }).toEqual(marker.score);
    player.play(0);
    player.stepFrames(1, 0);
    expect(player.isPlaying(5 * second)).toBe(false);
    expect(player.stateAt(5 * second).tick).toBe(marker.tick + 1);
    player.stepFrames(-2, 0);
    expect(player.stateAt(0).tick).toBe(marker.tick - 1);
    player.seek(-50, 0);
    expect(player.positionAt(0)).toBe(0);
    player.seek(Number.NaN, 0);
    expect(player.positionAt(0)).toBe(0);
    player.seek(timeline.totalTicks + 500, 0);
    expect(player.positionAt(0)).toBe(timeline.totalTicks);
  });

  it("draws the re-simulated state of each frame, whichever way the viewer got there", () => {
    const player = new ReplayPlayer(timeline, meta);
    player.play(0);
    // Played on frame by frame, then a jump back, then on again: always the timeline's own state.
    for (const time of [0, 500, 1_000, 1_016, 30_000, 2_000, 2_017, 2_050]) {
      const tick = Math.floor(player.positionAt(time));
      const shown = player.stateAt(time);
      if (time === 30_000) player.seek(100, time);
      expect(shown).toEqual(stateAt(timeline, tick));
    }
    const sample = player.sample(player.positionAt(0));
    expect(sample.state).toMatchObject({ match_id: 7, player1: { username: "alice" }, player2: { username: "bob" } });
  });

  it("reads ?t= as seconds of play and formats times as m:ss", () => {
    expect(tickFromParam("12.5")).toBe(750);
    expect(tickFromParam("0")).toBe(0);
    for (const bad of [null, "", "abc", "-3", "Infinity"]) expect(tickFromParam(bad)).toBeNull();
    expect(formatReplayTime(0)).toBe("0:00");
    expect(formatReplayTime(61 * TICK_RATE + 30)).toBe("1:01");
    expect(formatReplayTime(10 * 60 * TICK_RATE)).toBe("10:00");
  });
});
