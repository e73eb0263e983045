"use client";
// Joining a match over the app's /game socket, as the seed does it: the HTTP join tells a player
// their slot, join_match puts the socket in the match room (its ack gives the role and the current
// state), a player registers at once; game_state then streams into the interpolation buffer.
// Leaving the page sends close_match, deferred at the connection level (see MatchCloses).
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { anyBody, postJson } from "@/lib/client/api";
import { detectEvents, type GameEvent } from "@/lib/client/game-events";
import type { MatchCloses } from "@/lib/client/hooks/useGameConnection";
import { StateBuffer } from "@/lib/client/interpolation";
import type { JoinState } from "@/lib/client/match-text";
import { request, type GameSocket } from "@/lib/client/socket";
import { PLAYER_SLOTS } from "@/lib/domain/lists";
import type { ErrorBody } from "@/lib/protocol/common";
import type { GameData, GameStateMessage, MatchRole, PlayerSlot } from "@/lib/protocol/game";

const JOIN_RETRIES = 2;
const JOIN_RETRY_MS = 1_000;

type Seat = "player" | "spectator" | "missing" | "over" | "unknown";

/** The seed's HTTP join. Only "missing" stops the page; the socket's answer decides the role. */
async function claimSeat(matchId: number): Promise<Seat> {
  const result = await postJson(`/game/matches/${matchId}/join/`, undefined, anyBody);
  if (result.ok) return "player";
  if (result.status === 403) return "spectator";
  if (result.status === 404) return "missing";
  if (result.status === 409) return "over";
  return "unknown";
}

function joinError(error: ErrorBody): string {
  if (error.code === "not_found") return "This match is not live: it may have been cancelled.";
  return `Could not join the match: ${error.message}`;
}

/** What the page shows changes far less often than the 30 Hz stream: re-render only for these. */
function hudKey(state: GameData): string {
  const deadline = state.register_deadline_ms === null ? "" : Math.ceil(state.register_deadline_ms / 1000);
  const players = PLAYER_SLOTS.map((slot) => {
    const p = state[slot];
    return [p.username, p.score, p.registered, p.ready, p.connected].join(",");
  });
  const paused = state.paused ? `${state.paused.player},${state.paused.seconds_left}` : "";
  return [state.status, state.countdown, deadline, paused, state.spectators, state.winner, state.forfeit_reason, ...players].join("|");
}

/**
 * Leaving the page sends close_match: a player becomes absent (the match pauses for everyone with a
 * grace period, and resumes with a countdown when they are back), a spectator just leaves. Only the
 * "Leave match" button forfeits. The close is deferred a moment by the connection, and cancelled
 * when a session for the same match starts on the same socket (React's development rehearsal, or
 * a player back at once), so that it never lands after the new join_match.
 */
interface SessionOptions extends MatchCloses {
  socket: GameSocket | null;
  connected: boolean;
  matchId: number;
  viewerName: string;
  /** The viewer's slot according to the match row; null for a spectator. */
  viewerSlot: PlayerSlot | null;
  /** The match was over when the page loaded: nothing live to join. */
  endedBeforeLoad: boolean;
  /** Hits, bounces and points, as the states that show them arrive (none for the first state after a join). */
  onEvents?: (events: GameEvent[]) => void;
}

export function useMatchSession({ socket, connected, matchId, viewerName, viewerSlot, endedBeforeLoad, onEvents, deferClose, cancelClose }: SessionOptions) {
  const [buffer] = useState(() => new StateBuffer());
  const [game, setGame] = useState<GameData | null>(null);
  const [role, setRole] = useState<MatchRole>(viewerSlot ?? "spectator");
  const [join, setJoin] = useState<JoinState>({ kind: "joining" });
  const [notice, setNotice] = useState<string | null>(null);
  const hudKeyRef = useRef("");
  const announce = useEffectEvent((events: GameEvent[]) => onEvents?.(events));

  useEffect(() => {
    cancelClose(matchId);
    if (endedBeforeLoad || !socket || !connected) return;
    let cancelled = false;
    // After a reconnect the server's seq may not continue where this buffer stopped.
    buffer.clear();
    hudKeyRef.current = "";
    const accept = (state: GameData) => {
      const previous = buffer.latest();
      if (state.match_id !== matchId || !buffer.push(state, performance.now())) return;
      const events = previous ? detectEvents(previous, state) : [];
      if (events.length > 0) announce(events);
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
      deferClose(matchId);
    };
  }, [socket, connected, matchId, viewerSlot, viewerName, endedBeforeLoad, buffer, deferClose, cancelClose]);

  return { buffer, game, role, join, notice, setNotice };
}
