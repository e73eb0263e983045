// Socket.IO's parser with one addition: an event whose payload is already JSON (game_state,
// serialized on the simulation thread) is framed as is instead of being serialized again on the
// main thread. The frames on the wire are exactly those of the standard parser, so clients use
// the standard one.
import { Decoder, Encoder, PacketType, type Packet } from "socket.io-parser";

/** An event payload already serialized to JSON. Emit it to local sockets only (see below). */
export class PreEncoded {
  constructor(readonly json: string) {}
}

class PreEncodingEncoder extends Encoder {
  override encode(packet: Packet): ReturnType<Encoder["encode"]> {
    const [event, payload, ...rest] = Array.isArray(packet.data) ? (packet.data as unknown[]) : [];
    if (packet.type !== PacketType.EVENT || !(payload instanceof PreEncoded) || rest.length > 0 || packet.id !== undefined) return super.encode(packet);
    const namespace = packet.nsp && packet.nsp !== "/" ? `${packet.nsp},` : "";
    return [`${PacketType.EVENT}${namespace}[${JSON.stringify(event)},${payload.json}]`];
  }
}

/**
 * For `new Server({ parser })`. Broadcasts that other processes relay (the Redis adapter) are
 * serialized by the adapter, which knows nothing of PreEncoded: send those as plain objects.
 */
export const preEncodingParser = { Encoder: PreEncodingEncoder, Decoder };
