// Determinism, checked on every match an integration suite played: each finished match that
// started play has a replay, and re-simulating it in this process reaches exactly the result
// the server stored (score and ending tick).
import { expect } from "vitest";
import { decodeRecording, resimulate } from "@/lib/domain/replay";
import type { TestApi } from "./app";

interface StoredMatch {
  match_id: number;
  status: string;
  started_at: string | null;
  forfeit_reason: string | null;
  player1: { score: number };
  player2: { score: number } | null;
}

/** Match ids come from a sequence: past this many missing ids in a row, there are no more. */
const ID_GAP = 10;

/** Checks every match of the server's database; returns how many replays it re-simulated. */
export async function expectReplaysMatchResults(api: Pick<TestApi, "matchJson" | "replay">): Promise<number> {
  let checked = 0;
  for (let id = 1, missing = 0; missing < ID_GAP; id++) {
    const match = (await api.matchJson(id)) as StoredMatch | null;
    if (!match) {
      missing++;
      continue;
    }
    missing = 0;
    const over = match.status === "finished" || match.status === "forfeited";
    // "interrupted": the embedded default called it off at a restart, its live state (and recording) gone with the process.
    if (!over || match.started_at === null || match.player2 === null || match.forfeit_reason === "interrupted") continue;
    const envelope = await api.replay(id);
    expect(envelope, `match ${id} (${match.status}) has a replay`).not.toBeNull();
    const decoded = decodeRecording(envelope);
    if (!decoded.ok) throw new Error(`match ${id}: its replay does not decode: ${decoded.error}`);
    const timeline = resimulate(decoded.replay);
    const score = { player1: match.player1.score, player2: match.player2.score };
    expect(decoded.replay.finalScore, `match ${id}: the replay's score is the stored one`).toEqual(score);
    expect({ tick: timeline.final.tick, player1: timeline.final.paddles.player1.score, player2: timeline.final.paddles.player2.score }, `match ${id} re-simulates to its result`).toEqual({
      tick: decoded.replay.ticks,
      ...score,
    });
    checked++;
  }
  return checked;
}
