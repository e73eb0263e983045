// What this process holds in the live store for its sockets: connections per user, presence, and
// sockets in match rooms. The tallies are kept here in memory (the truth for this process) and
// mirrored into keys of this process's own, beside a heartbeat. So:
// - when the store lost its data (Redis restarted without persistence, or failed over to a
//   replica that lagged), the next heartbeat notices and writes everything again;
// - when a process dies without a goodbye (kill -9), a survivor sees its heartbeat stop and
//   deletes its keys, so nobody stays "online" for ever, and tells the matches it had sockets in.
// Readers sum over the live processes' keys.
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";
import type { Logger } from "../infra/log";
import type { MatchRole } from "../protocol/game";
import { announcePresenceChange } from "./presence";

export interface MatchAudience {
  /** Sockets per role, over every process. */
  counts: Record<MatchRole, number>;
  /** The processes with at least one socket in the match room. */
  processes: Set<string>;
}

export interface LedgerDeps {
  store: LiveStore;
  processId: string;
  log: Logger;
  /** A process is declared dead when its heartbeat is this old. */
  timeoutMs: number;
  /** Sockets of these match roles came or went in bulk (a dead process's, or re-asserted ones). */
  onAudienceChanged(changes: { matchId: number; role: MatchRole }[]): Promise<void>;
}

const ROLES: MatchRole[] = ["player1", "player2", "spectator"];
const matchField = (matchId: number, role: MatchRole) => `${matchId}/${role}`;
const parseMatchField = (field: string) => {
  const [matchId, role] = field.split("/");
  return { matchId: Number(matchId), role: role as MatchRole };
};
const presenceField = (id: number, username: string) => `${id}:${username}`;

export class ProcessLedger {
  /** User id → this process's connections (a browser tab holds one). */
  private readonly connections = new Map<string, number>();
  /** "id:username" → this process's /game sockets of that user (every open page has one). */
  private readonly presence = new Map<string, number>();
  /** "matchId/role" → this process's sockets in that match room. */
  private readonly matchSockets = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | undefined;
  private reaper: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly pending = new Set<NodeJS.Timeout>();
  /** When this process last found its heartbeat gone (the store lost data or was unreachable for long). */
  private lostAt = -Infinity;

  constructor(private readonly deps: LedgerDeps) {}

  get processId(): string {
    return this.deps.processId;
  }

  async start(): Promise<void> {
    await this.writeAll();
    const every = (ms: number, what: string, task: () => Promise<void>) =>
      setInterval(() => void task().catch((error: Error) => this.deps.log.warn(`${what}: ${error.message}`)), ms);
    this.heartbeat = every(this.beatMs, "heartbeat", () => this.beat());
    this.reaper = every(Math.max(100, this.deps.timeoutMs / 2), "clean-up after stopped processes", () => this.reapDeadProcesses());
  }

  /** A clean stop: this process's keys go at once (its sockets are being closed anyway). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeat);
    clearInterval(this.reaper);
    for (const timer of this.pending) clearTimeout(timer);
    const { store, processId } = this.deps;
    await store.hashDelete(keys.processes, processId);
    await Promise.all([keys.processAlive, keys.processConnections, keys.processPresence, keys.processMatchSockets].map((key) => store.del(key(processId))));
    await announcePresenceChange(store);
  }

  // ---- this process's tallies ----------------------------------------------------------------------

  /** Counts a connection of the user in or out; returns the user's connections over every process. */
  async addConnection(userId: number, delta: 1 | -1): Promise<number> {
    await this.write(keys.processConnections(this.processId), this.connections, String(userId), delta);
    return this.sum(keys.processConnections, String(userId));
  }

  /** Counts a /game socket of the user in or out; the online list changes when it is their first or last here. */
  async addPresence(id: number, username: string, delta: 1 | -1): Promise<void> {
    const count = await this.write(keys.processPresence(this.processId), this.presence, presenceField(id, username), delta);
    if (count === 0 || (count === 1 && delta === 1)) await announcePresenceChange(this.deps.store);
  }

  async addMatchSocket(matchId: number, role: MatchRole, delta: 1 | -1): Promise<void> {
    await this.write(keys.processMatchSockets(this.processId), this.matchSockets, matchField(matchId, role), delta);
  }

  private async write(key: string, tally: Map<string, number>, field: string, delta: number): Promise<number> {
    const count = Math.max(0, (tally.get(field) ?? 0) + delta);
    // Sockets closing after stop() must not write the keys back.
    if (this.stopped) return count;
    if (count === 0) {
      tally.delete(field);
      await this.deps.store.hashDelete(key, field);
    } else {
      tally.set(field, count);
      await this.deps.store.hashSet(key, field, String(count));
    }
    return count;
  }

  // ---- reads over every live process ---------------------------------------------------------------

  private async liveProcesses(): Promise<string[]> {
    const listed = Object.keys(await this.deps.store.hashGetAll(keys.processes));
    return listed.includes(this.processId) ? listed : [...listed, this.processId];
  }

  private async sum(keyOf: (processId: string) => string, field: string): Promise<number> {
    const counts = await Promise.all((await this.liveProcesses()).map((processId) => this.deps.store.hashGet(keyOf(processId), field)));
    return counts.reduce((total, count) => total + Number(count ?? 0), 0);
  }

  async isOnline(id: number, username: string): Promise<boolean> {
    return (await this.sum(keys.processPresence, presenceField(id, username))) > 0;
  }

  /** Everyone with a page open somewhere: "id:username" of each. */
  async onlineUsers(): Promise<Set<string>> {
    const hashes = await Promise.all((await this.liveProcesses()).map((processId) => this.deps.store.hashGetAll(keys.processPresence(processId))));
    return new Set(hashes.flatMap((hash) => Object.keys(hash)));
  }

  async matchAudience(matchId: number): Promise<MatchAudience> {
    const audience: MatchAudience = { counts: { player1: 0, player2: 0, spectator: 0 }, processes: new Set() };
    await Promise.all(
      (await this.liveProcesses()).flatMap((processId) =>
        ROLES.map(async (role) => {
          const count = Number((await this.deps.store.hashGet(keys.processMatchSockets(processId), matchField(matchId, role))) ?? 0);
          audience.counts[role] += count;
          if (count > 0) audience.processes.add(processId);
        }),
      ),
    );
    return audience;
  }

  // ---- heartbeat, re-assertion, clean-up -------------------------------------------------------------

  /** Renews the heartbeat; when it had vanished (the store lost its data, or we were taken for dead), writes everything again. */
  private async beat(): Promise<void> {
    const { store, processId, timeoutMs } = this.deps;
    if (await store.compareAndSet(keys.processAlive(processId), processId, processId, { ttlMs: timeoutMs })) return;
    this.deps.log.warn("the live store had lost this process's state: writing it again");
    this.lostAt = Date.now();
    await this.writeAll();
    // The matches are told once every process has had a heartbeat's time to write its own
    // sockets back: a count taken sooner would miss them and show their players as away.
    const settle = setTimeout(() => {
      this.pending.delete(settle);
      void this.deps.onAudienceChanged([...this.matchSockets.keys()].map(parseMatchField)).catch((error: Error) => this.deps.log.warn(`re-counting match audiences: ${error.message}`));
    }, this.beatMs * 1.5);
    this.pending.add(settle);
  }

  private get beatMs(): number {
    return Math.max(100, this.deps.timeoutMs / 5);
  }

  private async writeAll(): Promise<void> {
    const { store, processId, timeoutMs } = this.deps;
    const entries = (tally: Map<string, number>) => Object.fromEntries([...tally].map(([field, count]) => [field, String(count)]));
    await store.set(keys.processAlive(processId), processId, { ttlMs: timeoutMs });
    await store.hashReplace(keys.processConnections(processId), entries(this.connections));
    await store.hashReplace(keys.processPresence(processId), entries(this.presence));
    await store.hashReplace(keys.processMatchSockets(processId), entries(this.matchSockets));
    // Listed last: a process is looked at only once its keys are there.
    await store.hashSet(keys.processes, processId, new Date().toISOString());
    await announcePresenceChange(store);
  }

  /** Deletes the keys of processes whose heartbeat stopped; exactly one survivor does it for each. */
  private async reapDeadProcesses(): Promise<void> {
    const { store, processId, timeoutMs } = this.deps;
    // Whatever took our heartbeat took the others' too: they get a timeout's time to beat again.
    if (Date.now() - this.lostAt < timeoutMs) return;
    for (const other of Object.keys(await store.hashGetAll(keys.processes))) {
      if (other === processId || (await store.get(keys.processAlive(other))) !== null) continue;
      if (!(await store.hashDelete(keys.processes, other))) continue;
      const matchSockets = await store.hashGetAll(keys.processMatchSockets(other));
      await Promise.all([keys.processConnections, keys.processPresence, keys.processMatchSockets].map((key) => store.del(key(other))));
      this.deps.log.warn(`process ${other} stopped answering: its sockets are gone`);
      await announcePresenceChange(store);
      await this.deps.onAudienceChanged(Object.keys(matchSockets).map(parseMatchField));
    }
  }
}
