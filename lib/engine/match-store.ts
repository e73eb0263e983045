// A live match as kept in the store: the lifecycle state, the broadcast sequence number, who is
// connected, and its recording (for the replay). Written by the match's owner; read by anyone
// (join_match, late spectators, the replay of a match still being played).
import { createLiveMatch, type LiveMatch, type NewMatch } from "../domain/game/lifecycle";
import type { PlayerSlot } from "../domain/game/types";
import { createRecording, type Recording } from "../domain/replay";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";

/**
 * A recording as a snapshot carries it: its sealed chunks are written once each, apart
 * (keys.matchReplayChunks), and the snapshot says only how many of them it follows. A snapshot
 * written every second stays small however long the match.
 */
export type StoredRecording = Omit<Recording, "sealed"> & { sealedCount: number };

export interface Snapshot {
  match: LiveMatch;
  seq: number;
  connected: Record<PlayerSlot, boolean>;
  spectators: number;
  /** Null when the recording was lost (its chunks missing after the store lost them): the match has no replay. */
  recording: StoredRecording | null;
  /** The process that saved it while running the match, and when (epoch ms); absent once handed over. */
  owner?: string;
  savedAt?: number;
}

/** A snapshot's JSON (made on the simulation thread) signed by the process that runs the match. */
export function signedSnapshot(json: string, owner: string, savedAt: number): string {
  return `{"owner":${JSON.stringify(owner)},"savedAt":${savedAt},${json.slice(1)}`;
}

export const storedRecording = ({ sealed, ...rest }: Recording): StoredRecording => ({ ...rest, sealedCount: sealed.length });

/** Stores a new match and lists it as live; a process's runner picks it up within seconds. */
export async function saveNewMatch(store: LiveStore, match: NewMatch): Promise<void> {
  const live = createLiveMatch(match, Date.now());
  const recording = storedRecording(createRecording({ seed: match.matchId, pointsToWin: match.pointsToWin }));
  const snapshot: Snapshot = { match: live, seq: 0, connected: { player1: false, player2: false }, spectators: 0, recording };
  await store.set(keys.matchState(match.matchId), JSON.stringify(snapshot));
  await store.hashSet(keys.liveMatches, String(match.matchId), "1");
}

export async function readSnapshot(store: LiveStore, matchId: number): Promise<Snapshot | null> {
  const raw = await store.get(keys.matchState(matchId));
  return raw === null ? null : (JSON.parse(raw) as Snapshot);
}

/** Writes a sealed chunk of a match's recording; writing it again (a new owner) is harmless. */
export async function saveRecordingChunk(store: LiveStore, matchId: number, index: number, chunk: string): Promise<void> {
  await store.hashSet(keys.matchReplayChunks(matchId), String(index), chunk);
}

/**
 * The whole recording a snapshot stands for: its sealed chunks read back from the store. Null
 * when it has none, or when a chunk it follows is missing (the store lost it): better no replay
 * than one that drifts. Chunks past the snapshot's count (saved by an owner that died after it)
 * are left out, so the recording and the state it resumes from are at the same moment.
 */
export async function loadRecording(store: LiveStore, matchId: number, stored: StoredRecording | null | undefined): Promise<Recording | null> {
  if (!stored) return null;
  const { sealedCount, ...rest } = stored;
  const chunks = sealedCount === 0 ? {} : await store.hashGetAll(keys.matchReplayChunks(matchId));
  const sealed: string[] = [];
  for (let index = 0; index < sealedCount; index++) {
    const chunk = chunks[String(index)];
    if (chunk === undefined) return null;
    sealed.push(chunk);
  }
  return { ...rest, sealed };
}

export async function deleteRecordingChunks(store: LiveStore, matchId: number): Promise<void> {
  await store.del(keys.matchReplayChunks(matchId));
}
