// The /chat namespace: the lobby chat (last messages kept in the store, length-limited; the rate
// limit is the chat_message budget in lib/app/limits.ts) and the online list.
import { randomUUID } from "node:crypto";
import type { Limits } from "../../../app/limits";
import { CHAT_HISTORY_SIZE, chatMessageSchema, type ChatClientToServer, type ChatMessage } from "../../../protocol/chat";
import { keys } from "../../../infra/store/keys";
import type { LiveStore } from "../../../infra/store/types";
import type { Logger } from "../../../infra/log";
import type { Metrics } from "../../../infra/metrics";
import { registerHandlers, type HandlerTable } from "../handle";
import type { ChatNamespace } from "../types";
import { liveMatchesList } from "../../../app/live-matches";
import { presenceList } from "../../../app/presence";
import type { ProcessLedger } from "../../../app/process-ledger";

export function registerChatNamespace(chat: ChatNamespace, deps: { store: LiveStore; ledger: ProcessLedger; log: Logger; limits: Limits; metrics: Metrics }): void {
  const { store, ledger, log } = deps;

  chat.on("connection", (socket) => {
    const { user } = socket.data;
    void (async () => {
      const history = (await store.listRange(keys.chatHistory)).map((raw) => JSON.parse(raw) as ChatMessage);
      socket.emit("chat_history", { type: "chat_history", messages: history });
      socket.emit("presence", await presenceList(store, ledger));
      socket.emit("live_matches", await liveMatchesList(store));
    })().catch((error: Error) => log.error(`chat welcome for ${user.name}: ${error.message}`));

    const handlers: HandlerTable<ChatClientToServer> = {
      chat_message: {
        schema: chatMessageSchema,
        budget: "chat_message",
        run: async ({ text }) => {
          const message: ChatMessage = { type: "chat_message", id: randomUUID(), author: user.name, text, sent_at: new Date().toISOString() };
          await store.listPush(keys.chatHistory, JSON.stringify(message), CHAT_HISTORY_SIZE);
          chat.emit("chat_message", message);
          return { id: message.id };
        },
      },
    };
    registerHandlers(socket, handlers, deps);
  });
}
