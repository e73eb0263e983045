"use client";
// Seconds left before a deadline (epoch ms, this browser's clock), re-rendering each time the
// shown second changes. Null while server-rendering and hydrating (the clocks differ), and without
// a deadline.
import { useCallback, useSyncExternalStore } from "react";
import { msUntilNextSecond, secondsLeft } from "@/lib/client/countdown";

export function useSecondsLeft(deadline: number | null): number | null {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (deadline === null) return () => {};
      let timer: ReturnType<typeof setTimeout> | undefined;
      const schedule = () => {
        const wait = msUntilNextSecond(deadline, Date.now());
        if (wait === null) return;
        timer = setTimeout(() => {
          changed();
          schedule();
        }, wait);
      };
      schedule();
      return () => clearTimeout(timer);
    },
    [deadline],
  );
  return useSyncExternalStore(
    subscribe,
    () => (deadline === null ? null : secondsLeft(deadline, Date.now())),
    () => null,
  );
}
