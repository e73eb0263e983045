"use client";
// What is drawn over the Pong field: the score tags, a point's flash, Ready, the 3-2-1 countdown and
// the pause. The point cues animate only for viewers who allow motion (motion-safe).
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { request, type GameSocket } from "@/lib/client/socket";
import type { GameData, PlayerSlot } from "@/lib/protocol/game";

/**
 * Name and score beside the centre line, on the half of the field where that player defends.
 * `pulse` changes with each point this player scores while the page watches: the score pops.
 */
export function ScoreTag({ slot, name, score, own, place, pulse }: { slot: PlayerSlot; name: string; score: number; own: boolean; place: "top" | "bottom"; pulse: number | null }) {
  return (
    <div
      className={`pointer-events-none absolute left-3 flex max-w-[60%] flex-col ${
        place === "top" ? "top-[calc(50%_-_0.75rem)] -translate-y-full" : "top-[calc(50%_+_0.75rem)] flex-col-reverse"
      }`}
    >
      <span className={`truncate text-xs font-medium sm:text-sm ${own ? "text-emerald-300" : "text-slate-400"}`}>{own ? `${name} (you)` : name}</span>
      <span
        key={pulse ?? "still"}
        data-testid={`score-${slot}`}
        className={`origin-left font-mono text-3xl font-bold tabular-nums sm:text-4xl ${own ? "text-emerald-300/90" : "text-white/80"} ${
          pulse === null ? "" : "transition-transform duration-500 ease-out motion-safe:starting:scale-150"
        }`}
      >
        {score}
      </span>
    </div>
  );
}

/** A short red glow on the half of the field that just conceded a point (remount it to replay). */
export function PointFlash({ place }: { place: "top" | "bottom" }) {
  return (
    <div
      aria-hidden
      data-testid="point-flash"
      className={`pointer-events-none absolute inset-x-0 h-1/2 from-rose-500/50 to-transparent opacity-0 transition-opacity duration-700 ease-out motion-safe:starting:opacity-100 ${
        place === "top" ? "top-0 rounded-t-lg bg-linear-to-b" : "bottom-0 rounded-b-lg bg-linear-to-t"
      }`}
    />
  );
}

export function ReadyOverlay({ matchId, slot, socket, onError }: { matchId: number; slot: PlayerSlot; socket: GameSocket | null; onError: (message: string | null) => void }) {
  const [pending, setPending] = useState(false);
  const sendReady = async () => {
    if (!socket) return;
    setPending(true);
    onError(null);
    const response = await request((ack) => socket.emit("ready", { type: "ready", player: slot, match_id: matchId }, ack));
    setPending(false);
    if (!response.ok) onError(`Could not declare ready: ${response.error.message}`);
  };
  return (
    <div className="absolute inset-x-0 top-1/2 flex -translate-y-1/2 justify-center">
      <Button size="lg" onClick={() => void sendReady()} disabled={pending} className="shadow-lg shadow-emerald-500/20">
        Ready
      </Button>
    </div>
  );
}

export function CountdownOverlay({ value }: { value: number }) {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg bg-slate-950/40">
      <span key={value} data-testid="countdown" className="text-8xl motion-safe:animate-pulse font-extrabold tabular-nums text-emerald-300 drop-shadow-lg sm:text-9xl">
        {value}
      </span>
    </div>
  );
}

/** The match waits for an absent player; their seconds run out into a forfeit ("disconnect"). */
export function PauseOverlay({ paused, self }: { paused: GameData["paused"]; self: boolean }) {
  return (
    <div data-testid="pause-overlay" className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg bg-slate-950/70 p-4 backdrop-blur-[2px]">
      <div className="max-w-full text-center">
        <p className="truncate text-base font-semibold text-amber-300 sm:text-lg">{self ? "Paused" : paused ? `${paused.player} disconnected` : "Match paused"}</p>
        {/* The server re-sends the state a few times a second while paused, so this ticks down on its own. */}
        {paused && (
          <p className="my-2 font-mono text-7xl font-extrabold tabular-nums text-white drop-shadow-lg sm:text-8xl">
            {paused.seconds_left}
            <span className="sr-only"> seconds left</span>
          </p>
        )}
        <p className="mt-1 text-sm text-slate-300">{self ? "Resuming…" : "The match resumes when they are back"}</p>
      </div>
    </div>
  );
}
