// Who is online (has a page open: a /game socket) and who is in a game. Counts live in the store
// so every process agrees; changes are announced on a store channel and each process pushes the
// fresh list to its own /chat sockets.
import type { PresenceMessage, PresenceUser } from "../protocol/chat";
import { keys } from "../store/keys";
import type { LiveStore } from "../store/types";

const field = (id: number, username: string) => `${id}:${username}`;

export async function userConnected(store: LiveStore, id: number, username: string): Promise<void> {
  if ((await store.hashIncrement(keys.presence, field(id, username), 1)) === 1) await announcePresenceChange(store);
}

export async function userDisconnected(store: LiveStore, id: number, username: string): Promise<void> {
  if ((await store.hashIncrement(keys.presence, field(id, username), -1)) <= 0) await announcePresenceChange(store);
}

export async function isOnline(store: LiveStore, id: number, username: string): Promise<boolean> {
  return Number((await store.hashGetAll(keys.presence))[field(id, username)] ?? 0) > 0;
}

export async function isBusy(store: LiveStore, id: number): Promise<boolean> {
  return Number((await store.hashGetAll(keys.busy))[id] ?? 0) > 0;
}

/** Marks players as in a game (+1) or out of it (-1). */
export async function setInGame(store: LiveStore, userIds: number[], delta: 1 | -1): Promise<void> {
  await Promise.all(userIds.map((id) => store.hashIncrement(keys.busy, String(id), delta)));
  await announcePresenceChange(store);
}

export function announcePresenceChange(store: LiveStore): Promise<void> {
  return store.publish(keys.presenceChannel, "");
}

export async function presenceList(store: LiveStore): Promise<PresenceMessage> {
  const [online, busy] = await Promise.all([store.hashGetAll(keys.presence), store.hashGetAll(keys.busy)]);
  const users: PresenceUser[] = Object.entries(online)
    .filter(([, count]) => Number(count) > 0)
    .map(([key]): PresenceUser => {
      const separator = key.indexOf(":");
      const id = Number(key.slice(0, separator));
      return { id, username: key.slice(separator + 1), status: Number(busy[id] ?? 0) > 0 ? "in_game" : "online" };
    })
    .sort((a, b) => a.username.localeCompare(b.username));
  return { type: "presence", users };
}
