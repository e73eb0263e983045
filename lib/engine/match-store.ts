// A live match as kept in the store: the lifecycle state, the broadcast sequence number and who
// is connected. Written by the match's owner; read by anyone (join_match, late spectators).
import { createLiveMatch, type LiveMatch, type NewMatch } from "../domain/game/lifecycle";
import type { PlayerSlot } from "../domain/game/types";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";

export interface Snapshot {
  match: LiveMatch;
  seq: number;
  connected: Record<PlayerSlot, boolean>;
  spectators: number;
  /** The process that saved it while running the match, and when (epoch ms); absent once handed over. */
  owner?: string;
  savedAt?: number;
}

/** A snapshot's JSON (made on the simulation thread) signed by the process that runs the match. */
export function signedSnapshot(json: string, owner: string, savedAt: number): string {
  return `{"owner":${JSON.stringify(owner)},"savedAt":${savedAt},${json.slice(1)}`;
}

/** Stores a new match and lists it as live; a process's runner picks it up within seconds. */
export async function saveNewMatch(store: LiveStore, match: NewMatch): Promise<void> {
  const snapshot: Snapshot = { match: createLiveMatch(match, Date.now()), seq: 0, connected: { player1: false, player2: false }, spectators: 0 };
  await store.set(keys.matchState(match.matchId), JSON.stringify(snapshot));
  await store.hashSet(keys.liveMatches, String(match.matchId), "1");
}

export async function readSnapshot(store: LiveStore, matchId: number): Promise<Snapshot | null> {
  const raw = await store.get(keys.matchState(matchId));
  return raw === null ? null : (JSON.parse(raw) as Snapshot);
}
