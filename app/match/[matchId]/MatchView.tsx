"use client";
// A match seen by one of its players or by a spectator: the session (useMatchSession) joins it and
// streams its state; this view lays out the header, the status line, the field with its overlays
// and the controls under it. Players always see their own paddle at the bottom.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CountdownOverlay, PauseOverlay, ReadyOverlay, ScoreTag } from "@/components/match/FieldOverlays";
import { LeaveMatch, MatchErrorCard } from "@/components/match/LeaveMatch";
import { MatchHeader } from "@/components/match/MatchHeader";
import { PongCanvas } from "@/components/match/PongCanvas";
import { ResultPanel } from "@/components/match/ResultPanel";
import { useGameSocket, useMatchCloses, useRealtimeStatus } from "@/components/realtime/context";
import { useMatchSession } from "@/lib/client/hooks/useMatchSession";
import { useMatchInput } from "@/lib/client/hooks/useMatchInput";
import { outcomeOf, statusText, type Names, type StoredResult } from "@/lib/client/match-text";
import { sameName } from "@/lib/client/names";
import { request } from "@/lib/client/socket";
import { otherSlot } from "@/lib/domain/lists";
import type { PlayerSlot } from "@/lib/protocol/game";

export type { StoredResult };

interface MatchViewProps {
  matchId: number;
  viewer: { id: number; name: string };
  /** The viewer's slot according to the match row; null for a spectator. */
  viewerSlot: PlayerSlot | null;
  player1: string;
  /** Null only for a tournament bye. */
  player2: string | null;
  result: StoredResult | null;
}

export function MatchView({ matchId, viewer, viewerSlot, player1, player2, result }: MatchViewProps) {
  const router = useRouter();
  const socket = useGameSocket();
  const connection = useRealtimeStatus();
  const { deferClose, cancelClose } = useMatchCloses();
  const connected = connection === "connected";
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  // A match that was over when the page loaded has nothing live to join: its stored result is shown.
  const endedBeforeLoad = result !== null;
  const viewerName = viewer.name;
  const { buffer, game, role, join, notice, setNotice } = useMatchSession({ socket, connected, matchId, viewerName, viewerSlot, endedBeforeLoad, deferClose, cancelClose });

  const slot = role === "spectator" ? null : role;
  const mirrored = slot === "player2";
  const bottom: PlayerSlot = mirrored ? "player2" : "player1";
  const top = otherSlot(bottom);
  const names: Names = { player1: game?.player1.username ?? player1, player2: game?.player2.username ?? player2 ?? "—" };
  const status = game?.status ?? null;

  const input = useMatchInput({
    socket,
    slot,
    mirrored,
    status: connected ? status : null,
    canvas,
    serverPosition: () => (slot ? (buffer.latest()?.[slot].position ?? null) : null),
  });

  const outcome = outcomeOf(game, result);
  if (join.kind === "failed" && !outcome) return <MatchErrorCard message={join.message} />;

  const scoreOf = (of: PlayerSlot) => game?.[of].score ?? outcome?.scores[of] ?? 0;
  const live = !outcome && status !== null;
  const showReady = slot !== null && connected && game?.status === "waiting" && game[slot].registered && !game[slot].ready;
  const leave = async () => {
    if (!socket) return "Not connected to the game server.";
    const left = await request((ack) => socket.emit("leave_match", { type: "leave_match", match_id: matchId }, ack));
    if (!left.ok) return left.error.message;
    router.push("/");
    return null;
  };

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-3">
      <MatchHeader
        bottomName={names[bottom]}
        topName={names[top]}
        spectating={role === "spectator"}
        // The count only means something while the match runs and this page is in its room.
        spectators={live && join.kind === "joined" && game ? game.spectators : null}
        connection={endedBeforeLoad ? null : connection}
      />
      <div className="min-h-11">
        <p data-testid="match-status" role="status" className="text-center text-sm font-medium text-slate-200 sm:text-base">
          {statusText({ game, slot, connection, join, ended: outcome !== null })}
        </p>
        {notice && (
          <p role="alert" className="mt-1 text-center text-sm text-rose-300">
            {notice}
          </p>
        )}
      </div>

      <PongCanvas
        buffer={buffer}
        ownSlot={slot}
        mirrored={mirrored}
        predictOwnPaddle={input.advance}
        onCanvas={setCanvas}
        label={slot ? `Pong field: your paddle is the green one at the bottom, ${names[top]} plays at the top` : `Pong field: ${names.player2} at the top, ${names.player1} at the bottom`}
      >
        <ScoreTag slot={top} name={names[top]} score={scoreOf(top)} own={slot === top} place="top" />
        <ScoreTag slot={bottom} name={names[bottom]} score={scoreOf(bottom)} own={slot === bottom} place="bottom" />
        {showReady && slot && <ReadyOverlay matchId={matchId} slot={slot} socket={socket} onError={setNotice} />}
        {!outcome && game?.status === "countdown" && game.countdown !== null && <CountdownOverlay value={game.countdown} />}
        {!outcome && game?.status === "paused" && <PauseOverlay paused={game.paused} self={slot !== null && game.paused !== null && sameName(game.paused.player, game[slot].username)} />}
        {outcome && <ResultPanel outcome={outcome} names={names} viewerName={viewerName} slot={slot} hasOpponent={player2 !== null} />}
      </PongCanvas>

      <div className="flex min-h-11 flex-wrap items-center justify-center gap-3 text-sm text-slate-400">
        {slot && live && join.kind === "joined" && (
          <>
            <p className="hidden sm:block">Move with ← → or A / D, or drag on the field.</p>
            <p className="sm:hidden">Drag on the field to move.</p>
            <LeaveMatch onLeave={leave} />
          </>
        )}
        {!slot && !outcome && (
          <Link href="/" className="rounded-md px-3 py-2 text-emerald-400 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-400">
            Stop watching
          </Link>
        )}
      </div>
    </div>
  );
}
