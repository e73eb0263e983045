// The duel-challenge state of one browser tab, as a pure reducer: (state, event) → state. The
// provider feeds it socket events, acknowledgements and clock ticks, and renders what it holds:
// incoming offers (the dialog), our outgoing challenge (the waiting panel), the accept-and-create
// progress, and the toasts that tell both sides how a challenge ended.
import type { ChallengeCloseReason, ChallengeClosed, ChallengeOffer } from "@/lib/protocol/game";
import { sameName } from "./names";
import { MAX_TOASTS } from "./toasts";

export interface Offer {
  id: string;
  from: string;
  deadline: number;
  /** Whether the duel would move both players' ratings. */
  rated: boolean;
}
export interface Outgoing {
  id: string;
  target: string;
  deadline: number;
  /** "accepted": the target said yes and is creating the match; we wait for its id. */
  phase: "waiting" | "cancelling" | "accepted";
}
export interface Accepting {
  id: string;
  from: string;
  step: "replying" | "creating" | "failed";
  error?: string;
  /** Only network/server failures of create_match are worth retrying. */
  canRetry?: boolean;
}
/**
 * How our last outgoing challenge ended. "unanswered": the server never closed it (lost
 * connection); "not_started": accepted, but the match id never came.
 */
export interface OutgoingEnd {
  id: string;
  target: string;
  reason: ChallengeCloseReason | "unanswered" | "not_started";
}
export type ToastTone = "info" | "error";
export interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
  expiresAt: number;
  href?: string;
}
export interface ChallengeState {
  now: number;
  offers: Offer[];
  outgoing: Outgoing | null;
  /** Kept so that whatever announced "challenge sent" can say how it ended (see `sendStatus`). */
  lastEnded: OutgoingEnd | null;
  accepting: Accepting | null;
  toasts: Toast[];
  nextToastId: number;
}

export type ChallengeEvent =
  | { type: "tick"; now: number }
  /** server → target: a challenge arrived (in every tab of the target). */
  | { type: "offer"; offer: ChallengeOffer; now: number }
  /** Our `challenge` was acknowledged: the waiting panel opens. */
  | { type: "sent"; id: string; target: string; timeoutMs: number; now: number }
  | { type: "cancel_started"; id: string }
  | { type: "cancel_failed"; id: string; message: string; now: number }
  /** server → both sides, every tab: accepted, declined, expired or cancelled. */
  | { type: "closed"; message: ChallengeClosed; me: string; now: number }
  /** server → challenger: the match exists. */
  | { type: "match_id"; challengeId: string; matchId: number; now: number }
  | { type: "decline"; id: string }
  | { type: "decline_failed"; message: string; now: number }
  | { type: "accept"; id: string; from: string }
  /** The `challenge_reply` accept was refused (e.g. bad_state: another tab or the expiry won). */
  | { type: "accept_failed"; id: string; from: string; message: string }
  | { type: "creating"; id: string; from: string }
  | { type: "create_failed"; id: string; from: string; message: string; canRetry: boolean }
  /** The match was created and its id relayed (or not: `relayError`); the tab goes there. */
  | { type: "started"; from: string; relayError: string | null; now: number }
  | { type: "accepting_closed" }
  | { type: "toast"; text: string; tone: ToastTone; now: number; href?: string }
  | { type: "dismiss"; id: number };

/** How long the challenger waits for the match id once the target accepted. */
export const MATCH_START_WAIT_MS = 20_000;
/** Grace after a deadline before dropping a challenge the server never closed (lost connection). */
export const STALE_GRACE_MS = 5_000;
export const TOAST_MS: Record<ToastTone, number> = { info: 6_000, error: 9_000 };

export const initialChallengeState: ChallengeState = { now: 0, offers: [], outgoing: null, lastEnded: null, accepting: null, toasts: [], nextToastId: 1 };

export const matchHref = (matchId: number) => `/match/${matchId}/`;
/** Whether anything on screen counts down or expires, i.e. whether ticks are needed. */
export const needsTicks = (state: ChallengeState) => state.offers.length > 0 || state.outgoing !== null || state.toasts.length > 0;

function addToast(state: ChallengeState, text: string, tone: ToastTone, now: number, href?: string): ChallengeState {
  const toast: Toast = { id: state.nextToastId, text, tone, expiresAt: now + TOAST_MS[tone], href };
  return { ...state, toasts: [...state.toasts, toast].slice(-MAX_TOASTS), nextToastId: state.nextToastId + 1 };
}

function closedText({ reason, from, target }: ChallengeClosed, iAmChallenger: boolean): string | null {
  if (iAmChallenger) {
    if (reason === "declined") return `${target} declined your challenge.`;
    if (reason === "expired") return `${target} did not answer your challenge in time.`;
    if (reason === "cancelled") return `You cancelled your challenge to ${target}.`;
    return null;
  }
  if (reason === "declined") return `You declined ${from}'s challenge.`;
  if (reason === "expired") return `${from}'s challenge expired.`;
  if (reason === "cancelled") return `${from} cancelled their challenge.`;
  return null;
}

function tick(state: ChallengeState, now: number): ChallengeState {
  let next: ChallengeState = {
    ...state,
    now,
    offers: state.offers.filter((offer) => offer.deadline + STALE_GRACE_MS > now),
    toasts: state.toasts.filter((toast) => toast.expiresAt > now),
  };
  const outgoing = state.outgoing;
  if (outgoing && outgoing.deadline + (outgoing.phase === "accepted" ? 0 : STALE_GRACE_MS) <= now) {
    next = { ...next, outgoing: null, lastEnded: { id: outgoing.id, target: outgoing.target, reason: outgoing.phase === "accepted" ? "not_started" : "unanswered" } };
    if (outgoing.phase === "accepted") next = addToast(next, `${outgoing.target} accepted, but the match did not start. Try challenging again.`, "error", now);
  }
  return next;
}

function setCancelling(state: ChallengeState, id: string, cancelling: boolean): ChallengeState {
  if (state.outgoing?.id !== id || state.outgoing.phase === "accepted") return state;
  return { ...state, outgoing: { ...state.outgoing, phase: cancelling ? "cancelling" : "waiting" } };
}

function closed(state: ChallengeState, message: ChallengeClosed, me: string, now: number): ChallengeState {
  const ours = state.outgoing?.id === message.challenge_id ? state.outgoing : null;
  const next: ChallengeState = {
    ...state,
    offers: state.offers.filter((offer) => offer.id !== message.challenge_id),
    outgoing: !ours ? state.outgoing : message.reason === "accepted" ? { ...ours, target: message.target, phase: "accepted", deadline: now + MATCH_START_WAIT_MS } : null,
    lastEnded: ours && message.reason !== "accepted" ? { id: ours.id, target: message.target, reason: message.reason } : state.lastEnded,
  };
  // The tab that is accepting shows its own progress; a toast would only repeat it.
  if (state.accepting?.id === message.challenge_id) return next;
  const text = closedText(message, sameName(message.from, me));
  return text ? addToast(next, text, "info", now) : next;
}

export function challengeReducer(state: ChallengeState, event: ChallengeEvent): ChallengeState {
  switch (event.type) {
    case "tick":
      return tick(state, event.now);
    case "offer": {
      const { offer, now } = event;
      const offers = state.offers.filter((existing) => existing.id !== offer.challenge_id);
      return { ...state, now, offers: [...offers, { id: offer.challenge_id, from: offer.from, deadline: now + offer.timeout_ms, rated: offer.rated }] };
    }
    case "sent":
      return { ...state, now: event.now, outgoing: { id: event.id, target: event.target, deadline: event.now + event.timeoutMs, phase: "waiting" } };
    case "cancel_started":
      return setCancelling(state, event.id, true);
    case "cancel_failed":
      // On success challenge_closed clears the panel; on failure (already answered) the answer's own event will.
      return addToast(setCancelling(state, event.id, false), `Could not cancel: ${event.message}`, "error", event.now);
    case "closed":
      return closed(state, event.message, event.me, event.now);
    case "match_id":
      // Our own challenge: the tab goes to the match. Another tab's: a link rather than a hijack.
      if (state.outgoing?.id === event.challengeId) return { ...state, outgoing: null, lastEnded: { id: state.outgoing.id, target: state.outgoing.target, reason: "accepted" } };
      return addToast(state, "Your duel is starting.", "info", event.now, matchHref(event.matchId));
    case "decline":
      return { ...state, offers: state.offers.filter((offer) => offer.id !== event.id) };
    case "decline_failed":
      return addToast(state, `Could not decline: ${event.message}`, "error", event.now);
    case "accept":
      return { ...state, offers: state.offers.filter((offer) => offer.id !== event.id), accepting: { id: event.id, from: event.from, step: "replying" } };
    case "accept_failed":
      return { ...state, accepting: { id: event.id, from: event.from, step: "failed", error: event.message, canRetry: false } };
    case "creating":
      return { ...state, accepting: { id: event.id, from: event.from, step: "creating" } };
    case "create_failed":
      return { ...state, accepting: { id: event.id, from: event.from, step: "failed", error: event.message, canRetry: event.canRetry } };
    case "started": {
      const next = { ...state, accepting: null };
      return event.relayError ? addToast(next, `${event.from} could not be sent the match: ${event.relayError}`, "error", event.now) : next;
    }
    case "accepting_closed":
      return { ...state, accepting: null };
    case "toast":
      return addToast(state, event.text, event.tone, event.now, event.href);
    case "dismiss":
      return { ...state, toasts: state.toasts.filter((toast) => toast.id !== event.id) };
  }
}

/**
 * What a "send a challenge" control shows about the challenge it sent (`sentId`): "waiting" while
 * it is open, then how it ended, so no "challenge sent" notice outlives its challenge.
 */
export type SendStatus = { kind: "none" } | { kind: "waiting"; target: string } | { kind: "ended"; end: OutgoingEnd };

export function sendStatus(sentId: string | null, { outgoing, lastEnded }: Pick<ChallengeState, "outgoing" | "lastEnded">): SendStatus {
  if (sentId === null) return { kind: "none" };
  if (outgoing?.id === sentId) return { kind: "waiting", target: outgoing.target };
  if (lastEnded?.id === sentId) return { kind: "ended", end: lastEnded };
  // Replaced by a newer challenge from another control: this one's notice is over.
  return { kind: "none" };
}
