// The AI player: called once per tick, it looks at the game only when its level's view refresh is
// due, acts on what it saw only after its reaction delay, and asks for a paddle position no further
// than the paddle can move in a tick. Its whole memory is the JSON-friendly AiState, so it travels
// inside a match snapshot and replays identically.
import { FIELD_WIDTH, PADDLE_MAX_SPEED, TICK_RATE, TICK_SECONDS } from "../game/constants";
import { nextRandom, seedRng } from "../game/rng";
import { clampToField } from "../game/simulation";
import type { BallState, PlayerSlot, SimPhase, SimState } from "../game/types";
import { otherSlot } from "../lists";
import { AI_LEVEL_SPECS, type AiLevel, type AiLevelSpec } from "./levels";
import { aimedPaddleX, bounce, crossing, guessReturn } from "./predict";

/** What the AI remembers of one look at the game. */
export interface AiView {
  /** Tick of the look. */
  tick: number;
  /** Tick from which the AI acts on it (the look plus the reaction delay). */
  actAt: number;
  phase: SimPhase;
  ball: BallState;
  opponentX: number;
}

/** Go to `x` up to tick `until` included (null: until a newer plan). */
export interface Waypoint {
  x: number;
  until: number | null;
}

export interface AiState {
  level: AiLevel;
  slot: PlayerSlot;
  /** mulberry32 state (see rng.ts), for the aim errors. */
  rng: number;
  /** Tick from which the next look is allowed. */
  nextLookAt: number;
  /** Looks still inside the reaction delay, oldest first. */
  seen: AiView[];
  /** What the AI does, decided from the newest look it has acted on. */
  plan: Waypoint[];
  /** The paddle position last asked for; re-read from the game at each look. */
  hand: number;
}

export interface AiDecision {
  ai: AiState;
  /** Paddle position to ask for this tick (through the same speed clamp as a human's input), or null: no input. */
  target: number | null;
}

/** Keeps the AI's random stream apart from the simulation's when both are seeded with the match id. */
const AI_SEED_SALT = 0x5bd1e995;
/** Closer than this, the AI does not bother sending an input (a fraction of a unit is invisible). */
const MIN_MOVE = 0.5;

export function createAi({ level, slot, seed }: { level: AiLevel; slot: PlayerSlot; seed: number }): AiState {
  return { level, slot, rng: seedRng(seed ^ AI_SEED_SALT), nextLookAt: 0, seen: [], plan: [], hand: FIELD_WIDTH / 2 };
}

/**
 * One tick of the AI. `look` is called only when a view refresh is due, and the decision comes from
 * remembered looks alone, so the AI cannot see more than its level allows. `tick` must grow by one
 * per call (the engine passes the simulation's tick while the match is playing).
 */
export function aiTick(ai: AiState, tick: number, look: () => SimState): AiDecision {
  const spec = AI_LEVEL_SPECS[ai.level];
  let { rng, nextLookAt, seen, plan, hand } = ai;
  if (tick >= nextLookAt) {
    const state = look();
    const { ball, phase } = state;
    seen = [...seen, { tick, actAt: tick + spec.reactionTicks, phase, ball: { ...ball }, opponentX: state.paddles[otherSlot(ai.slot)].x }];
    // Its own paddle is where the game put it: the server's clamp or rounding may differ slightly from what was asked.
    hand = state.paddles[ai.slot].x;
    nextLookAt = tick + spec.viewEveryTicks;
  }
  const due = seen.filter((view) => view.actAt <= tick);
  if (due.length > 0) {
    const made = planFrom(due[due.length - 1]!, ai.slot, spec, rng);
    plan = made.plan;
    rng = made.rng;
    seen = seen.filter((view) => view.actAt > tick);
  }
  const goal = plan.find((waypoint) => waypoint.until === null || waypoint.until >= tick);
  const reach = PADDLE_MAX_SPEED * TICK_SECONDS * spec.speed;
  const next = goal ? clampToField(hand + Math.min(Math.max(goal.x - hand, -reach), reach)) : hand;
  const moves = Math.abs(next - hand) >= MIN_MOVE;
  return { ai: { ...ai, rng, nextLookAt, seen, plan, hand: moves ? next : hand }, target: moves ? next : null };
}

/**
 * The plan a look leads to: meet the ball where it will cross the paddle line (aimed, plus this
 * level's error), then, for a level that reads the rally, wait where the opponent's return should
 * land; otherwise back to the centre, where every serve starts.
 */
function planFrom(view: AiView, slot: PlayerSlot, spec: AiLevelSpec, rng: number): { plan: Waypoint[]; rng: number } {
  if (view.phase === "over") return { plan: [], rng };
  const centre: Waypoint = { x: FIELD_WIDTH / 2, until: null };
  if (view.phase === "serving") return { plan: [centre], rng };
  const atTick = (seconds: number) => Math.floor(view.tick + seconds * TICK_RATE) + 1;
  const incoming = crossing(view.ball, slot, spec.foresight !== "line");
  if (!incoming) {
    const guess = spec.foresight === "rally" ? guessReturn(view.ball, slot, view.opponentX) : null;
    return { plan: [guess ? { x: guess.x, until: null } : centre], rng };
  }
  const meetX = spec.aims ? aimedPaddleX(incoming, slot, view.opponentX) : incoming.x;
  const first = nextRandom(rng);
  const second = nextRandom(first.state);
  // Triangular: most meetings land near the aim, a few near the error's edge.
  const error = (first.value + second.value - 1) * spec.aimError;
  const meet: Waypoint = { x: meetX + error, until: atTick(incoming.seconds) };
  const guess = spec.foresight === "rally" ? guessReturn(bounce(incoming, meetX, slot), slot, view.opponentX) : null;
  return { plan: [meet, guess ? { x: guess.x, until: null } : centre], rng: second.state };
}
