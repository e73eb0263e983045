"use client";
// The lobby chat: the message log and the input. `/duel <username>` in the input sends a
// challenge on /game instead of a chat message.
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Avatar } from "@/components/Avatar";
import { useSendChallenge, type Notice } from "@/components/realtime/useSendChallenge";
import { Button } from "@/components/ui/Button";
import { CHAT_MAX_LENGTH, parseChatInput, type ChatMessage } from "@/lib/protocol/chat";
import type { Ack } from "@/lib/protocol/common";
import type { ConnectionStatus } from "@/lib/client/socket";

/** The remaining-characters hint appears this close to the limit. */
const NEAR_LIMIT = 50;
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function MessageItem({ message, mine }: { message: ChatMessage; mine: boolean }) {
  return (
    <li className="flex gap-3 py-2" data-testid="chat-message">
      <Avatar username={message.author} size="sm" />
      <div className="min-w-0 flex-1">
        <p className="flex items-baseline gap-2 text-sm">
          {/* Not a Tab stop: up to 200 of them would stand between the keyboard and the input (profiles are in the online list). */}
          <Link href={`/users/${message.author}/`} tabIndex={-1} className={`truncate font-semibold hover:underline ${mine ? "text-emerald-300" : "text-white"}`}>
            {message.author}
          </Link>
          <time dateTime={message.sent_at} className="shrink-0 font-mono text-xs text-slate-400">
            {timeFormat.format(new Date(message.sent_at))}
          </time>
        </p>
        <p className="whitespace-pre-wrap text-slate-200 wrap-anywhere">{message.text}</p>
      </div>
    </li>
  );
}

function MessageLog({ messages, me }: { messages: ChatMessage[]; me: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Follow new messages only while the reader is at the bottom, so scrolling back is not yanked away.
  const stickRef = useRef(true);
  const last = messages.at(-1);

  useEffect(() => {
    const box = scrollRef.current;
    if (box && (stickRef.current || last?.author === me)) box.scrollTop = box.scrollHeight;
  }, [last, me]);

  return (
    <div
      ref={scrollRef}
      role="log"
      aria-label="Chat messages"
      tabIndex={0}
      onScroll={(event) => {
        const box = event.currentTarget;
        stickRef.current = box.scrollHeight - box.scrollTop - box.clientHeight < 48;
      }}
      className="h-72 overflow-y-auto rounded-lg border border-slate-800 bg-slate-950/60 px-3 focus-visible:outline-2 focus-visible:outline-emerald-400 sm:h-96"
    >
      {messages.length === 0 && <p className="py-8 text-center text-sm text-slate-400">No messages yet. Say hi!</p>}
      <ol data-testid="chat-log" className="divide-y divide-slate-800/60">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} mine={message.author === me} />
        ))}
      </ol>
    </div>
  );
}

export function LobbyChat({
  status,
  messages,
  me,
  send,
}: {
  status: ConnectionStatus;
  /** null until the history arrived. */
  messages: ChatMessage[] | null;
  me: string;
  send: (text: string) => Promise<Ack<{ id: string }>>;
}) {
  const duel = useSendChallenge();
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  // A chat refusal or a bad command; otherwise the last /duel's own notice.
  const [chatNotice, setNotice] = useState<Notice | null>(null);
  const notice = chatNotice ?? duel.notice;
  const remaining = CHAT_MAX_LENGTH - text.length;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const command = parseChatInput(text);
    if (command.kind === "error") return setNotice({ tone: "error", text: command.message });
    if (command.kind === "message" && !command.text) return;

    setSending(true);
    if (command.kind === "duel") {
      setNotice(null);
      if (await duel.send(command.target)) setText("");
    } else {
      duel.clearError();
      const result = await send(command.text);
      // A refusal keeps the text, so the sender can retry once the reason is gone.
      setNotice(result.ok ? null : { tone: "error", text: result.error.message });
      if (result.ok) setText("");
    }
    setSending(false);
  }

  return (
    <div className="flex flex-col gap-3">
      {messages === null ? (
        <p className="flex h-72 items-center justify-center gap-2 rounded-lg border border-slate-800 bg-slate-950/60 text-slate-400 sm:h-96" role="status">
          {status === "disconnected" ? (
            "Could not connect to the chat. Retrying…"
          ) : (
            <>
              <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-emerald-400 border-t-transparent" />
              Connecting to chat…
            </>
          )}
        </p>
      ) : (
        <MessageLog messages={messages} me={me} />
      )}
      {status === "disconnected" && messages !== null && (
        <p className="rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm text-amber-300" data-testid="chat-offline">
          Disconnected from the chat. Reconnecting…
        </p>
      )}

      <form onSubmit={onSubmit} className="flex flex-col gap-1">
        <label htmlFor="chat-input" className="sr-only">
          Message
        </label>
        <div className="flex gap-2">
          <input
            id="chat-input"
            type="text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={CHAT_MAX_LENGTH}
            autoComplete="off"
            enterKeyHint="send"
            placeholder="Say something, or /duel <username>"
            aria-describedby="chat-notice chat-remaining"
            aria-invalid={notice?.tone === "error" ? true : undefined}
            className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-700 bg-slate-900 px-3 py-2 text-base text-white placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-emerald-400"
          />
          <Button type="submit" disabled={sending || !text.trim()} className="shrink-0">
            {sending ? "Sending…" : "Send"}
          </Button>
        </div>
        <div className="flex min-h-5 items-start justify-between gap-3 text-sm">
          <p id="chat-notice" role="status" data-testid="chat-notice" className={`min-w-0 wrap-anywhere ${notice?.tone === "error" ? "text-rose-400" : "text-emerald-300"}`}>
            {notice?.text}
          </p>
          <p id="chat-remaining" className={`shrink-0 tabular-nums ${remaining <= 10 ? "text-rose-400" : "text-slate-400"}`}>
            {remaining <= NEAR_LIMIT ? `${remaining} characters left` : ""}
          </p>
        </div>
      </form>
    </div>
  );
}
