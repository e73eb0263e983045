import { describe, expect, it } from "vitest";
import { initialSeekState, seekReducer, waitedText, type SeekState } from "./seek-machine";

const waiting = (state: SeekState) => {
  if (state.phase !== "waiting" && state.phase !== "leaving") throw new Error(`not waiting: ${state.phase}`);
  return state;
};

describe("seekReducer", () => {
  it("goes from idle to waiting on the acknowledgement, and counts the wait on this tab's clock", () => {
    const started = seekReducer(seekReducer(initialSeekState, { type: "start" }), { type: "started", poolSize: 3, now: 10_000 });
    expect(started).toEqual({ phase: "waiting", poolSize: 3, waitedMs: 0, at: 10_000 });
    expect(waitedText(waiting(started), 22_500)).toBe("0:12");
    expect(waitedText(waiting(started), 10_000 + 75_000)).toBe("1:15");
  });

  it("takes another tab's wait from seek_status, and the pool's size from seek_pool", () => {
    const other = seekReducer(initialSeekState, { type: "status", message: { type: "seek_status", seeking: true, pool_size: 2, waited_ms: 5_000 }, now: 1_000 });
    expect(waitedText(waiting(other), 2_000)).toBe("0:06");
    // The acknowledgement of a seek racing it does not reset the wait.
    expect(seekReducer(other, { type: "started", poolSize: 9, now: 1_500 })).toBe(other);
    expect(waiting(seekReducer(other, { type: "pool", message: { type: "seek_pool", pool_size: 7 } })).poolSize).toBe(7);
    // A pool size while idle is someone else's news.
    expect(seekReducer(initialSeekState, { type: "pool", message: { type: "seek_pool", pool_size: 7 } })).toBe(initialSeekState);
  });

  it("ends the wait when the server says so, when paired, and says why a seek was refused", () => {
    const started = seekReducer(initialSeekState, { type: "started", poolSize: 1, now: 0 });
    const leaving = seekReducer(started, { type: "cancel" });
    expect(leaving.phase).toBe("leaving");
    expect(seekReducer(leaving, { type: "status", message: { type: "seek_status", seeking: false }, now: 1 })).toEqual(initialSeekState);
    expect(seekReducer(started, { type: "found" })).toEqual(initialSeekState);
    expect(seekReducer({ phase: "starting" }, { type: "failed", message: "Finish your current match first" })).toEqual({ phase: "idle", error: "Finish your current match first" });
  });

  it("ends the wait on Cancel's answer even without seek_status, and gives Cancel back when it failed", () => {
    const leaving = seekReducer(seekReducer(initialSeekState, { type: "started", poolSize: 1, now: 0 }), { type: "cancel" });
    expect(seekReducer(leaving, { type: "cancelled", ok: true })).toEqual(initialSeekState);
    const failed = waiting(seekReducer(leaving, { type: "cancelled", ok: false, message: "The server did not answer." }));
    expect(failed.phase).toBe("waiting");
    expect(failed.error).toBe("The server did not answer.");
    // A late answer after the wait already ended (paired meanwhile) changes nothing.
    expect(seekReducer(initialSeekState, { type: "cancelled", ok: false, message: "x" })).toBe(initialSeekState);
  });
});
