// Every client → server message schema with good and bad payloads.
import { describe, expect, it } from "vitest";
import { chatMessageSchema, parseChatInput } from "./chat";
import {
  challengeCancelSchema,
  challengeReplySchema,
  challengeSchema,
  joinMatchSchema,
  leaveMatchSchema,
  matchIdSchema,
  player1PositionSchema,
  player2PositionSchema,
  readySchema,
  registerSchema,
  seekCancelSchema,
  seekSchema,
} from "./game";
import { createMatchBodySchema } from "./http";

const cases: [string, { safeParse(value: unknown): { success: boolean } }, unknown[], unknown[]][] = [
  ["challenge", challengeSchema, [{ type: "challenge", target: "bob" }], [{ type: "challenge" }, { type: "challenge", target: "" }, { type: "challenge", target: "bob", extra: 1 }, { type: "register", target: "bob" }]],
  [
    "challenge_reply",
    challengeReplySchema,
    [{ type: "challenge_reply", challenge_id: "abc", reply: "accept" }, { type: "challenge_reply", challenge_id: "abc", reply: "decline" }],
    [{ type: "challenge_reply", challenge_id: "abc", reply: "maybe" }, { type: "challenge_reply", reply: "accept" }, { type: "challenge_reply", challenge_id: "x".repeat(65), reply: "accept" }],
  ],
  ["challenge_cancel", challengeCancelSchema, [{ type: "challenge_cancel", challenge_id: "abc" }], [{ type: "challenge_cancel", challenge_id: 5 }]],
  ["match_id", matchIdSchema, [{ type: "match_id", challenge_id: "abc", match_id: 3 }], [{ type: "match_id", challenge_id: "abc", match_id: 0 }, { type: "match_id", challenge_id: "abc", match_id: 1.5 }]],
  ["seek", seekSchema, [{ type: "seek" }], [{ type: "seek", rated: false }, { type: "seek_cancel" }, {}, null]],
  ["seek_cancel", seekCancelSchema, [{ type: "seek_cancel" }], [{ type: "seek_cancel", extra: 1 }, { type: "seek" }]],
  ["join_match", joinMatchSchema, [{ type: "join_match", match_id: 12 }], [{ type: "join_match", match_id: "12" }, { type: "join_match" }, null, "join"]],
  ["leave_match", leaveMatchSchema, [{ type: "leave_match", match_id: 12 }], [{ type: "leave_match", match_id: -1 }]],
  [
    "register",
    registerSchema,
    [{ type: "register", player: "player1", user: "alice", match_id: 12 }],
    [{ type: "register", player: "player3", user: "alice", match_id: 12 }, { type: "register", player: "player1", match_id: 12 }, { type: "register", player: "player1", user: "alice", match_id: 2 ** 40 }],
  ],
  ["ready", readySchema, [{ type: "ready", player: "player2" }, { type: "ready", player: "player2", match_id: 4 }], [{ type: "ready" }, { type: "ready", player: "both" }]],
  [
    "player1_position",
    player1PositionSchema,
    [{ type: "player1_position", position: 300, direction: 1 }, { type: "player1_position", position: 0.5, direction: 0 }],
    [{ type: "player1_position", position: Number.NaN, direction: 0 }, { type: "player1_position", position: 1e9, direction: 0 }, { type: "player1_position", position: 3, direction: 2 }, { type: "player2_position", position: 3, direction: 0 }],
  ],
  ["player2_position", player2PositionSchema, [{ type: "player2_position", position: 300, direction: -1 }], [{ type: "player2_position", position: "300", direction: -1 }]],
  ["chat_message", chatMessageSchema, [{ type: "chat_message", text: "hi" }, { type: "chat_message", text: "x".repeat(500) }], [{ type: "chat_message", text: " " }, { type: "chat_message", text: "x".repeat(501) }, { type: "chat_message" }]],
  ["create_match body", createMatchBodySchema, [{ opponent: "bob" }], [{ opponent: "b" }, {}, { opponent: "bob", extra: true }]],
];

describe.each(cases)("%s", (_name, schema, good, bad) => {
  it.each(good.map((payload) => [JSON.stringify(payload), payload]))("accepts %s", (_label, payload) => {
    expect(schema.safeParse(payload).success).toBe(true);
  });
  it.each(bad.map((payload) => [JSON.stringify(payload) ?? String(payload), payload]))("refuses %s", (_label, payload) => {
    expect(schema.safeParse(payload).success).toBe(false);
  });
});

describe("parseChatInput", () => {
  it.each([
    ["hello there", { kind: "message", text: "hello there" }],
    ["/duel bob", { kind: "duel", target: "bob" }],
    ["  /duel   Bob_2  ", { kind: "duel", target: "Bob_2" }],
    ["/duel", { kind: "error", message: "Usage: /duel <username>" }],
    ["/duel bad name", { kind: "error", message: "Usage: /duel <username>" }],
    ["/duel b!", { kind: "error", message: "Usage: /duel <username>" }],
    ["/dance", { kind: "error", message: "Unknown command /dance. Try /duel <username>." }],
  ])("%j → %j", (input, expected) => {
    expect(parseChatInput(input)).toEqual(expected);
  });
});
