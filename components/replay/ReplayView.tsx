"use client";
// A finished match played back in the browser: the recording re-simulated with the game's own
// code (lib/domain/replay), drawn on the match canvas, with play/pause, speed, a seek bar marked
// at every point, the keys (space, ← / →, `,` / `.`) and a link to the moment shown (?t=).
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { ScoreTag } from "@/components/match/FieldOverlays";
import { PongCanvas, type FrameSource } from "@/components/match/PongCanvas";
import { measureStageTop } from "@/components/match/stage";
import { Button, buttonClass } from "@/components/ui/Button";
import { loadReplay, type LoadedReplay } from "@/lib/client/replay-load";
import { ReplayPlayer } from "@/lib/client/replay-player";
import { TICK_RATE } from "@/lib/domain/game";
import type { PlayerSlot } from "@/lib/protocol/game";
import { ReplayControls } from "./ReplayControls";
import { useReplayClock, useReplayKeys } from "./useReplayClock";

const setUpStage = (stage: HTMLDivElement | null) => (stage ? measureStageTop(stage) : undefined);

interface ReplayViewProps {
  matchId: number;
  names: Record<PlayerSlot, string>;
  /** Where to open (?t=), in ticks; null: the start. */
  initialTick: number | null;
}

export function ReplayView({ matchId, names, initialTick }: ReplayViewProps) {
  const [loaded, setLoaded] = useState<LoadedReplay | null>(null);
  useEffect(() => {
    let current = true;
    void loadReplay(matchId).then((result) => current && setLoaded(result));
    return () => {
      current = false;
    };
  }, [matchId]);

  const player = useMemo(() => {
    if (!loaded?.ok) return null;
    const replay = new ReplayPlayer(loaded.timeline, { matchId, names });
    // Paused at creation: the time a seek is made at does not matter.
    if (initialTick !== null) replay.seek(initialTick, 0);
    return replay;
  }, [loaded, matchId, names, initialTick]);
  const frames = useMemo<FrameSource>(() => ({ sample: (now) => player?.sample(now) ?? null }), [player]);
  const { clock, act } = useReplayClock(player);
  useReplayKeys(act, player !== null);
  const [copied, setCopied] = useState<string | null>(null);

  if (loaded && !loaded.ok) {
    return (
      <section className="mx-auto max-w-md rounded-xl border border-slate-800 bg-slate-900 p-8 text-center">
        <h1 className="text-xl font-bold text-white">No replay to show</h1>
        <p role="alert" className="mt-2 text-slate-300">
          {loaded.message}
        </p>
        <Link href={`/match/${matchId}/`} className={buttonClass({ variant: "secondary", className: "mt-6" })}>
          Back to the match
        </Link>
      </section>
    );
  }

  const copyLink = async () => {
    if (!player || !clock) return;
    const seconds = Math.round((clock.tick / TICK_RATE) * 10) / 10;
    const link = `${window.location.origin}/match/${matchId}/replay/?t=${seconds}`;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(`Link copied: ${link}`);
    } catch {
      setCopied(`Copy this link: ${link}`);
    }
  };

  return (
    <div
      ref={setUpStage}
      data-testid="replay-stage"
      className="mx-auto grid h-[calc(100dvh-var(--stage-top,8rem)-2rem)] min-h-[36rem] w-full landscape:min-h-64 grid-cols-1 grid-rows-[auto_minmax(0,1fr)_auto] gap-3 landscape:grid-cols-[minmax(0,1fr)_20rem] landscape:grid-rows-[auto_minmax(0,1fr)]"
    >
      <header className="flex flex-wrap items-center gap-2 landscape:col-start-2 landscape:row-start-1">
        <h1 className="min-w-0 flex-1 text-lg font-bold text-white sm:text-xl wrap-anywhere">
          {names.player1} <span className="font-normal text-slate-400">vs</span> {names.player2}
        </h1>
        <span className="rounded-full border border-violet-500/40 bg-violet-500/10 px-2.5 py-1 text-xs font-semibold uppercase tracking-wider text-violet-300">Replay</span>
      </header>
      <PongCanvas
        frames={frames}
        ownSlot={null}
        mirrored={false}
        className="landscape:col-start-1 landscape:row-span-2 landscape:row-start-1"
        label={`Replay of ${names.player1} against ${names.player2}: ${names.player2} at the top, ${names.player1} at the bottom`}
      >
        {clock && (
          <>
            <ScoreTag slot="player2" name={names.player2} score={clock.score.player2} own={false} place="top" pulse={null} />
            <ScoreTag slot="player1" name={names.player1} score={clock.score.player1} own={false} place="bottom" pulse={null} />
          </>
        )}
        {!loaded && (
          <p role="status" className="absolute inset-0 flex items-center justify-center text-slate-300">
            Loading the replay…
          </p>
        )}
      </PongCanvas>
      <div className="flex min-w-0 flex-col gap-2 landscape:col-start-2 landscape:row-start-2">
        {player && clock && (
          <ReplayControls player={player} clock={clock} act={act} names={names}>
            <Button size="sm" variant="secondary" onClick={() => void copyLink()}>
              Copy link here
            </Button>
          </ReplayControls>
        )}
        <p role="status" className="min-h-5 text-xs break-all text-slate-400">
          {copied}
        </p>
        <p className="text-xs text-slate-400 pointer-coarse:hidden">Space plays or pauses, ← → move 5 s, , and . one frame.</p>
        <Link href={`/match/${matchId}/`} className={buttonClass({ variant: "secondary", size: "sm", className: "self-start" })}>
          Back to the result
        </Link>
      </div>
    </div>
  );
}
