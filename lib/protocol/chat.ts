// The /chat namespace: lobby chat and presence.
import { z } from "zod";
import type { AckCallback, ErrorEvent } from "./common";

export const CHAT_MAX_LENGTH = 500;
export const CHAT_HISTORY_SIZE = 50;

export const chatMessageSchema = z.strictObject({
  type: z.literal("chat_message"),
  text: z
    .string()
    .trim()
    .min(1, "The message is empty")
    .max(CHAT_MAX_LENGTH, `Messages are at most ${CHAT_MAX_LENGTH} characters`),
});
export type ChatMessageInput = z.infer<typeof chatMessageSchema>;

export interface ChatMessage {
  type: "chat_message";
  id: string;
  author: string;
  text: string;
  /** ISO 8601 time the server received it. */
  sent_at: string;
}

export interface ChatHistory {
  type: "chat_history";
  messages: ChatMessage[];
}

export type PresenceStatus = "online" | "in_game";
export interface PresenceUser {
  id: number;
  username: string;
  status: PresenceStatus;
}
export interface PresenceMessage {
  type: "presence";
  users: PresenceUser[];
}

export interface ChatServerToClient {
  chat_message(message: ChatMessage): void;
  chat_history(message: ChatHistory): void;
  presence(message: PresenceMessage): void;
  /** On connect and on every change: matches start, end, score, pause, spectators. */
  live_matches(message: LiveMatchesMessage): void;
  error(message: ErrorEvent): void;
}

export interface ChatClientToServer {
  chat_message(message: ChatMessageInput, ack?: AckCallback<{ id: string }>): void;
}

/** `/duel <username>` typed in the chat: parsed in the browser, sent as a `challenge` on /game. */
export type ChatCommand = { kind: "message"; text: string } | { kind: "duel"; target: string } | { kind: "error"; message: string };

export function parseChatInput(input: string): ChatCommand {
  const text = input.trim();
  if (!text.startsWith("/")) return { kind: "message", text };
  const [command, ...args] = text.slice(1).split(/\s+/);
  if (command === "duel") {
    if (args.length !== 1 || !/^[A-Za-z0-9_-]{3,20}$/.test(args[0]!)) return { kind: "error", message: "Usage: /duel <username>" };
    return { kind: "duel", target: args[0]! };
  }
  return { kind: "error", message: `Unknown command /${command}. Try /duel <username>.` };
}

/** A running match in the lobby's "Live now" list. */
export interface LiveMatchSummary {
  match_id: number;
  tournament_id: number | null;
  player1: string;
  player2: string;
  score1: number;
  score2: number;
  status: "waiting" | "countdown" | "playing" | "paused";
  spectators: number;
}
export interface LiveMatchesMessage {
  type: "live_matches";
  matches: LiveMatchSummary[];
}
