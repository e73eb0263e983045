import { describe, expect, it } from "vitest";
import type { ChallengeClosed } from "@/lib/protocol/game";
import {
  challengeReducer,
  initialChallengeState,
  MATCH_START_WAIT_MS,
  needsTicks,
  sendStatus,
  STALE_GRACE_MS,
  TOAST_MS,
  type ChallengeEvent,
  type ChallengeState,
} from "./challenge-machine";
import { secondsLeft } from "./countdown";
import { MAX_TOASTS } from "./toasts";

const T0 = 1_000_000;
const run = (events: ChallengeEvent[], from: ChallengeState = initialChallengeState) => events.reduce(challengeReducer, from);
const offer = (id: string, from = "ann", now = T0): ChallengeEvent => ({ type: "offer", offer: { type: "challenge", challenge_id: id, from, timeout_ms: 30_000, rated: true }, now });
const closed = (id: string, reason: ChallengeClosed["reason"], me: string, now = T0 + 1_000): ChallengeEvent => ({
  type: "closed",
  message: { type: "challenge_closed", challenge_id: id, reason, from: "ann", target: "ben" },
  me,
  now,
});
const sent = (id = "c1", now = T0): ChallengeEvent => ({ type: "sent", id, target: "ben", timeoutMs: 30_000, now });
const texts = (state: ChallengeState) => state.toasts.map((toast) => toast.text);

describe("incoming challenges (the target's tabs)", () => {
  it("an offer opens with its deadline; the same id again replaces it rather than queueing twice", () => {
    const state = run([offer("c1"), offer("c2", "cid"), offer("c1", "ann", T0 + 500)]);
    expect(state.offers.map((o) => [o.id, o.from, o.deadline])).toEqual([
      ["c2", "cid", T0 + 30_000],
      ["c1", "ann", T0 + 500 + 30_000],
    ]);
    expect(needsTicks(state)).toBe(true);
    expect(secondsLeft(state.offers[0]!.deadline, T0 + 10_200)).toBe(20);
  });

  it("accept removes the offer and shows the replying step; create and start follow", () => {
    let state = run([offer("c1"), { type: "accept", id: "c1", from: "ann" }]);
    expect(state.offers).toEqual([]);
    expect(state.accepting).toEqual({ id: "c1", from: "ann", step: "replying" });
    state = run([{ type: "creating", id: "c1", from: "ann" }], state);
    expect(state.accepting?.step).toBe("creating");
    // challenge_closed (accepted) reaches the accepting tab too: no toast repeats its own progress.
    state = run([closed("c1", "accepted", "ben")], state);
    expect(state.toasts).toEqual([]);
    state = run([{ type: "started", from: "ann", relayError: null, now: T0 + 2_000 }], state);
    expect(state.accepting).toBeNull();
    expect(state.toasts).toEqual([]);
  });

  it("bad_state on accept (another tab answered first) shows the failure, without a retry", () => {
    const state = run([
      offer("c1"),
      { type: "accept", id: "c1", from: "ann" },
      { type: "accept_failed", id: "c1", from: "ann", message: "This challenge was already accepted" },
    ]);
    expect(state.accepting).toEqual({ id: "c1", from: "ann", step: "failed", error: "This challenge was already accepted", canRetry: false });
    expect(run([{ type: "accepting_closed" }], state).accepting).toBeNull();
  });

  it("create_match failures keep whether a retry makes sense; a relay failure is told in a toast", () => {
    const failed = run([{ type: "create_failed", id: "c1", from: "ann", message: "down", canRetry: true }]);
    expect(failed.accepting).toMatchObject({ step: "failed", error: "down", canRetry: true });
    const started = run([{ type: "started", from: "ann", relayError: "gone", now: T0 }], failed);
    expect(started.accepting).toBeNull();
    expect(texts(started)).toEqual(["ann could not be sent the match: gone"]);
    expect(started.toasts[0]).toMatchObject({ tone: "error", expiresAt: T0 + TOAST_MS.error });
  });

  it("decline removes the offer; challenge_closed then says so; a refused decline is a toast", () => {
    let state = run([offer("c1"), offer("c2", "cid"), { type: "decline", id: "c1" }]);
    expect(state.offers.map((o) => o.id)).toEqual(["c2"]);
    state = run([closed("c1", "declined", "ben")], state);
    expect(texts(state)).toEqual(["You declined ann's challenge."]);
    state = run([{ type: "decline_failed", message: "nope", now: T0 }], state);
    expect(texts(state).at(-1)).toBe("Could not decline: nope");
  });

  it("closed from another tab: accepted elsewhere closes the dialog silently; expiry and cancel are told", () => {
    expect(run([offer("c1"), closed("c1", "accepted", "ben")])).toMatchObject({ offers: [], accepting: null, toasts: [] });
    expect(texts(run([offer("c1"), closed("c1", "expired", "ben")]))).toEqual(["ann's challenge expired."]);
    expect(texts(run([offer("c1"), closed("c1", "cancelled", "BEN")]))).toEqual(["ann cancelled their challenge."]);
  });

  it("an offer the server never closed (lost connection) is dropped after its deadline and a grace", () => {
    const state = run([offer("c1")]);
    expect(run([{ type: "tick", now: T0 + 30_000 + STALE_GRACE_MS - 1 }], state).offers).toHaveLength(1);
    expect(run([{ type: "tick", now: T0 + 30_000 + STALE_GRACE_MS }], state).offers).toEqual([]);
  });
});

describe("outgoing challenges (the challenger's tabs)", () => {
  it("sent opens the waiting panel with the countdown's deadline", () => {
    expect(run([sent()]).outgoing).toEqual({ id: "c1", target: "ben", deadline: T0 + 30_000, phase: "waiting" });
  });

  it("accepted waits for the match id, which closes the panel in this tab", () => {
    let state = run([sent(), closed("c1", "accepted", "ann", T0 + 3_000)]);
    expect(state.outgoing).toEqual({ id: "c1", target: "ben", phase: "accepted", deadline: T0 + 3_000 + MATCH_START_WAIT_MS });
    expect(state.toasts).toEqual([]);
    state = run([{ type: "match_id", challengeId: "c1", matchId: 7, now: T0 + 4_000 }], state);
    expect(state.outgoing).toBeNull();
    expect(state.toasts).toEqual([]);
  });

  it("a match id for a challenge another tab sent becomes a toast with the match's link", () => {
    const state = run([{ type: "match_id", challengeId: "other", matchId: 7, now: T0 }]);
    expect(state.toasts).toEqual([{ id: 1, text: "Your duel is starting.", tone: "info", expiresAt: T0 + TOAST_MS.info, href: "/match/7/" }]);
  });

  it("accepted but no match id in time: the panel goes with an error toast", () => {
    const state = run([sent(), closed("c1", "accepted", "ann", T0)]);
    const later = run([{ type: "tick", now: T0 + MATCH_START_WAIT_MS - 1 }], state);
    expect(later.outgoing?.phase).toBe("accepted");
    const expired = run([{ type: "tick", now: T0 + MATCH_START_WAIT_MS }], state);
    expect(expired.outgoing).toBeNull();
    expect(texts(expired)).toEqual(["ben accepted, but the match did not start. Try challenging again."]);
  });

  it("declined, expired and cancelled close the panel with the challenger's wording", () => {
    for (const [reason, text] of [
      ["declined", "ben declined your challenge."],
      ["expired", "ben did not answer your challenge in time."],
      ["cancelled", "You cancelled your challenge to ben."],
    ] as const) {
      const state = run([sent(), closed("c1", reason, "Ann")]);
      expect(state.outgoing).toBeNull();
      expect(texts(state)).toEqual([text]);
    }
  });

  it("a challenge_closed for another challenge leaves the panel alone", () => {
    expect(run([sent(), closed("c9", "declined", "ann")]).outgoing?.phase).toBe("waiting");
  });

  it("cancel shows progress; a refused cancel (bad_state) goes back to waiting with a toast", () => {
    const cancelling = run([sent(), { type: "cancel_started", id: "c1" }]);
    expect(cancelling.outgoing?.phase).toBe("cancelling");
    const refused = run([{ type: "cancel_failed", id: "c1", message: "This challenge was already accepted", now: T0 }], cancelling);
    expect(refused.outgoing?.phase).toBe("waiting");
    expect(texts(refused)).toEqual(["Could not cancel: This challenge was already accepted"]);
  });

  it("cancelling cannot undo an acceptance", () => {
    const accepted = run([sent(), closed("c1", "accepted", "ann")]);
    expect(run([{ type: "cancel_started", id: "c1" }], accepted).outgoing?.phase).toBe("accepted");
  });

  it("the waiting panel of a challenge never closed goes after the deadline and a grace", () => {
    const state = run([sent()]);
    expect(run([{ type: "tick", now: T0 + 30_000 }], state).outgoing).not.toBeNull();
    const gone = run([{ type: "tick", now: T0 + 30_000 + STALE_GRACE_MS }], state);
    expect(gone.outgoing).toBeNull();
    expect(gone.toasts).toEqual([]);
  });
});

describe("what the control that sent a challenge shows (sendStatus)", () => {
  it("waiting while the challenge is open, then how it ended, for every way it can end", () => {
    const open = run([sent()]);
    expect(sendStatus("c1", open)).toEqual({ kind: "waiting", target: "ben" });
    for (const reason of ["declined", "expired", "cancelled"] as const) {
      expect(sendStatus("c1", run([closed("c1", reason, "ann")], open))).toEqual({ kind: "ended", end: { id: "c1", target: "ben", reason } });
    }
    const started = run([closed("c1", "accepted", "ann"), { type: "match_id", challengeId: "c1", matchId: 7, now: T0 + 2_000 }], open);
    expect(sendStatus("c1", started)).toEqual({ kind: "ended", end: { id: "c1", target: "ben", reason: "accepted" } });
    const lost = run([{ type: "tick", now: T0 + 30_000 + STALE_GRACE_MS }], open);
    expect(sendStatus("c1", lost)).toEqual({ kind: "ended", end: { id: "c1", target: "ben", reason: "unanswered" } });
    const neverStarted = run([closed("c1", "accepted", "ann", T0), { type: "tick", now: T0 + MATCH_START_WAIT_MS }], open);
    expect(sendStatus("c1", neverStarted)).toEqual({ kind: "ended", end: { id: "c1", target: "ben", reason: "not_started" } });
  });

  it("accepted but not started yet still counts as waiting", () => {
    expect(sendStatus("c1", run([sent(), closed("c1", "accepted", "ann")])).kind).toBe("waiting");
  });

  it("nothing sent, or a challenge since replaced by a newer one, shows nothing", () => {
    expect(sendStatus(null, run([sent()]))).toEqual({ kind: "none" });
    expect(sendStatus("c1", run([sent("c1"), sent("c2")]))).toEqual({ kind: "none" });
  });
});

describe("toasts", () => {
  it("expire on ticks, can be dismissed, and only the last few are kept", () => {
    let state = initialChallengeState;
    const sent = Array.from({ length: MAX_TOASTS + 2 }, (_, i) => `t${i}`);
    for (const text of sent) state = run([{ type: "toast", text, tone: "info", now: T0 }], state);
    expect(texts(state)).toEqual(sent.slice(-MAX_TOASTS));
    state = run([{ type: "dismiss", id: state.toasts[0]!.id }], state);
    expect(texts(state)).toEqual(sent.slice(-MAX_TOASTS + 1));
    state = run([{ type: "toast", text: "bad", tone: "error", now: T0 + TOAST_MS.info }], state);
    state = run([{ type: "tick", now: T0 + TOAST_MS.info }], state);
    expect(texts(state)).toEqual(["bad"]);
    expect(needsTicks(state)).toBe(true);
    expect(needsTicks(run([{ type: "tick", now: T0 + TOAST_MS.info + TOAST_MS.error }], state))).toBe(false);
  });
});
