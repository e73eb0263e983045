"use client";
// One tournament's live state: the /tournament socket joins its room (the ack and every
// tournament_update replace the whole JSON, which holds the pairings too), and the action
// endpoints (join, leave, start), whose answer is applied at once without waiting for the broadcast.
// The room's updates win: every change is broadcast, so an answer (ack or action) is applied only
// if no update came while it was on its way, as it may be older (a leave's answer can arrive
// after the broadcast that the tournament finished).
import { useCallback, useEffect, useRef, useState } from "react";
import { hasField, isObject, NETWORK_FAILURE, postJson } from "@/lib/client/api";
import { connectTournament, request } from "@/lib/client/socket";
import type { TournamentJson } from "@/lib/protocol/tournament";

export type TournamentConnection = "connecting" | "live" | "reconnecting" | "unavailable";
export type TournamentAction = "join" | "leave" | "start";
type ActionResult = { ok: true; tournament: TournamentJson } | { ok: false; message: string };

const hasTournament = hasField("tournament", (value): value is TournamentJson => isObject(value));

async function postAction(tournamentId: number, action: TournamentAction): Promise<ActionResult> {
  const result = await postJson(`/game/tournaments/${tournamentId}/${action}/`, {}, hasTournament);
  if (result.ok) return { ok: true, tournament: result.data.tournament };
  if (result.status === NETWORK_FAILURE) return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  if (result.error) return { ok: false, message: result.error.message };
  if (result.status === 401) return { ok: false, message: "Your session has expired. Log in again." };
  return { ok: false, message: `Something went wrong (error ${result.status}). Try again.` };
}

export function useTournamentChannel(initial: TournamentJson) {
  const tournamentId = initial.tournament_id;
  const [tournament, setTournament] = useState(initial);
  const [connection, setConnection] = useState<TournamentConnection>("connecting");
  const [channelError, setChannelError] = useState<string | null>(null);
  const [pending, setPending] = useState<TournamentAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const updatesSeen = useRef(0);

  useEffect(() => {
    const socket = connectTournament();
    let disposed = false;

    // On every (re)connect: the room is per connection, and the ack brings what we missed.
    const join = async () => {
      const seen = updatesSeen.current;
      const response = await request<{ tournament: TournamentJson }>((ack) =>
        socket.emit("join_tournament", { type: "join_tournament", tournament_id: tournamentId }, ack),
      );
      if (disposed) return;
      if (response.ok) {
        if (updatesSeen.current === seen) setTournament(response.tournament);
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
      if (next.tournament_id !== tournamentId) return;
      updatesSeen.current++;
      setTournament(next);
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

  /** Resolves whether the action went through; its error is in `actionError`. */
  const runAction = useCallback(
    async (action: TournamentAction): Promise<boolean> => {
      setPending(action);
      setActionError(null);
      const seen = updatesSeen.current;
      const result = await postAction(tournamentId, action);
      setPending(null);
      if (!result.ok) {
        setActionError(result.message);
        return false;
      }
      if (updatesSeen.current === seen) setTournament(result.tournament);
      return true;
    },
    [tournamentId],
  );

  return { tournament, connection, channelError, pending, actionError, runAction };
}
