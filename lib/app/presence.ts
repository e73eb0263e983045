// Who is online (has a page open: a /game socket, counted by each process's ledger) and who is in
// a game (the busy hash: user id → the match they play). Changes are announced on a store channel
// and each process pushes the fresh list to its own /chat sockets.
import type { PresenceMessage, PresenceUser } from "../protocol/chat";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";

export async function isBusy(store: LiveStore, id: number): Promise<boolean> {
  return (await store.hashGet(keys.busy, String(id))) !== null;
}

/** Marks players as playing `matchId`. */
export async function markInGame(store: LiveStore, userIds: number[], matchId: number): Promise<void> {
  await Promise.all(userIds.map((id) => store.hashSet(keys.busy, String(id), String(matchId))));
  await announcePresenceChange(store);
}

/** The match is over for its players (whoever writes it last, the marks go). */
export async function markOutOfGame(store: LiveStore, userIds: number[]): Promise<void> {
  await Promise.all(userIds.map((id) => store.hashDelete(keys.busy, String(id))));
  await announcePresenceChange(store);
}

/**
 * Drops busy marks of matches that are no longer live: a process that stopped between a result
 * and its clean-up would otherwise leave its players "in a game" for ever. Marks are written after
 * the match is listed as live, so a match being created is never caught in between.
 */
export async function dropStaleBusyMarks(store: LiveStore): Promise<void> {
  // Marks first: any mark read was written after its match was listed, so the list read next has it unless it ended.
  const busy = await store.hashGetAll(keys.busy);
  const live = await store.hashGetAll(keys.liveMatches);
  const stale = Object.entries(busy).filter(([, matchId]) => !(matchId in live));
  if (stale.length === 0) return;
  await markOutOfGame(
    store,
    stale.map(([userId]) => Number(userId)),
  );
}

export function announcePresenceChange(store: LiveStore): Promise<void> {
  return store.publish(keys.presenceChannel, "");
}

/** Who has a page open, as "<id>:<username>" (the process ledgers know). */
export interface OnlineUsers {
  onlineUsers(): Promise<Set<string>>;
}

export async function presenceList(store: LiveStore, ledger: OnlineUsers): Promise<PresenceMessage> {
  const [online, busy] = await Promise.all([ledger.onlineUsers(), store.hashGetAll(keys.busy)]);
  const users: PresenceUser[] = [...online]
    .map((key): PresenceUser => {
      const separator = key.indexOf(":");
      const id = Number(key.slice(0, separator));
      return { id, username: key.slice(separator + 1), status: busy[id] !== undefined ? "in_game" : "online" };
    })
    .sort((a, b) => a.username.localeCompare(b.username));
  return { type: "presence", users };
}
