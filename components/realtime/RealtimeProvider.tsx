"use client";
// One /game socket for the whole app (it is also what makes the user "online"), shared through
// context, plus everything about duel challenges: the incoming-challenge dialog, the outgoing
// "waiting" panel and the toasts telling both sides how a challenge ended.
import { DismissButton } from "./DismissButton";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { Avatar } from "@/components/Avatar";
import { connectGame, request, type GameSocket } from "@/lib/client/socket";
import type { ChallengeClosed, ChallengeOffer } from "@/lib/protocol/game";
import { TournamentToasts } from "./TournamentToasts";

export type RealtimeStatus = "connecting" | "connected" | "disconnected";
export type ChallengeResult = { ok: true } | { ok: false; message: string };

interface RealtimeContextValue {
  socket: GameSocket | null;
  status: RealtimeStatus;
  challenge: (username: string) => Promise<ChallengeResult>;
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

const notLoggedIn = async (): Promise<ChallengeResult> => ({ ok: false, message: "Log in to challenge other players." });

/** The app's /game socket: null until it first connects, or when logged out. */
export function useGameSocket(): GameSocket | null {
  return useContext(RealtimeContext)?.socket ?? null;
}

export function useRealtimeStatus(): RealtimeStatus {
  return useContext(RealtimeContext)?.status ?? "disconnected";
}

/** `challenge(username)` sends a duel challenge; the provider then shows the waiting panel. */
export function useChallenge(): (username: string) => Promise<ChallengeResult> {
  return useContext(RealtimeContext)?.challenge ?? notLoggedIn;
}

// ---- state ---------------------------------------------------------------------------------------

interface Offer {
  id: string;
  from: string;
  deadline: number;
}
interface Outgoing {
  id: string;
  target: string;
  deadline: number;
  /** "accepted": the target said yes and is creating the match; we wait for its id. */
  phase: "waiting" | "cancelling" | "accepted";
}
interface Accepting {
  id: string;
  from: string;
  step: "replying" | "creating" | "failed";
  error?: string;
  /** Only network/server failures of create_match are worth retrying. */
  canRetry?: boolean;
}
type ToastTone = "info" | "error";
interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
  expiresAt: number;
  href?: string;
}
interface State {
  now: number;
  offers: Offer[];
  outgoing: Outgoing | null;
  accepting: Accepting | null;
  toasts: Toast[];
  nextToastId: number;
}

type Action =
  | { type: "tick"; now: number }
  | { type: "offer"; offer: ChallengeOffer; now: number }
  | { type: "outgoing"; id: string; target: string; timeoutMs: number; now: number }
  | { type: "cancelling"; id: string; cancelling: boolean }
  | { type: "closed"; message: ChallengeClosed; me: string; now: number }
  | { type: "matched"; challengeId: string }
  | { type: "answered"; id: string }
  | { type: "accepting"; accepting: Accepting | null }
  | { type: "toast"; text: string; tone: ToastTone; now: number; href?: string }
  | { type: "dismiss"; id: number };

/** How long the challenger waits for the match id once the target accepted. */
const MATCH_START_WAIT_MS = 20_000;
/** Grace after a deadline before dropping a challenge the server never closed (lost connection). */
const STALE_GRACE_MS = 5_000;
const TOAST_MS = { info: 6_000, error: 9_000 };

const initialState: State = { now: 0, offers: [], outgoing: null, accepting: null, toasts: [], nextToastId: 1 };

function addToast(state: State, text: string, tone: ToastTone, now: number, href?: string): State {
  const toast: Toast = { id: state.nextToastId, text, tone, expiresAt: now + TOAST_MS[tone], href };
  // Keep the last few: a burst of events must not cover the page.
  return { ...state, toasts: [...state.toasts, toast].slice(-4), nextToastId: state.nextToastId + 1 };
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

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

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "tick": {
      const { now } = action;
      let next: State = {
        ...state,
        now,
        offers: state.offers.filter((offer) => offer.deadline + STALE_GRACE_MS > now),
        toasts: state.toasts.filter((toast) => toast.expiresAt > now),
      };
      const outgoing = state.outgoing;
      if (outgoing && outgoing.deadline + (outgoing.phase === "accepted" ? 0 : STALE_GRACE_MS) <= now) {
        next = { ...next, outgoing: null };
        if (outgoing.phase === "accepted") next = addToast(next, `${outgoing.target} accepted, but the match did not start. Try challenging again.`, "error", now);
      }
      return next;
    }
    case "offer": {
      const { offer, now } = action;
      const offers = state.offers.filter((existing) => existing.id !== offer.challenge_id);
      return { ...state, now, offers: [...offers, { id: offer.challenge_id, from: offer.from, deadline: now + offer.timeout_ms }] };
    }
    case "outgoing":
      return { ...state, now: action.now, outgoing: { id: action.id, target: action.target, deadline: action.now + action.timeoutMs, phase: "waiting" } };
    case "cancelling":
      if (state.outgoing?.id !== action.id || state.outgoing.phase === "accepted") return state;
      return { ...state, outgoing: { ...state.outgoing, phase: action.cancelling ? "cancelling" : "waiting" } };
    case "closed": {
      const { message, me, now } = action;
      const iAmChallenger = sameName(message.from, me);
      let next: State = { ...state, offers: state.offers.filter((offer) => offer.id !== message.challenge_id) };
      if (state.outgoing?.id === message.challenge_id) {
        next.outgoing =
          message.reason === "accepted" ? { ...state.outgoing, target: message.target, phase: "accepted", deadline: now + MATCH_START_WAIT_MS } : null;
      }
      // The tab that is accepting shows its own progress; a toast would only repeat it.
      if (state.accepting?.id === message.challenge_id) return next;
      const text = closedText(message, iAmChallenger);
      if (text) next = addToast(next, text, "info", now);
      return next;
    }
    case "matched":
      return state.outgoing?.id === action.challengeId ? { ...state, outgoing: null } : state;
    case "answered":
      return { ...state, offers: state.offers.filter((offer) => offer.id !== action.id) };
    case "accepting":
      return { ...state, accepting: action.accepting };
    case "toast":
      return addToast(state, action.text, action.tone, action.now, action.href);
    case "dismiss":
      return { ...state, toasts: state.toasts.filter((toast) => toast.id !== action.id) };
  }
}

// ---- HTTP ------------------------------------------------------------------------------------------

type CreateMatchResult = { ok: true; matchId: number } | { ok: false; message: string; canRetry: boolean };

async function createMatch(opponent: string): Promise<CreateMatchResult> {
  let response: Response;
  try {
    response = await fetch("/game/matches/create_match/", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ opponent }),
    });
  } catch {
    return { ok: false, message: "Could not reach the server to create the match. Check your connection.", canRetry: true };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201 && typeof body === "object" && body !== null && "match_id" in body && typeof body.match_id === "number") {
    return { ok: true, matchId: body.match_id };
  }
  const apiMessage =
    typeof body === "object" && body !== null && "error" in body && typeof body.error === "object" && body.error !== null && "message" in body.error
      ? String(body.error.message)
      : null;
  return { ok: false, message: apiMessage ?? `The match could not be created (error ${response.status}).`, canRetry: response.status >= 500 };
}

/** Resolves true once the socket is connected, false after `timeoutMs`. */
function whenConnected(socket: GameSocket, timeoutMs: number): Promise<boolean> {
  if (socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onConnect = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      socket.off("connect", onConnect);
      resolve(false);
    }, timeoutMs);
    socket.once("connect", onConnect);
  });
}

const secondsLeft = (deadline: number, now: number) => Math.max(0, Math.ceil((deadline - now) / 1000));

// ---- provider --------------------------------------------------------------------------------------

export function RealtimeProvider({
  user,
  challengeTimeoutMs,
  children,
}: {
  user: { id: number; name: string };
  /** The server's CHALLENGE_TIMEOUT_MS: the challenger's ack carries no deadline, so the countdown needs it. */
  challengeTimeoutMs: number;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [socket, setSocket] = useState<GameSocket | null>(null);
  const [status, setStatus] = useState<RealtimeStatus>("connecting");
  const [state, dispatch] = useReducer(reducer, initialState);
  // Socket listeners are attached once; they read the latest state and router through refs.
  const stateRef = useRef(state);
  const routerRef = useRef(router);
  const socketRef = useRef<GameSocket | null>(null);
  useEffect(() => {
    stateRef.current = state;
    routerRef.current = router;
  });

  const me = user.name;
  useEffect(() => {
    const game = connectGame();
    socketRef.current = game;
    const toast = (text: string, tone: ToastTone, href?: string) => dispatch({ type: "toast", text, tone, href, now: Date.now() });

    game.on("connect", () => {
      // Shared only once connected: consumers can emit right away.
      setSocket(game);
      setStatus("connected");
    });
    game.on("disconnect", () => setStatus("disconnected"));
    game.on("connect_error", (error) => {
      setStatus("disconnected");
      // A refusal the player can act on (too many tabs open) is said, not just shown as "offline".
      const data = (error as Error & { data?: { code?: string; message?: string } }).data;
      if (data?.code === "too_many_connections" && data.message) toast(data.message, "error");
    });
    game.on("challenge", (offer) => dispatch({ type: "offer", offer, now: Date.now() }));
    game.on("challenge_closed", (message) => dispatch({ type: "closed", message, me, now: Date.now() }));
    game.on("match_id", ({ challenge_id, match_id }) => {
      const href = `/match/${match_id}/`;
      const outgoing = stateRef.current.outgoing;
      if (outgoing?.id === challenge_id) {
        dispatch({ type: "matched", challengeId: challenge_id });
        routerRef.current.push(href);
      } else {
        // Another of this user's tabs sent the challenge: offer a link rather than hijacking this tab.
        toast("Your duel is starting.", "info", href);
      }
    });
    game.on("error", ({ message }) => toast(message, "error"));
    return () => {
      game.removeAllListeners();
      game.disconnect();
      socketRef.current = null;
    };
  }, [me]);

  // Countdowns and toast expiry tick only while something is on screen.
  const active = state.offers.length > 0 || state.outgoing !== null || state.toasts.length > 0;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => dispatch({ type: "tick", now: Date.now() }), 250);
    return () => clearInterval(timer);
  }, [active]);

  const challenge = useCallback(
    async (username: string): Promise<ChallengeResult> => {
      // Through the ref: a challenge sent just after page load waits for the first connection.
      const game = socketRef.current;
      if (!game || !(await whenConnected(game, 5_000))) return { ok: false, message: "Not connected to the game server yet. Try again in a moment." };
      const response = await request<{ challenge_id: string }>((ack) => game.emit("challenge", { type: "challenge", target: username }, ack));
      if (!response.ok) return { ok: false, message: response.error.message };
      dispatch({ type: "outgoing", id: response.challenge_id, target: username, timeoutMs: challengeTimeoutMs, now: Date.now() });
      return { ok: true };
    },
    [challengeTimeoutMs],
  );

  const cancel = useCallback(
    async (id: string) => {
      if (!socket) return;
      dispatch({ type: "cancelling", id, cancelling: true });
      const response = await request((ack) => socket.emit("challenge_cancel", { type: "challenge_cancel", challenge_id: id }, ack));
      // On success challenge_closed clears the panel; on failure (already answered) the answer's own event will.
      if (!response.ok) {
        dispatch({ type: "cancelling", id, cancelling: false });
        dispatch({ type: "toast", text: `Could not cancel: ${response.error.message}`, tone: "error", now: Date.now() });
      }
    },
    [socket],
  );

  const decline = useCallback(
    async (offer: Offer) => {
      if (!socket) return;
      dispatch({ type: "answered", id: offer.id });
      const response = await request((ack) => socket.emit("challenge_reply", { type: "challenge_reply", challenge_id: offer.id, reply: "decline" }, ack));
      if (!response.ok) dispatch({ type: "toast", text: `Could not decline: ${response.error.message}`, tone: "error", now: Date.now() });
    },
    [socket],
  );

  /** After the reply was accepted: create the match, tell the challenger its id, go there. */
  const startMatch = useCallback(
    async ({ id, from }: { id: string; from: string }) => {
      if (!socket) return;
      dispatch({ type: "accepting", accepting: { id, from, step: "creating" } });
      const created = await createMatch(from);
      if (!created.ok) {
        dispatch({ type: "accepting", accepting: { id, from, step: "failed", error: created.message, canRetry: created.canRetry } });
        return;
      }
      const href = `/match/${created.matchId}/`;
      const relayed = await request((ack) => socket.emit("match_id", { type: "match_id", challenge_id: id, match_id: created.matchId }, ack));
      if (!relayed.ok) dispatch({ type: "toast", text: `${from} could not be sent the match: ${relayed.error.message}`, tone: "error", now: Date.now() });
      dispatch({ type: "accepting", accepting: null });
      router.push(href);
    },
    [socket, router],
  );

  const accept = useCallback(
    async (offer: Offer) => {
      if (!socket) return;
      dispatch({ type: "answered", id: offer.id });
      dispatch({ type: "accepting", accepting: { id: offer.id, from: offer.from, step: "replying" } });
      const response = await request((ack) => socket.emit("challenge_reply", { type: "challenge_reply", challenge_id: offer.id, reply: "accept" }, ack));
      if (!response.ok) {
        dispatch({ type: "accepting", accepting: { id: offer.id, from: offer.from, step: "failed", error: response.error.message, canRetry: false } });
        return;
      }
      await startMatch(offer);
    },
    [socket, startMatch],
  );

  const value = useMemo<RealtimeContextValue>(() => ({ socket, status, challenge }), [socket, status, challenge]);
  const newestOffer = state.offers.at(-1);

  return (
    <RealtimeContext.Provider value={value}>
      {children}
      <TournamentToasts />
      {state.accepting ? (
        <AcceptingDialog
          // A new key when it fails, so focus moves to the failure's buttons.
          key={state.accepting.step === "failed" ? "failed" : "progress"}
          accepting={state.accepting}
          onRetry={(accepting) => void startMatch(accepting)}
          onClose={() => dispatch({ type: "accepting", accepting: null })}
        />
      ) : newestOffer ? (
        <ChallengeDialog
          key={newestOffer.id}
          offer={newestOffer}
          seconds={secondsLeft(newestOffer.deadline, state.now)}
          queued={state.offers.length - 1}
          onAccept={() => void accept(newestOffer)}
          onDecline={() => void decline(newestOffer)}
        />
      ) : null}
      <div className="pointer-events-none fixed inset-x-3 bottom-3 z-40 flex flex-col items-stretch gap-2 sm:left-auto sm:right-4 sm:bottom-4 sm:w-96">
        <Toasts toasts={state.toasts} onDismiss={(id) => dispatch({ type: "dismiss", id })} />
        {status === "disconnected" && (
          <p className="pointer-events-auto rounded-lg border border-amber-500/40 bg-slate-900 px-4 py-2 text-sm text-amber-300 shadow-lg" data-testid="realtime-offline">
            Disconnected from the game server. Reconnecting…
          </p>
        )}
        {state.outgoing && (
          <OutgoingPanel outgoing={state.outgoing} seconds={secondsLeft(state.outgoing.deadline, state.now)} onCancel={(id) => void cancel(id)} />
        )}
      </div>
    </RealtimeContext.Provider>
  );
}

// ---- pieces ----------------------------------------------------------------------------------------

const primaryButton =
  "min-h-11 rounded-md bg-emerald-500 px-5 py-2.5 font-semibold text-slate-950 hover:bg-emerald-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-60";
const secondaryButton =
  "min-h-11 rounded-md border border-slate-600 px-5 py-2.5 font-semibold text-white hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-400 disabled:opacity-60";

/** Overlay + modal box: keeps Tab inside, focuses `initialFocus`, and gives focus back on close. */
function Modal({
  labelId,
  initialFocus,
  onEscape,
  children,
  testId,
}: {
  labelId: string;
  initialFocus: React.RefObject<HTMLElement | null>;
  onEscape?: () => void;
  children: React.ReactNode;
  testId: string;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const escapeRef = useRef(onEscape);
  useEffect(() => {
    escapeRef.current = onEscape;
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (initialFocus.current ?? boxRef.current)?.focus();
    // Escape is caught on the document so it works even if a click moved focus out of the box.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && escapeRef.current) {
        event.preventDefault();
        escapeRef.current();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      if (previous?.isConnected) previous.focus();
    };
  }, [initialFocus]);

  const trapTab = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Tab" || !boxRef.current) return;
    const focusable = Array.from(boxRef.current.querySelectorAll<HTMLElement>("button:not([disabled]), a[href]"));
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return event.preventDefault();
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center bg-slate-950/80 p-3 backdrop-blur-sm sm:items-center">
      <div
        ref={boxRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelId}
        tabIndex={-1}
        onKeyDown={trapTab}
        data-testid={testId}
        className="w-full max-w-sm rounded-xl border border-slate-700 bg-slate-900 p-6 text-center shadow-2xl outline-none"
      >
        {children}
      </div>
    </div>
  );
}

function ChallengeDialog({
  offer,
  seconds,
  queued,
  onAccept,
  onDecline,
}: {
  offer: Offer;
  seconds: number;
  queued: number;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const acceptRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal labelId="challenge-title" initialFocus={acceptRef} onEscape={onDecline} testId="challenge-dialog">
      <div className="flex justify-center">
        <Avatar username={offer.from} size="lg" />
      </div>
      <h2 id="challenge-title" className="mt-4 text-xl font-bold text-white">
        Challenge from {offer.from}
      </h2>
      <p className="mt-1 text-slate-300">{offer.from} wants to play a duel.</p>
      <p className="mt-3 text-sm text-slate-400">
        Answer within{" "}
        <span className="font-mono text-lg font-bold text-amber-300 tabular-nums" data-testid="challenge-countdown">
          {seconds}
        </span>{" "}
        s
      </p>
      {queued > 0 && <p className="mt-1 text-xs text-slate-500">{queued === 1 ? "1 more challenge is waiting." : `${queued} more challenges are waiting.`}</p>}
      <div className="mt-6 grid grid-cols-2 gap-3">
        <button type="button" onClick={onDecline} className={secondaryButton}>
          Decline
        </button>
        <button ref={acceptRef} type="button" onClick={onAccept} className={primaryButton}>
          Accept
        </button>
      </div>
    </Modal>
  );
}

function AcceptingDialog({ accepting, onRetry, onClose }: { accepting: Accepting; onRetry: (accepting: Accepting) => void; onClose: () => void }) {
  const actionRef = useRef<HTMLButtonElement>(null);
  const failed = accepting.step === "failed";
  return (
    <Modal labelId="accepting-title" initialFocus={actionRef} onEscape={failed ? onClose : undefined} testId="accepting-dialog">
      <h2 id="accepting-title" className="text-xl font-bold text-white">
        {failed ? "The match could not start" : `Starting your duel with ${accepting.from}…`}
      </h2>
      {failed ? (
        <>
          <p role="alert" className="mt-3 rounded-md border border-rose-500/40 bg-rose-500/10 px-3 py-2 text-sm text-rose-300" data-testid="accepting-error">
            {accepting.error}
          </p>
          <div className="mt-6 flex justify-center gap-3">
            {accepting.canRetry && (
              <button ref={actionRef} type="button" onClick={() => onRetry(accepting)} className={primaryButton}>
                Try again
              </button>
            )}
            <button ref={accepting.canRetry ? undefined : actionRef} type="button" onClick={onClose} className={secondaryButton}>
              Close
            </button>
          </div>
        </>
      ) : (
        <p className="mt-3 flex items-center justify-center gap-2 text-slate-300" role="status">
          <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-emerald-400 border-t-transparent" />
          {accepting.step === "replying" ? "Accepting the challenge…" : "Creating the match…"}
        </p>
      )}
    </Modal>
  );
}

function OutgoingPanel({ outgoing, seconds, onCancel }: { outgoing: Outgoing; seconds: number; onCancel: (id: string) => void }) {
  const accepted = outgoing.phase === "accepted";
  return (
    <section
      aria-label="Your challenge"
      data-testid="outgoing-challenge"
      className="pointer-events-auto flex items-center gap-3 rounded-lg border border-emerald-500/40 bg-slate-900 p-4 shadow-xl"
    >
      <Avatar username={outgoing.target} size="sm" />
      {/* Not a live region: the countdown would be read out every second. */}
      <p className="min-w-0 flex-1 text-sm text-slate-200">
        {accepted ? (
          <>
            <span className="font-semibold text-emerald-300">{outgoing.target} accepted!</span> Starting the match…
          </>
        ) : (
          <>
            Waiting for <span className="font-semibold text-white">{outgoing.target}</span>…{" "}
            <span className="font-mono text-amber-300 tabular-nums" data-testid="outgoing-countdown">
              {seconds}s
            </span>
          </>
        )}
      </p>
      {!accepted && (
        <button
          type="button"
          onClick={() => onCancel(outgoing.id)}
          disabled={outgoing.phase === "cancelling"}
          className="min-h-11 shrink-0 rounded-md border border-slate-600 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-emerald-400 disabled:opacity-60"
        >
          {outgoing.phase === "cancelling" ? "Cancelling…" : "Cancel"}
        </button>
      )}
    </section>
  );
}

function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  // The live region is always in the DOM so screen readers announce toasts as they are added.
  return (
    <div role="status" aria-live="polite" data-testid="toasts" className="flex flex-col gap-2">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          data-testid="toast"
          className={`pointer-events-auto flex items-start gap-3 rounded-lg border bg-slate-900 px-4 py-3 text-sm shadow-xl ${
            toast.tone === "error" ? "border-rose-500/50 text-rose-200" : "border-slate-700 text-slate-100"
          }`}
        >
          <p className="min-w-0 flex-1 wrap-anywhere">
            {toast.text}
            {toast.href && (
              <>
                {" "}
                <Link href={toast.href} className="font-semibold text-emerald-400 hover:underline">
                  Open the match
                </Link>
              </>
            )}
          </p>
          <DismissButton onDismiss={() => onDismiss(toast.id)} />
        </div>
      ))}
    </div>
  );
}
