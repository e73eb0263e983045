// Practice matches against the AI: created directly (no challenge), the human as player 1 and the
// AI's system user of the chosen level as player 2; never rated. The AI is registered and ready
// at once and plays inside the match loop (lib/engine/loop/match-loop.ts).
import type { AiLevel } from "../domain/lists";
import type { Env } from "../env";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";
import type { CreateDuelResult } from "./matches";
import { hasOpenChallenge } from "./challenge-store";
import { openMatch } from "./open-match";
import type { MatchHost } from "./ports";
import { isBusy } from "./presence";
import type { MatchRepo } from "./repos/matches";
import type { UserRepo } from "./repos/users";

/** Outlives any creation; a process that dies holding it only delays the user's next try this long. */
const STARTING_TTL_MS = 10_000;

export interface PracticeServiceDeps {
  config: Env;
  store: LiveStore;
  users: UserRepo;
  matchRows: MatchRepo;
  host: MatchHost;
  /** Takes players out of the quick-pairing pool. */
  leavePool(userIds: number[]): Promise<void>;
}

export function createPracticeService({ config, store, users, matchRows, host, leavePool }: PracticeServiceDeps) {
  const create = async (user: { id: number; name: string }, level: AiLevel): Promise<CreateDuelResult> => {
    if (await isBusy(store, user.id)) return { ok: false, status: 409, code: "in_match", message: "Finish your current match first" };
    if (await hasOpenChallenge(store, user.id)) return { ok: false, status: 409, code: "pending", message: "You have an open challenge: answer or cancel it first" };
    const ai = await users.findAi(level);
    if (!ai) throw new Error(`the AI of level ${level} has no user (its migration did not run)`);
    // Choosing to practise is choosing an opponent: a player waiting for quick pairing leaves the pool.
    await leavePool([user.id]);
    const { id: matchId } = await matchRows.createPracticeRow(user.id, ai.id, config.POINTS_TO_WIN);
    await openMatch({ host, store, config }, {
      matchId,
      player1: { id: user.id, username: user.name },
      player2: { id: ai.id, username: ai.username },
      pointsToWin: config.POINTS_TO_WIN,
      aiLevel: level,
    });
    return { ok: true, matchId };
  };

  return {
    async start(user: { id: number; name: string }, level: AiLevel): Promise<CreateDuelResult> {
      // Two quick clicks, or two tabs, would otherwise both pass the checks and open two matches.
      const lock = keys.practiceStarting(user.id);
      if (!(await store.set(lock, "1", { onlyIfAbsent: true, ttlMs: STARTING_TTL_MS }))) return { ok: false, status: 409, code: "in_match", message: "Your practice match is starting" };
      try {
        return await create(user, level);
      } finally {
        // The user is marked busy by now (or nothing was created): later tries see in_match.
        await store.del(lock);
      }
    },
  };
}

export type PracticeService = ReturnType<typeof createPracticeService>;
