// The time left before a deadline the server gave as an absolute ISO time, read with this
// browser's clock: the same deadline shows the same time left after a reload.

/** Whole seconds left at `now` (epoch ms), rounded up so that 0 means the time is up. */
export function secondsLeft(deadline: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
}

/** How long until `secondsLeft` next changes, or null once it is 0. */
export function msUntilNextSecond(deadline: string, now: number): number | null {
  const remaining = Date.parse(deadline) - now;
  if (remaining <= 0) return null;
  return remaining % 1000 || 1000;
}

/** "1:05", "0:09". */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** What a "your match is ready" notice says about the time to enter the match. */
export function joinCountdownText(seconds: number): string {
  return seconds > 0 ? `${formatCountdown(seconds)} left to join` : "Time to join is up";
}
