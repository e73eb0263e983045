// Quick pairing: players enter a pool kept in the live store (so players on different processes
// meet); one process at a time, the holder of the pairing lease, runs a wave every
// PAIRING_WAVE_MS: the pure pairWave chooses the pairs, each pair is taken out of the pool
// atomically (all or none: nobody is paired twice, even by two processes racing through a lease
// hand-over), and its rated match is created directly, with no challenge.
//
// Who leaves the pool: seek_cancel; the player's last /game socket closing; a challenge to or from
// them (they chose an opponent); a match they entered some other way (the next wave drops them);
// and, checked every few seconds, a player who is no longer online (their process died).
import { INITIAL_RATING } from "../domain/rating/glicko2";
import { PAIRING_WAVE_MS, REPAIR_COOLDOWN_MS, pairWave, type RecentPair, type Seeker } from "../domain/pairing";
import type { Env } from "../env";
import type { Logger } from "../infra/log";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";
import { hasOpenChallenge } from "./challenge-store";
import { openMatch } from "./open-match";
import type { MatchHost, PairingNotifier } from "./ports";
import { isBusy } from "./presence";
import { refuse } from "./refusal";
import type { MatchRepo } from "./repos/matches";
import type { UserRepo } from "./repos/users";

/** The pairing lease: renewed by its holder every wave; when it dies, another process takes over within this. */
export const PAIRING_LEASE_MS = 3_000;
/** How often the lease holder tells waiting players the pool's size. */
const POOL_NEWS_MS = 2_000;
/** How often the lease holder drops players who are no longer online (their process died with their sockets). */
const OFFLINE_SWEEP_MS = 5_000;

/** A pool entry, stored as JSON under the user id. `rating` is taken when they enter (it cannot change while they wait). */
interface PoolEntry {
  username: string;
  rating: number;
  since: number;
}

export interface PairingServiceDeps {
  config: Env;
  store: LiveStore;
  users: UserRepo;
  matchRows: MatchRepo;
  host: MatchHost;
  notifier: PairingNotifier;
  processId: string;
  /** Whether the user has a page open somewhere (the process ledgers know). */
  isOnline(userId: number, username: string): Promise<boolean>;
  /** Every user with a page open somewhere. */
  onlineUserIds(): Promise<Set<number>>;
  log: Logger;
}

type Player = { id: number; name: string };

const recentMember = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export function createPairingService({ config, store, users, matchRows, host, notifier, processId, isOnline, onlineUserIds, log }: PairingServiceDeps) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastPoolNews = 0;
  let lastOfflineSweep = 0;

  /** Takes the players out of the pool; those who were in it hear they left. */
  const withdraw = async (userIds: number[]) => {
    await Promise.all(
      userIds.map(async (id) => {
        if (await store.hashDelete(keys.pairingPool, String(id))) notifier.status(id, { type: "seek_status", seeking: false });
      }),
    );
  };

  const holdLease = async () =>
    (await store.compareAndSet(keys.pairingLease, processId, processId, { ttlMs: PAIRING_LEASE_MS })) ||
    (await store.set(keys.pairingLease, processId, { onlyIfAbsent: true, ttlMs: PAIRING_LEASE_MS }));

  const createMatch = async (player1: Seeker & PoolEntry, player2: Seeker & PoolEntry) => {
    const { id: matchId } = await matchRows.createDuelRow(player1.userId, player2.userId, config.POINTS_TO_WIN, true);
    await openMatch({ host, store, config }, {
      matchId,
      player1: { id: player1.userId, username: player1.username },
      player2: { id: player2.userId, username: player2.username },
      pointsToWin: config.POINTS_TO_WIN,
    });
    await store.sortedAdd(keys.pairingRecent, recentMember(player1.userId, player2.userId), Date.now(), { ttlMs: REPAIR_COOLDOWN_MS });
    notifier.found(player1.userId, { type: "pairing_found", match_id: matchId, opponent: player2.username, rated: true });
    notifier.found(player2.userId, { type: "pairing_found", match_id: matchId, opponent: player1.username, rated: true });
  };

  const wave = async () => {
    const pool = await store.hashGetAll(keys.pairingPool);
    const ids = Object.keys(pool);
    if (ids.length === 0) return;
    const now = Date.now();
    // Players who entered a match some other way (a tournament's) are no longer waiting.
    const busy = await store.hashGetAll(keys.busy);
    const gone = ids.filter((id) => busy[id] !== undefined);
    if (now - lastOfflineSweep >= OFFLINE_SWEEP_MS) {
      lastOfflineSweep = now;
      const online = await onlineUserIds();
      gone.push(...ids.filter((id) => !online.has(Number(id)) && busy[id] === undefined));
    }
    await withdraw(gone.map(Number));
    const left = new Set(gone);
    const seekers = ids.filter((id) => !left.has(id)).map((id): Seeker & PoolEntry => ({ userId: Number(id), ...(JSON.parse(pool[id]!) as PoolEntry) }));
    const recent: RecentPair[] = (await store.sortedTrimAndRange(keys.pairingRecent, now - REPAIR_COOLDOWN_MS)).map(({ member, score }) => {
      const [a, b] = member.split(":").map(Number);
      return { a: a!, b: b!, at: score };
    });
    const { pairs, waiting } = pairWave(seekers, now, recent);
    for (const { player1, player2 } of pairs) {
      // Another process (an old lease holder) may have paired either of them already, or they left.
      if (!(await store.hashTakeAll(keys.pairingPool, [String(player1.userId), String(player2.userId)]))) continue;
      const [p1, p2] = [player1, player2] as (Seeker & PoolEntry)[];
      try {
        await createMatch(p1!, p2!);
      } catch (error) {
        log.error(`pairing ${p1!.username} with ${p2!.username}: ${(error as Error).message}`);
        // Back into the pool as they were, unless they left meanwhile (they would be seeking again).
        for (const { userId, username, rating, since } of [p1!, p2!]) await store.hashSetIfAbsent(keys.pairingPool, String(userId), JSON.stringify({ username, rating, since } satisfies PoolEntry));
      }
    }
    if (waiting.length > 0 && now - lastPoolNews >= POOL_NEWS_MS) {
      lastPoolNews = now;
      notifier.pool({ type: "seek_pool", pool_size: waiting.length });
    }
  };

  const tick = async () => {
    if (await holdLease()) await wave();
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick()
        .catch((error: Error) => log.warn(`pairing wave: ${error.message}`))
        .finally(schedule);
    }, PAIRING_WAVE_MS);
  };

  return {
    start(): void {
      schedule();
    },

    async seek(user: Player): Promise<{ pool_size: number }> {
      if (await isBusy(store, user.id)) refuse("in_match", "Finish your current match first");
      if (await hasOpenChallenge(store, user.id)) refuse("pending", "You have an open challenge: answer or cancel it first");
      const rating = (await users.rating(user.id))?.value ?? INITIAL_RATING.rating;
      const entry: PoolEntry = { username: user.name, rating, since: Date.now() };
      if (!(await store.hashSetIfAbsent(keys.pairingPool, String(user.id), JSON.stringify(entry)))) refuse("already_seeking", "You are already looking for an opponent");
      const pool_size = await store.hashLength(keys.pairingPool);
      notifier.status(user.id, { type: "seek_status", seeking: true, pool_size, waited_ms: 0 });
      return { pool_size };
    },

    /** Leaves the pool; nothing to do when not in it (a pairing may have just taken them). */
    async cancel(user: Player): Promise<void> {
      await withdraw([user.id]);
    },

    withdraw,

    /** A /game socket of the user closed: when it was their last one anywhere, they leave the pool. */
    async socketClosed(user: Player): Promise<void> {
      if ((await store.hashGet(keys.pairingPool, String(user.id))) === null) return;
      if (!(await isOnline(user.id, user.name))) await withdraw([user.id]);
    },

    /** A new tab of a waiting player shows them waiting too. */
    async socketOpened(user: Player): Promise<void> {
      const raw = await store.hashGet(keys.pairingPool, String(user.id));
      if (raw === null) return;
      const { since } = JSON.parse(raw) as PoolEntry;
      notifier.status(user.id, { type: "seek_status", seeking: true, pool_size: await store.hashLength(keys.pairingPool), waited_ms: Math.max(0, Date.now() - since) });
    },

    async close(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      // Hands the waves over at once rather than after the lease's time.
      await store.del(keys.pairingLease, processId);
    },
  };
}

export type PairingService = ReturnType<typeof createPairingService>;
