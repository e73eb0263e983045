// Closes of a match deferred a moment, one socket's worth: a new session for the same match on the
// same socket cancels its pending close. React's development mode mounts every effect twice, and a
// player may leave the match page and come back at once: an old close landing after the new
// join_match would take the socket out of the room and count the player as away.

export class PendingCloses {
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number) {}

  /** Runs `close` after the delay unless cancelled first; replaces a close already pending for the match. */
  defer(matchId: number, close: () => void): void {
    this.cancel(matchId);
    const timer = setTimeout(() => {
      this.timers.delete(matchId);
      close();
    }, this.delayMs);
    this.timers.set(matchId, timer);
  }

  /** True when a close was pending for the match (it will not run). */
  cancel(matchId: number): boolean {
    const timer = this.timers.get(matchId);
    if (timer === undefined) return false;
    clearTimeout(timer);
    this.timers.delete(matchId);
    return true;
  }

  /** Drops every pending close: the socket they were for is gone. */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  get size(): number {
    return this.timers.size;
  }
}
