"use client";
// The lobby's live half: owns the one /chat socket and feeds the chat (history + messages), the
// online list (presence) and the live matches from it. The page's server-rendered panels come in
// as `aside`, so they share one responsive grid with the live ones.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { connectChat, request, type ChatSocket, type ConnectionStatus } from "@/lib/client/socket";
import type { ChatMessage, LiveMatchSummary, PresenceUser } from "@/lib/protocol/chat";
import type { Ack } from "@/lib/protocol/common";
import { LiveNow } from "./LiveNow";
import { LobbyChat } from "./LobbyChat";
import { OnlineList } from "./OnlineList";

/** More than the server's history, so a long session keeps some scrollback without growing forever. */
const MAX_MESSAGES = 200;

function LobbyPanel({ title, className = "", children }: { title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={`flex min-w-0 flex-col rounded-xl border border-slate-800 bg-slate-900/60 p-4 sm:p-5 ${className}`}>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wider text-slate-400">{title}</h2>
      {children}
    </section>
  );
}

/** A panel title with a quiet count after it once known. */
function Counted({ title, count }: { title: string; count: number | undefined }) {
  return (
    <>
      {title}
      {count !== undefined ? <span className="ml-1 font-normal normal-case tracking-normal text-slate-400">({count})</span> : null}
    </>
  );
}

export function Lobby({ me, aside }: { me: { id: number; name: string }; /** Panels for the narrow column, under "Online now". */ aside?: ReactNode }) {
  const socketRef = useRef<ChatSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [messages, setMessages] = useState<ChatMessage[] | null>(null);
  const [users, setUsers] = useState<PresenceUser[] | null>(null);
  const [live, setLive] = useState<LiveMatchSummary[] | null>(null);

  useEffect(() => {
    const chat = connectChat();
    socketRef.current = chat;
    chat.on("connect", () => setStatus("connected"));
    chat.on("disconnect", () => setStatus("disconnected"));
    chat.on("connect_error", () => setStatus("disconnected"));
    // Sent on every (re)connect: it replaces what we had, keeping live messages it may not include yet.
    chat.on("chat_history", ({ messages: history }) =>
      setMessages((current) => {
        const known = new Set(history.map((message) => message.id));
        const newer = (current ?? []).filter((message) => !known.has(message.id) && message.sent_at > (history.at(-1)?.sent_at ?? ""));
        return [...history, ...newer].slice(-MAX_MESSAGES);
      }),
    );
    chat.on("chat_message", (message) =>
      setMessages((current) => (current?.some((known) => known.id === message.id) ? current : [...(current ?? []), message].slice(-MAX_MESSAGES))),
    );
    chat.on("presence", ({ users: online }) => setUsers(online));
    // The whole list every time (on connect and on each change): it replaces what we had.
    chat.on("live_matches", ({ matches }) => setLive(matches));
    return () => {
      chat.removeAllListeners();
      chat.disconnect();
      socketRef.current = null;
    };
  }, []);

  const send = useCallback(async (text: string): Promise<Ack<{ id: string }>> => {
    const chat = socketRef.current;
    if (!chat?.connected) return { ok: false, error: { code: "internal", message: "Not connected to the chat. Reconnecting…" } };
    return request<{ id: string }>((ack) => chat.emit("chat_message", { type: "chat_message", text }, ack));
  }, []);

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <LobbyPanel title="Lobby chat" className="lg:col-span-2">
        <LobbyChat status={status} messages={messages} me={me.name} send={send} />
      </LobbyPanel>
      <LobbyPanel title={<Counted title="Online now" count={users?.length} />}>
        <OnlineList status={status} users={users} meId={me.id} />
      </LobbyPanel>
      {/* Wrapped, so the panel keeps its own height when the column beside it is taller. */}
      <div className="min-w-0 space-y-6 lg:col-span-2">
        <LobbyPanel title={<Counted title="Live now" count={live?.length} />}>
          <LiveNow status={status} matches={live} />
        </LobbyPanel>
      </div>
      {aside && <div className="min-w-0 space-y-6">{aside}</div>}
    </div>
  );
}
