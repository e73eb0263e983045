"use client";
// A match seen by one of its players or by a spectator: the session (useMatchSession) joins it and
// streams its state; this view lays out the header, the status line, the field with its overlays
// and the controls. Players always see their own paddle at the bottom. The whole field is always
// on screen: upright the parts stack around it, sideways they sit in a column beside it, and on
// small screens the match covers the page (nav included) as a play mode with its own way out.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { CountdownOverlay, PauseOverlay, PointFlash, ReadyOverlay, ScoreTag } from "@/components/match/FieldOverlays";
import { LeaveMatch, MatchErrorCard } from "@/components/match/LeaveMatch";
import { MatchHeader } from "@/components/match/MatchHeader";
import { liveFrames, PongCanvas, type FrameSource } from "@/components/match/PongCanvas";
import { ReplayControls } from "@/components/replay/ReplayControls";
import { useRewind } from "@/components/replay/useRewind";
import { Button, buttonClass } from "@/components/ui/Button";
import { measureStageTop } from "@/components/match/stage";
import { ResultPanel } from "@/components/match/ResultPanel";
import { SoundToggle, useMatchSound } from "@/components/match/SoundToggle";
import { useGameSocket, useMatchCloses, useRealtimeStatus } from "@/components/realtime/context";
import type { GameEvent } from "@/lib/client/game-events";
import { useMatchSession } from "@/lib/client/hooks/useMatchSession";
import { useRatingChange } from "@/lib/client/hooks/useRatingChange";
import { useMatchInput } from "@/lib/client/hooks/useMatchInput";
import { outcomeOf, statusText, type Names, type StatusLine, type StoredResult } from "@/lib/client/match-text";
import { sameName } from "@/lib/client/names";
import { request } from "@/lib/client/socket";
import { otherSlot, type AiLevel } from "@/lib/domain/lists";
import type { PlayerSlot } from "@/lib/protocol/game";

export type { StoredResult };

/** Play mode: the `play-mode` variant's query (app/globals.css), for script. */
const PLAY_MODE = "(max-width: 639px), (max-height: 639px)";

const STAGE = [
  // In the page's flow: as tall as the window leaves below what is above it (--stage-top, measured).
  "mx-auto grid w-full gap-3 h-[calc(100dvh-var(--stage-top,8rem)-2rem)] min-h-96",
  "grid-cols-1 grid-rows-[auto_auto_minmax(0,1fr)_auto] landscape:grid-cols-[minmax(0,1fr)_17rem] landscape:grid-rows-[auto_auto_minmax(0,1fr)]",
  // Play mode: the same grid over the whole screen, above the nav; toasts and dialogs come later
  // in the page, so above it.
  "play-mode:fixed play-mode:inset-0 play-mode:z-40 play-mode:h-auto play-mode:min-h-0 play-mode:gap-2 play-mode:bg-slate-950 play-mode:p-2",
].join(" ");

function setUpStage(stage: HTMLDivElement | null) {
  if (!stage) return;
  const stopMeasuring = measureStageTop(stage);
  const uncover = inertWhileCovered(stage);
  return () => {
    stopMeasuring();
    uncover();
  };
}

/** In play mode what the stage covers (skip link, nav, footer) leaves the Tab order and the accessibility tree. */
function inertWhileCovered(stage: HTMLElement): () => void {
  const media = window.matchMedia(PLAY_MODE);
  const main = stage.closest("main");
  const covered = Array.from(main?.parentElement?.children ?? []).filter(
    (element) => element !== main && !element.hasAttribute("inert") && element.tagName !== "SCRIPT" && element.tagName !== "NEXT-ROUTE-ANNOUNCER",
  );
  const apply = () => covered.forEach((element) => element.toggleAttribute("inert", media.matches));
  apply();
  media.addEventListener("change", apply);
  return () => {
    media.removeEventListener("change", apply);
    covered.forEach((element) => element.removeAttribute("inert"));
  };
}

function StatusLineText({ line }: { line: StatusLine }) {
  if (typeof line === "string") return line;
  // A timer is not a live region: the text around it is announced when it changes, not each second.
  return (
    <>
      {line.text} <span role="timer">{line.clock}</span>
    </>
  );
}

interface MatchViewProps {
  matchId: number;
  viewer: { id: number; name: string };
  /** The viewer's slot according to the match row; null for a spectator. */
  viewerSlot: PlayerSlot | null;
  player1: string;
  /** Null only for a tournament bye. */
  player2: string | null;
  result: StoredResult | null;
  /** Play had begun when the page loaded (the match has or will have a replay). */
  startedBeforeLoad: boolean;
  /** A practice match: the AI's level. */
  practiceLevel: AiLevel | null;
}

type Point = { id: number; scorer: PlayerSlot; scores: Record<PlayerSlot, number> };

export function MatchView({ matchId, viewer, viewerSlot, player1, player2, result, startedBeforeLoad, practiceLevel }: MatchViewProps) {
  const router = useRouter();
  const socket = useGameSocket();
  const connection = useRealtimeStatus();
  const { deferClose, cancelClose } = useMatchCloses();
  const connected = connection === "connected";
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  // The last point scored while this page watched: replays the flash and the score's pulse.
  const [point, setPoint] = useState<Point | null>(null);
  const sound = useMatchSound();
  // A match that was over when the page loaded has nothing live to join: its stored result is shown.
  const endedBeforeLoad = result !== null;
  const viewerName = viewer.name;
  const onEvents = (events: GameEvent[]) => {
    for (const event of events) {
      if (event.type !== "point") {
        sound.play(event.type);
        continue;
      }
      setPoint((last) => ({ id: (last?.id ?? 0) + 1, scorer: event.scorer, scores: event.scores }));
      // Rising notes for the viewer's own point (a spectator's every point), falling for the other's.
      sound.play(viewerSlot === null || event.scorer === viewerSlot ? "score" : "concede");
    }
  };
  const { buffer, game, role, join, notice, setNotice } = useMatchSession({ socket, connected, matchId, viewerName, viewerSlot, endedBeforeLoad, onEvents, deferClose, cancelClose });

  const frames = useMemo(() => liveFrames(buffer), [buffer]);
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
  const ratings = useRatingChange(matchId, outcome !== null, socket);
  const rewind = useRewind(matchId, names);
  const live = !outcome && status !== null;
  // A spectator of a live match may rewind it; the match's end brings everyone back to it.
  const replay = role === "spectator" && live ? rewind.player : null;
  const replayFrames = useMemo<FrameSource | null>(() => replay && { sample: (now) => replay.sample(now) }, [replay]);
  if (join.kind === "failed" && !outcome) return <MatchErrorCard message={join.message} />;

  const scoreOf = (of: PlayerSlot) => (replay && rewind.clock ? rewind.clock.score[of] : (game?.[of].score ?? outcome?.scores[of] ?? 0));
  const seated = slot !== null && live && join.kind === "joined";
  const showReady = slot !== null && connected && game?.status === "waiting" && game[slot].registered && !game[slot].ready;
  const leave = async () => {
    if (!socket) return "Not connected to the game server.";
    const left = await request((ack) => socket.emit("leave_match", { type: "leave_match", match_id: matchId }, ack));
    if (!left.ok) return left.error.message;
    router.push("/");
    return null;
  };

  const conceded = point ? otherSlot(point.scorer) : null;
  return (
    <div ref={setUpStage} className={STAGE} data-testid="match-stage">
      <MatchHeader
        className="landscape:col-start-2 landscape:row-start-1"
        bottomName={names[bottom]}
        topName={names[top]}
        spectating={role === "spectator"}
        // The count only means something while the match runs and this page is in its room.
        spectators={live && join.kind === "joined" && game ? game.spectators : null}
        connection={endedBeforeLoad ? null : connection}
      />
      <div className="min-h-6 landscape:col-start-2 landscape:row-start-2">
        <p data-testid="match-status" role="status" className="text-center text-sm font-medium text-slate-200 sm:text-base landscape:text-left">
          {replay ? "Rewound: press Live to return to the match." : <StatusLineText line={statusText({ game, slot, connection, join, ended: outcome !== null })} />}
        </p>
        {notice && (
          <p role="alert" className="mt-1 text-center text-sm text-rose-300 landscape:text-left">
            {notice}
          </p>
        )}
        {/* Always in the page, so that each point's new text is announced. */}
        <p className="sr-only" role="status">
          {point ? `Point to ${names[point.scorer]}: ${names.player1} ${point.scores.player1}, ${names.player2} ${point.scores.player2}` : ""}
        </p>
      </div>

      <PongCanvas
        frames={replayFrames ?? frames}
        ownSlot={slot}
        mirrored={mirrored}
        predictOwnPaddle={input.advance}
        onCanvas={setCanvas}
        className="landscape:col-start-1 landscape:row-span-3 landscape:row-start-1"
        label={slot ? `Pong field: your paddle is the green one at the bottom, ${names[top]} plays at the top` : `Pong field: ${names.player2} at the top, ${names.player1} at the bottom`}
      >
        {point && conceded && <PointFlash key={point.id} place={conceded === bottom ? "bottom" : "top"} />}
        <ScoreTag slot={top} name={names[top]} score={scoreOf(top)} own={slot === top} place="top" pulse={point?.scorer === top ? point.id : null} />
        <ScoreTag slot={bottom} name={names[bottom]} score={scoreOf(bottom)} own={slot === bottom} place="bottom" pulse={point?.scorer === bottom ? point.id : null} />
        {showReady && slot && <ReadyOverlay matchId={matchId} slot={slot} socket={socket} onError={setNotice} />}
        {!outcome && !replay && game?.status === "countdown" && game.countdown !== null && <CountdownOverlay value={game.countdown} />}
        {!outcome && !replay && game?.status === "paused" && <PauseOverlay paused={game.paused} self={slot !== null && game.paused !== null && sameName(game.paused.player, game[slot].username)} />}
        {outcome && <ResultPanel outcome={outcome} names={names} viewerName={viewerName} slot={slot} hasOpponent={player2 !== null} ratings={ratings} practiceLevel={practiceLevel} replayHref={startedBeforeLoad || (game?.tick ?? 0) > 0 ? `/match/${matchId}/replay/` : null} />}
      </PongCanvas>

      <div className="flex flex-wrap items-center justify-center gap-2 text-sm text-slate-400 sm:gap-3 landscape:col-start-2 landscape:row-start-3 landscape:flex-col landscape:items-start landscape:justify-start">
        {seated && (
          <>
            <p className="pointer-coarse:hidden">Move with ← → or A / D, or drag on the field.</p>
            <p className="hidden pointer-coarse:block">Drag on the field to move.</p>
          </>
        )}
        {replay && rewind.clock && (
          <ReplayControls player={replay} clock={rewind.clock} act={rewind.act} names={names}>
            <Button size="sm" onClick={rewind.live} data-testid="rewind-live">
              Live
            </Button>
          </ReplayControls>
        )}
        {role === "spectator" && live && !replay && (
          <Button size="sm" variant="secondary" onClick={() => void rewind.rewind()} disabled={rewind.loading} data-testid="rewind">
            {rewind.loading ? "Loading…" : "Rewind"}
          </Button>
        )}
        {rewind.error && (
          <p role="alert" className="text-rose-300">
            {rewind.error}
          </p>
        )}
        <SoundToggle on={sound.on} onToggle={sound.toggle} />
        {seated && <LeaveMatch onLeave={leave} />}
        {/* The way out when the nav is covered (play mode); a finished match's result has its own. */}
        {!seated && !outcome && (
          <Link href="/" className={buttonClass({ variant: "secondary" })}>
            {slot ? "Back to lobby" : "Stop watching"}
          </Link>
        )}
      </div>
    </div>
  );
}
