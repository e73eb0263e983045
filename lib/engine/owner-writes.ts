// What the process running a match writes about it to the store, besides its lease (leases.ts):
// snapshots, signed so that other processes can tell its owner is alive, and everything again
// after the store lost it.
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";
import type { Logger } from "../infra/log";
import { publishLiveSummary, summarize } from "../app/live-matches";
import { markInGame } from "../app/presence";
import { saveRecordingChunk, signedSnapshot, type Snapshot } from "./match-store";
import type { HandoverSnapshot } from "./loop/match-loop";

export class OwnerWrites {
  constructor(
    private readonly store: LiveStore,
    private readonly processId: string,
    private readonly log: Logger,
  ) {}

  /** Writes a snapshot, signed by this process while it runs the match (unsigned when handed over). */
  async snapshot(matchId: number, json: string, { ttlMs, handover = false }: { ttlMs?: number; handover?: boolean } = {}): Promise<void> {
    const value = handover ? json : signedSnapshot(json, this.processId, Date.now());
    await this.store
      .set(keys.matchState(matchId), value, ttlMs === undefined ? {} : { ttlMs })
      .catch((error: Error) => this.log.error(`match ${matchId} snapshot: ${error.message}`));
  }

  /** Writes a newly sealed chunk of the match's recording (docs/REPLAY.md). */
  async recordingChunk(matchId: number, index: number, chunk: string): Promise<void> {
    await saveRecordingChunk(this.store, matchId, index, chunk).catch((error: Error) => this.log.error(`match ${matchId} recording chunk ${index}: ${error.message}`));
  }

  /** Writes again what the store lost of a match this process runs: recording chunks, state, live listing, busy marks, Live now line. */
  async rewrite({ matchId, json, chunks }: HandoverSnapshot): Promise<void> {
    const { match, spectators } = JSON.parse(json) as Snapshot;
    for (const [index, chunk] of chunks.entries()) await this.recordingChunk(matchId, index, chunk);
    await this.snapshot(matchId, json);
    await this.store.hashSet(keys.liveMatches, String(matchId), "1");
    await markInGame(this.store, [match.players.player1.id, match.players.player2.id], matchId);
    await publishLiveSummary(this.store, matchId, summarize(match, spectators));
  }
}
