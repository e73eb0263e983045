"use client";
// Join, Start and Leave (confirmed while the tournament runs, since leaving then forfeits), with
// the hint that says why an action is not there and the last action's error.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/Button";
import type { TournamentAction } from "@/lib/client/hooks/useTournamentChannel";
import { sameName } from "@/lib/client/names";
import { TOURNAMENT_MIN_PLAYERS, type TournamentJson } from "@/lib/protocol/tournament";
import type { TournamentViewer } from "./viewer";

function LeaveConfirm({ pending, onConfirm, onCancel }: { pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Focus the safe choice: an accidental Enter must not forfeit.
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="leave-confirm-text"
      data-testid="leave-confirm"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      className="flex w-full flex-col gap-3 rounded-lg border border-rose-500/40 bg-rose-500/10 p-4 sm:flex-row sm:items-center"
    >
      <p id="leave-confirm-text" className="flex-1 text-sm text-rose-100">
        Leaving forfeits your current and future matches.
      </p>
      <div className="flex gap-2">
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? "Leaving…" : "Yes, leave"}
        </Button>
        <Button ref={cancelRef} variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

export function ActionBar({
  tournament,
  viewer,
  pending,
  error,
  onAction,
}: {
  tournament: TournamentJson;
  viewer: TournamentViewer | null;
  pending: TournamentAction | null;
  error: string | null;
  onAction: (action: TournamentAction) => Promise<boolean>;
}) {
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const { status, players, max_players: maxPlayers } = tournament;
  const me = viewer ? players.find((player) => sameName(player.username, viewer.name)) : undefined;
  const isCreator = sameName(tournament.creator, viewer?.name);
  const full = players.length >= maxPlayers;
  const enough = players.length >= TOURNAMENT_MIN_PLAYERS;

  const canJoin = viewer !== null && !me && status === "open" && !full;
  // An eliminated player has no match left to forfeit: leaving would change nothing.
  const canLeave = !!me && (status === "open" || (status === "running" && !me.eliminated));
  const canStart = isCreator && status === "open";
  const busy = pending !== null;

  async function leave() {
    if (status === "running" && !confirmingLeave) return setConfirmingLeave(true);
    const ok = await onAction("leave");
    if (ok) setConfirmingLeave(false);
  }

  const hint =
    status !== "open"
      ? null
      : !viewer
        ? null
        : canStart && !enough
          ? `At least ${TOURNAMENT_MIN_PLAYERS} players are needed to start.`
          : !me && full
            ? "This tournament is full."
            : !isCreator
              ? `Waiting for ${tournament.creator} to start the tournament.`
              : null;

  if (!viewer && status === "open") {
    return (
      <Link href={`/login/?callbackUrl=/tournaments/${tournament.tournament_id}/`} className={buttonClass()}>
        Log in to join
      </Link>
    );
  }
  if (!canJoin && !canLeave && !canStart && !hint && !error) return null;

  return (
    <div className="space-y-3" data-testid="tournament-actions">
      {confirmingLeave && canLeave ? (
        <LeaveConfirm pending={pending === "leave"} onConfirm={() => void leave()} onCancel={() => setConfirmingLeave(false)} />
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          {canJoin && (
            <Button onClick={() => void onAction("join")} disabled={busy}>
              {pending === "join" ? "Joining…" : "Join"}
            </Button>
          )}
          {canStart && (
            <Button onClick={() => void onAction("start")} disabled={busy || !enough} aria-describedby={hint ? "tournament-action-hint" : undefined}>
              {pending === "start" ? "Starting…" : "Start"}
            </Button>
          )}
          {canLeave && (
            <Button variant="secondary" onClick={() => void leave()} disabled={busy}>
              {pending === "leave" ? "Leaving…" : "Leave"}
            </Button>
          )}
          {hint && (
            <p id="tournament-action-hint" className="text-sm text-slate-400" data-testid="tournament-action-hint">
              {hint}
            </p>
          )}
        </div>
      )}
      {error && (
        <p role="alert" data-testid="tournament-action-error" className="rounded-md border border-rose-500/40 bg-rose-500/10 px-3 py-2 text-sm text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}
