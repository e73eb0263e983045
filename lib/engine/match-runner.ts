// Runs the matches this process owns. The simulation itself (one fixed-step 60 Hz loop for all
// of them) runs on its own thread (loop/thread.ts); this side keeps what needs the main thread:
// ownership, commands in, states out to the sockets, snapshots to the store, and the result
// written once at the end. Exactly one process owns a match, through a lease in the store;
// commands for a match owned elsewhere are forwarded over the owner's channel.
import { isOver, type LiveMatch } from "../domain/game/lifecycle";
import { PLAYER_SLOTS } from "../domain/lists";
import { toGameData } from "./game-data";
import type { GameData } from "../protocol/game";
import { keys } from "../infra/store/keys";
import { deleteRecordingChunks, loadRecording, readSnapshot, type Snapshot } from "./match-store";
import { encodeRecording, type ReplayEnvelope } from "../domain/replay";
import { publishLiveSummary } from "../app/live-matches";
import { AudienceRecounts } from "./audience-recounts";
import { LEASE_RENEW_MS, MatchLeases } from "./leases";
import { CommandForwarding } from "./forwarding";
import { OwnerWrites } from "./owner-writes";
import { MainThreadDelays, type MainThreadDelayStats } from "./main-thread-delays";
import type { MatchAudience } from "../app/process-ledger";
import type { MatchRole } from "../protocol/game";
import { mayBeRefused, type CommandResult, type HandoverSnapshot, type LoopEvent, type MatchCommand } from "./loop/match-loop";
import { startLoopThread, type LoopLink } from "./loop/link";
import type { FromLoop, LoopStats } from "./loop/protocol";
import type { LiveStore } from "../infra/store/types";
import type { Logger } from "../infra/log";

export type { CommandResult, MatchCommand };

/** Finished matches stay readable (late joiners, the result screen) for a while. */
const FINISHED_TTL_MS = 60 * 60 * 1000;
/** How often each process looks for live matches that nobody runs (new ones, or an owner that died). */
const SWEEP_MS = 2_000;

/** Snapshots are saved every second; states go out at most 60 times a second. */
const TAKEOVER_SEQ_JUMP = 600;

interface OwnedMatch {
  /** Some other process has sockets in the match room: broadcasts must go through the adapter. */
  remoteAudience: boolean;
}

export interface MatchRunnerDeps {
  store: LiveStore;
  log: Logger;
  processId: string;
  /** The match room's sockets over every process (the process ledgers). */
  audience(matchId: number): Promise<MatchAudience>;
  /** Sends a game_state message (JSON); `remote`: other processes have sockets in the room, otherwise a local emit is enough. */
  broadcast(matchId: number, message: string, remote: boolean): void;
  /** Called once per match at the start of play. */
  onStarted(match: LiveMatch): Promise<void>;
  /** Told each relay delay (seconds): how long a tick's states waited for the main thread. */
  observeRelayDelay?(seconds: number): void;
  /** Writes the result with its replay (null: none); must be idempotent (it may run again after a take-over). */
  onFinished(match: LiveMatch, replay: ReplayEnvelope | null): Promise<void>;
}

export interface RunnerStats extends LoopStats, MainThreadDelayStats {
  ownedMatches: number;
}

export class MatchRunner {
  private readonly owned = new Map<number, OwnedMatch>();
  private readonly leases: MatchLeases;
  private readonly forwarding: CommandForwarding;
  private readonly writes: OwnerWrites;
  private link: LoopLink | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private stopped = false;
  private sweeper: NodeJS.Timeout | undefined;
  private leaseRenewer: NodeJS.Timeout | undefined;
  private readonly recounts: AudienceRecounts;
  private readonly delays: MainThreadDelays;

  constructor(private readonly deps: MatchRunnerDeps) {
    this.leases = new MatchLeases(deps.store, deps.processId);
    this.forwarding = new CommandForwarding(deps.store, deps.processId, deps.log);
    this.writes = new OwnerWrites(deps.store, deps.processId, deps.log);
    this.delays = new MainThreadDelays(deps.observeRelayDelay);
    this.recounts = new AudienceRecounts(deps.audience, (matchId, audience, roles) => this.applyAudience(matchId, audience, roles), deps.log);
  }

  get processId(): string {
    return this.deps.processId;
  }

  private get loop(): LoopLink {
    if (!this.link) throw new Error("The match runner is not started");
    return this.link;
  }

  async start(): Promise<void> {
    this.delays.start();
    this.link = startLoopThread(
      (message) => this.receive(message),
      // A failing simulation thread is a bug; carrying on would freeze every match here.
      (error) => {
        this.deps.log.error(`simulation thread failed: ${error.stack ?? error.message}`);
        process.exit(1);
      },
    );
    this.unsubscribe = await this.forwarding.listen({
      dispatch: (matchId, command) => this.dispatch(matchId, command),
      audienceChanged: (matchId, roles) => this.audienceChanged(matchId, roles),
    });
    this.sweeper = setInterval(() => void this.sweep().catch((error: Error) => this.deps.log.error(`sweep: ${error.message}`)), SWEEP_MS);
    this.leaseRenewer = setInterval(() => void this.renewLeases().catch((error: Error) => this.deps.log.error(`lease renewal: ${error.message}`)), LEASE_RENEW_MS);
  }

  /** Starts every live match that has no owner: matches nobody joined yet, and those of a stopped process. */
  private async sweep(): Promise<void> {
    const live = Object.keys(await this.deps.store.hashGetAll(keys.liveMatches)).map(Number);
    for (const matchId of live) if (!this.owned.has(matchId)) await this.ensureRunning(matchId);
  }

  /** The latest state of a match, as this process knows it. */
  async gameState(matchId: number): Promise<GameData | null> {
    if (this.owned.has(matchId)) {
      const state = await this.loop.request<GameData | null>({ op: "state", matchId });
      if (state) return state;
    }
    const snapshot = await this.readSnapshot(matchId);
    return snapshot && toGameData(snapshot.match, snapshot.seq, snapshot.connected, snapshot.spectators, Date.now());
  }

  readSnapshot(matchId: number): Promise<Snapshot | null> {
    return readSnapshot(this.deps.store, matchId);
  }

  /** Makes sure some process runs the match (this one, when nobody does). */
  async ensureRunning(matchId: number): Promise<void> {
    if (this.owned.has(matchId)) return;
    if ((await this.leases.holder(matchId)) === null) await this.acquire(matchId);
  }

  /** Applies a command here if this process owns the match (taking it over when nobody does), else forwards it. */
  async dispatch(matchId: number, command: MatchCommand): Promise<CommandResult> {
    if (this.owned.has(matchId)) return this.apply(matchId, command);
    let owner = await this.leases.holder(matchId);
    if (owner === null) {
      if (await this.acquire(matchId)) return this.apply(matchId, command);
      owner = await this.leases.ownerOf(matchId);
      if (owner === null) return { ok: false, error: "not_found", message: "The match is not running" };
    }
    // Another process runs it (or this one is still taking it over): its channel delivers in order.
    return this.forwarding.command(owner, matchId, command);
  }

  /**
   * A paddle input: the hot path (every player, 30 times a second). Queued for the simulation
   * thread without a promise when the match runs here; otherwise dispatched like any command.
   */
  move(matchId: number, command: Extract<MatchCommand, { kind: "move" }>): Promise<CommandResult> | undefined {
    if (!this.owned.has(matchId)) return this.dispatch(matchId, command);
    this.loop.send({ op: "command", matchId, command, at: Date.now() });
  }

  get ownedMatches(): number {
    return this.owned.size;
  }

  /** Tick lateness samples (ms) since the previous call (the metrics' histogram; [] before the start). */
  drainTickLateness(): Promise<number[]> {
    return this.link ? this.link.request<number[]>({ op: "drainLateness" }) : Promise.resolve([]);
  }

  async stats(): Promise<RunnerStats> {
    const loop = await this.loop.request<LoopStats>({ op: "stats" });
    return { ...loop, ownedMatches: this.owned.size, ...this.delays.read() };
  }

  async close(): Promise<void> {
    this.delays.stop();
    this.stopped = true;
    clearInterval(this.sweeper);
    clearInterval(this.leaseRenewer);
    await this.unsubscribe?.();
    if (!this.link) return;
    // Hand the matches over: a snapshot and a released lease let another process resume them.
    const snapshots = await this.link.request<HandoverSnapshot[]>({ op: "handover" });
    await Promise.all(
      snapshots.map(async ({ matchId, json }) => {
        await this.writes.snapshot(matchId, json, { handover: true });
        await this.leases.release(matchId);
      }),
    );
    this.owned.clear();
    await this.link.close();
  }

  // ---- ownership -------------------------------------------------------------------------------

  /**
   * Takes the lease of a stored match that nobody runs; true when this process now owns it. A
   * match found over is one whose owner stopped before writing its result: it is finished here.
   */
  private async acquire(matchId: number): Promise<boolean> {
    if (this.stopped) return false;
    const snapshot = await this.leases.take(matchId);
    if (!snapshot) return false;
    if (this.owned.has(matchId)) return true;
    // Re-read after winning: the previous owner may have saved a newer state on its way out.
    const latest = (await this.readSnapshot(matchId)) ?? snapshot;
    const recording = await loadRecording(this.deps.store, matchId, latest.recording);
    if (latest.recording && !recording) this.deps.log.warn(`match ${matchId}: its recording lost a chunk; it will have no replay`);
    if (isOver(latest.match)) {
      this.owned.set(matchId, { remoteAudience: true });
      void this.finish(matchId, latest.match, null, recording && encodeRecording(recording, latest.match.sim)).catch((error: Error) =>
        this.deps.log.error(`match ${matchId} finish: ${error.message}`),
      );
      return false;
    }
    // States broadcast since that snapshot carried higher numbers: jump past them, or clients
    // that stayed connected would drop the new owner's states as old.
    latest.seq += TAKEOVER_SEQ_JUMP;
    // Until the audience is known, broadcasts take the safe road through the adapter.
    this.owned.set(matchId, { remoteAudience: true });
    this.loop.send({ op: "add", match: { ...latest, recording } });
    // Players who were connected are counted again (their sockets may have died with the previous
    // owner); a player who never came is not "away": the register timeout handles them.
    this.recounts.request(matchId, ["spectator", ...PLAYER_SLOTS.filter((slot) => latest.connected[slot])]);
    this.deps.log.debug(`match ${matchId}: running on ${this.deps.processId}`);
    return true;
  }

  /** Renews this process's leases; one that vanished (the store lost its data) is taken again with all the match's state. */
  private async renewLeases(): Promise<void> {
    const regained: number[] = [];
    await Promise.all(
      [...this.owned.keys()].map(async (matchId) => {
        const lease = await this.leases.renew(matchId);
        if (lease === "renewed") return;
        if (lease === "regained") return void regained.push(matchId);
        if (!this.owned.delete(matchId)) return;
        this.loop.send({ op: "remove", matchId });
        this.deps.log.warn(`match ${matchId}: lease lost, another process runs it now`);
      }),
    );
    if (regained.length > 0) await this.reassert(regained);
  }

  /** Writes again what the store lost of matches this process runs. */
  private async reassert(matchIds: number[]): Promise<void> {
    this.deps.log.warn(`the live store had lost ${matchIds.length} match(es) run here: writing them again`);
    const snapshots = await this.loop.request<HandoverSnapshot[]>({ op: "snapshots" });
    for (const snapshot of snapshots.filter(({ matchId }) => matchIds.includes(matchId))) await this.writes.rewrite(snapshot);
  }

  /**
   * Sockets of `roles` joined or left the match room somewhere. The owner counts them over every
   * process and tells the match (a player with none is away); another process forwards the news.
   */
  async audienceChanged(matchId: number, roles: MatchRole[]): Promise<void> {
    if (!this.owned.has(matchId) && !(await this.acquire(matchId))) {
      const owner = await this.leases.ownerOf(matchId);
      if (owner !== null && owner !== this.deps.processId) await this.forwarding.audience(owner, matchId, roles);
      return;
    }
    this.recounts.request(matchId, roles);
  }

  /** A fresh count of the match's audience: which processes to broadcast to, and who is there. */
  private applyAudience(matchId: number, audience: MatchAudience, roles: MatchRole[]): boolean {
    const owned = this.owned.get(matchId);
    if (!owned) return false;
    owned.remoteAudience = [...audience.processes].some((processId) => processId !== this.deps.processId);
    for (const role of roles) {
      const command: MatchCommand = role === "spectator" ? { kind: "spectators", count: audience.counts.spectator } : { kind: "connections", slot: role, count: audience.counts[role] };
      this.loop.send({ op: "command", matchId, command, at: Date.now() });
    }
    return true;
  }

  private apply(matchId: number, command: MatchCommand): Promise<CommandResult> | CommandResult {
    const message = { op: "command", matchId, command, at: Date.now() } as const;
    if (mayBeRefused(command)) return this.loop.request<CommandResult>(message);
    this.loop.send(message);
    return { ok: true };
  }

  // ---- what the simulation thread reports ------------------------------------------------------------

  private receive({ events, sentAt }: FromLoop): void {
    if (events.length === 0) return;
    this.delays.relayed(sentAt);
    for (const event of events) this.handle(event);
  }

  private handle(event: LoopEvent): void {
    const matchId = event.kind === "started" || event.kind === "over" ? event.match.matchId : event.matchId;
    const owned = this.owned.get(matchId);
    // Events of a match whose lease was lost on the way: its new owner speaks for it.
    if (!owned) return;
    const failed = (what: string) => (error: Error) => this.deps.log.error(`match ${matchId} ${what}: ${error.message}`);
    switch (event.kind) {
      case "broadcast":
        this.deps.broadcast(matchId, event.message, owned.remoteAudience);
        break;
      case "snapshot":
        void this.writes.snapshot(matchId, event.json);
        break;
      case "recordingChunk":
        void this.writes.recordingChunk(matchId, event.index, event.chunk);
        break;
      case "summary":
        void publishLiveSummary(this.deps.store, matchId, event.summary).catch(failed("live list"));
        break;
      case "started":
        void this.deps.onStarted(event.match).catch(failed("start"));
        break;
      case "over":
        void this.finish(matchId, event.match, event.json, event.replay).catch(failed("finish"));
        break;
    }
  }

  /** `json`: the final snapshot to store (null: it is stored already). */
  private async finish(matchId: number, match: LiveMatch, json: string | null, replay: ReplayEnvelope | null): Promise<void> {
    if (json !== null) await this.writes.snapshot(matchId, json, { ttlMs: FINISHED_TTL_MS });
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.onFinished(match, replay);
        break;
      } catch (error) {
        this.deps.log.error(`match ${matchId}: writing the result failed (attempt ${attempt}): ${(error as Error).message}`);
        if (this.stopped) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * attempt)));
      }
    }
    this.owned.delete(matchId);
    this.loop.send({ op: "remove", matchId });
    await this.deps.store.hashDelete(keys.liveMatches, String(matchId));
    // The replay is in the database now; the finished snapshot keeps no recording chunks apart.
    await deleteRecordingChunks(this.deps.store, matchId);
    await this.leases.release(matchId);
    this.deps.log.info(`match ${matchId}: ${match.status}, winner ${match.winner}`);
  }
}
