// Runs the matches this process owns: one fixed-step 60 Hz loop for all of them (accumulator
// over a monotonic clock), broadcasts apart from the simulation rate, snapshots to the store,
// and the result written once at the end. Exactly one process owns a match, through a lease in
// the store; commands for a match owned elsewhere are forwarded over the owner's channel.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import {
  advance,
  forfeit,
  isOver,
  playerLeft,
  playerReturned,
  milestone,
  movePlayer,
  ready,
  register,
  type ForfeitReason,
  type LiveMatch,
  type Transition,
} from "../game/lifecycle";
import { TICK_SECONDS } from "../game/constants";
import type { PlayerSlot } from "../game/types";
import { toGameData } from "../game/wire";
import type { GameData } from "../protocol/game";
import { keys } from "../store/keys";
import { readSnapshot, type Snapshot } from "./match-store";
import { publishLiveSummary, summarize } from "./live-matches";
import type { LiveStore } from "../store/types";
import type { Logger } from "../server/log";

const TICK_MS = 1000 / 60;
/** game_state goes out every other tick while playing: 30 Hz, clients interpolate. */
export const BROADCAST_EVERY_TICKS = 2;
/** Outside play (waiting, countdown) the state changes slowly: 4 Hz keeps countdowns fresh. */
const IDLE_BROADCAST_EVERY_TICKS = 15;
const SNAPSHOT_EVERY_TICKS = 30;
const LEASE_MS = 5_000;
const LEASE_RENEW_EVERY_TICKS = 60;
/** Finished matches stay readable (late joiners, the result screen) for a while. */
const FINISHED_TTL_MS = 60 * 60 * 1000;
/** After a stall longer than this, the loop skips ahead instead of replaying every missed tick. */
const MAX_CATCH_UP_TICKS = 10;
/** How often each process looks for live matches that nobody runs (new ones, or an owner that died). */
const SWEEP_MS = 2_000;

export type MatchCommand =
  | { kind: "register"; slot: PlayerSlot }
  | { kind: "ready"; slot: PlayerSlot }
  | { kind: "move"; slot: PlayerSlot; position: number; direction: -1 | 0 | 1 }
  | { kind: "connections"; slot: PlayerSlot; count: number }
  | { kind: "spectators"; count: number }
  | { kind: "quit"; slot: PlayerSlot }
  | { kind: "forfeit"; slot: PlayerSlot; reason: ForfeitReason };

interface OwnedMatch extends Snapshot {
  lastMilestone: string;
  finishing: boolean;
  /** Some other process has sockets in the match room: broadcasts must go through the adapter. */
  remoteAudience: boolean;
}

export interface MatchRunnerDeps {
  store: LiveStore;
  log: Logger;
  processId: string;
  /** `remote`: other processes have sockets in the room; otherwise a local emit is enough. */
  broadcast(matchId: number, state: GameData, remote: boolean): void;
  /** Called once per match at the start of play. */
  onStarted(match: LiveMatch): Promise<void>;
  /** Writes the result; must be idempotent (it may run again after a take-over). */
  onFinished(match: LiveMatch): Promise<void>;
}

export interface RunnerStats {
  ownedMatches: number;
  ticks: number;
  skippedTicks: number;
  /** Loop ticks per minute since the loop last started (60 Hz: 3,600). */
  ticksPerMinute: number;
  /** How late ticks ran behind their schedule, in ms, over the recent window. */
  lateness: { p50: number; p99: number; max: number; samples: number };
  /** Node's event-loop delay (ms) since the previous stats() call: what else held the loop up. */
  eventLoopDelay: { p50: number; p99: number; max: number };
}

export type CommandResult = { ok: true } | { ok: false; error: "not_found" | "bad_state"; message: string };

export class MatchRunner {
  private readonly owned = new Map<number, OwnedMatch>();
  private timer: NodeJS.Timeout | undefined;
  private nextTickAt = 0;
  private tickCount = 0;
  /** Ticks dropped after a stall (the loop skips ahead instead of replaying them): the drift. */
  private skippedTicks = 0;
  private loopStartedAt = 0;
  private ticksAtLoopStart = 0;
  private readonly lateness: number[] = [];
  private unsubscribe: (() => Promise<void>) | undefined;
  private stopped = false;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });

  constructor(private readonly deps: MatchRunnerDeps) {}

  get processId(): string {
    return this.deps.processId;
  }

  /** Re-reads which processes have sockets in the match room (after every join or leave). */
  private async refreshAudience(matchId: number): Promise<void> {
    const audience = await this.deps.store.hashGetAll(keys.matchAudience(matchId));
    const owned = this.owned.get(matchId);
    if (owned) owned.remoteAudience = Object.entries(audience).some(([processId, count]) => processId !== this.deps.processId && Number(count) > 0);
  }

  async start(): Promise<void> {
    this.loopDelay.enable();
    this.unsubscribe = await this.deps.store.subscribe(keys.runnerChannel(this.deps.processId), (raw) => {
      const { matchId, command } = JSON.parse(raw) as { matchId: number; command: MatchCommand };
      void this.dispatch(matchId, command).catch((error: Error) => this.deps.log.error(`match ${matchId}: ${error.message}`));
    });
    this.sweeper = setInterval(() => void this.sweep().catch((error: Error) => this.deps.log.error(`sweep: ${error.message}`)), SWEEP_MS);
  }

  /** Starts every live match that has no owner: matches nobody joined yet, and those of a stopped process. */
  private async sweep(): Promise<void> {
    const live = Object.keys(await this.deps.store.hashGetAll(keys.liveMatches)).map(Number);
    for (const matchId of live) if (!this.owned.has(matchId)) await this.ensureRunning(matchId);
  }

  /** The latest state of a match, as this process knows it. */
  async gameState(matchId: number): Promise<GameData | null> {
    const local = this.owned.get(matchId);
    const snapshot = local ?? (await this.readSnapshot(matchId));
    return snapshot && toGameData(snapshot.match, snapshot.seq, snapshot.connected, snapshot.spectators, Date.now());
  }

  readSnapshot(matchId: number): Promise<Snapshot | null> {
    return readSnapshot(this.deps.store, matchId);
  }

  /** Makes sure some process runs the match (this one, when nobody does). */
  async ensureRunning(matchId: number): Promise<void> {
    if (this.owned.has(matchId)) return;
    if ((await this.deps.store.get(keys.matchOwner(matchId))) === null) await this.acquire(matchId);
  }

  /** Applies a command here if this process owns the match (taking it over when nobody does), else forwards it. */
  async dispatch(matchId: number, command: MatchCommand): Promise<CommandResult> {
    if (this.owned.has(matchId)) return this.apply(matchId, command);
    let owner = await this.deps.store.get(keys.matchOwner(matchId));
    if (owner === null) {
      if (await this.acquire(matchId)) return this.apply(matchId, command);
      owner = await this.deps.store.get(keys.matchOwner(matchId));
      if (owner === null) return { ok: false, error: "not_found", message: "The match is not running" };
    }
    // Another process runs it (or this one is still taking it over): its channel delivers in order.
    await this.deps.store.publish(keys.runnerChannel(owner), JSON.stringify({ matchId, command }));
    return { ok: true };
  }

  stats(): RunnerStats {
    const sorted = [...this.lateness].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
    const minutes = (performance.now() - this.loopStartedAt) / 60_000;
    return {
      ownedMatches: this.owned.size,
      ticks: this.tickCount,
      skippedTicks: this.skippedTicks,
      ticksPerMinute: this.timer === undefined || minutes <= 0 ? 0 : (this.tickCount - this.ticksAtLoopStart) / minutes,
      lateness: { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0, samples: sorted.length },
      eventLoopDelay: this.readLoopDelay(),
    };
  }

  private readLoopDelay(): RunnerStats["eventLoopDelay"] {
    const ms = (nanoseconds: number) => (Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : 0);
    const delay = { p50: ms(this.loopDelay.percentile(50)), p99: ms(this.loopDelay.percentile(99)), max: ms(this.loopDelay.max) };
    this.loopDelay.reset();
    return delay;
  }

  async close(): Promise<void> {
    this.loopDelay.disable();
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.sweeper);
    await this.unsubscribe?.();
    // Hand the matches over: a snapshot and a released lease let another process resume them.
    await Promise.all(
      [...this.owned.entries()].map(async ([matchId, owned]) => {
        await this.saveSnapshot(owned);
        await this.deps.store.del(keys.matchOwner(matchId), this.deps.processId);
      }),
    );
    this.owned.clear();
  }

  // ---- ownership -------------------------------------------------------------------------------

  /** Takes the lease of a stored, unfinished match that nobody runs; true when this process now owns it. */
  private async acquire(matchId: number): Promise<boolean> {
    if (this.stopped) return false;
    const snapshot = await this.readSnapshot(matchId);
    if (!snapshot || isOver(snapshot.match)) {
      // Over (or gone) but still listed: its owner stopped between the result and the clean-up.
      await this.deps.store.hashDelete(keys.liveMatches, String(matchId));
      return false;
    }
    const won = await this.deps.store.set(keys.matchOwner(matchId), this.deps.processId, { onlyIfAbsent: true, ttlMs: LEASE_MS });
    if (!won) return false;
    if (this.owned.has(matchId)) return true;
    // Re-read after winning: the previous owner may have saved a newer state on its way out.
    const latest = (await this.readSnapshot(matchId)) ?? snapshot;
    // Until the audience is known, broadcasts take the safe road through the adapter.
    this.owned.set(matchId, { ...latest, lastMilestone: milestone(latest.match), finishing: false, remoteAudience: true });
    void this.refreshAudience(matchId);
    this.deps.log.debug(`match ${matchId}: running on ${this.deps.processId}`);
    this.ensureLoop();
    return true;
  }

  private async renewLeases(): Promise<void> {
    await Promise.all(
      [...this.owned.keys()].map(async (matchId) => {
        const { processId } = this.deps;
        const kept = await this.deps.store.compareAndSet(keys.matchOwner(matchId), processId, processId, { ttlMs: LEASE_MS });
        if (!kept && this.owned.delete(matchId)) this.deps.log.warn(`match ${matchId}: lease lost, another process runs it now`);
      }),
    );
  }

  // ---- commands --------------------------------------------------------------------------------

  private apply(matchId: number, command: MatchCommand): CommandResult {
    const owned = this.owned.get(matchId);
    if (!owned) return { ok: false, error: "not_found", message: "The match is not running" };
    const now = Date.now();
    let transition: Transition;
    switch (command.kind) {
      case "register":
        transition = register(owned.match, command.slot, now);
        break;
      case "ready":
        transition = ready(owned.match, command.slot, now);
        break;
      case "move":
        transition = { ok: true, match: movePlayer(owned.match, command.slot, command.position, command.direction, now) };
        break;
      case "connections":
        void this.refreshAudience(matchId);
        owned.connected = { ...owned.connected, [command.slot]: command.count > 0 };
        // Gone: paused for everyone while the grace period runs; back: a countdown resumes play.
        transition = { ok: true, match: command.count > 0 ? playerReturned(owned.match, command.slot, now) : playerLeft(owned.match, command.slot, now) };
        break;
      case "spectators":
        void this.refreshAudience(matchId);
        owned.spectators = Math.max(0, command.count);
        transition = { ok: true, match: owned.match };
        break;
      case "quit":
        transition = { ok: true, match: forfeit(owned.match, command.slot, "quit", now) };
        break;
      case "forfeit":
        transition = { ok: true, match: forfeit(owned.match, command.slot, command.reason, now) };
        break;
    }
    if (!transition.ok) return transition;
    owned.match = transition.match;
    // Paddle moves ride on the next periodic broadcast; every other command is news at once.
    if (command.kind !== "move") this.afterChange(matchId, owned, { periodic: false, force: true });
    return { ok: true };
  }

  // ---- the loop --------------------------------------------------------------------------------

  private ensureLoop(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.nextTickAt = performance.now() + TICK_MS;
    this.loopStartedAt = performance.now();
    this.ticksAtLoopStart = this.tickCount;
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.runDueTicks(), Math.max(0, this.nextTickAt - performance.now()));
  }

  private runDueTicks(): void {
    const now = performance.now();
    let ran = 0;
    while (this.nextTickAt <= now && ran < MAX_CATCH_UP_TICKS) {
      this.recordLateness(now - this.nextTickAt);
      this.tick();
      this.nextTickAt += TICK_MS;
      ran++;
    }
    if (this.nextTickAt <= now) {
      this.skippedTicks += Math.floor((now - this.nextTickAt) / TICK_MS) + 1;
      this.nextTickAt = now + TICK_MS;
    }
    if (this.owned.size === 0) {
      this.timer = undefined;
      return;
    }
    this.schedule();
  }

  private recordLateness(ms: number): void {
    this.lateness.push(ms);
    // A one-minute window (3,600 ticks): recent enough to show the current load.
    if (this.lateness.length > 3_600) this.lateness.shift();
  }

  private tick(): void {
    this.tickCount++;
    const now = Date.now();
    for (const [matchId, owned] of this.owned) {
      if (owned.finishing) continue;
      owned.match = advance(owned.match, now, TICK_SECONDS);
      this.afterChange(matchId, owned, { periodic: true, force: false });
    }
    if (this.tickCount % LEASE_RENEW_EVERY_TICKS === 0) void this.renewLeases().catch((error: Error) => this.deps.log.error(`lease renewal: ${error.message}`));
  }

  /**
   * Broadcasts and snapshots as needed after the match changed; finishes it when it is over.
   * `periodic`: called from the tick, so the regular broadcast and snapshot rates apply.
   */
  private afterChange(matchId: number, owned: OwnedMatch, { periodic, force }: { periodic: boolean; force: boolean }): void {
    const current = milestone(owned.match);
    const changed = force || current !== owned.lastMilestone;
    const started = owned.lastMilestone.startsWith("countdown") && owned.match.status === "playing";
    owned.lastMilestone = current;
    const every = owned.match.status === "playing" ? BROADCAST_EVERY_TICKS : IDLE_BROADCAST_EVERY_TICKS;
    // Offset by match id so the broadcasts of many matches spread over the ticks instead of piling onto one.
    if (changed || (periodic && (this.tickCount + matchId) % every === 0)) {
      owned.seq++;
      this.deps.broadcast(matchId, toGameData(owned.match, owned.seq, owned.connected, owned.spectators, Date.now()), owned.remoteAudience);
    }
    if (changed) void publishLiveSummary(this.deps.store, matchId, summarize(owned.match, owned.spectators)).catch((error: Error) => this.deps.log.error(`live list: ${error.message}`));
    if (started) void this.deps.onStarted(owned.match).catch((error: Error) => this.deps.log.error(`match ${matchId} start: ${error.message}`));
    if (isOver(owned.match)) void this.finish(matchId, owned);
    else if (changed || (periodic && (this.tickCount + matchId) % SNAPSHOT_EVERY_TICKS === 0)) void this.saveSnapshot(owned);
  }

  private async saveSnapshot(owned: OwnedMatch, ttlMs?: number): Promise<void> {
    const { match, seq, connected, spectators } = owned;
    await this.deps.store
      .set(keys.matchState(match.matchId), JSON.stringify({ match, seq, connected, spectators } satisfies Snapshot), ttlMs === undefined ? {} : { ttlMs })
      .catch((error: Error) => this.deps.log.error(`match ${match.matchId} snapshot: ${error.message}`));
  }

  private async finish(matchId: number, owned: OwnedMatch): Promise<void> {
    owned.finishing = true;
    await this.saveSnapshot(owned, FINISHED_TTL_MS);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.onFinished(owned.match);
        break;
      } catch (error) {
        this.deps.log.error(`match ${matchId}: writing the result failed (attempt ${attempt}): ${(error as Error).message}`);
        if (this.stopped) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * attempt)));
      }
    }
    this.owned.delete(matchId);
    await this.deps.store.hashDelete(keys.liveMatches, String(matchId));
    await this.deps.store.del(keys.matchOwner(matchId), this.deps.processId);
    this.deps.log.info(`match ${matchId}: ${owned.match.status}, winner ${owned.match.winner}`);
  }
}
