"use client";
// "Play now" (quick pairing): a button that enters the pool, then "Looking for an opponent… (N
// waiting, 0:12)" with Cancel. The lobby shows it in full; the nav shows it compact, rendered
// into the nav's slot through a portal (the nav is outside the realtime provider).
import { useEffect, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { Button } from "@/components/ui/Button";
import { waitedText } from "@/lib/client/seek-machine";
import { useQuickPlay } from "./context";

/** The nav's placeholder for the compact button (components/NavMenu.tsx). */
export const QUICK_PLAY_SLOT = "nav-quick-play";

/** The wait's clock, redrawn every second while waiting. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function QuickPlay({ compact = false }: { compact?: boolean }) {
  const pairing = useQuickPlay();
  const waiting = pairing?.state.phase === "waiting" || pairing?.state.phase === "leaving";
  const now = useNow(waiting);
  if (!pairing) return null;
  const { state } = pairing;
  const testId = compact ? "nav-quick-play" : "quick-play";

  if (state.phase === "waiting" || state.phase === "leaving") {
    const cancel = (
      <Button variant="secondary" size="sm" onClick={pairing.cancel} disabled={state.phase === "leaving"}>
        Cancel
      </Button>
    );
    if (compact) {
      // The nav has room for the wait only; it is on every page, so it alone announces the wait (not every second).
      return (
        <div className="flex items-center gap-1" data-testid={testId}>
          <span role="status" className="sr-only">
            Looking for an opponent, {state.poolSize} waiting
          </span>
          <time className="px-1 text-sm tabular-nums text-emerald-300" title="Looking for an opponent">
            {waitedText(state, now)}
          </time>
          {cancel}
        </div>
      );
    }
    return (
      <div className="flex flex-wrap items-center gap-3" data-testid={testId}>
        <p className="text-slate-200 tabular-nums" data-testid={`${testId}-status`}>
          Looking for an opponent… ({state.poolSize} waiting, {waitedText(state, now)})
        </p>
        {cancel}
        {state.error && (
          <p role="alert" className="basis-full text-sm text-rose-300">
            {state.error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className={compact ? "flex items-center" : "flex flex-wrap items-center gap-3"} data-testid={testId}>
      <Button size={compact ? "sm" : "lg"} onClick={pairing.seek} disabled={state.phase === "starting"} className="whitespace-nowrap">
        Play now
      </Button>
      {!compact && state.phase === "idle" && state.error && (
        <p role="alert" className="text-sm text-rose-300">
          {state.error}
        </p>
      )}
    </div>
  );
}

const subscribeNothing = () => () => {};

/** The compact QuickPlay in the nav's slot, once the page is in the browser. */
export function NavQuickPlay() {
  const slot = useSyncExternalStore(
    subscribeNothing,
    () => document.getElementById(QUICK_PLAY_SLOT),
    () => null,
  );
  return slot ? createPortal(<QuickPlay compact />, slot) : null;
}
