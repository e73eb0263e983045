// Time left before a deadline, as epoch milliseconds on this browser's clock.

/** Whole seconds left at `now`, rounded up so that 0 means the time is up. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** How long until `secondsLeft` next changes, or null once it is 0. */
export function msUntilNextSecond(deadline: number, now: number): number | null {
  const remaining = deadline - now;
  if (remaining <= 0) return null;
  return remaining % 1000 || 1000;
}

/** "1:05", "0:09". */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * What a "your match is ready" notice says about the time to enter the match. The deadline is the
 * match's no-show deadline: past it, a player whose opponent came in first still has time.
 */
export function joinCountdownText(seconds: number): string {
  return seconds > 0 ? `${formatCountdown(seconds)} left to join` : "Join now if your opponent is in";
}
