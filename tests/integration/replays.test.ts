// Replays over HTTP on both back-ends: a live match's recording so far (for spectators to rewind)
// and a finished match's, which re-simulates to its stored result; the refusals. Every suite's
// matches are also re-simulated when it ends (tests/helpers/replays.ts).
import { describe, expect, it } from "vitest";
import { decodeRecording, resimulate, type ReplayEnvelope } from "@/lib/domain/replay";
import { backends } from "../helpers/backends";
import { agreeDuel, nextState, playingDuel, suiteServer, trackBall } from "../helpers/protocol";

const settings = { POINTS_TO_WIN: "2" };

describe.each(backends)("replays on $name", (backend) => {
  const { url, user } = suiteServer(backend, settings);
  const get = async (matchId: number | string) => {
    const response = await fetch(`${url()}/game/matches/${matchId}/replay/`);
    return { status: response.status, cacheControl: response.headers.get("cache-control"), body: (await response.json()) as ReplayEnvelope & { live: boolean; error?: { code: string } } };
  };

  it("serves a live match's recording so far, then the finished match's, which re-simulates to the stored result", { timeout: 90_000 }, async () => {
    const [alice, bob] = [await user("alice"), await user("bob")];
    const matchId = await playingDuel(alice, bob);
    // Alice follows the ball, Bob stands still: the rallies end, and the recording has inputs.
    const stops = [trackBall(alice, "player1")];
    // Two seconds of play: snapshots (once a second) carry the recording along.
    await nextState(alice.game, (state) => state.tick >= 150);
    const live = await get(matchId);
    expect(live).toMatchObject({ status: 200, cacheControl: "no-store", body: { live: true, version: 1, seed: matchId, points_to_win: 2 } });
    expect(live.body.ticks).toBeGreaterThanOrEqual(60);
    const liveReplay = decodeRecording(live.body);
    if (!liveReplay.ok) throw new Error(liveReplay.error);
    expect(liveReplay.replay.inputs.length).toBeGreaterThan(0);
    // The recording so far is the match so far: re-simulated, it reaches the snapshot's tick and score.
    expect(resimulate(liveReplay.replay).reachedRecordedEnd).toBe(true);

    const final = await nextState(alice.game, (state) => state.status === "finished");
    stops.forEach((stop) => stop());
    await expect.poll(async () => (await get(matchId)).body.live, { timeout: 10_000 }).toBe(false);
    const stored = await get(matchId);
    expect(stored).toMatchObject({ status: 200, cacheControl: expect.stringContaining("immutable"), body: { final_score: { player1: final.player1.score, player2: final.player2.score } } });
    const decoded = decodeRecording(stored.body);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.replay.ticks).toBe(final.tick);
    const timeline = resimulate(decoded.replay);
    expect(timeline.reachedRecordedEnd).toBe(true);
    expect(timeline.points.at(-1)?.score).toEqual({ player1: final.player1.score, player2: final.player2.score });
  });

  it("serves an empty live recording for a match not started yet; answers 404 no_replay for a match that does not exist, 404 for a malformed id", async () => {
    const [alice, bob] = [await user("alice"), await user("bob")];
    const matchId = await agreeDuel(alice, bob);
    expect(await get(matchId)).toMatchObject({ status: 200, body: { live: true, ticks: 0, inputs: "" } });
    expect(await get(999_999)).toMatchObject({ status: 404, body: { error: { code: "no_replay" } } });
    expect(await get("abc")).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});
