import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../client-address";
import { contentSecurityPolicy, guardHttpRequest } from "./guard";

type GuardConfig = Parameters<typeof guardHttpRequest>[2];
const config: GuardConfig = { NODE_ENV: "production", TRUST_PROXY: 0, NEXTAUTH_URL: undefined, ALLOWED_ORIGINS: undefined };

function exchange(method: string, headers: Record<string, string>, remoteAddress = "::ffff:10.0.0.5") {
  const request = { method, headers: { host: "pong.example", ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
  const sent = { headers: {} as Record<string, string>, status: 0, body: "" };
  const response = {
    setHeader: (name: string, value: string) => void (sent.headers[name.toLowerCase()] = value),
    writeHead(status: number, headers: Record<string, string>) {
      sent.status = status;
      for (const [name, value] of Object.entries(headers)) sent.headers[name.toLowerCase()] = value;
      return { end: (body: string) => void (sent.body = body) };
    },
  } as unknown as ServerResponse;
  return { request, response, sent };
}

describe("guardHttpRequest", () => {
  it("replaces a client-sent address header with the connection's address, or the trusted proxy's entry", () => {
    const direct = exchange("GET", { [CLIENT_ADDRESS_HEADER]: "1.2.3.4", "x-forwarded-for": "1.2.3.4" });
    expect(guardHttpRequest(direct.request, direct.response, config)).toBe(true);
    expect(direct.request.headers[CLIENT_ADDRESS_HEADER]).toBe("10.0.0.5");
    const proxied = exchange("GET", { [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6, 1.2.3.4" });
    guardHttpRequest(proxied.request, proxied.response, { ...config, TRUST_PROXY: 1 });
    expect(proxied.request.headers[CLIENT_ADDRESS_HEADER]).toBe("1.2.3.4");
  });

  it("gives Next and the browser the same policy, with a nonce of its own per request", () => {
    const first = exchange("GET", {});
    const second = exchange("GET", {});
    guardHttpRequest(first.request, first.response, config);
    guardHttpRequest(second.request, second.response, config);
    expect(first.request.headers["content-security-policy"]).toBe(first.sent.headers["content-security-policy"]);
    expect(first.sent.headers["content-security-policy"]).not.toBe(second.sent.headers["content-security-policy"]);
  });

  it("answers a state-changing request from another origin with 403 forbidden_origin, and lets safe methods through", () => {
    const refused = exchange("POST", { origin: "https://evil.example" });
    expect(guardHttpRequest(refused.request, refused.response, config)).toBe(false);
    expect(refused.sent.status).toBe(403);
    expect(JSON.parse(refused.sent.body)).toEqual({ error: { code: "forbidden_origin", message: expect.any(String) } });
    expect(refused.sent.headers["x-frame-options"]).toBe("DENY");
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      const safe = exchange(method, { origin: "https://evil.example" });
      expect(guardHttpRequest(safe.request, safe.response, config)).toBe(true);
    }
    const own = exchange("DELETE", { origin: "https://pong.example" });
    expect(guardHttpRequest(own.request, own.response, config)).toBe(true);
  });

  it("sends Strict-Transport-Security when the public URL is https, or a trusted proxy says https", () => {
    const hsts = (headers: Record<string, string>, settings: Partial<GuardConfig>) => {
      const { request, response, sent } = exchange("GET", headers);
      guardHttpRequest(request, response, { ...config, ...settings });
      return sent.headers["strict-transport-security"];
    };
    expect(hsts({}, { NEXTAUTH_URL: "https://pong.example" })).toMatch(/^max-age=/);
    expect(hsts({ "x-forwarded-proto": "https" }, { NEXTAUTH_URL: "http://pong.example" })).toBeUndefined();
    expect(hsts({ "x-forwarded-proto": "https" }, {})).toBeUndefined();
    expect(hsts({ "x-forwarded-proto": "https, http" }, { TRUST_PROXY: 1 })).toMatch(/^max-age=/);
    expect(hsts({ "x-forwarded-proto": "http" }, { TRUST_PROXY: 1 })).toBeUndefined();
    expect(hsts({ "x-forwarded-proto": "https" }, { TRUST_PROXY: 1, NEXTAUTH_URL: "http://pong.example" })).toMatch(/^max-age=/);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows eval only in development", () => {
    expect(contentSecurityPolicy("abc", false)).toContain("script-src 'self' 'nonce-abc';");
    expect(contentSecurityPolicy("abc", true)).toContain("script-src 'self' 'nonce-abc' 'unsafe-eval';");
  });
});
