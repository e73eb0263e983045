"use client";
// The time left to enter a ready tournament match, counting down each second. A timer role is
// not announced on every tick.
import { joinCountdownText } from "@/lib/client/countdown";
import { useSecondsLeft } from "@/lib/client/hooks/useSecondsLeft";

/** `deadline`: epoch ms on this browser's clock. */
export function JoinCountdown({ deadline, className = "" }: { deadline: number; className?: string }) {
  const left = useSecondsLeft(deadline);
  if (left === null) return null;
  return (
    <span role="timer" aria-live="off" data-testid="join-countdown" className={`font-semibold tabular-nums ${left > 0 ? "text-amber-200" : "text-rose-200"} ${className}`}>
      {joinCountdownText(left)}
    </span>
  );
}
