// The client's address, for limits keyed by address. Behind TRUST_PROXY proxies it is the N-th
// entry from the right of X-Forwarded-For (as Express's numeric "trust proxy" does): entries
// further left were written by the client and can be forged.
import type { IncomingMessage } from "node:http";

/** server.ts writes the address into this request header (replacing any the client sent) for route handlers. */
export const CLIENT_ADDRESS_HEADER = "x-pong-client-address";

export function clientAddress(request: Pick<IncomingMessage, "headers" | "socket">, trustProxy: number): string {
  const own = normalize(request.socket.remoteAddress ?? "unknown");
  if (trustProxy === 0) return own;
  const header = request.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The chain as Express sees it: the socket's address last, then the header's entries right to left.
  const chain = [own, ...forwarded.reverse().map(normalize)];
  return chain[Math.min(trustProxy, chain.length - 1)]!;
}

/** IPv4 addresses reach a dual-stack socket as ::ffff:a.b.c.d. */
function normalize(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
