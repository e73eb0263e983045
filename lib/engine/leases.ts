// The ownership of a match: exactly one process runs it, the one holding its lease in the store.
// The owner renews its leases; a process that stops gives them up, and one that dies lets them
// expire, so another process can take the match over.
import { isOver } from "../domain/game/lifecycle";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";
import { readSnapshot, type Snapshot } from "./match-store";

export const LEASE_MS = 5_000;
export const LEASE_RENEW_MS = 2_000;

/** Another process saved this snapshot within a lease's time: it is alive and runs the match. */
const savedByLiveOwner = (snapshot: Snapshot, processId: string) =>
  snapshot.owner !== undefined && snapshot.owner !== processId && Date.now() - (snapshot.savedAt ?? 0) < LEASE_MS;

/** This process's side of the match leases. */
export class MatchLeases {
  constructor(
    private readonly store: LiveStore,
    private readonly processId: string,
  ) {}

  /** The process holding the match's lease; null when nobody does. */
  holder(matchId: number): Promise<string | null> {
    return this.store.get(keys.matchOwner(matchId));
  }

  /** The process running a match: the lease holder, or while the lease is missing, the one that saved its latest snapshot. */
  async ownerOf(matchId: number): Promise<string | null> {
    const lease = await this.holder(matchId);
    if (lease !== null) return lease;
    const snapshot = await readSnapshot(this.store, matchId);
    return snapshot && savedByLiveOwner(snapshot, this.processId) ? snapshot.owner! : null;
  }

  /**
   * Takes the lease of a stored, live-listed match that nobody runs: the snapshot it was taken
   * on, or null when the match is not this process's to take. A snapshot that is over but still
   * listed is one whose owner stopped before its clean-up, perhaps before writing the result:
   * the taker finishes it (writing a result is idempotent).
   */
  async take(matchId: number): Promise<Snapshot | null> {
    const snapshot = await readSnapshot(this.store, matchId);
    if (!snapshot) {
      await this.store.hashDelete(keys.liveMatches, String(matchId));
      return null;
    }
    // Over and cleaned up (a late command for a finished match): nothing to do.
    if (isOver(snapshot.match) && (await this.store.hashGet(keys.liveMatches, String(matchId))) === null) return null;
    // Its owner saved it moments ago: the lease is missing only because the store lost it, and
    // that owner will take it again. Two processes running one match would both broadcast.
    if (savedByLiveOwner(snapshot, this.processId)) return null;
    const won = await this.store.set(keys.matchOwner(matchId), this.processId, { onlyIfAbsent: true, ttlMs: LEASE_MS });
    return won ? snapshot : null;
  }

  /**
   * Renews a lease this process holds. `regained`: it had vanished (the store lost it) and is
   * this process's again, though the store may have lost the match's state with it; `lost`:
   * another process holds it now.
   */
  async renew(matchId: number): Promise<"renewed" | "regained" | "lost"> {
    const lease = keys.matchOwner(matchId);
    if (await this.store.compareAndSet(lease, this.processId, this.processId, { ttlMs: LEASE_MS })) return "renewed";
    // Gone rather than taken: the store lost it.
    if (await this.store.set(lease, this.processId, { onlyIfAbsent: true, ttlMs: LEASE_MS })) return "regained";
    return "lost";
  }

  /** Gives the lease up (when this process still holds it): the match is over or handed over. */
  async release(matchId: number): Promise<void> {
    await this.store.del(keys.matchOwner(matchId), this.processId);
  }
}
