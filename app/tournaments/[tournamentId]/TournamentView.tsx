"use client";
// One tournament, live: the /tournament socket joins its room (the ack and every
// tournament_update replace the whole JSON), the action buttons call the HTTP endpoints (their
// answer is applied at once, without waiting for the broadcast), and the bracket is drawn from
// the JSON's rounds.
import { TournamentStatusBadge } from "@/components/TournamentStatusBadge";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Avatar } from "@/components/Avatar";
import { connectTournament, request } from "@/lib/client/socket";
import type { ApiError } from "@/lib/protocol/http";
import {
  TOURNAMENT_MIN_PLAYERS,
  type BracketMatchStatus,
  type RoundStart,
  type TournamentJson,
  type TournamentMatchJson,
} from "@/lib/protocol/tournament";

export interface TournamentViewer {
  id: number;
  name: string;
}

type Connection = "connecting" | "live" | "reconnecting" | "unavailable";
type ActionName = "join" | "leave" | "start";
type ActionResult = { ok: true; tournament: TournamentJson } | { ok: false; message: string };

const sameName = (a: string | null, b: string | null | undefined) => a !== null && !!b && a.toLowerCase() === b.toLowerCase();

const primaryButton =
  "min-h-11 rounded-md bg-emerald-500 px-5 py-2.5 font-semibold text-slate-950 hover:bg-emerald-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:cursor-not-allowed disabled:opacity-50";
const secondaryButton =
  "min-h-11 rounded-md border border-slate-600 px-5 py-2.5 font-semibold text-white hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-400 disabled:cursor-not-allowed disabled:opacity-50";
const dangerButton =
  "min-h-11 rounded-md bg-rose-600 px-5 py-2.5 font-semibold text-white hover:bg-rose-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:cursor-not-allowed disabled:opacity-50";

// ---- talking to the server -------------------------------------------------------------------

function isApiError(body: unknown): body is ApiError {
  return typeof body === "object" && body !== null && "error" in body && typeof body.error === "object" && body.error !== null && "message" in body.error;
}

function hasTournament(body: unknown): body is { tournament: TournamentJson } {
  return typeof body === "object" && body !== null && "tournament" in body && typeof body.tournament === "object" && body.tournament !== null;
}

async function postAction(tournamentId: number, action: ActionName): Promise<ActionResult> {
  let response: Response;
  try {
    response = await fetch(`/game/tournaments/${tournamentId}/${action}/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && hasTournament(body)) return { ok: true, tournament: body.tournament };
  if (isApiError(body)) return { ok: false, message: body.error.message };
  if (response.status === 401) return { ok: false, message: "Your session has expired. Log in again." };
  return { ok: false, message: `Something went wrong (error ${response.status}). Try again.` };
}

/** The room's live state: the JSON, the connection, and the latest round_start pairings. */
function useTournamentChannel(initial: TournamentJson) {
  const tournamentId = initial.tournament_id;
  const [tournament, setTournament] = useState(initial);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [channelError, setChannelError] = useState<string | null>(null);
  const [pairings, setPairings] = useState<RoundStart | null>(null);

  useEffect(() => {
    const socket = connectTournament();
    let disposed = false;

    // On every (re)connect: the room is per connection, and the ack brings what we missed.
    const join = async () => {
      const response = await request<{ tournament: TournamentJson }>((ack) =>
        socket.emit("join_tournament", { type: "join_tournament", tournament_id: tournamentId }, ack),
      );
      if (disposed) return;
      if (response.ok) {
        setTournament(response.tournament);
        setConnection("live");
        setChannelError(null);
      } else if (socket.connected) {
        setConnection("unavailable");
        setChannelError(response.error.message);
      }
      // Not connected any more: the next "connect" joins again.
    };

    socket.on("connect", () => void join());
    socket.on("disconnect", () => setConnection((current) => (current === "unavailable" ? current : "reconnecting")));
    socket.on("connect_error", (error) => {
      // An inactive socket was refused by the server (e.g. its middleware) and will not retry.
      if (socket.active) setConnection("reconnecting");
      else {
        setConnection("unavailable");
        setChannelError(error.message);
      }
    });
    socket.on("tournament_update", ({ tournament: next }) => {
      if (next.tournament_id === tournamentId) setTournament(next);
    });
    socket.on("round_start", (message) => {
      if (message.tournament_id === tournamentId) setPairings(message);
    });
    socket.on("tournament_end", ({ tournament_id, winner }) => {
      // The update that follows carries the full state; this only makes the result show at once.
      if (tournament_id !== tournamentId) return;
      setTournament((current) => (current.status === "running" ? { ...current, status: "finished", winner } : current));
    });
    socket.on("error", ({ message }) => setChannelError(message));
    if (socket.connected) void join();

    return () => {
      disposed = true;
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [tournamentId]);

  return { tournament, setTournament, connection, channelError, pairings };
}

// ---- small pieces ----------------------------------------------------------------------------

const connectionStyles: Record<Connection, { dot: string; label: string }> = {
  connecting: { dot: "bg-slate-400 animate-pulse", label: "Connecting…" },
  live: { dot: "bg-emerald-400", label: "Live" },
  reconnecting: { dot: "bg-amber-400 animate-pulse", label: "Reconnecting…" },
  unavailable: { dot: "bg-rose-500", label: "Live updates unavailable" },
};

function ConnectionIndicator({ connection, error }: { connection: Connection; error: string | null }) {
  const { dot, label } = connectionStyles[connection];
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <p role="status" data-testid="tournament-connection" data-state={connection} className="flex items-center gap-2 text-sm text-slate-300">
        <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${dot}`} />
        {label}
      </p>
      {error && connection === "unavailable" && <p className="max-w-xs text-xs text-rose-300 sm:text-right">{error}</p>}
    </div>
  );
}

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-800 bg-slate-900/60 px-3 py-2">
      <dt className="text-xs uppercase tracking-wider text-slate-400">{label}</dt>
      <dd className="font-semibold text-white tabular-nums wrap-anywhere" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

// ---- actions ---------------------------------------------------------------------------------

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
        <button type="button" onClick={onConfirm} disabled={pending} className={dangerButton}>
          {pending ? "Leaving…" : "Yes, leave"}
        </button>
        <button ref={cancelRef} type="button" onClick={onCancel} disabled={pending} className={secondaryButton}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ActionBar({
  tournament,
  viewer,
  pending,
  error,
  onAction,
}: {
  tournament: TournamentJson;
  viewer: TournamentViewer | null;
  pending: ActionName | null;
  error: string | null;
  onAction: (action: ActionName) => Promise<boolean>;
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
      <p className="text-slate-300">
        <Link href={`/login/?callbackUrl=/tournaments/${tournament.tournament_id}/`} className="font-semibold text-emerald-400 hover:underline">
          Log in to join
        </Link>
      </p>
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
            <button type="button" onClick={() => void onAction("join")} disabled={busy} className={primaryButton}>
              {pending === "join" ? "Joining…" : "Join"}
            </button>
          )}
          {canStart && (
            <button
              type="button"
              onClick={() => void onAction("start")}
              disabled={busy || !enough}
              aria-describedby={hint ? "tournament-action-hint" : undefined}
              className={primaryButton}
            >
              {pending === "start" ? "Starting…" : "Start"}
            </button>
          )}
          {canLeave && (
            <button type="button" onClick={() => void leave()} disabled={busy} className={secondaryButton}>
              {pending === "leave" ? "Leaving…" : "Leave"}
            </button>
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

// ---- result, pairings, players ---------------------------------------------------------------

function ResultBanner({ tournament }: { tournament: TournamentJson }) {
  if (tournament.status === "finished" && tournament.winner) {
    return (
      <p data-testid="champion" className="rounded-xl border border-amber-400/50 bg-amber-400/10 px-5 py-4 text-center text-xl font-bold text-amber-200 sm:text-2xl">
        🏆 {tournament.winner} is the champion
      </p>
    );
  }
  if (tournament.status === "finished") {
    return (
      <p data-testid="no-champion" className="rounded-xl border border-slate-700 bg-slate-900 px-5 py-4 text-center text-slate-300">
        The tournament finished without a champion: nobody reached the end.
      </p>
    );
  }
  if (tournament.status === "cancelled") {
    return (
      <p data-testid="tournament-cancelled" className="rounded-xl border border-rose-500/40 bg-rose-500/10 px-5 py-4 text-center text-rose-200">
        This tournament was cancelled.
      </p>
    );
  }
  return null;
}

function PairingsBox({ pairings }: { pairings: RoundStart }) {
  return (
    <section aria-labelledby="pairings-title" data-testid="round-pairings" className="rounded-lg border border-slate-800 bg-slate-900/60 p-4">
      <h2 id="pairings-title" className="mb-2 text-sm font-semibold uppercase tracking-wider text-slate-400">
        Round {pairings.round} pairings
      </h2>
      <ul className="space-y-1 font-mono text-sm text-slate-200">
        {pairings.pairings.map((line, index) => (
          <li key={`${index}-${line}`} className="wrap-anywhere">
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PlayersList({ tournament, viewer }: { tournament: TournamentJson; viewer: TournamentViewer | null }) {
  // Once seeded, the seed order is the bracket's order; before that, the join order.
  const players = [...tournament.players].sort((a, b) => (a.seed ?? Number.MAX_SAFE_INTEGER) - (b.seed ?? Number.MAX_SAFE_INTEGER));
  return (
    <section aria-labelledby="players-title" data-testid="tournament-players" className="rounded-xl border border-slate-800 bg-slate-900/60 p-4 sm:p-5">
      <h2 id="players-title" className="mb-3 text-sm font-semibold uppercase tracking-wider text-slate-400">
        Players{" "}
        <span className="font-normal normal-case tracking-normal text-slate-500">
          ({tournament.players.length}/{tournament.max_players})
        </span>
      </h2>
      {players.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-700 p-4 text-center text-sm text-slate-400">Nobody has joined yet.</p>
      ) : (
        <ul className="space-y-1">
          {players.map((player) => (
            <li
              key={player.username}
              data-testid="tournament-player"
              data-eliminated={player.eliminated ? "true" : undefined}
              className={`flex items-center gap-3 rounded-md px-2 py-1.5 ${player.eliminated ? "opacity-50" : ""}`}
            >
              {player.seed !== null && <span className="w-7 shrink-0 text-right font-mono text-xs text-slate-500">#{player.seed}</span>}
              <Avatar username={player.username} size="sm" />
              <Link
                href={`/users/${player.username}/`}
                className={`min-w-0 truncate font-medium hover:underline ${player.eliminated ? "text-slate-400 line-through" : "text-white"}`}
              >
                {player.username}
              </Link>
              <span className="ml-auto flex shrink-0 gap-1 text-xs">
                {sameName(player.username, viewer?.name) && <span className="rounded bg-emerald-500/15 px-1.5 py-0.5 text-emerald-300">you</span>}
                {sameName(player.username, tournament.creator) && <span className="rounded bg-slate-800 px-1.5 py-0.5 text-slate-300">creator</span>}
                {player.eliminated && <span className="text-slate-400">eliminated</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// ---- bracket ---------------------------------------------------------------------------------

/** Named by distance from the end: the last round is the Final whatever the field's size. */
function roundTitle(round: number, totalRounds: number): string {
  const fromEnd = totalRounds - round;
  if (fromEnd === 0) return "Final";
  if (fromEnd === 1) return "Semifinal";
  return `Round ${round}`;
}

const matchStatusLabel: Record<BracketMatchStatus, string> = {
  pending: "Waiting",
  ready: "Ready",
  playing: "Live",
  bye: "Bye",
  walkover: "Walkover",
  finished: "Finished",
  forfeited: "Forfeit",
  void: "Void",
};

const matchStatusStyle: Record<BracketMatchStatus, string> = {
  pending: "text-slate-500",
  ready: "text-sky-300",
  playing: "text-emerald-300",
  bye: "text-slate-400",
  walkover: "text-slate-400",
  finished: "text-slate-400",
  forfeited: "text-amber-300",
  void: "text-rose-300",
};

function emptySlotName(status: BracketMatchStatus): string {
  if (status === "bye") return "bye";
  if (status === "void" || status === "walkover" || status === "forfeited") return "—";
  return "TBD";
}

function MatchPlayerLine({ match, name, score }: { match: TournamentMatchJson; name: string | null; score: number | null }) {
  const decided = match.winner !== null;
  const won = decided && sameName(name, match.winner);
  const tone = name === null ? "italic text-slate-500" : won ? "font-semibold text-emerald-300" : decided ? "text-slate-500" : "text-slate-100";
  return (
    <div className={`flex items-center justify-between gap-2 px-3 py-1.5 ${won ? "bg-emerald-500/10" : ""}`}>
      <span className={`min-w-0 truncate ${tone}`}>
        {name ?? emptySlotName(match.status)}
        {won && <span className="sr-only"> (winner)</span>}
      </span>
      <span className={`shrink-0 font-mono tabular-nums ${won ? "text-emerald-300" : "text-slate-400"}`}>{score ?? ""}</span>
    </div>
  );
}

function MatchCard({ match, viewer }: { match: TournamentMatchJson; viewer: TournamentViewer | null }) {
  const mine = sameName(match.player1, viewer?.name) || sameName(match.player2, viewer?.name);
  const live = (match.status === "ready" || match.status === "playing") && match.match_id !== null;
  return (
    <li
      data-testid="bracket-match"
      data-round={match.round}
      data-slot={match.slot}
      data-status={match.status}
      className={`overflow-hidden rounded-lg border bg-slate-900 text-sm shadow ${mine ? "border-emerald-500/60" : "border-slate-700"}`}
    >
      <div className="divide-y divide-slate-800">
        <MatchPlayerLine match={match} name={match.player1} score={match.score1} />
        <MatchPlayerLine match={match} name={match.player2} score={match.score2} />
      </div>
      <div className="flex min-h-9 items-center justify-between gap-2 border-t border-slate-800 bg-slate-950/40 px-3 py-1 text-xs">
        <span className={`flex items-center gap-1.5 ${matchStatusStyle[match.status]}`} data-testid="bracket-match-status">
          {match.status === "playing" && <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-emerald-400" />}
          {matchStatusLabel[match.status]}
          {match.forfeit_reason && <span className="text-slate-500">({match.forfeit_reason.replaceAll("_", " ")})</span>}
        </span>
        {live && (
          <Link
            href={`/match/${match.match_id}/`}
            className={`-my-1 inline-flex min-h-8 items-center rounded px-2.5 font-semibold focus-visible:outline-2 focus-visible:outline-emerald-400 ${
              mine ? "bg-emerald-500 text-slate-950 hover:bg-emerald-400" : "text-emerald-400 hover:bg-slate-800"
            }`}
          >
            {mine ? "Play" : "Watch"}
          </Link>
        )}
      </div>
    </li>
  );
}

/** A future round the JSON does not hold yet: empty cards keep the bracket's shape. */
function PlaceholderCard() {
  return (
    <li data-testid="bracket-match-placeholder" className="rounded-lg border border-dashed border-slate-800 text-sm text-slate-600">
      <div className="px-3 py-1.5 italic">TBD</div>
      <div className="border-t border-dashed border-slate-800 px-3 py-1.5 italic">TBD</div>
    </li>
  );
}

function Bracket({ tournament, viewer }: { tournament: TournamentJson; viewer: TournamentViewer | null }) {
  const rounds = [...tournament.rounds].sort((a, b) => a.round - b.round);
  if (rounds.length === 0) {
    return (
      <p data-testid="bracket-empty" className="rounded-lg border border-dashed border-slate-700 p-6 text-center text-slate-400">
        {tournament.status === "open" ? "The bracket is drawn when the creator starts the tournament." : "There is no bracket for this tournament."}
      </p>
    );
  }
  // The server may only hold the rounds played so far: the field's size says how many there will be.
  const seeded = tournament.players.filter((player) => player.seed !== null).length || tournament.players.length;
  const totalRounds = Math.max(rounds.at(-1)?.round ?? 0, Math.ceil(Math.log2(Math.max(2, seeded))));
  const columns: { round: number; matches: TournamentMatchJson[] | null }[] = [];
  for (let round = 1; round <= totalRounds; round++) {
    columns.push({ round, matches: rounds.find((r) => r.round === round)?.matches ?? null });
  }

  return (
    // Focusable so keyboard users can scroll it sideways on narrow screens.
    <div data-testid="bracket" role="region" aria-label="Bracket" tabIndex={0} className="-mx-4 overflow-x-auto px-4 pb-2 focus-visible:outline-2 focus-visible:outline-emerald-400 sm:mx-0 sm:px-0">
      <ol className="flex min-w-max gap-4">
        {columns.map(({ round, matches }) => (
          <li key={round} className="flex w-56 shrink-0 flex-col" data-testid="bracket-round" data-round={round}>
            <h3 className={`mb-3 text-sm font-semibold ${round === tournament.current_round && tournament.status === "running" ? "text-emerald-300" : "text-slate-300"}`}>
              {roundTitle(round, totalRounds)}
            </h3>
            {/* justify-around spaces later rounds between the matches that feed them. */}
            <ul className="flex flex-1 flex-col justify-around gap-3">
              {matches
                ? [...matches].sort((a, b) => a.slot - b.slot).map((match) => <MatchCard key={`${match.round}-${match.slot}`} match={match} viewer={viewer} />)
                : Array.from({ length: 2 ** (totalRounds - round) }, (_, index) => <PlaceholderCard key={index} />)}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

// ---- the view --------------------------------------------------------------------------------

export function TournamentView({ initial, viewer }: { initial: TournamentJson; viewer: TournamentViewer | null }) {
  const { tournament, setTournament, connection, channelError, pairings } = useTournamentChannel(initial);
  const [pending, setPending] = useState<ActionName | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const runAction = useCallback(
    async (action: ActionName): Promise<boolean> => {
      setPending(action);
      setActionError(null);
      const result = await postAction(tournament.tournament_id, action);
      setPending(null);
      if (!result.ok) {
        setActionError(result.message);
        return false;
      }
      setTournament(result.tournament);
      return true;
    },
    [tournament.tournament_id, setTournament],
  );

  return (
    <div className="space-y-6">
      <header className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <Link href="/tournaments/" className="text-sm text-emerald-400 hover:underline">
              ← All tournaments
            </Link>
            <div className="mt-1 flex flex-wrap items-center gap-3">
              <h1 className="min-w-0 text-3xl font-bold text-white wrap-anywhere" data-testid="tournament-name">
                {tournament.name}
              </h1>
              <TournamentStatusBadge status={tournament.status} size="large" testId="tournament-status" />
            </div>
          </div>
          <ConnectionIndicator connection={connection} error={channelError} />
        </div>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Fact label="Creator">
            <Link href={`/users/${tournament.creator}/`} className="hover:underline">
              {tournament.creator}
            </Link>
          </Fact>
          <Fact label="Players" testId="tournament-player-count">
            {tournament.players.length}/{tournament.max_players}
          </Fact>
          <Fact label="Points to win">{tournament.points_to_win}</Fact>
          <Fact label="Round">{tournament.current_round > 0 ? tournament.current_round : "—"}</Fact>
        </dl>
        <ActionBar tournament={tournament} viewer={viewer} pending={pending} error={actionError} onAction={runAction} />
      </header>

      <ResultBanner tournament={tournament} />

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="bracket-title" className="min-w-0 space-y-4 lg:col-span-2">
          <h2 id="bracket-title" className="text-sm font-semibold uppercase tracking-wider text-slate-400">
            Bracket
          </h2>
          <Bracket tournament={tournament} viewer={viewer} />
          {pairings && <PairingsBox pairings={pairings} />}
        </section>
        <PlayersList tournament={tournament} viewer={viewer} />
      </div>
    </div>
  );
}
