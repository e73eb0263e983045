"use client";
// A match seen by one of its players or by a spectator. The seed's flow: the HTTP join tells a
// player their slot, join_match puts the socket in the match room (its ack gives the role and the
// current state), a player registers at once and declares ready with a button; game_state then
// streams in and feeds the canvas. Players always see their own paddle at the bottom.
import { EyeIcon } from "@/components/icons";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { PongCanvas } from "@/components/match/PongCanvas";
import { useChallenge, useGameSocket, useRealtimeStatus, type RealtimeStatus } from "@/components/realtime/context";
import { StateBuffer } from "@/lib/client/interpolation";
import { request, type GameSocket } from "@/lib/client/socket";
import { useMatchInput } from "@/lib/client/useMatchInput";
import type { ErrorBody } from "@/lib/protocol/common";
import type { GameData, GameStateMessage, MatchRole, PlayerSlotName } from "@/lib/protocol/game";

/** The result stored in the database, for a match that ended before the page was opened. */
export interface StoredResult {
  status: "finished" | "forfeited";
  scores: Record<PlayerSlotName, number>;
  winner: string | null;
  forfeitReason: string | null;
}

interface MatchViewProps {
  matchId: number;
  viewer: { id: number; name: string };
  /** The viewer's slot according to the match row; null for a spectator. */
  viewerSlot: PlayerSlotName | null;
  player1: string;
  /** Null only for a tournament bye. */
  player2: string | null;
  result: StoredResult | null;
}

type JoinState = { kind: "joining" } | { kind: "joined" } | { kind: "failed"; message: string };
type Names = Record<PlayerSlotName, string>;

const other = (slot: PlayerSlotName): PlayerSlotName => (slot === "player1" ? "player2" : "player1");
const sameName = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();
const isOver = (status: GameData["status"]) => status === "finished" || status === "forfeited";

const primaryButton =
  "min-h-11 rounded-md bg-emerald-500 px-5 py-2.5 font-semibold text-slate-950 hover:bg-emerald-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:cursor-wait disabled:opacity-60";
const secondaryButton =
  "min-h-11 rounded-md border border-slate-600 px-5 py-2.5 text-center font-semibold text-white hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-400 disabled:opacity-60";

// ---- talking to the server -------------------------------------------------------------------

const JOIN_RETRIES = 2;
const JOIN_RETRY_MS = 1_000;

type Seat = "player" | "spectator" | "missing" | "over" | "unknown";

/** The seed's HTTP join. Only "missing" stops the page; the socket's answer decides the role. */
async function claimSeat(matchId: number): Promise<Seat> {
  try {
    const response = await fetch(`/game/matches/${matchId}/join/`, { method: "POST" });
    if (response.ok) return "player";
    if (response.status === 403) return "spectator";
    if (response.status === 404) return "missing";
    if (response.status === 409) return "over";
    return "unknown";
  } catch {
    return "unknown";
  }
}

function joinError(error: ErrorBody): string {
  if (error.code === "not_found") return "This match is not live: it may have been cancelled.";
  return `Could not join the match: ${error.message}`;
}

/**
 * Leaving the page sends close_match: a player becomes absent (the match pauses for everyone with a
 * grace period, and resumes with a countdown when they are back), a spectator just leaves. Only the
 * "Leave match" button forfeits. React's development mode mounts every effect twice: the close is
 * deferred a moment and cancelled when the same match mounts again, so that rehearsal does not
 * pause the match.
 */
const pendingCloses = new Map<number, ReturnType<typeof setTimeout>>();

function cancelClose(matchId: number) {
  clearTimeout(pendingCloses.get(matchId));
  pendingCloses.delete(matchId);
}

function scheduleClose(socket: GameSocket, matchId: number) {
  cancelClose(matchId);
  const timer = setTimeout(() => {
    pendingCloses.delete(matchId);
    // socket.io buffers emits while offline: a stale close sent on reconnect would mark the next join absent.
    if (socket.connected) socket.emit("close_match", { type: "close_match", match_id: matchId }, () => {});
  }, 100);
  pendingCloses.set(matchId, timer);
}

/** What the page shows changes far less often than the 30 Hz stream: re-render only for these. */
function hudKey(state: GameData): string {
  const deadline = state.register_deadline_ms === null ? "" : Math.ceil(state.register_deadline_ms / 1000);
  const players = (["player1", "player2"] as const).map((slot) => {
    const p = state[slot];
    return [p.username, p.score, p.registered, p.ready, p.connected].join(",");
  });
  const paused = state.paused ? `${state.paused.player},${state.paused.seconds_left}` : "";
  return [state.status, state.countdown, deadline, paused, state.spectators, state.winner, state.forfeit_reason, ...players].join("|");
}

// ---- the view ----------------------------------------------------------------------------------

export function MatchView({ matchId, viewer, viewerSlot, player1, player2, result }: MatchViewProps) {
  const router = useRouter();
  const socket = useGameSocket();
  const connection = useRealtimeStatus();
  const connected = connection === "connected";
  const [buffer] = useState(() => new StateBuffer());
  const [game, setGame] = useState<GameData | null>(null);
  const [role, setRole] = useState<MatchRole>(viewerSlot ?? "spectator");
  const [join, setJoin] = useState<JoinState>({ kind: "joining" });
  const [notice, setNotice] = useState<string | null>(null);
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const hudKeyRef = useRef("");
  // A match that was over when the page loaded has nothing live to join: its stored result is shown.
  const endedBeforeLoad = result !== null;
  const viewerName = viewer.name;

  useEffect(() => {
    cancelClose(matchId);
    if (endedBeforeLoad || !socket || !connected) return;
    let cancelled = false;
    // After a reconnect the server's seq may not continue where this buffer stopped.
    buffer.clear();
    hudKeyRef.current = "";
    const accept = (state: GameData) => {
      if (state.match_id !== matchId || !buffer.push(state, performance.now())) return;
      const key = hudKey(state);
      if (key === hudKeyRef.current) return;
      hudKeyRef.current = key;
      setGame(state);
    };
    const onState = ({ game_state }: GameStateMessage) => accept(game_state);
    socket.on("game_state", onState);

    void (async () => {
      if (viewerSlot && (await claimSeat(matchId)) === "missing") {
        if (!cancelled) setJoin({ kind: "failed", message: "This match does not exist." });
        return;
      }
      const joinMatch = () =>
        request<{ role: MatchRole; game_state: GameData }>((ack) => socket.emit("join_match", { type: "join_match", match_id: matchId }, ack));
      if (cancelled) return;
      let joined = await joinMatch();
      // A brand-new match may reach the live store a moment after its row: ask again before giving up.
      for (let retry = 0; retry < JOIN_RETRIES && !cancelled && !joined.ok && joined.error.code === "not_found"; retry++) {
        await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_MS));
        if (!cancelled) joined = await joinMatch();
      }
      if (cancelled) return;
      if (!joined.ok) {
        setJoin({ kind: "failed", message: joinError(joined.error) });
        return;
      }
      accept(joined.game_state);
      setRole(joined.role);
      setJoin({ kind: "joined" });
      const { role: slot, game_state: state } = joined;
      if (slot === "spectator" || state.status !== "waiting" || state[slot].registered) return;
      const registered = await request((ack) => socket.emit("register", { type: "register", player: slot, user: viewerName, match_id: matchId }, ack));
      if (!cancelled && !registered.ok) setNotice(`Could not register: ${registered.error.message}`);
    })();

    return () => {
      cancelled = true;
      socket.off("game_state", onState);
      scheduleClose(socket, matchId);
    };
  }, [socket, connected, matchId, viewerSlot, viewerName, endedBeforeLoad, buffer]);

  const slot = role === "spectator" ? null : role;
  const mirrored = slot === "player2";
  const bottom: PlayerSlotName = mirrored ? "player2" : "player1";
  const top = other(bottom);
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

  const outcome: StoredResult | null =
    game && isOver(game.status)
      ? {
          status: game.status === "forfeited" ? "forfeited" : "finished",
          scores: { player1: game.player1.score, player2: game.player2.score },
          winner: game.winner,
          forfeitReason: game.forfeit_reason,
        }
      : result;

  if (join.kind === "failed" && !outcome) return <ErrorCard message={join.message} />;

  const scoreOf = (of: PlayerSlotName) => game?.[of].score ?? outcome?.scores[of] ?? 0;
  const live = !outcome && status !== null;
  const showReady = slot !== null && connected && game?.status === "waiting" && game[slot].registered && !game[slot].ready;

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
            <LeaveMatch
              onLeave={async () => {
                if (!socket) return "Not connected to the game server.";
                const left = await request((ack) => socket.emit("leave_match", { type: "leave_match", match_id: matchId }, ack));
                if (!left.ok) return left.error.message;
                router.push("/");
                return null;
              }}
            />
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

// ---- status ------------------------------------------------------------------------------------

function statusText({
  game,
  slot,
  connection,
  join,
  ended,
}: {
  game: GameData | null;
  slot: PlayerSlotName | null;
  connection: RealtimeStatus;
  join: JoinState;
  ended: boolean;
}): string {
  if (ended) return "Match over";
  if (connection === "connecting") return "Connecting…";
  if (connection === "disconnected") return "Connection lost. Reconnecting…";
  if (!game || join.kind === "joining") return "Joining the match…";
  const deadline = game.register_deadline_ms === null ? null : Math.ceil(game.register_deadline_ms / 1000);
  switch (game.status) {
    case "waiting": {
      if (slot) {
        const own = game[slot];
        const opponent = game[other(slot)];
        if (!own.registered) return "Registering…";
        if (!opponent.registered) return deadline === null ? `Waiting for ${opponent.username} to join…` : `Waiting for ${opponent.username} to join (${deadline}s left)`;
        if (!own.ready) return "Press Ready when you are set";
        if (!opponent.ready) return `Waiting for ${opponent.username} to get ready…`;
        return "Starting…";
      }
      const absent = [game.player1, game.player2].find((player) => !player.registered);
      if (absent) return deadline === null ? "Waiting for the players to join…" : `Waiting for ${absent.username} to join (${deadline}s left)`;
      return "Waiting for the players to get ready…";
    }
    case "countdown":
      return "Get ready…";
    case "paused": {
      // The absent player only sees this in the moment before the server notices they are back.
      if (!game.paused || (slot && sameName(game.paused.player, game[slot].username))) return "Paused";
      return `Paused: waiting for ${game.paused.player} (${game.paused.seconds_left}s)`;
    }
    case "playing":
      return slot ? `Playing: first to ${game.points_to_win}` : `Live: first to ${game.points_to_win}`;
    case "finished":
    case "forfeited":
      return "Match over";
  }
}

/** `loser` is null when nobody won (no_show, interrupted): only reasons that need no loser are worded then. */
function forfeitText(reason: string | null, loser: string | null): string | null {
  if (reason === "no_show") return "Neither player showed up";
  if (reason === "interrupted") return "Called off: the server restarted";
  if (reason === "bye") return "No opponent this round (bye)";
  if (loser === null) return null;
  switch (reason) {
    case null:
      return null;
    case "disconnect":
      return `${loser} disconnected`;
    case "register_timeout":
      return `${loser} did not register in time`;
    case "quit":
      return `${loser} left the match`;
    case "left_tournament":
      return `${loser} left the tournament`;
    default:
      return `${loser} forfeited`;
  }
}

// ---- pieces ------------------------------------------------------------------------------------

function MatchHeader({
  bottomName,
  topName,
  spectating,
  spectators,
  connection,
}: {
  bottomName: string;
  topName: string;
  spectating: boolean;
  /** Null when unknown (not joined, match over). */
  spectators: number | null;
  connection: RealtimeStatus | null;
}) {
  return (
    <header className="flex items-center gap-2 sm:gap-3">
      <h1 className="min-w-0 flex-1 truncate text-lg font-bold text-white sm:text-xl">
        {bottomName} <span className="font-normal text-slate-500">vs</span> {topName}
      </h1>
      {spectating && (
        <span
          data-testid="spectating"
          className="shrink-0 rounded-full border border-sky-500/40 bg-sky-500/10 px-2.5 py-1 text-xs font-semibold uppercase tracking-wider text-sky-300 sm:px-3"
        >
          Spectating
        </span>
      )}
      {spectators !== null && <SpectatorCount count={spectators} spectating={spectating} />}
      {connection && <ConnectionDot status={connection} />}
    </header>
  );
}

/** Players see it only when someone watches; a spectator always does (they count themselves). */
function SpectatorCount({ count, spectating }: { count: number; spectating: boolean }) {
  if (count <= 0 && !spectating) return null;
  const lone = spectating && count <= 1;
  const label = lone ? "Just you watching" : `${count} watching`;
  return (
    <span data-testid="spectators" title={label} className="flex shrink-0 items-center gap-1 text-xs text-slate-400">
      <EyeIcon />
      {/* On phones the header is tight: the number (or "Just you") stays, "watching" is for screen readers. */}
      <span className="whitespace-nowrap tabular-nums">
        {lone ? "Just you" : count} <span className="sr-only sm:not-sr-only">watching</span>
      </span>
    </span>
  );
}

function ConnectionDot({ status }: { status: RealtimeStatus }) {
  const style = { connected: "bg-emerald-400", connecting: "bg-amber-400 animate-pulse", disconnected: "bg-rose-500" }[status];
  const text = { connected: "Connected", connecting: "Connecting…", disconnected: "Offline" }[status];
  return (
    <span className="flex shrink-0 items-center gap-1.5 text-xs text-slate-400" title={text}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${style}`} />
      <span className="sr-only sm:not-sr-only">{text}</span>
    </span>
  );
}

/** Name and score beside the centre line, on the half of the field where that player defends. */
function ScoreTag({ slot, name, score, own, place }: { slot: PlayerSlotName; name: string; score: number; own: boolean; place: "top" | "bottom" }) {
  return (
    <div
      className={`pointer-events-none absolute left-3 flex max-w-[60%] flex-col ${
        place === "top" ? "top-[calc(50%_-_0.75rem)] -translate-y-full" : "top-[calc(50%_+_0.75rem)] flex-col-reverse"
      }`}
    >
      <span className={`truncate text-xs font-medium sm:text-sm ${own ? "text-emerald-300" : "text-slate-400"}`}>{own ? `${name} (you)` : name}</span>
      <span data-testid={`score-${slot}`} className={`font-mono text-3xl font-bold tabular-nums sm:text-4xl ${own ? "text-emerald-300/90" : "text-white/80"}`}>
        {score}
      </span>
    </div>
  );
}

function ReadyOverlay({ matchId, slot, socket, onError }: { matchId: number; slot: PlayerSlotName; socket: GameSocket | null; onError: (message: string | null) => void }) {
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
      <button type="button" onClick={() => void sendReady()} disabled={pending} className={`${primaryButton} px-10 text-lg shadow-lg shadow-emerald-500/20`}>
        Ready
      </button>
    </div>
  );
}

function CountdownOverlay({ value }: { value: number }) {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg bg-slate-950/40">
      <span key={value} data-testid="countdown" className="animate-pulse text-8xl font-extrabold tabular-nums text-emerald-300 drop-shadow-lg sm:text-9xl">
        {value}
      </span>
    </div>
  );
}

/** The match waits for an absent player; their seconds run out into a forfeit ("disconnect"). */
function PauseOverlay({ paused, self }: { paused: GameData["paused"]; self: boolean }) {
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

function ResultPanel({ outcome, names, viewerName, slot, hasOpponent }: { outcome: StoredResult; names: Names; viewerName: string; slot: PlayerSlotName | null; hasOpponent: boolean }) {
  const challenge = useChallenge();
  const [rematch, setRematch] = useState<{ state: "idle" | "sending" | "sent" } | { state: "failed"; message: string }>({ state: "idle" });
  const winnerSlot: PlayerSlotName | null = sameName(outcome.winner, names.player1) ? "player1" : sameName(outcome.winner, names.player2) ? "player2" : null;
  // No winner (neither player showed up): nobody lost either.
  const headline = !outcome.winner ? (outcome.status === "forfeited" ? "No winner" : "Match over") : slot ? (sameName(outcome.winner, viewerName) ? "You won" : "You lost") : `${outcome.winner} won`;
  const tone = slot && outcome.winner ? (headline === "You won" ? "text-emerald-300" : "text-rose-300") : "text-white";
  const reason = outcome.status === "forfeited" ? forfeitText(outcome.forfeitReason, winnerSlot ? names[other(winnerSlot)] : null) : null;
  const opponent = slot ? names[other(slot)] : null;

  const sendRematch = async () => {
    if (!opponent) return;
    setRematch({ state: "sending" });
    const response = await challenge(opponent);
    setRematch(response.ok ? { state: "sent" } : { state: "failed", message: response.message });
  };

  return (
    <div className="absolute inset-0 flex items-center justify-center overflow-y-auto rounded-lg bg-slate-950/85 p-3 backdrop-blur-sm">
      <section data-testid="match-result" aria-labelledby="match-result-title" className="w-full max-w-xs rounded-xl border border-slate-700 bg-slate-900 p-5 text-center shadow-2xl">
        <h2 id="match-result-title" className={`text-2xl font-extrabold sm:text-3xl ${tone}`}>
          {headline}
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-2">
          {(["player1", "player2"] as const).map((of) => (
            <div key={of} className={`min-w-0 rounded-lg px-2 py-2 ${of === winnerSlot ? "bg-emerald-500/10" : "bg-slate-800/60"}`}>
              <dt className="truncate text-xs text-slate-400">{names[of]}</dt>
              <dd className="font-mono text-3xl font-bold tabular-nums text-white">{outcome.scores[of]}</dd>
            </div>
          ))}
        </dl>
        {reason && <p className="mt-3 text-sm text-amber-300">{reason}</p>}
        <div className="mt-5 flex flex-col gap-2">
          {slot && hasOpponent && (
            <button type="button" onClick={() => void sendRematch()} disabled={rematch.state === "sending"} className={primaryButton}>
              Rematch
            </button>
          )}
          <Link href="/" className={secondaryButton}>
            Back to lobby
          </Link>
        </div>
        {rematch.state === "sent" && (
          <p role="status" className="mt-3 text-sm text-emerald-300">
            Challenge sent…
          </p>
        )}
        {rematch.state === "failed" && (
          <p role="alert" className="mt-3 text-sm text-rose-300">
            {rematch.message}
          </p>
        )}
      </section>
    </div>
  );
}

function LeaveMatch({ onLeave }: { onLeave: () => Promise<string | null> }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="min-h-11 rounded-md px-4 py-2 font-semibold text-rose-300 hover:bg-rose-500/10 focus-visible:outline-2 focus-visible:outline-rose-400">
        Leave match
      </button>
    );
  }
  const leave = async () => {
    setPending(true);
    setError(null);
    const failure = await onLeave();
    if (failure) {
      setPending(false);
      setError(failure);
    }
  };
  return (
    <div role="alertdialog" aria-labelledby="leave-title" className="w-full rounded-lg border border-rose-500/40 bg-slate-900 p-4 text-center">
      <p id="leave-title" className="text-slate-200">
        Leave the match? You will lose it by forfeit.
      </p>
      {error && (
        <p role="alert" className="mt-2 text-rose-300">
          {error}
        </p>
      )}
      <div className="mt-3 flex justify-center gap-3">
        <button type="button" onClick={() => setConfirming(false)} className={secondaryButton} disabled={pending}>
          Keep playing
        </button>
        <button
          ref={confirmRef}
          type="button"
          onClick={() => void leave()}
          disabled={pending}
          className="min-h-11 rounded-md bg-rose-500 px-5 py-2.5 font-semibold text-white hover:bg-rose-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-60"
        >
          {pending ? "Leaving…" : "Forfeit and leave"}
        </button>
      </div>
    </div>
  );
}

function ErrorCard({ message }: { message: string }) {
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-800 bg-slate-900 p-8 text-center">
      <h1 className="text-xl font-bold text-white">Cannot open this match</h1>
      <p role="alert" className="mt-2 text-slate-300">
        {message}
      </p>
      <Link href="/" className={`${secondaryButton} mt-6 inline-block`}>
        Back to lobby
      </Link>
    </section>
  );
}
