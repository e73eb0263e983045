// The lobby chat and presence on both back-ends, on the app booted in-process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatHistory, ChatMessage, PresenceMessage } from "@/lib/protocol/chat";
import { backends } from "../helpers/backends";
import { agreeDuel, closeAll, emitAck, nextEvent, onlineUser } from "../helpers/protocol";
import { startInProcess, type InProcessServer } from "../helpers/app";
import { connectSocket, connected } from "../helpers/users";

describe.each(backends)("chat on $name", (backend) => {
  let server: InProcessServer;

  beforeAll(async () => {
    // The chat budget at its default (5 messages per 10 s), which the spam test checks.
    server = await startInProcess({ ...(await backend.environment()), RATE_LIMIT_SCALE: "1" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function chatSocket(base: string) {
    const user = await server.newUser(base);
    const socket = connectSocket(server.url, "/chat", user.cookie);
    const history = nextEvent<ChatHistory>(socket, "chat_history");
    await connected(socket);
    return { user, socket, history: await history };
  }

  it("delivers messages to everyone and keeps the last 50 for newcomers", async () => {
    const writer = await chatSocket("writer");
    const reader = await chatSocket("reader");
    try {
      for (let index = 0; index < 3; index++) {
        const heard = nextEvent<ChatMessage>(reader.socket, "chat_message");
        // One writer per 5 messages stays under the rate limit; fresh writers fill the history.
        expect(await emitAck(writer.socket, "chat_message", { type: "chat_message", text: `  message ${index}  ` })).toMatchObject({ ok: true, id: expect.any(String) });
        expect(await heard).toMatchObject({ type: "chat_message", author: writer.user.username, text: `message ${index}`, sent_at: expect.any(String) });
      }
      const writers = await Promise.all(Array.from({ length: 11 }, (_, index) => chatSocket(`fill${index}`)));
      for (const [index, filler] of writers.entries()) {
        for (let message = 0; message < 5; message++) await emitAck(filler.socket, "chat_message", { type: "chat_message", text: `fill ${index}.${message}` });
        filler.socket.close();
      }
      const newcomer = await chatSocket("newcomer");
      expect(newcomer.history.messages).toHaveLength(50);
      expect(newcomer.history.messages.at(-1)?.text).toBe("fill 10.4");
      newcomer.socket.close();
    } finally {
      writer.socket.close();
      reader.socket.close();
    }
  });

  it("refuses empty and over-long messages", async () => {
    const { socket } = await chatSocket("picky");
    try {
      expect(await emitAck(socket, "chat_message", { type: "chat_message", text: "   " })).toMatchObject({ ok: false, error: { code: "invalid_message" } });
      expect(await emitAck(socket, "chat_message", { type: "chat_message", text: "x".repeat(501) })).toMatchObject({ ok: false, error: { code: "invalid_message" } });
      expect(await emitAck(socket, "chat_message", { type: "chat_message", text: "x".repeat(500) })).toMatchObject({ ok: true });
    } finally {
      socket.close();
    }
  });

  it("rate-limits a spammer without affecting others", async () => {
    const spammer = await chatSocket("spammer");
    const other = await chatSocket("other");
    try {
      const answers = [];
      for (let index = 0; index < 7; index++) answers.push(await emitAck(spammer.socket, "chat_message", { type: "chat_message", text: `spam ${index}` }));
      expect(answers.slice(0, 5).every((answer) => answer.ok)).toBe(true);
      expect(answers[5]).toMatchObject({ ok: false, error: { code: "rate_limited", retry_after: expect.any(Number) } });
      expect(await emitAck(other.socket, "chat_message", { type: "chat_message", text: "still here" })).toMatchObject({ ok: true });
    } finally {
      spammer.socket.close();
      other.socket.close();
    }
  });

  it("shows who is online and who is in a game, live", async () => {
    const watcher = await chatSocket("watcher");
    const alice = await onlineUser(server, "alice");
    const bob = await onlineUser(server, "bob");
    const statusOf = (message: PresenceMessage, username: string) => message.users.find((user) => user.username === username)?.status;
    try {
      const inGame = nextEvent<PresenceMessage>(watcher.socket, "presence", (message) => statusOf(message, alice.username) === "in_game");
      await agreeDuel(alice, bob);
      const presence = await inGame;
      expect(statusOf(presence, bob.username)).toBe("in_game");
      const gone = nextEvent<PresenceMessage>(watcher.socket, "presence", (message) => statusOf(message, alice.username) === undefined);
      alice.game.close();
      await gone;
    } finally {
      closeAll(alice, bob);
      watcher.socket.close();
    }
  });
});
