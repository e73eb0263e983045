import { describe, expect, it } from "vitest";
import {
  byeCount,
  champion,
  createBracket,
  currentRound,
  isFinished,
  isRoundComplete,
  pairingText,
  playableMatches,
  reportResult,
  roundCount,
  seedByRecord,
  seedOrder,
  withdraw,
  type Bracket,
  type BracketMatch,
} from "./index";

// ---- helpers (independent of the implementation) ---------------------------------------

/** Ids deliberately unrelated to seeds (descending, gaps) so an id/seed mix-up shows. */
const playerIds = (n: number): number[] => Array.from({ length: n }, (_, i) => 500 - 7 * i);

const nextPow2 = (n: number): number => {
  let size = 1;
  while (size < n) size *= 2;
  return size;
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function match(bracket: Bracket, round: number, slot: number): BracketMatch {
  const found = bracket.rounds[round - 1]?.[slot];
  if (found === undefined) throw new Error(`test: no match r${round} s${slot}`);
  return found;
}

/** Round-1 positions in order, left to right (2 per match). */
const positions = (bracket: Bracket): (number | null)[] => (bracket.rounds[0] ?? []).flatMap((m) => [m.player1, m.player2]);

/** Reference model of the feed rule: winners of adjacent positions meet next. */
function modelChampion(first: (number | null)[], pick: (a: number, b: number) => number): number | null {
  let layer = first;
  while (layer.length > 1) {
    const next: (number | null)[] = [];
    for (let i = 0; i < layer.length; i += 2) {
      const a = layer[i] ?? null;
      const b = layer[i + 1] ?? null;
      next.push(a === null ? b : b === null ? a : pick(a, b));
    }
    layer = next;
  }
  return layer[0] ?? null;
}

const RESOLVED = ["bye", "walkover", "done", "void"];

// ---- every size --------------------------------------------------------------------------

const sizes = Array.from({ length: 63 }, (_, i) => i + 2); // 2..64

describe.each(sizes)("bracket of %i players", (n) => {
  const ids = playerIds(n);
  const seedOf = (id: number): number => ids.indexOf(id) + 1;
  const size = nextPow2(n);
  const rounds = Math.ceil(Math.log2(n));

  it("has ceil(log2 n) rounds of halving size", () => {
    const bracket = createBracket(ids);
    expect(roundCount(n)).toBe(rounds);
    expect(bracket.size).toBe(size);
    expect(bracket.rounds).toHaveLength(rounds);
    bracket.rounds.forEach((matches, r) => {
      expect(matches).toHaveLength(size / 2 ** (r + 1));
      matches.forEach((m, s) => expect([m.round, m.slot]).toEqual([r + 1, s]));
    });
  });

  it("gives nextPow2(n) - n byes, all in round 1, to the top seeds, one each", () => {
    const bracket = createBracket(ids);
    expect(byeCount(n)).toBe(size - n);
    const byes = bracket.rounds.flat().filter((m) => m.status === "bye");
    expect(byes).toHaveLength(size - n);
    for (const bye of byes) {
      expect(bye.round).toBe(1);
      const players = [bye.player1, bye.player2].filter((p) => p !== null);
      expect(players).toEqual([bye.winner]);
    }
    const byeWinners = byes.map((m) => m.winner);
    expect(new Set(byeWinners).size).toBe(byeWinners.length); // nobody gets two byes
    expect([...byeWinners].sort()).toEqual(ids.slice(0, size - n).sort());
  });

  it("places every player exactly once in round 1, never two empty sides in a match", () => {
    const bracket = createBracket(ids);
    for (const m of bracket.rounds[0]!) expect(m.player1 !== null || m.player2 !== null).toBe(true);
    const placed = positions(bracket).filter((p) => p !== null);
    expect([...placed].sort()).toEqual([...ids].sort());
  });

  it("uses standard seeding: seed k meets seed size+1-k, top 2^j seeds in distinct 1/2^j blocks", () => {
    const bracket = createBracket(ids);
    const seeds = positions(bracket).map((p) => (p === null ? null : seedOf(p)));
    for (let i = 0; i < size; i += 2) {
      const [a, b] = [seeds[i] ?? null, seeds[i + 1] ?? null];
      if (a !== null && b !== null) expect(a + b).toBe(size + 1);
      else expect((a ?? b)!).toBeLessThanOrEqual(size - n); // the lone player is a top seed
    }
    // Seeds 1 and 2 in opposite halves, so they can only meet in the final.
    const half = (seed: number): boolean => seeds.indexOf(seed) < size / 2;
    expect(half(1)).not.toBe(half(2));
    for (let blocks = 2; blocks <= size; blocks *= 2) {
      const blockOf = (seed: number): number => Math.floor(seeds.indexOf(seed) / (size / blocks));
      const top = Array.from({ length: Math.min(blocks, n) }, (_, i) => blockOf(i + 1));
      expect(new Set(top).size).toBe(top.length);
    }
  });

  it.each([
    ["the better seed", (a: number, b: number) => (seedOf(a) < seedOf(b) ? a : b)],
    ["the worse seed", (a: number, b: number) => (seedOf(a) > seedOf(b) ? a : b)],
  ])("plays to the end when %s always wins", (rule, pick) => {
    const start = createBracket(ids);
    const expected = modelChampion(positions(start), pick);
    if (rule === "the better seed") expect(expected).toBe(ids[0]);

    let bracket = start;
    let reports = 0;
    for (let guard = 0; !isFinished(bracket) && guard < 100; guard++) {
      const ready = playableMatches(bracket);
      expect(ready.length).toBeGreaterThan(0); // never hangs
      for (const m of ready) {
        expect(isFinished(bracket)).toBe(false);
        const winner = pick(m.player1!, m.player2!);
        bracket = reportResult(bracket, m.round, m.slot, winner);
        reports++;
        expect(match(bracket, m.round, m.slot)).toMatchObject({ status: "done", winner });
        if (m.round < rounds) {
          const next = match(bracket, m.round + 1, Math.floor(m.slot / 2));
          expect(m.slot % 2 === 0 ? next.player1 : next.player2).toBe(winner);
        }
      }
    }
    expect(isFinished(bracket)).toBe(true);
    expect(champion(bracket)).toBe(expected);
    expect(reports).toBe(n - 1); // one played match per eliminated player
    for (const m of bracket.rounds.flat()) expect(RESOLVED).toContain(m.status);
    expect(currentRound(bracket)).toBe(rounds);
  });
});

// ---- seeding -----------------------------------------------------------------------------

describe("seedByRecord", () => {
  it("orders by wins desc, then fewer losses, then earlier join, then lower id", () => {
    const players = [
      { id: 9, wins: 1, losses: 0, joinedAt: 100 },
      { id: 4, wins: 3, losses: 2, joinedAt: 300 },
      { id: 7, wins: 3, losses: 1, joinedAt: 400 }, // beats id 4 on losses
      { id: 12, wins: 1, losses: 0, joinedAt: 50 }, // beats id 9 on join time despite a higher id
      { id: 8, wins: 0, losses: 5, joinedAt: 10 },
      { id: 5, wins: 0, losses: 5, joinedAt: 10 }, // full tie with id 8: lower id first
    ];
    deepFreeze(players);
    expect(seedByRecord(players)).toEqual([7, 4, 12, 9, 5, 8]);
    expect(seedByRecord([...players].reverse())).toEqual([7, 4, 12, 9, 5, 8]); // input order is irrelevant
  });
});

describe("createBracket", () => {
  it("lays out the classic order for 8 players: 1-8, 4-5, 2-7, 3-6", () => {
    expect(seedOrder(8)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
    const bracket = createBracket([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(positions(bracket)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
    expect(playableMatches(bracket)).toHaveLength(4);
    expect(match(bracket, 2, 0).status).toBe("pending");
  });

  it("resolves byes at creation and moves their winners into round 2", () => {
    const bracket = createBracket([11, 22, 33, 44, 55]); // size 8: seeds 1-3 get byes
    expect(bracket.rounds[0]!.map((m) => [m.player1, m.player2, m.status, m.winner])).toEqual([
      [11, null, "bye", 11],
      [44, 55, "ready", null],
      [22, null, "bye", 22],
      [33, null, "bye", 33],
    ]);
    expect(match(bracket, 2, 0)).toMatchObject({ player1: 11, player2: null, status: "pending" });
    expect(match(bracket, 2, 1)).toMatchObject({ player1: 22, player2: 33, status: "ready" }); // two byes meet
  });

  it("plays a 2-player bracket as a single final", () => {
    let bracket = createBracket([5, 6]);
    expect(bracket.rounds).toHaveLength(1);
    expect(isFinished(bracket)).toBe(false);
    expect(champion(bracket)).toBeNull();
    bracket = reportResult(bracket, 1, 0, 6);
    expect(isFinished(bracket)).toBe(true);
    expect(champion(bracket)).toBe(6);
  });

  it.each([[[]], [[1]], [playerIds(65)], [[1, 2, 3, 2]], [[1, 2.5]]])("rejects an invalid seeding %#", (ids) => {
    expect(() => createBracket(ids)).toThrow(Error);
  });
});

// ---- results -----------------------------------------------------------------------------

describe("reportResult", () => {
  it("rejects a wrong winner or a match that is not ready, leaving the input untouched", () => {
    const base = createBracket([1, 2, 3]); // r1: 1 bye, 2 vs 3; final pending
    const bracket = deepFreeze(base);
    const snapshot = structuredClone(bracket);
    expect(() => reportResult(bracket, 1, 1, 1)).toThrow(/not a player/);
    expect(() => reportResult(bracket, 1, 0, 1)).toThrow(/"bye"/);
    expect(() => reportResult(bracket, 2, 0, 1)).toThrow(/"pending"/);
    expect(() => reportResult(bracket, 3, 0, 1)).toThrow(/No match/);
    const played = reportResult(bracket, 1, 1, 2);
    expect(() => reportResult(played, 1, 1, 2)).toThrow(/"done"/);
    expect(bracket).toEqual(snapshot);
  });

  it("treats a double no-show as void and gives the next-round opponent a walkover", () => {
    let bracket = createBracket([1, 2, 3, 4]); // 1-4, 2-3
    bracket = reportResult(bracket, 1, 0, null);
    expect(match(bracket, 1, 0)).toMatchObject({ status: "void", winner: null });
    expect(match(bracket, 2, 0).status).toBe("pending"); // still waiting for 2-3
    bracket = reportResult(bracket, 1, 1, 3);
    expect(match(bracket, 2, 0)).toMatchObject({ player1: null, player2: 3, status: "walkover", winner: 3 });
    expect(isFinished(bracket)).toBe(true);
    expect(champion(bracket)).toBe(3);
  });

  it("carries a walkover on through later rounds", () => {
    let bracket = createBracket([1, 2, 3, 4, 5, 6, 7, 8]); // QF 1-8, 4-5 | 2-7, 3-6
    bracket = reportResult(bracket, 1, 0, null);
    bracket = reportResult(bracket, 1, 1, null); // semifinal 0 is void
    expect(match(bracket, 2, 0).status).toBe("void");
    bracket = reportResult(bracket, 1, 2, 2);
    bracket = reportResult(bracket, 1, 3, 3);
    bracket = reportResult(bracket, 2, 1, 3);
    expect(match(bracket, 3, 0)).toMatchObject({ status: "walkover", winner: 3 });
    expect(champion(bracket)).toBe(3);
  });

  it("finishes with no champion when both semifinals are void", () => {
    let bracket = createBracket([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const [slot, winner] of [[0, 1], [1, 4], [2, 2], [3, 3]] as const) bracket = reportResult(bracket, 1, slot, winner);
    bracket = reportResult(bracket, 2, 0, null);
    expect(isFinished(bracket)).toBe(false);
    bracket = reportResult(bracket, 2, 1, null);
    expect(match(bracket, 3, 0)).toMatchObject({ player1: null, player2: null, status: "void", winner: null });
    expect(isFinished(bracket)).toBe(true);
    expect(champion(bracket)).toBeNull();
    expect(playableMatches(bracket)).toEqual([]);
  });

  it("tracks the current round and round completion", () => {
    let bracket = createBracket([1, 2, 3, 4, 5]); // one real round-1 match (4-5)
    expect(currentRound(bracket)).toBe(1);
    expect(isRoundComplete(bracket, 1)).toBe(false);
    expect(playableMatches(bracket, 1).map((m) => m.slot)).toEqual([1]);
    expect(playableMatches(bracket, 2).map((m) => m.slot)).toEqual([1]);
    bracket = reportResult(bracket, 1, 1, 5);
    expect(isRoundComplete(bracket, 1)).toBe(true);
    expect(currentRound(bracket)).toBe(2);
    expect(isRoundComplete(bracket, 2)).toBe(false);
  });
});

// ---- withdrawals -------------------------------------------------------------------------

describe("withdraw", () => {
  it("turns a ready match into a walkover for the opponent", () => {
    const bracket = withdraw(createBracket([1, 2, 3, 4]), 4);
    expect(bracket.withdrawn).toEqual([4]);
    expect(match(bracket, 1, 0)).toMatchObject({ player1: 1, player2: 4, status: "walkover", winner: 1 });
    expect(match(bracket, 2, 0).player1).toBe(1);
    expect(playableMatches(bracket).map((m) => [m.round, m.slot])).toEqual([[1, 1]]);
  });

  it("waits for an unknown opponent, then gives them a walkover", () => {
    let bracket = createBracket([1, 2, 3]); // 1 has a bye; final waits for 2-3
    bracket = withdraw(bracket, 1);
    expect(match(bracket, 2, 0)).toMatchObject({ player1: 1, player2: null, status: "pending" });
    bracket = reportResult(bracket, 1, 1, 3);
    expect(match(bracket, 2, 0)).toMatchObject({ player1: 1, player2: 3, status: "walkover", winner: 3 });
    expect(champion(bracket)).toBe(3);
  });

  it("removes a player who already advanced: they never play or advance again", () => {
    let bracket = createBracket([1, 2, 3, 4, 5, 6, 7, 8]);
    bracket = reportResult(bracket, 1, 0, 1); // 1 reaches semifinal 0
    bracket = withdraw(bracket, 1);
    expect(match(bracket, 2, 0).status).toBe("pending");
    bracket = reportResult(bracket, 1, 1, 5);
    expect(match(bracket, 2, 0)).toMatchObject({ status: "walkover", winner: 5 });
    bracket = reportResult(bracket, 1, 2, 2);
    bracket = reportResult(bracket, 1, 3, 3);
    bracket = reportResult(bracket, 2, 1, 2);
    bracket = reportResult(bracket, 3, 0, 5);
    expect(champion(bracket)).toBe(5);
    expect(bracket.rounds.flat().filter((m) => m.round > 1 && (m.player1 === 1 || m.player2 === 1))).toHaveLength(1);
  });

  it("voids a match whose two players both withdrew, giving the next opponent a walkover", () => {
    // Sequential withdraw() calls resolve the first one at once, so two withdrawn players only
    // share an open match in a stored state (e.g. both recorded before the next settle).
    const stored: Bracket = { ...createBracket([1, 2, 3, 4]), withdrawn: [1, 4] };
    const bracket = reportResult(stored, 1, 1, 2);
    expect(match(bracket, 1, 0)).toMatchObject({ player1: 1, player2: 4, status: "void", winner: null });
    expect(match(bracket, 2, 0)).toMatchObject({ player1: null, player2: 2, status: "walkover", winner: 2 });
    expect(champion(bracket)).toBe(2);
  });

  it("lets the last player left win by walkovers", () => {
    let bracket = createBracket([1, 2, 3, 4, 5]);
    for (const id of [1, 2, 3]) bracket = withdraw(bracket, id);
    expect(isFinished(bracket)).toBe(false); // 4-5 still to play
    bracket = withdraw(bracket, 4);
    expect(isFinished(bracket)).toBe(true);
    expect(champion(bracket)).toBe(5);
    expect(match(bracket, 3, 0)).toMatchObject({ player1: 5, player2: 3, status: "walkover" });
  });

  it("keeps recorded results, ignores a repeat, and rejects an unknown player", () => {
    let bracket = createBracket([1, 2]);
    bracket = reportResult(bracket, 1, 0, 1);
    bracket = withdraw(withdraw(bracket, 1), 1);
    expect(bracket.withdrawn).toEqual([1]);
    expect(champion(bracket)).toBe(1);
    expect(() => withdraw(bracket, 99)).toThrow(/not in this bracket/);
  });
});

// ---- wire text ---------------------------------------------------------------------------

describe("pairingText", () => {
  const names: Record<number, string> = { 1: "alice", 2: "bob", 3: "carol", 4: "dave" };
  const username = (id: number): string => names[id] ?? `?${id}`;

  it("formats a match and a bye", () => {
    const bracket = createBracket([1, 2, 3]);
    expect(pairingText(match(bracket, 1, 1), 42, username)).toBe("42 bob vs carol");
    expect(pairingText(match(bracket, 1, 0), 41, username)).toBe("41 alice bye");
  });

  it("names the advancing player of a walkover, on either side", () => {
    let bracket = reportResult(createBracket([1, 2, 3, 4]), 1, 0, null);
    bracket = reportResult(bracket, 1, 1, 2);
    expect(pairingText(match(bracket, 2, 0), 7, username)).toBe("7 bob bye"); // player2 side
    const left = withdraw(createBracket([1, 2, 3, 4]), 1);
    expect(pairingText(match(left, 1, 0), 8, username)).toBe("8 dave bye"); // withdrawn player1
  });

  it("throws for a match without players", () => {
    let bracket = reportResult(createBracket([1, 2, 3, 4]), 1, 0, null);
    bracket = reportResult(bracket, 1, 1, null);
    expect(() => pairingText(match(bracket, 2, 0), 9, username)).toThrow(Error);
    expect(() => pairingText(match(createBracket([1, 2, 3, 4]), 2, 0), 9, username)).toThrow(Error);
  });
});

// ---- purity ------------------------------------------------------------------------------

describe("purity", () => {
  it("never mutates its inputs", () => {
    const ids = deepFreeze([1, 2, 3, 4, 5, 6]);
    const created = deepFreeze(createBracket(ids));
    const snapshot = structuredClone(created);

    const reported = reportResult(created, 1, 1, 4); // 4 vs 5
    const left = withdraw(created, 4);
    playableMatches(created)[0]!.winner = 99; // returned matches are copies
    currentRound(created);
    isRoundComplete(created, 1);
    isFinished(created);
    champion(created);
    pairingText(match(created, 1, 1), 1, String);

    expect(created).toEqual(snapshot);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
    expect(reported).not.toBe(created);
    expect(left).not.toBe(created);
    expect(match(reported, 1, 1).status).toBe("done");
    expect(left.withdrawn).toEqual([4]);
  });
});
