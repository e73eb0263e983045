// Route handlers reach the process's realtime layer through globalThis (Next bundles them apart
// from server.ts). This file imports types only, so it pulls nothing into Next's bundles.
import type { Realtime } from "./create";

export function realtime(): Realtime {
  const instance = (globalThis as typeof globalThis & { __pongRealtime?: Realtime }).__pongRealtime;
  if (!instance) throw new Error("Realtime is not started: start the app with server.ts");
  return instance;
}
