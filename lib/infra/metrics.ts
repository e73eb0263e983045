// The process's Prometheus metrics (prom-client), scraped at GET /metrics. One registry per
// process, made in createApp and reached by the route through the AppContext. Label values are
// always from fixed sets (event names the server knows, error codes, store operations), never
// from what a client sends, so no client can grow the series without end.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Tick lateness and relay delay: from a fraction of a millisecond to a stall. */
const DELAY_BUCKETS = [0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512];
/** Store and database calls: sub-millisecond on loopback, seconds when a back-end struggles. */
const CALL_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** What the scrape asks the rest of the process for (set once the app is built). */
export interface MetricsSources {
  matchesRunning(): number;
  /** Tick lateness samples (ms) since the previous call: each one is observed once. */
  drainTickLateness(): Promise<number[]>;
  socketsPerNamespace(): Record<string, number>;
  pairingPoolSize(): Promise<number>;
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let sources: MetricsSources | null = null;

  const tickLateness = new Histogram({
    name: "pong_tick_lateness_seconds",
    help: "How late each 60 Hz simulation tick ran behind its schedule",
    buckets: DELAY_BUCKETS,
    registers,
    async collect() {
      for (const ms of (await sources?.drainTickLateness()) ?? []) this.observe(ms / 1000);
    },
  });
  const messagesOut = new Counter({
    name: "pong_socket_messages_out_total",
    help: "Socket.IO packets encoded for this process's sockets (a broadcast counts once), per event; acknowledgements are event=ack",
    labelNames: ["event"],
    registers,
  });
  // Bound once per event (the server's own names: a fixed set), so counting a packet is one addition.
  const outByEvent = new Map<string, ReturnType<typeof messagesOut.labels>>();
  const metrics = {
    registry,
    tickLateness,
    relayDelay: new Histogram({
      name: "pong_relay_delay_seconds",
      help: "How long the simulation thread's states waited for the main thread before going out",
      buckets: DELAY_BUCKETS,
      registers,
    }),
    messagesIn: new Counter({ name: "pong_socket_messages_in_total", help: "Socket.IO messages received, per namespace and event", labelNames: ["namespace", "event"], registers }),
    /** Counts a packet encoded for `event` (the encoder calls it for every packet: a game_state 30 times a second per match). */
    countOut(event: string) {
      let child = outByEvent.get(event);
      if (!child) outByEvent.set(event, (child = messagesOut.labels(event)));
      child.inc();
    },
    refusals: new Counter({
      name: "pong_refusals_total",
      help: "Requests and messages refused, per error code (rate limits included), over HTTP and Socket.IO",
      labelNames: ["transport", "code"],
      registers,
    }),
    storeCall: new Histogram({
      name: "pong_store_call_duration_seconds",
      help: "Live store calls (Redis, or the in-process store), per operation",
      labelNames: ["backend", "operation"],
      buckets: CALL_BUCKETS,
      registers,
    }),
    dbQuery: new Histogram({ name: "pong_db_query_duration_seconds", help: "Database queries (PostgreSQL or PGlite)", labelNames: ["backend"], buckets: CALL_BUCKETS, registers }),
    /** Tells the scrape where the live figures come from. */
    connect(next: MetricsSources) {
      sources = next;
    },
  };

  new Gauge({
    name: "pong_matches_running",
    help: "Matches this process runs",
    registers,
    collect() {
      this.set(sources?.matchesRunning() ?? 0);
    },
  });
  new Gauge({
    name: "pong_sockets",
    help: "Open Socket.IO connections on this process, per namespace",
    labelNames: ["namespace"],
    registers,
    collect() {
      for (const [namespace, count] of Object.entries(sources?.socketsPerNamespace() ?? {})) this.set({ namespace }, count);
    },
  });
  new Gauge({
    name: "pong_pairing_pool_size",
    help: "Players waiting for a quick pairing (over every process)",
    registers,
    async collect() {
      this.set((await sources?.pairingPoolSize().catch(() => null)) ?? 0);
    },
  });
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
