// mulberry32: a tiny seeded PRNG. Its whole state is one unsigned 32-bit integer, kept in SimState
// so the simulation stays a pure function of its inputs and replays identically.

/** Turns any number into a valid PRNG state (its unsigned 32-bit integer part; NaN gives 0). */
export function seedRng(seed: number): number {
  return seed >>> 0;
}

/** Returns a float in [0, 1) and the state to use for the next draw. */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}
