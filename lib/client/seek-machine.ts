// Quick pairing in this tab: idle, asking to wait, waiting (with the pool's size and how long),
// leaving. Pure: the provider feeds it the seek answers and the server's seek_status / seek_pool.
import type { SeekPool, SeekStatus } from "@/lib/protocol/game";

export type SeekState =
  | { phase: "idle"; error: string | null }
  | { phase: "starting" }
  | {
      phase: "waiting" | "leaving";
      poolSize: number;
      /** The wait as the server counted it at `at` (this tab's clock): no clock skew between them. */
      waitedMs: number;
      at: number;
      /** Why the last Cancel did not go through. */
      error?: string;
    };

export type SeekEvent =
  | { type: "start" }
  | { type: "started"; poolSize: number; now: number }
  | { type: "failed"; message: string }
  | { type: "cancel" }
  | { type: "cancelled"; ok: true }
  | { type: "cancelled"; ok: false; message: string }
  | { type: "status"; message: SeekStatus; now: number }
  | { type: "pool"; message: SeekPool }
  | { type: "found" };

export const initialSeekState: SeekState = { phase: "idle", error: null };

export function seekReducer(state: SeekState, event: SeekEvent): SeekState {
  switch (event.type) {
    case "start":
      return state.phase === "idle" ? { phase: "starting" } : state;
    case "started":
      // Another tab's seek_status may have come first: keep its count of the wait.
      return state.phase === "waiting" ? state : { phase: "waiting", poolSize: event.poolSize, waitedMs: 0, at: event.now };
    case "failed":
      return { phase: "idle", error: event.message };
    case "cancel":
      return state.phase === "waiting" ? { ...state, phase: "leaving", error: undefined } : state;
    case "cancelled":
      // The server's seek_status usually comes first; its answer alone must still end the wait
      // (or, when it did not go through, give the Cancel button back).
      if (state.phase !== "leaving") return state;
      return event.ok ? initialSeekState : { ...state, phase: "waiting", error: event.message };
    case "status":
      if (!event.message.seeking) return initialSeekState;
      return { phase: "waiting", poolSize: event.message.pool_size, waitedMs: event.message.waited_ms, at: event.now };
    case "pool":
      return state.phase === "waiting" || state.phase === "leaving" ? { ...state, poolSize: event.message.pool_size } : state;
    case "found":
      return initialSeekState;
  }
}

/** "0:12": how long the player has waited at `now`. */
export function waitedText(state: Extract<SeekState, { waitedMs: number }>, now: number): string {
  const seconds = Math.max(0, Math.floor((state.waitedMs + now - state.at) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
