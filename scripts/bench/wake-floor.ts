// The control for tick lateness: a thread that does nothing but sleep on a futex until 60 Hz
// deadlines, as the simulation thread does, and records how late it wakes. Run beside the server
// at the same priority, it shows the floor the machine's scheduler sets under the same load.
// Sampling starts at the first line on stdin and stops at the second; prints percentiles as JSON.
import { createInterface } from "node:readline";
import { TICK_MS } from "../../lib/domain/game/constants";
import { percentiles } from "../../lib/engine/percentiles";

const wake = new Int32Array(new SharedArrayBuffer(4));
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

await lines.next();
const lateness: number[] = [];
let stop = false;
void lines.next().then(() => (stop = true));
let nextTickAt = performance.now() + TICK_MS;
while (!stop) {
  Atomics.wait(wake, 0, 0, Math.max(0, nextTickAt - performance.now()));
  const now = performance.now();
  lateness.push(now - nextTickAt);
  nextTickAt += TICK_MS;
  if (nextTickAt <= now) nextTickAt = now + TICK_MS;
  // Let the stdin line through: the event loop runs between waits.
  await new Promise((resolve) => setImmediate(resolve));
}
console.log(JSON.stringify(percentiles(lateness.slice(-3_600))));
