import { afterEach, describe, expect, it, vi } from "vitest";
import { anyBody, hasField, isNumber, NETWORK_FAILURE, postJson } from "./api";

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body), { status }));
const hasMatchId = hasField("match_id", isNumber);

afterEach(() => vi.unstubAllGlobals());

describe("postJson", () => {
  it("sends JSON and returns the accepted body", async () => {
    const fetch = answer(201, { match_id: 7 });
    vi.stubGlobal("fetch", fetch);
    expect(await postJson("/x/", { opponent: "ann" }, hasMatchId)).toEqual({ ok: true, status: 201, data: { match_id: 7 } });
    expect(fetch).toHaveBeenCalledWith("/x/", { method: "POST", headers: { "content-type": "application/json" }, body: '{"opponent":"ann"}' });
  });

  it("sends no body when there is none", async () => {
    const fetch = answer(200, { match_id: 1, player: "player1" });
    vi.stubGlobal("fetch", fetch);
    expect((await postJson("/j/", undefined, anyBody)).ok).toBe(true);
    expect(fetch).toHaveBeenCalledWith("/j/", { method: "POST" });
  });

  it("parses the server's error body", async () => {
    vi.stubGlobal("fetch", answer(403, { error: { code: "no_accepted_challenge", message: "No challenge", fields: { a: "b" } } }));
    expect(await postJson("/x/", {}, hasMatchId)).toEqual({ ok: false, status: 403, error: { code: "no_accepted_challenge", message: "No challenge", fields: { a: "b" } } });
  });

  it("an answer without the error body, or a success of the wrong shape, fails with error null", async () => {
    vi.stubGlobal("fetch", answer(502, "<html>Bad gateway</html>"));
    expect(await postJson("/x/", {}, hasMatchId)).toEqual({ ok: false, status: 502, error: null });
    vi.stubGlobal("fetch", answer(200, { something: "else" }));
    expect(await postJson("/x/", {}, hasMatchId)).toEqual({ ok: false, status: 200, error: null });
  });

  it("a network failure is status 0", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(await postJson("/x/", {}, hasMatchId)).toEqual({ ok: false, status: NETWORK_FAILURE, error: null });
  });
});
