import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as Parameters<typeof clientAddress>[0];

describe("clientAddress", () => {
  it("is the connection's own address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("::ffff:10.0.0.5", "1.2.3.4"), 0)).toBe("10.0.0.5");
  });
  it("is the N-th entry from the right of X-Forwarded-For behind N proxies", () => {
    expect(clientAddress(request("10.0.0.1", "6.6.6.6, 1.2.3.4"), 1)).toBe("1.2.3.4");
    expect(clientAddress(request("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2"), 2)).toBe("1.2.3.4");
  });
  it("stops at the leftmost entry when the header is shorter than the trusted hops", () => {
    expect(clientAddress(request("10.0.0.1", "1.2.3.4"), 3)).toBe("1.2.3.4");
    expect(clientAddress(request("10.0.0.1"), 2)).toBe("10.0.0.1");
  });
});
