// GET /metrics on both back-ends: Prometheus text that a Prometheus parser reads, restricted by
// METRICS_TOKEN, and figures that move with what the server does (a duel played, refusals).
import parsePrometheus, { type MetricFamily } from "parse-prometheus-text-format";
import { describe, expect, it } from "vitest";
import { backends } from "../helpers/backends";
import { emitAck, nextState, playingDuel, suiteServer, trackBall } from "../helpers/protocol";

const TOKEN = "metrics-token-for-the-tests-0123";

describe.each(backends)("GET /metrics on $name", (backend) => {
  const { url, user } = suiteServer(backend, { METRICS_TOKEN: TOKEN });
  const scrape = async () => {
    const response = await fetch(`${url()}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    // The parser reads every line (it throws on a malformed one) and gives counters and gauges;
    // it drops the labels of histograms, whose `_count` samples are read from the text below.
    const families = parsePrometheus(text);
    const family = (name: string): MetricFamily => {
      const found = families.find((candidate) => candidate.name === name);
      if (!found) throw new Error(`no ${name} in /metrics`);
      return found;
    };
    const matches = (labels: Record<string, string> | undefined, wanted: Record<string, string>) => Object.entries(wanted).every(([key, value]) => labels?.[key] === value);
    /** The value of a counter or gauge sample whose labels include `labels` (0 when there is none). */
    const value = (name: string, labels: Record<string, string> = {}) => Number(family(name).metrics.find((sample) => matches(sample.labels, labels))?.value ?? 0);
    /** A histogram's observations over its series whose labels include `labels`. */
    const count = (name: string, labels: Record<string, string> = {}) => {
      family(name);
      let total = 0;
      for (const [, rawLabels = "", observed] of text.matchAll(new RegExp(`^${name}_count(?:\\{([^}]*)\\})? (\\S+)$`, "gm"))) {
        const sampleLabels = Object.fromEntries([...rawLabels.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, label]) => [key!, label!]));
        if (matches(sampleLabels, labels)) total += Number(observed);
      }
      return total;
    };
    return { families, family, value, count };
  };

  it("answers only with the token: 401 without it or with another, for /metrics and /api/metrics/", async () => {
    for (const path of ["/metrics", "/api/metrics/"]) {
      const attempts: Record<string, string>[] = [{}, { authorization: "Bearer not-the-token-at-all-000" }, { authorization: TOKEN }];
      for (const headers of attempts) {
        const response = await fetch(`${url()}${path}`, { headers });
        expect(response.status, `${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
      }
    }
    expect((await fetch(`${url()}/api/metrics/`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it("parses as Prometheus text with every family, and counts a duel's matches, messages, ticks, calls and refusals", async () => {
    const before = await scrape();
    for (const name of [
      "process_cpu_user_seconds_total",
      "nodejs_eventloop_lag_seconds",
      "pong_matches_running",
      "pong_tick_lateness_seconds",
      "pong_relay_delay_seconds",
      "pong_sockets",
      "pong_socket_messages_in_total",
      "pong_socket_messages_out_total",
      "pong_refusals_total",
      "pong_pairing_pool_size",
      "pong_store_call_duration_seconds",
      "pong_db_query_duration_seconds",
    ]) {
      expect(before.families.map((family) => family.name)).toContain(name);
    }

    const [alice, bob] = [await user("alice"), await user("bob")];
    await playingDuel(alice, bob);
    const stop = trackBall(alice, "player1");
    await nextState(alice.game, (state) => state.tick >= 120);
    // Refused: a malformed message over the socket, an unknown match over HTTP.
    expect(await emitAck(alice.game, "ready", { type: "ready" })).toMatchObject({ ok: false, error: { code: "invalid_message" } });
    expect((await fetch(`${url()}/game/matches/999999/`)).status).toBe(404);
    const during = await scrape();
    stop();

    expect(during.value("pong_matches_running")).toBeGreaterThanOrEqual(1);
    expect(during.value("pong_sockets", { namespace: "/game" })).toBeGreaterThanOrEqual(2);
    expect(during.value("pong_socket_messages_in_total", { namespace: "/game", event: "player1_position" })).toBeGreaterThan(0);
    expect(during.value("pong_socket_messages_in_total", { namespace: "/game", event: "ready" })).toBeGreaterThanOrEqual(3);
    expect(during.value("pong_socket_messages_out_total", { event: "game_state" })).toBeGreaterThan(before.value("pong_socket_messages_out_total", { event: "game_state" }));
    expect(during.value("pong_refusals_total", { transport: "socket", code: "invalid_message" })).toBeGreaterThanOrEqual(1);
    expect(during.value("pong_refusals_total", { transport: "http", code: "not_found" })).toBeGreaterThanOrEqual(1);
    // Two seconds of play: every tick's lateness observed once, in the scrape after it ran.
    expect(during.count("pong_tick_lateness_seconds")).toBeGreaterThanOrEqual(120);
    expect(during.count("pong_relay_delay_seconds")).toBeGreaterThan(0);
    expect(during.count("pong_store_call_duration_seconds", { operation: "set" })).toBeGreaterThan(0);
    expect(during.count("pong_db_query_duration_seconds")).toBeGreaterThan(before.count("pong_db_query_duration_seconds"));
    // Each tick is observed once, whatever the number of scrapes: never more samples than ticks run.
    const after = await scrape();
    const { ticks } = (await (await fetch(`${url()}/api/metrics/`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { ticks: number };
    expect(after.count("pong_tick_lateness_seconds")).toBeLessThanOrEqual(ticks);
  });
});
