// Lists shared by every process (presence, live matches) change in the store; the process that
// changes one announces it on a channel, and each process pushes the fresh list to its own
// sockets. Announcements within a short window are sent as one list.
import type { LiveStore } from "../../infra/store/types";

const COALESCE_MS = 200;

export async function relayToLocalSockets<T>(store: LiveStore, channel: string, read: () => Promise<T>, send: (list: T) => void): Promise<() => Promise<void>> {
  let pending: NodeJS.Timeout | undefined;
  const unsubscribe = await store.subscribe(channel, () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      void read()
        .then(send)
        .catch(() => {});
    }, COALESCE_MS);
  });
  return async () => {
    clearTimeout(pending);
    await unsubscribe();
  };
}
