// The simulation thread: runs the MatchLoop at a fixed 60 Hz (an accumulator over a monotonic
// clock) on a thread of its own, so ticks never queue behind socket traffic, encoding or garbage
// collection on the main thread. It talks to the main thread (link.ts) in batches only. This is
// the worker's entry file: nothing imports it.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { TICK_MS } from "../../domain/game/constants";
import { percentiles } from "../percentiles";
import { MatchLoop, type LoopEvent } from "./match-loop";
import type { FromLoop, LoopStats, LoopThreadData, ToLoop } from "./protocol";

/** After a stall longer than this, the loop skips ahead instead of replaying every missed tick. */
const MAX_CATCH_UP_TICKS = 10;
/** A one-minute window of tick lateness (3,600 ticks): recent enough to show the current load. */
const LATENESS_WINDOW = 3_600;
/** Lateness samples kept for the metrics between two scrapes: 5 minutes of ticks, then the oldest go. */
const UNDRAINED_LATENESS_LIMIT = 5 * 3_600;

class LoopThread {
  private readonly loop = new MatchLoop();
  private ticking = false;
  private nextTickAt = 0;
  private ticks = 0;
  private skippedTicks = 0;
  private loopStartedAt = 0;
  private ticksAtLoopStart = 0;
  private readonly lateness: number[] = [];
  private undrainedLateness: number[] = [];
  private handedOver = false;

  constructor(private readonly post: (message: FromLoop) => void) {}

  receive(batch: ToLoop[]): void {
    const events: LoopEvent[] = [];
    const replies: FromLoop["replies"] = [];
    const now = Date.now();
    for (const message of batch) {
      switch (message.op) {
        case "add":
          this.loop.add(message.match);
          break;
        case "remove":
          this.loop.remove(message.matchId);
          break;
        case "command": {
          const result = this.loop.apply(message.matchId, message.command, message.at, events);
          if (message.id !== undefined) replies.push({ id: message.id, value: result });
          break;
        }
        case "state":
          replies.push({ id: message.id, value: this.loop.gameState(message.matchId, now) });
          break;
        case "stats":
          replies.push({ id: message.id, value: this.stats() });
          break;
        case "drainLateness":
          replies.push({ id: message.id, value: this.undrainedLateness });
          this.undrainedLateness = [];
          break;
        case "snapshots":
          replies.push({ id: message.id, value: this.loop.unfinishedSnapshots() });
          break;
        case "handover":
          this.handedOver = true;
          replies.push({ id: message.id, value: this.loop.unfinishedSnapshots() });
          break;
      }
    }
    if (events.length || replies.length) this.send(events, replies);
  }

  private send(events: LoopEvent[], replies: FromLoop["replies"]): void {
    this.post({ events, replies, sentAt: performance.timeOrigin + performance.now() });
  }

  private stats(): LoopStats {
    // A hand-over read in the same batch of messages must already count: no ticks run after it.
    this.updateTicking();
    const minutes = (performance.now() - this.loopStartedAt) / 60_000;
    return {
      ticks: this.ticks,
      skippedTicks: this.skippedTicks,
      ticksPerMinute: !this.ticking || minutes <= 0 ? 0 : (this.ticks - this.ticksAtLoopStart) / minutes,
      lateness: percentiles(this.lateness),
    };
  }

  /**
   * The thread's whole life: take in what the main thread sent, run the ticks that are due, then
   * sleep on a futex until the next tick or until the main thread posts again (it bumps `wake`).
   * A futex wait is precise to microseconds where a Node timer is precise to a millisecond.
   */
  run(port: MessagePort, wake: Int32Array): never {
    for (;;) {
      const seen = Atomics.load(wake, 0);
      for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) this.receive(received.message as ToLoop[]);
      this.updateTicking();
      if (this.ticking) this.runDueTicks();
      Atomics.wait(wake, 0, seen, this.ticking ? Math.max(0, this.nextTickAt - performance.now()) : Infinity);
    }
  }

  /** Ticks run while there are matches; the tick clock restarts after an idle spell. */
  private updateTicking(): void {
    const shouldTick = this.loop.size > 0 && !this.handedOver;
    if (shouldTick && !this.ticking) {
      this.nextTickAt = performance.now() + TICK_MS;
      this.loopStartedAt = performance.now();
      this.ticksAtLoopStart = this.ticks;
    }
    this.ticking = shouldTick;
  }

  private runDueTicks(): void {
    const now = performance.now();
    const events: LoopEvent[] = [];
    let ran = 0;
    while (this.nextTickAt <= now && ran < MAX_CATCH_UP_TICKS) {
      this.lateness.push(now - this.nextTickAt);
      if (this.lateness.length > LATENESS_WINDOW) this.lateness.shift();
      if (this.undrainedLateness.length < UNDRAINED_LATENESS_LIMIT) this.undrainedLateness.push(now - this.nextTickAt);
      this.ticks++;
      this.loop.tick(Date.now(), events);
      this.nextTickAt += TICK_MS;
      ran++;
    }
    if (this.nextTickAt <= now) {
      this.skippedTicks += Math.floor((now - this.nextTickAt) / TICK_MS) + 1;
      this.nextTickAt = now + TICK_MS;
    }
    if (events.length) this.send(events, []);
  }
}

if (!parentPort) throw new Error("thread.ts is the simulation thread's entry: start it with startLoopThread (link.ts)");
const port = parentPort;
// Never returns: this thread does nothing else.
new LoopThread((message) => port.postMessage(message)).run(port, (workerData as LoopThreadData).wake);
