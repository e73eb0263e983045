// Duel challenges, kept in the store so every process sees them: one open challenge per
// challenger, one per target; the first answer wins (compare-and-set on the state key).
import { randomUUID } from "node:crypto";
import type { ChallengeCloseReason } from "../protocol/game";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";

export interface Challenge {
  id: string;
  fromId: number;
  from: string;
  toId: number;
  to: string;
  rated: boolean;
}

type ChallengeState = "pending" | ChallengeCloseReason;

/** An accepted challenge stays redeemable for a match this long. */
const ACCEPTED_TTL_MS = 60_000;
/** Keys outlive the timeout a little, so a late answer is told "expired", not "not found". */
const GRACE_MS = 30_000;

export type OpenResult = { ok: true; challenge: Challenge } | { ok: false; reason: "pending" | "busy" };

export async function openChallenge(store: LiveStore, from: { id: number; name: string }, to: { id: number; username: string }, timeoutMs: number, rated: boolean): Promise<OpenResult> {
  const challenge: Challenge = { id: randomUUID(), fromId: from.id, from: from.name, toId: to.id, to: to.username, rated };
  const ttlMs = timeoutMs + GRACE_MS;
  if (!(await store.set(keys.outgoingChallenge(from.id), challenge.id, { onlyIfAbsent: true, ttlMs: timeoutMs }))) return { ok: false, reason: "pending" };
  if (!(await store.set(keys.incomingChallenge(to.id), challenge.id, { onlyIfAbsent: true, ttlMs: timeoutMs }))) {
    await store.del(keys.outgoingChallenge(from.id), challenge.id);
    return { ok: false, reason: "busy" };
  }
  await store.set(keys.challenge(challenge.id), JSON.stringify(challenge), { ttlMs });
  await store.set(keys.challengeState(challenge.id), "pending" satisfies ChallengeState, { ttlMs });
  await store.hashSet(keys.openChallenges, challenge.id, String(Date.now() + timeoutMs));
  return { ok: true, challenge };
}

/** Whether the user has a challenge open, sent or received: they are choosing an opponent. */
export async function hasOpenChallenge(store: LiveStore, userId: number): Promise<boolean> {
  const [outgoing, incoming] = await Promise.all([store.get(keys.outgoingChallenge(userId)), store.get(keys.incomingChallenge(userId))]);
  return outgoing !== null || incoming !== null;
}

export async function findChallenge(store: LiveStore, id: string): Promise<{ challenge: Challenge; state: ChallengeState } | null> {
  const [raw, state] = await Promise.all([store.get(keys.challenge(id)), store.get(keys.challengeState(id))]);
  if (raw === null || state === null) return null;
  return { challenge: JSON.parse(raw) as Challenge, state: state as ChallengeState };
}

/** Moves a pending challenge to its end; false when it had already ended (another answer won). */
export async function closeChallenge(store: LiveStore, challenge: Challenge, reason: ChallengeCloseReason): Promise<boolean> {
  if (!(await store.compareAndSet(keys.challengeState(challenge.id), "pending", reason, { ttlMs: GRACE_MS }))) return false;
  await Promise.all([
    store.del(keys.outgoingChallenge(challenge.fromId), challenge.id),
    store.del(keys.incomingChallenge(challenge.toId), challenge.id),
    store.hashDelete(keys.openChallenges, challenge.id),
  ]);
  if (reason === "accepted") {
    const accepted: AcceptedChallenge = { id: challenge.id, rated: challenge.rated };
    await store.set(keys.acceptedChallenge(challenge.fromId, challenge.toId), JSON.stringify(accepted), { ttlMs: ACCEPTED_TTL_MS });
  }
  return true;
}

/** What an accepted challenge leaves for its match: kept apart, as the challenge itself may expire first. */
export interface AcceptedChallenge {
  id: string;
  rated: boolean;
}

/** Redeems an accepted challenge for one match: once, null ever after. */
export async function redeemAcceptedChallenge(store: LiveStore, challengerId: number, targetId: number): Promise<AcceptedChallenge | null> {
  const key = keys.acceptedChallenge(challengerId, targetId);
  const raw = await store.get(key);
  if (raw === null || !(await store.del(key, raw))) return null;
  return JSON.parse(raw) as AcceptedChallenge;
}

/** Remembers which match an accepted challenge became, so only that match id is relayed. */
export async function recordChallengeMatch(store: LiveStore, challengeId: string, matchId: number): Promise<void> {
  await store.set(keys.challengeMatch(challengeId), String(matchId), { ttlMs: ACCEPTED_TTL_MS });
}

export async function challengeMatch(store: LiveStore, challengeId: string): Promise<number | null> {
  const raw = await store.get(keys.challengeMatch(challengeId));
  return raw === null ? null : Number(raw);
}

/** Challenges past their expiry that are still listed open: the process that opened them stopped before its timer fired. */
export async function overdueChallenges(store: LiveStore, now: number): Promise<string[]> {
  return Object.entries(await store.hashGetAll(keys.openChallenges))
    .filter(([, expiresAt]) => Number(expiresAt) < now)
    .map(([id]) => id);
}

/** Forgets a listed challenge whose keys are gone. */
export async function unlistChallenge(store: LiveStore, id: string): Promise<void> {
  await store.hashDelete(keys.openChallenges, id);
}
