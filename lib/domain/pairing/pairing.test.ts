import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ANYONE_AFTER_MS,
  orderPair,
  pairWave,
  ratingWindow,
  REPAIR_COOLDOWN_MS,
  WINDOW_START_RATING,
  WINDOW_STEP_MS,
  WINDOW_STEP_RATING,
  withinWindows,
  type PairingWave,
  type Seeker,
} from "./pairing";

const NOW = 1_000_000;
/** A seeker who has waited `waitedMs` at NOW. */
const seeker = (userId: number, rating: number, waitedMs = 0): Seeker => ({ userId, rating, since: NOW - waitedMs });
const ids = (wave: PairingWave) => wave.pairs.map((pair) => [pair.player1.userId, pair.player2.userId]);

describe("rating window", () => {
  it("starts at ±100 and widens by 50 at each 5 s step", () => {
    expect(ratingWindow(0)).toBe(WINDOW_START_RATING);
    expect(ratingWindow(WINDOW_STEP_MS - 1)).toBe(100);
    expect(ratingWindow(WINDOW_STEP_MS)).toBe(100 + WINDOW_STEP_RATING);
    expect(ratingWindow(2 * WINDOW_STEP_MS - 1)).toBe(150);
    expect(ratingWindow(2 * WINDOW_STEP_MS)).toBe(200);
    expect(ratingWindow(ANYONE_AFTER_MS - 1)).toBe(350);
  });

  it("accepts anyone from 30 s on", () => {
    expect(ratingWindow(ANYONE_AFTER_MS)).toBe(Number.POSITIVE_INFINITY);
    expect(ratingWindow(10 * ANYONE_AFTER_MS)).toBe(Number.POSITIVE_INFINITY);
  });

  it("treats a start in the future (another process's clock) as no wait", () => {
    expect(ratingWindow(-5_000)).toBe(100);
  });
});

describe("pairing wave", () => {
  it("pairs two fresh players 100 apart, not 101", () => {
    expect(ids(pairWave([seeker(1, 1500), seeker(2, 1600)], NOW))).toEqual([[1, 2]]);
    expect(pairWave([seeker(1, 1500), seeker(2, 1601)], NOW).pairs).toEqual([]);
  });

  it("requires the gap to be within both windows", () => {
    // 1 has waited 10 s (±200), 2 is fresh (±100): 150 apart is too far for 2.
    const wave = pairWave([seeker(1, 1500, 10_000), seeker(2, 1650)], NOW);
    expect(wave.pairs).toEqual([]);
    expect(wave.waiting.map((s) => s.userId)).toEqual([1, 2]);
    // Once 2 has waited 5 s (±150), they meet.
    expect(ids(pairWave([seeker(1, 1500, 10_000), seeker(2, 1650, 5_000)], NOW))).toEqual([[1, 2]]);
  });

  it("widens the window at each 5 s of waiting", () => {
    const pool = (waited: number) => [seeker(1, 1000, waited), seeker(2, 1250, waited)];
    expect(pairWave(pool(14_999), NOW).pairs).toEqual([]); // ±200
    expect(ids(pairWave(pool(15_000), NOW))).toEqual([[1, 2]]); // ±250
  });

  it("pairs two players who have waited 30 s whatever their ratings", () => {
    expect(pairWave([seeker(1, 800, 29_999), seeker(2, 2700, 29_999)], NOW).pairs).toEqual([]);
    expect(ids(pairWave([seeker(1, 800, 30_000), seeker(2, 2700, 30_000)], NOW))).toEqual([[1, 2]]);
  });

  it("lets players who accept anyone meet across a crowd of fresh players who accept neither", () => {
    const crowd = Array.from({ length: 200 }, (_, k) => seeker(100 + k, 1000 + k * 101)); // 101 apart: no pairs
    const wave = pairWave([seeker(1, 500, 40_000), ...crowd, seeker(2, 30_000, 40_000)], NOW);
    expect(ids(wave)).toEqual([[1, 2]]);
    expect(wave.waiting).toHaveLength(200);
  });

  it("gives a player who accepts anyone their nearest player who accepts them", () => {
    // 1 accepts anyone; 2 (fresh) is 90 away and accepts 1; 3 accepts anyone too but is far.
    expect(ids(pairWave([seeker(1, 1500, 31_000), seeker(2, 1590), seeker(3, 2500, 31_000)], NOW))).toEqual([[1, 2]]);
  });

  it("prefers the closest-rated player", () => {
    expect(ids(pairWave([seeker(1, 1500), seeker(2, 1580), seeker(3, 1520)], NOW))).toEqual([[1, 3]]);
    expect(ids(pairWave([seeker(1, 1500), seeker(2, 1420), seeker(3, 1490)], NOW))).toEqual([[3, 1]]);
  });

  it("pairs the whole line by neighbours", () => {
    const wave = pairWave([seeker(1, 1000), seeker(2, 1010), seeker(3, 1200), seeker(4, 1205), seeker(5, 1400), seeker(6, 1430)], NOW);
    expect(ids(wave).sort()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it("serves the longer-waiting pair first when players compete for the same opponent", () => {
    // 2 is between 1 (fresh, 10 below) and 3 (waited 20 s, 40 above): the wait bonus gives 2 to 3.
    expect(ids(pairWave([seeker(1, 1490), seeker(2, 1500, 20_000), seeker(3, 1540, 20_000)], NOW))).toEqual([[2, 3]]);
  });

  it("never pairs a player with themselves, even when listed twice", () => {
    const wave = pairWave([seeker(1, 1500), seeker(1, 1500, 40_000)], NOW);
    expect(wave.pairs).toEqual([]);
    expect(wave.waiting).toHaveLength(1);
    expect(wave.waiting[0]!.since).toBe(NOW - 40_000); // the longest wait is kept
  });

  it("puts nobody in two pairs", () => {
    const pool = [seeker(1, 1500), seeker(2, 1500), seeker(3, 1500), seeker(4, 1501), seeker(5, 1499)];
    const wave = pairWave(pool, NOW);
    expect(wave.pairs).toHaveLength(2);
    const used = wave.pairs.flatMap((pair) => [pair.player1.userId, pair.player2.userId]);
    expect(new Set(used).size).toBe(4);
    expect(wave.waiting).toHaveLength(1);
  });

  it("does not re-pair two recent opponents while another choice exists", () => {
    const recent = [{ a: 1, b: 2, at: NOW - 60_000 }];
    expect(ids(pairWave([seeker(1, 1500), seeker(2, 1500), seeker(3, 1560)], NOW, recent))).toEqual([[1, 3]]);
    expect(ids(pairWave([seeker(1, 1500), seeker(2, 1500), seeker(3, 1440)], NOW, recent))).toEqual([[3, 1]]);
  });

  it("re-pairs two recent opponents when they are each other's only choice", () => {
    const recent = [{ a: 2, b: 1, at: NOW - 1_000 }];
    expect(ids(pairWave([seeker(1, 1500), seeker(2, 1510)], NOW, recent))).toEqual([[1, 2]]);
    // 3 is out of both windows: still their only choice.
    expect(ids(pairWave([seeker(1, 1500), seeker(2, 1510), seeker(3, 1900)], NOW, recent))).toEqual([[1, 2]]);
  });

  it("reaches past many recent opponents to a fresh choice", () => {
    // 1's 40 nearest are all its recent opponents; they have all played each other and 100 too.
    // 100 is further away, but new to 1.
    const crowd = Array.from({ length: 40 }, (_, k) => seeker(2 + k, 1500 + k));
    const all = [1, ...crowd.map((s) => s.userId), 100];
    const recent = all.flatMap((a) => all.filter((b) => b > a && !(a === 1 && b === 100)).map((b) => ({ a, b, at: NOW - 1_000 })));
    const wave = pairWave([seeker(1, 1450), ...crowd, seeker(100, 1545)], NOW, recent);
    const first = wave.pairs[0]!;
    expect([first.player1.userId, first.player2.userId]).toEqual([1, 100]);
  });

  it("forgets a pair after 2 minutes", () => {
    const pool = [seeker(1, 1500), seeker(2, 1500), seeker(3, 1520)];
    expect(ids(pairWave(pool, NOW, [{ a: 1, b: 2, at: NOW - REPAIR_COOLDOWN_MS + 1 }]))).toEqual([[1, 3]]);
    expect(ids(pairWave(pool, NOW, [{ a: 1, b: 2, at: NOW - REPAIR_COOLDOWN_MS }]))).toEqual([[1, 2]]);
  });

  it("makes the lower-rated player player 1, then the lower user id", () => {
    const [high, low] = [seeker(1, 1600), seeker(2, 1550)];
    expect(orderPair(high, low)).toEqual([low, high]);
    expect(orderPair(seeker(9, 1500), seeker(3, 1500)).map((s) => s.userId)).toEqual([3, 9]);
    const pair = pairWave([high, low], NOW).pairs[0]!;
    expect([pair.player1.userId, pair.player2.userId, pair.gap]).toEqual([2, 1, 50]);
  });

  it("breaks ties by user id, whatever the input order", () => {
    const pool = [seeker(5, 1500), seeker(3, 1500), seeker(4, 1500)];
    expect(ids(pairWave(pool, NOW))).toEqual([[3, 4]]);
    expect(ids(pairWave([...pool].reverse(), NOW))).toEqual([[3, 4]]);
  });
});

const arbSeekers = fc.uniqueArray(
  fc.record({ userId: fc.integer({ min: 1, max: 5_000 }), rating: fc.integer({ min: 600, max: 2_800 }), waited: fc.integer({ min: 0, max: 45_000 }) }),
  { selector: (s) => s.userId, maxLength: 120 },
);
const arbRecent = fc.array(fc.record({ a: fc.integer({ min: 1, max: 5_000 }), b: fc.integer({ min: 1, max: 5_000 }), ago: fc.integer({ min: 0, max: 200_000 }) }), { maxLength: 60 });

describe("pairing wave, for any pool", () => {
  it("pairs within both windows, nobody twice, and keeps everyone else waiting", () => {
    fc.assert(
      fc.property(arbSeekers, arbRecent, (raw, rawRecent) => {
        const pool = raw.map((s) => seeker(s.userId, s.rating, s.waited));
        const wave = pairWave(pool, NOW, rawRecent.map((r) => ({ a: r.a, b: r.b, at: NOW - r.ago })));
        const used = wave.pairs.flatMap((pair) => [pair.player1.userId, pair.player2.userId]);
        expect(new Set(used).size).toBe(used.length);
        for (const pair of wave.pairs) {
          expect(pair.player1.userId).not.toBe(pair.player2.userId);
          expect(withinWindows(pair.player1, pair.player2, NOW)).toBe(true);
          expect(orderPair(pair.player1, pair.player2)).toEqual([pair.player1, pair.player2]);
          expect(pair.gap).toBe(pair.player2.rating - pair.player1.rating);
        }
        expect(used.length + wave.waiting.length).toBe(pool.length);
        // Nobody left waiting could have been paired with anybody else left waiting.
        for (let i = 0; i < wave.waiting.length; i++)
          for (let j = i + 1; j < wave.waiting.length; j++) expect(withinWindows(wave.waiting[i]!, wave.waiting[j]!, NOW)).toBe(false);
      }),
    );
  });

  it("gives the same pairs for the same input in any order", () => {
    fc.assert(
      fc.property(arbSeekers, arbRecent, fc.integer(), (raw, rawRecent, seed) => {
        const pool = raw.map((s) => seeker(s.userId, s.rating, s.waited));
        const recent = rawRecent.map((r) => ({ a: r.a, b: r.b, at: NOW - r.ago }));
        const shuffled = [...pool].sort((x, y) => ((x.userId * 2654435761 + seed) >>> 0) - ((y.userId * 2654435761 + seed) >>> 0));
        expect(pairWave(shuffled, NOW, [...recent].reverse())).toEqual(pairWave(pool, NOW, recent));
      }),
    );
  });

  it("re-pairs recent opponents only when neither has another choice left waiting", () => {
    fc.assert(
      fc.property(arbSeekers, arbRecent, (raw, rawRecent) => {
        const pool = raw.map((s) => seeker(s.userId, s.rating, s.waited));
        const recent = rawRecent.map((r) => ({ a: r.a, b: r.b, at: NOW - r.ago }));
        const isRecent = (a: number, b: number) => recent.some((r) => NOW - r.at < REPAIR_COOLDOWN_MS && ((r.a === a && r.b === b) || (r.a === b && r.b === a)));
        const wave = pairWave(pool, NOW, recent);
        for (const { player1, player2 } of wave.pairs) {
          if (!isRecent(player1.userId, player2.userId)) continue;
          for (const other of wave.waiting)
            for (const player of [player1, player2]) expect(withinWindows(player, other, NOW) && !isRecent(player.userId, other.userId)).toBe(false);
        }
      }),
    );
  });
});
