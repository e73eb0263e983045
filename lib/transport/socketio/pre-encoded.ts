// Socket.IO's parser with one addition: an event whose payload is already JSON (game_state,
// serialized on the simulation thread) is framed as is instead of being serialized again on the
// main thread. The frames on the wire are exactly those of the standard parser, so clients use
// the standard one.
import { Decoder, Encoder, PacketType, type Packet } from "socket.io-parser";

/** An event payload already serialized to JSON. Emit it to local sockets only (see below). */
export class PreEncoded {
  constructor(readonly json: string) {}
}

/** Told the event of every packet encoded ("ack" for an acknowledgement, "other" for the rest): the messages-out metric. */
export type OnEncode = (event: string) => void;

class PreEncodingEncoder extends Encoder {
  constructor(private readonly onEncode: OnEncode = () => {}) {
    super();
  }

  override encode(packet: Packet): ReturnType<Encoder["encode"]> {
    const [event, payload, ...rest] = Array.isArray(packet.data) ? (packet.data as unknown[]) : [];
    this.onEncode(packet.type === PacketType.EVENT && typeof event === "string" ? event : packet.type === PacketType.ACK ? "ack" : "other");
    if (packet.type !== PacketType.EVENT || !(payload instanceof PreEncoded) || rest.length > 0 || packet.id !== undefined) return super.encode(packet);
    const namespace = packet.nsp && packet.nsp !== "/" ? `${packet.nsp},` : "";
    return [`${PacketType.EVENT}${namespace}[${JSON.stringify(event)},${payload.json}]`];
  }
}

/**
 * For `new Server({ parser })`. Broadcasts that other processes relay (the Redis adapter) are
 * serialized by the adapter, which knows nothing of PreEncoded: send those as plain objects.
 */
export const preEncodingParser = (onEncode?: OnEncode) => ({
  Encoder: class extends PreEncodingEncoder {
    constructor() {
      super(onEncode);
    }
  },
  Decoder,
});
