// The /chat namespace: the lobby chat (last messages kept in the store, length- and
// rate-limited) and the online list.
import { randomUUID } from "node:crypto";
import type { Namespace, Socket } from "socket.io";
import { CHAT_HISTORY_SIZE, chatMessageSchema, type ChatMessage } from "../protocol/chat";
import { keys } from "../store/keys";
import type { LiveStore } from "../store/types";
import type { Logger } from "../server/log";
import type { SocketUser } from "./auth";
import { handle, refuse } from "./handle";
import { liveMatchesList } from "./live-matches";
import { presenceList } from "./presence";

/** A user may send this many messages per window; more are refused with rate_limited. */
export const CHAT_RATE_LIMIT = { messages: 5, windowMs: 10_000 };

export function registerChatNamespace(chat: Namespace, deps: { store: LiveStore; log: Logger }): void {
  const { store, log } = deps;

  chat.on("connection", (socket: Socket) => {
    const user = socket.data.user as SocketUser;
    void (async () => {
      const history = (await store.listRange(keys.chatHistory)).map((raw) => JSON.parse(raw) as ChatMessage);
      socket.emit("chat_history", { type: "chat_history", messages: history });
      socket.emit("presence", await presenceList(store));
      socket.emit("live_matches", await liveMatchesList(store));
    })().catch((error: Error) => log.error(`chat welcome for ${user.name}: ${error.message}`));

    handle(socket, "chat_message", chatMessageSchema, log, async ({ text }) => {
      const sent = await store.countInWindow(keys.chatRate(user.id), CHAT_RATE_LIMIT.windowMs);
      if (sent > CHAT_RATE_LIMIT.messages) refuse("rate_limited", "You are sending messages too fast: wait a few seconds");
      const message: ChatMessage = { type: "chat_message", id: randomUUID(), author: user.name, text, sent_at: new Date().toISOString() };
      await store.listPush(keys.chatHistory, JSON.stringify(message), CHAT_HISTORY_SIZE);
      chat.emit("chat_message", message);
      return { id: message.id };
    });
  });
}
