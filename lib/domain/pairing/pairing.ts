// One quick-pairing wave: which waiting seekers to pair now. Pure and deterministic: the same
// seekers, `now` and recent pairs give the same pairs, whatever the order of the input.
//
// Rules:
// - a seeker's window is ±WINDOW_START_RATING, widened by WINDOW_STEP_RATING for every
//   WINDOW_STEP_MS waited; from ANYONE_AFTER_MS of waiting it accepts anyone;
// - a pair is acceptable only if the rating gap is within BOTH players' windows (a fresh player
//   is never handed a far opponent because that opponent has waited long);
// - among acceptable pairs, the best score goes first, as in lichess's pool: the gap minus a
//   bonus for time waited (WAIT_BONUS_PER_SECOND, capped at WAIT_BONUS_MAX, the smaller of the two
//   players' bonuses), so a long-waiting pair is served before a fresh one nearby;
// - two players who played each other less than REPAIR_COOLDOWN_MS ago are paired only as a last
//   resort: after every other acceptable pair of the wave has been made, and only if both are
//   still unpaired (so they are re-paired when they are each other's only choice).
//
// Speed: the seekers are sorted by rating and each one looks only at its nearest unpaired
// neighbours above it (MAX_CANDIDATES acceptable ones, within SCAN_LIMIT places, recent opponents
// aside); the candidate pairs are taken greedily by score (not lichess's maximum-weight matching,
// which is O(n³)). Passes repeat over those left unpaired (their neighbours are then new) until a
// pass pairs nobody, at most MAX_PASSES times: a wave is O(n log n), not O(n²). Seekers who accept
// anyone also look at the next seeker above them who accepts anyone, however far, so two of them
// always meet even across a crowd of fresh seekers who accept neither.

/** A waiting player. `since`: when they started waiting (ms, the same clock as `now`). */
export interface Seeker {
  readonly userId: number;
  readonly rating: number;
  readonly since: number;
}

/** Two players who played each other (or were paired) at `at` (ms). */
export interface RecentPair {
  readonly a: number;
  readonly b: number;
  readonly at: number;
}

/** A pair to make: the lower-rated player is player 1 (equal ratings: the lower user id). */
export interface Pairing {
  readonly player1: Seeker;
  readonly player2: Seeker;
  /** |rating difference|. */
  readonly gap: number;
}

export interface PairingWave {
  /** In the order they were chosen (best score first). */
  readonly pairs: readonly Pairing[];
  /** Who stays in the pool, by rating then user id. */
  readonly waiting: readonly Seeker[];
}

export const WINDOW_START_RATING = 100;
export const WINDOW_STEP_RATING = 50;
export const WINDOW_STEP_MS = 5_000;
export const ANYONE_AFTER_MS = 30_000;
export const REPAIR_COOLDOWN_MS = 120_000;
/** lichess gives 12 per missed wave (capped at 460); our waves are every PAIRING_WAVE_MS. */
export const PAIRING_WAVE_MS = 500;
export const WAIT_BONUS_PER_SECOND = 12 * (1000 / PAIRING_WAVE_MS);
export const WAIT_BONUS_MAX = 460;
/** Acceptable candidates each seeker keeps per pass (towards higher ratings). */
export const MAX_CANDIDATES = 4;
/** How many places above itself a seeker looks at per pass (recent opponents aside). */
export const SCAN_LIMIT = 32;
/** A bound on the passes of one wave, whatever the input (each pass pairs at least one pair). */
export const MAX_PASSES = 16;

/** How far from its rating a seeker who has waited `waitedMs` accepts (Infinity: anyone). */
export function ratingWindow(waitedMs: number): number {
  const waited = Math.max(0, waitedMs);
  if (waited >= ANYONE_AFTER_MS) return Number.POSITIVE_INFINITY;
  return WINDOW_START_RATING + WINDOW_STEP_RATING * Math.floor(waited / WINDOW_STEP_MS);
}

/** The score bonus for having waited `waitedMs`. */
export function waitBonus(waitedMs: number): number {
  return Math.min(WAIT_BONUS_MAX, (Math.max(0, waitedMs) / 1000) * WAIT_BONUS_PER_SECOND);
}

/** The two players as [player 1, player 2]: the lower-rated first, then the lower user id. */
export function orderPair<T extends { readonly userId: number; readonly rating: number }>(a: T, b: T): [T, T] {
  return a.rating < b.rating || (a.rating === b.rating && a.userId < b.userId) ? [a, b] : [b, a];
}

/** May these two be paired now, each window considered (the acceptance rule of a wave)? */
export function withinWindows(a: Seeker, b: Seeker, now: number): boolean {
  const gap = Math.abs(a.rating - b.rating);
  return gap <= ratingWindow(now - a.since) && gap <= ratingWindow(now - b.since);
}

function bySeeker(a: Seeker, b: Seeker): number {
  return a.rating - b.rating || a.userId - b.userId;
}

/** One seeker per user id: the one waiting longest (then the lower rating). */
function distinct(seekers: readonly Seeker[]): Seeker[] {
  const byId = new Map<number, Seeker>();
  for (const seeker of seekers) {
    const kept = byId.get(seeker.userId);
    if (!kept || seeker.since < kept.since || (seeker.since === kept.since && seeker.rating < kept.rating)) byId.set(seeker.userId, seeker);
  }
  return byId.size === seekers.length ? [...seekers] : [...byId.values()];
}

function recentOpponents(recent: readonly RecentPair[], now: number): Map<number, Set<number>> {
  const opponents = new Map<number, Set<number>>();
  const add = (from: number, to: number) => {
    let set = opponents.get(from);
    if (!set) opponents.set(from, (set = new Set()));
    set.add(to);
  };
  for (const pair of recent) {
    if (now - pair.at >= REPAIR_COOLDOWN_MS || pair.a === pair.b) continue;
    add(pair.a, pair.b);
    add(pair.b, pair.a);
  }
  return opponents;
}

/** Runs one pairing wave over the seekers waiting at `now`. */
export function pairWave(seekers: readonly Seeker[], now: number, recent: readonly RecentPair[] = []): PairingWave {
  const sorted = distinct(seekers).sort(bySeeker);
  const n = sorted.length;
  const rating = new Float64Array(n);
  const window = new Float64Array(n);
  const bonus = new Float64Array(n);
  const paired = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const seeker = sorted[i]!;
    rating[i] = seeker.rating;
    window[i] = ratingWindow(now - seeker.since);
    bonus[i] = waitBonus(now - seeker.since);
  }
  const opponents = recentOpponents(recent, now);
  const isRecent = (i: number, j: number) => opponents.get(sorted[i]!.userId)?.has(sorted[j]!.userId) === true;

  const pairs: Pairing[] = [];
  // Candidate pairs of a pass, as indices into `sorted` (i below j).
  let edgeI = new Int32Array(n * (MAX_CANDIDATES + 1));
  let edgeJ = new Int32Array(edgeI.length);
  let edgeScore = new Float64Array(edgeI.length);
  let order = new Uint32Array(edgeI.length);

  const pass = (active: Int32Array, allowRecent: boolean): number => {
    const m = active.length;
    let edges = 0;
    const capacity = m * (MAX_CANDIDATES + 1);
    if (capacity > edgeI.length) {
      edgeI = new Int32Array(capacity);
      edgeJ = new Int32Array(capacity);
      edgeScore = new Float64Array(capacity);
      order = new Uint32Array(capacity);
    }
    const addEdge = (i: number, j: number, gap: number) => {
      edgeI[edges] = i;
      edgeJ[edges] = j;
      edgeScore[edges] = gap - Math.min(bonus[i]!, bonus[j]!);
      edges++;
    };
    // The next seeker above each place who accepts anyone (-1: none).
    const nextAnyone = new Int32Array(m);
    let next = -1;
    for (let p = m - 1; p >= 0; p--) {
      nextAnyone[p] = next;
      if (window[active[p]!] === Number.POSITIVE_INFINITY) next = p;
    }
    for (let p = 0; p < m; p++) {
      const i = active[p]!;
      const ri = rating[i]!;
      const wi = window[i]!;
      let found = 0;
      let examined = 0;
      let farthest = p;
      // Recent opponents skipped do not count against SCAN_LIMIT (there are few per seeker): a
      // seeker crowded by them still reaches the next acceptable player.
      for (let q = p + 1; q < m && examined < SCAN_LIMIT && found < MAX_CANDIDATES; q++) {
        const j = active[q]!;
        const gap = rating[j]! - ri;
        if (gap > wi) break;
        farthest = q;
        if (!allowRecent && isRecent(i, j)) continue;
        examined++;
        if (gap > window[j]!) continue;
        addEdge(i, j, gap);
        found++;
      }
      const q = nextAnyone[p]!;
      if (wi === Number.POSITIVE_INFINITY && q > farthest) {
        const j = active[q]!;
        if (allowRecent || !isRecent(i, j)) addEdge(i, j, rating[j]! - ri);
      }
    }
    for (let e = 0; e < edges; e++) order[e] = e;
    // Best score first; ties by the players' places (rating, then user id): deterministic.
    const sortedEdges = order.subarray(0, edges).sort((x, y) => edgeScore[x]! - edgeScore[y]! || edgeI[x]! - edgeI[y]! || edgeJ[x]! - edgeJ[y]!);
    let made = 0;
    for (let k = 0; k < edges; k++) {
      const e = sortedEdges[k]!;
      const i = edgeI[e]!;
      const j = edgeJ[e]!;
      if (paired[i] || paired[j]) continue;
      paired[i] = 1;
      paired[j] = 1;
      // i is below j in rating order, so i is player 1.
      pairs.push({ player1: sorted[i]!, player2: sorted[j]!, gap: rating[j]! - rating[i]! });
      made++;
    }
    return made;
  };

  const unpaired = (): Int32Array => {
    let count = 0;
    for (let i = 0; i < n; i++) if (!paired[i]) count++;
    const active = new Int32Array(count);
    for (let i = 0, k = 0; i < n; i++) if (!paired[i]) active[k++] = i;
    return active;
  };

  for (const allowRecent of [false, true]) {
    for (let round = 0; round < MAX_PASSES; round++) {
      const active = unpaired();
      if (active.length < 2 || pass(active, allowRecent) === 0) break;
    }
  }

  const waiting: Seeker[] = [];
  for (let i = 0; i < n; i++) if (!paired[i]) waiting.push(sorted[i]!);
  return { pairs, waiting };
}
