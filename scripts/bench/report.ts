// What the in-process benchmarks (pairing.ts, replay.ts) share: quantiles, timed runs, the
// machine's description and noise, and plain-text tables.
import { availableParallelism, cpus, loadavg } from "node:os";

export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
export const median = (samples: readonly number[]) => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]) => quantile(samples, 0.95);

/** Times `runs` calls of `run` (ms each), after `warmup` untimed ones for the JIT. */
export function timeRuns(run: () => unknown, runs: number, warmup: number): number[] {
  for (let k = 0; k < warmup; k++) run();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

/** The machine's noise: a fixed CPU task (sorting the same 200,000 numbers) timed `runs` times. */
export function sortNoise(random: () => number, runs: number, warmup: number): number[] {
  const numbers = Float64Array.from({ length: 200_000 }, () => random());
  return timeRuns(() => numbers.slice().sort(), runs, warmup);
}

export const machine = () =>
  `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), load ${loadavg().map((l) => l.toFixed(2)).join(" ")}, Node ${process.version}`;

export const ms = (value: number) => `${value.toFixed(2)} ms`;

const pad = (cells: string[], widths: number[]) => cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join("  ");
export function table(header: string[], rows: string[][]) {
  const widths = header.map((_, k) => Math.max(...[header, ...rows].map((row) => row[k]!.length)));
  console.log(pad(header, widths));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(pad(row, widths));
  console.log();
}
