// What keeps the main thread's work waiting, for the runner's stats: tick messages of the
// simulation thread before their states go out, and the main thread's own event loop.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { percentiles } from "./percentiles";

/** The event-loop delay monitor samples every 10 ms. */
const LOOP_DELAY_RESOLUTION_MS = 10;
/** Relay delays kept for the stats: about a minute of tick messages. */
const RELAY_WINDOW = 3_600;

export interface MainThreadDelayStats {
  /** How long tick messages waited for the main thread before their states went out (ms). */
  relayDelay: { p50: number; p99: number; max: number; samples: number };
  /** The main thread's event-loop delay (ms) since the previous stats() call: socket traffic, encoding, GC. */
  eventLoopDelay: { p50: number; p99: number; max: number };
}

export class MainThreadDelays {
  private readonly relayDelays: number[] = [];
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });

  /** `observe`: also told each relay delay, in seconds (the metrics' histogram). */
  constructor(private readonly observe: (seconds: number) => void = () => {}) {}

  start(): void {
    this.loopDelay.enable();
  }

  stop(): void {
    this.loopDelay.disable();
  }

  /** A tick message, sent at `sentAt` (performance.timeOrigin + now on the simulation thread), is being relayed now. */
  relayed(sentAt: number): void {
    const delay = performance.timeOrigin + performance.now() - sentAt;
    this.relayDelays.push(delay);
    this.observe(delay / 1000);
    if (this.relayDelays.length > RELAY_WINDOW) this.relayDelays.shift();
  }

  /** The delays so far; the event-loop delay starts again from here. */
  read(): MainThreadDelayStats {
    return { relayDelay: percentiles(this.relayDelays), eventLoopDelay: this.readLoopDelay() };
  }

  private readLoopDelay(): MainThreadDelayStats["eventLoopDelay"] {
    // The histogram holds whole intervals of its sampling timer: the delay is what exceeds it.
    const ms = (nanoseconds: number) => (Number.isFinite(nanoseconds) ? Math.max(0, nanoseconds / 1e6 - LOOP_DELAY_RESOLUTION_MS) : 0);
    const delay = { p50: ms(this.loopDelay.percentile(50)), p99: ms(this.loopDelay.percentile(99)), max: ms(this.loopDelay.max) };
    this.loopDelay.reset();
    return delay;
  }
}
