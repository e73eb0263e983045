import { describe, expect, it } from "vitest";
import { idParam, textParam, wellFormedPath } from "./params";

describe("textParam", () => {
  it("decodes percent-encoding", () => {
    expect(textParam("alice")).toBe("alice");
    expect(textParam("a%20b")).toBe("a b");
    expect(textParam("%25")).toBe("%");
  });

  it("is null for malformed percent-encoding instead of throwing", () => {
    expect(textParam("%")).toBeNull();
    expect(textParam("%E0%A4%A")).toBeNull();
    expect(textParam("100%zz")).toBeNull();
  });
});

describe("idParam", () => {
  it("reads a positive 32-bit integer", () => {
    expect(idParam("1")).toBe(1);
    expect(idParam("2147483647")).toBe(2_147_483_647);
  });

  it("is null for anything else", () => {
    for (const raw of ["", "0", "-1", "abc", "1.5", "1e3", " 1", "%25", "2147483648", "99999999999"]) expect(idParam(raw), raw).toBeNull();
  });
});

describe("wellFormedPath", () => {
  it("leaves a well-formed URL as it is", () => {
    for (const url of ["/", "/users/alice/", "/users/a%20b/?q=%E0", "/users/%25/"]) expect(wellFormedPath(url)).toBe(url);
  });

  it("escapes the % of a malformed path, keeping the query", () => {
    expect(wellFormedPath("/users/%E0%A4%A/")).toBe("/users/%25E0%25A4%25A/");
    expect(wellFormedPath("/match/%/?x=1")).toBe("/match/%25/?x=1");
  });
});
