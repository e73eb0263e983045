"use client";
// Who is online right now (the /chat socket's presence), with a Duel button for everyone else.
import Link from "next/link";
import { Avatar } from "@/components/Avatar";
import { useSendChallenge } from "@/components/realtime/useSendChallenge";
import { Button } from "@/components/ui/Button";
import type { PresenceUser } from "@/lib/protocol/chat";
import type { ConnectionStatus } from "@/lib/client/socket";

function StatusBadge({ status }: { status: PresenceUser["status"] }) {
  return status === "in_game" ? (
    <span className="shrink-0 rounded-full bg-amber-500/15 px-2 py-0.5 text-xs font-medium text-amber-300">in game</span>
  ) : (
    <span className="shrink-0 rounded-full bg-emerald-500/15 px-2 py-0.5 text-xs font-medium text-emerald-300">online</span>
  );
}

export function OnlineList({ status, users, meId }: { status: ConnectionStatus; users: PresenceUser[] | null; meId: number }) {
  const duel = useSendChallenge();
  const { notice } = duel;

  if (users === null) {
    return (
      <p className="text-sm text-slate-400" role="status">
        {status === "disconnected" ? "Could not connect. Retrying…" : "Loading who is online…"}
      </p>
    );
  }

  // You first, then everyone else alphabetically.
  const sorted = [...users].sort((a, b) => Number(b.id === meId) - Number(a.id === meId) || a.username.localeCompare(b.username));
  return (
    <div className="flex flex-col gap-2">
      {status === "disconnected" && <p className="text-xs text-amber-300">Disconnected: this list may be out of date.</p>}
      <ul data-testid="online-list" aria-label="Players online" className="max-h-96 space-y-1 overflow-y-auto">
        {sorted.map((user) => {
          const isMe = user.id === meId;
          const inGame = user.status === "in_game";
          return (
            <li key={user.id} className="flex items-center gap-2 rounded-lg p-1.5 hover:bg-slate-800/60">
              <Link
                href={`/users/${user.username}/`}
                className="flex min-w-0 flex-1 items-center gap-2 rounded focus-visible:outline-2 focus-visible:outline-emerald-400"
              >
                <Avatar username={user.username} size="sm" />
                <span className="truncate font-medium text-white">{user.username}</span>
                {isMe && <span className="shrink-0 text-xs text-slate-400">(you)</span>}
              </Link>
              <StatusBadge status={user.status} />
              {!isMe && (
                <Button
                  size="sm"
                  onClick={() => void duel.send(user.username)}
                  disabled={inGame || duel.sending !== null}
                  aria-label={`Duel ${user.username}`}
                  title={inGame ? `${user.username} is in a game` : undefined}
                  className="shrink-0"
                >
                  {duel.sending === user.username ? "Sending…" : "Duel"}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {users.every((user) => user.id === meId) && <p className="text-sm text-slate-400">Nobody else is online right now.</p>}
      <p role="status" data-testid="online-notice" className={`text-sm wrap-anywhere ${notice?.tone === "error" ? "text-rose-400" : "text-emerald-300"}`}>
        {notice?.text}
      </p>
    </div>
  );
}
