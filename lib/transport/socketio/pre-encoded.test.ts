import { Encoder, PacketType } from "socket.io-parser";
import { describe, expect, it } from "vitest";
import { PreEncoded, preEncodingParser } from "./pre-encoded";

const message = { type: "game_state", game_state: { match_id: 3, ball: { x: 1.5, y: -2 }, winner: null, player1: { username: "zoë \"z\"" } } };

describe("pre-encoding parser", () => {
  const standard = new Encoder();
  const encoder = new (preEncodingParser().Encoder)();

  it("frames a pre-encoded payload exactly as the standard parser frames the object", () => {
    const packet = (data: unknown) => ({ type: PacketType.EVENT, nsp: "/game", data: ["game_state", data] });
    expect(encoder.encode(packet(new PreEncoded(JSON.stringify(message))))).toEqual(standard.encode(packet(message)));
    const root = { type: PacketType.EVENT, nsp: "/", data: ["game_state", new PreEncoded(JSON.stringify(message))] };
    expect(encoder.encode(root)).toEqual(standard.encode({ ...root, data: ["game_state", message] }));
  });

  it("encodes every other packet as the standard parser does", () => {
    const packets = [
      { type: PacketType.EVENT, nsp: "/chat", data: ["chat_message", { text: "hi" }] },
      { type: PacketType.ACK, nsp: "/game", id: 4, data: [{ ok: true }] },
      { type: PacketType.CONNECT, nsp: "/game", data: { sid: "abc" } },
    ];
    for (const packet of packets) expect(encoder.encode(packet)).toEqual(standard.encode(packet));
  });
});
