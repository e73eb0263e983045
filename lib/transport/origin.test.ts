import { describe, expect, it } from "vitest";
import { configuredOrigins, originAllowed } from "./origin";

describe("originAllowed", () => {
  it("lets requests without an Origin header through (non-browser clients)", () => {
    expect(originAllowed(undefined, "pong.example", [])).toBe(true);
    expect(originAllowed(undefined, "pong.example", ["https://pong.example"])).toBe(true);
  });
  it("without configured origins, takes the one naming the Host header, whatever the scheme, ports and case compared as a browser does", () => {
    expect(originAllowed("http://localhost:3000", "localhost:3000", [])).toBe(true);
    expect(originAllowed("https://Pong.Example", "pong.example:443", [])).toBe(true);
    expect(originAllowed("http://pong.example", "pong.example:80", [])).toBe(true);
    expect(originAllowed("http://[::1]:3000", "[::1]:3000", [])).toBe(true);
    expect(originAllowed("http://localhost:3001", "localhost:3000", [])).toBe(false);
    expect(originAllowed("https://evil.example", "localhost:3000", [])).toBe(false);
    expect(originAllowed("http://localhost:3000", undefined, [])).toBe(false);
    expect(originAllowed("http://evil.example", "localhost:3000@evil.example", [])).toBe(false);
  });
  it("refuses null, unparsable and non-web origins", () => {
    for (const origin of ["null", "", "not a url", "file:///etc", "chrome-extension://abc"]) expect(originAllowed(origin, "abc", [])).toBe(false);
  });
  it("with configured origins, takes only those", () => {
    const configured = configuredOrigins({ NEXTAUTH_URL: "https://pong.example/base/", ALLOWED_ORIGINS: ["https://admin.pong.example"] });
    expect(configured).toEqual(["https://pong.example", "https://admin.pong.example"]);
    expect(originAllowed("https://pong.example", "internal:3000", configured)).toBe(true);
    expect(originAllowed("https://admin.pong.example", "internal:3000", configured)).toBe(true);
    expect(originAllowed("http://pong.example", "pong.example", configured)).toBe(false);
    expect(originAllowed("http://internal:3000", "internal:3000", configured)).toBe(false);
  });
});
