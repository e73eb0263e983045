// Duel challenges: who may challenge whom, the answer that wins, expiry, and the match id relayed
// to the challenger. The state lives in the store (challenge-store.ts), so every process sees it;
// players hear of it through the ChallengeNotifier.
import type { LiveStore } from "../infra/store/types";
import type { Logger } from "../infra/log";
import type { ChallengeCloseReason, MatchIdMessage } from "../protocol/game";
import { challengeMatch, closeChallenge, findChallenge, openChallenge, overdueChallenges, unlistChallenge, type Challenge } from "./challenge-store";
import type { Limits } from "./limits";
import type { ChallengeNotifier } from "./ports";
import { isBusy } from "./presence";
import { refuse, refuseRateLimited } from "./refusal";
import type { UserRepo } from "./repos/users";

/** How often a process looks for challenges whose own process stopped before expiring them. */
const CHALLENGE_SWEEP_MS = 5_000;

export interface ChallengeServiceDeps {
  store: LiveStore;
  limits: Limits;
  users: UserRepo;
  /** Whether the user has a page open (the process ledgers know). */
  isOnline(userId: number, username: string): Promise<boolean>;
  /** Takes players out of the quick-pairing pool: a challenge is a choice of opponent. */
  leavePool(userIds: number[]): Promise<void>;
  notifier: ChallengeNotifier;
  timeoutMs: number;
  log: Logger;
}

type Player = { id: number; name: string };

export function createChallengeService({ store, limits, users, isOnline, leavePool, notifier, timeoutMs, log }: ChallengeServiceDeps) {
  const expiryTimers = new Set<NodeJS.Timeout>();

  const closeAndTell = async (challenge: Challenge, reason: ChallengeCloseReason) => {
    if (!(await closeChallenge(store, challenge, reason))) return false;
    notifier.closed([challenge.fromId, challenge.toId], { type: "challenge_closed", challenge_id: challenge.id, reason, from: challenge.from, target: challenge.to });
    return true;
  };

  // Each challenge expires on a timer of the process that opened it; this sweep expires those whose
  // process stopped first (a second after their time, so the timer normally wins).
  const expireOverdue = async () => {
    for (const id of await overdueChallenges(store, Date.now() - 1_000)) {
      const found = await findChallenge(store, id);
      if (found?.state === "pending") await closeAndTell(found.challenge, "expired");
      else await unlistChallenge(store, id);
    }
  };
  const sweep = setInterval(() => void expireOverdue().catch((error: Error) => log.warn(`challenge sweep: ${error.message}`)), CHALLENGE_SWEEP_MS);

  return {
    async challenge(from: Player, target: string, rated: boolean): Promise<{ challenge_id: string }> {
      const targetUser = await users.findByUsername(target);
      if (!targetUser) refuse("unknown_user", `No player is called "${target}"`);
      if (targetUser.id === from.id) refuse("self", "You cannot challenge yourself");
      if (targetUser.aiLevel !== null) refuse("forbidden", "The AI takes no challenges: start a practice match against it instead");
      if (!(await isOnline(targetUser.id, targetUser.username))) refuse("offline", `${targetUser.username} is not online`);
      if (await isBusy(store, from.id)) refuse("in_match", "Finish your current match first");
      if (await isBusy(store, targetUser.id)) refuse("busy", `${targetUser.username} is in a match`);
      // Counted before opening, so racing challenges cannot pass the limit together; one that is not opened gives its point back.
      const pair = `${from.id}:${targetUser.id}`;
      const refused = await limits.consume("challenge_target", pair);
      if (refused) refuseRateLimited(refused, `You challenged ${targetUser.username} too often: try again in ${Math.ceil(refused.retryAfterSeconds / 60)} min`);
      const opened = await openChallenge(store, from, targetUser, timeoutMs, rated);
      if (!opened.ok) {
        await limits.refund("challenge_target", pair);
        if (opened.reason === "pending") refuse("pending", "You already have an open challenge");
        refuse("busy", `${targetUser.username} is answering another challenge`);
      }
      const { challenge } = opened;
      // Neither may be paired while the challenge is open; the seek refuses them (pending) until it closes.
      await leavePool([from.id, targetUser.id]);
      notifier.offered(targetUser.id, { type: "challenge", challenge_id: challenge.id, from: from.name, timeout_ms: timeoutMs, rated });
      const timer = setTimeout(() => {
        expiryTimers.delete(timer);
        void closeAndTell(challenge, "expired").catch((error: Error) => log.error(`challenge expiry: ${error.message}`));
      }, timeoutMs);
      expiryTimers.add(timer);
      return { challenge_id: challenge.id };
    },

    /** The first answer wins; another tab's later answer is refused. */
    async reply(by: Player, challengeId: string, reply: "accept" | "decline"): Promise<void> {
      const found = await findChallenge(store, challengeId);
      if (!found) refuse("not_found", "This challenge does not exist");
      if (found.challenge.toId !== by.id) refuse("forbidden", "Only the challenged player can answer");
      if (found.state !== "pending") refuse("bad_state", `This challenge was already ${found.state}`);
      const reason = reply === "accept" ? "accepted" : "declined";
      // The seed's challenge_reply goes to the challenger first; challenge_closed then tells every tab of both.
      if (!(await closeChallenge(store, found.challenge, reason))) refuse("bad_state", "This challenge was already answered");
      notifier.replied(found.challenge.fromId, { type: "challenge_reply", challenge_id: challengeId, reply, from: by.name });
      notifier.closed([found.challenge.fromId, found.challenge.toId], { type: "challenge_closed", challenge_id: challengeId, reason, from: found.challenge.from, target: found.challenge.to });
    },

    async cancel(by: Player, challengeId: string): Promise<void> {
      const found = await findChallenge(store, challengeId);
      if (!found) refuse("not_found", "This challenge does not exist");
      if (found.challenge.fromId !== by.id) refuse("forbidden", "Only the challenger can cancel");
      if (!(await closeAndTell(found.challenge, "cancelled"))) refuse("bad_state", `This challenge was already ${found.state}`);
    },

    /** The seed's match_id: the challenged player passes the new match on to the challenger; only the challenge's own match. */
    async relayMatchId(by: Player, message: MatchIdMessage): Promise<void> {
      const found = await findChallenge(store, message.challenge_id);
      if (!found) refuse("not_found", "This challenge does not exist");
      if (found.challenge.toId !== by.id) refuse("forbidden", "Only the challenged player sends the match id");
      if ((await challengeMatch(store, message.challenge_id)) !== message.match_id) refuse("forbidden", "This match was not created for this challenge");
      notifier.matchIdRelayed(found.challenge.fromId, message);
    },

    close(): void {
      clearInterval(sweep);
      for (const timer of expiryTimers) clearTimeout(timer);
      expiryTimers.clear();
    },
  };
}

export type ChallengeService = ReturnType<typeof createChallengeService>;
