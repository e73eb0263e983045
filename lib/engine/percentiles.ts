// Percentiles of latency samples, for the runner's and the loop's stats.

/** Percentiles over a window of samples (ms). */
export function percentiles(samples: readonly number[]): { p50: number; p99: number; max: number; samples: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0, samples: sorted.length };
}
