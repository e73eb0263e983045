import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PendingCloses } from "./pending-closes";

describe("PendingCloses", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs a deferred close after the delay", () => {
    const closes = new PendingCloses(100);
    const close = vi.fn();
    closes.defer(7, close);
    vi.advanceTimersByTime(99);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(close).toHaveBeenCalledTimes(1);
    expect(closes.size).toBe(0);
  });

  it("a new session for the same match cancels the pending close, whoever deferred it", () => {
    const closes = new PendingCloses(100);
    const close = vi.fn();
    closes.defer(7, close);
    vi.advanceTimersByTime(50);
    expect(closes.cancel(7)).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(close).not.toHaveBeenCalled();
    expect(closes.cancel(7)).toBe(false);
  });

  it("keeps other matches' closes", () => {
    const closes = new PendingCloses(100);
    const first = vi.fn();
    const second = vi.fn();
    closes.defer(1, first);
    closes.defer(2, second);
    closes.cancel(1);
    vi.advanceTimersByTime(100);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("deferring again for the same match replaces the pending close and restarts the delay", () => {
    const closes = new PendingCloses(100);
    const old = vi.fn();
    const latest = vi.fn();
    closes.defer(7, old);
    vi.advanceTimersByTime(60);
    closes.defer(7, latest);
    vi.advanceTimersByTime(60);
    expect(latest).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(old).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
  });

  it("clear drops every pending close", () => {
    const closes = new PendingCloses(100);
    const close = vi.fn();
    closes.defer(1, close);
    closes.defer(2, close);
    closes.clear();
    vi.advanceTimersByTime(1_000);
    expect(close).not.toHaveBeenCalled();
    expect(closes.size).toBe(0);
  });
});
