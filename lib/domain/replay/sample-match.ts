// A match played through the real lifecycle by two scripted players, recorded the way the engine
// records: for the replay tests and the benchmark (scripts/bench/replay.ts). Inputs reach the
// match at their own times between ticks, ~30 a second per player, and go through movePlayer's
// speed clamp, so the recorded positions are exactly those the match used.
import { BALL_RADIUS, FIELD_WIDTH, PADDLE_FACE_Y, PADDLE_WIDTH, TICK_MS, TICK_SECONDS } from "../game/constants";
import { advance, createLiveMatch, movePlayer, playerLeft, playerReturned, ready, register, type LiveMatch, type Transition } from "../game/lifecycle";
import { nextRandom, seedRng } from "../game/rng";
import type { PlayerSlot, SimState } from "../game/types";
import { PLAYER_SLOTS } from "../lists";
import { createRecording, recordInput, type Recording } from "./recorder";

export interface SampleMatchOptions {
  matchId: number;
  pointsToWin: number;
  /** Drives the players' aim and timing. */
  seed: number;
  /** Ends the match (like a forfeit) once the simulation reaches this tick, if nobody has won. */
  maxTicks: number;
  /** Player 2 drops out at this tick for `pauseMs` while player 1 keeps sending inputs. */
  pause?: { atTick: number; pauseMs: number };
  /** Sees the simulation just before each step, with that tick's inputs applied. */
  beforeStep?: (sim: SimState) => void;
}

/** ~30 Hz per player, as the match page sends while a key is held or a finger drags. */
const INPUT_GAP_MS = 1000 / 30;

/** Plays the match to its end; returns it with its recording and how many inputs the players sent. */
export function playSampleMatch(options: SampleMatchOptions): { match: LiveMatch; recording: Recording; inputsSent: number } {
  let rng = seedRng(options.seed);
  const random = () => {
    const draw = nextRandom(rng);
    rng = draw.state;
    return draw.value;
  };
  const recording = createRecording({ seed: options.matchId, pointsToWin: options.pointsToWin });
  let now = 1_000_000;
  let match = createLiveMatch(
    {
      matchId: options.matchId,
      player1: { id: 1, username: "alice" },
      player2: { id: 2, username: "bob" },
      pointsToWin: options.pointsToWin,
      registerTimeoutMs: 30_000,
      reconnectGraceMs: 60_000,
      pauseBudgetMs: 60_000,
    },
    now,
  );
  const ok = (transition: Transition) => {
    if (!transition.ok) throw new Error(transition.message);
    return transition.match;
  };
  // Where each player means to hit the ball this rally (off-centre aims sometimes miss).
  const aim: Record<PlayerSlot, number> = { player1: 0, player2: 0 };
  const nextInputAt: Record<PlayerSlot, number> = { player1: now + 500, player2: now + 520 };
  const present: Record<PlayerSlot, boolean> = { player1: true, player2: true };
  let inputsSent = 0;
  const move = (slot: PlayerSlot, at: number) => {
    inputsSent++;
    match = movePlayer(match, slot, wanted(match.sim, slot) + aim[slot] + (random() - 0.5) * 6, 0, at);
    recordInput(recording, match.sim.tick, slot, match.sim.paddles[slot].x);
  };
  // Inputs due before `until`, in time order, each at its own time.
  const sendInputs = (until: number) => {
    for (;;) {
      const slot = PLAYER_SLOTS.filter((s) => present[s]).sort((a, b) => nextInputAt[a] - nextInputAt[b])[0];
      if (!slot || nextInputAt[slot] >= until) return;
      move(slot, nextInputAt[slot]);
      nextInputAt[slot] += INPUT_GAP_MS * (0.8 + 0.4 * random());
    }
  };

  match = ok(register(match, "player1", now));
  match = ok(register(match, "player2", (now += 400)));
  match = ok(ready(match, "player1", (now += 300)));
  sendInputs((now += 600)); // player 1 warms up while waiting for player 2
  match = ok(ready(match, "player2", now));
  let returnAt: number | null = null;
  let lastHeading = 0;
  while (match.status !== "finished" && match.sim.tick < options.maxTicks) {
    sendInputs((now += TICK_MS * (0.9 + 0.2 * random())));
    if (options.pause && match.status === "playing" && match.sim.tick === options.pause.atTick && returnAt === null) {
      match = playerLeft(match, "player2", now);
      present.player2 = false;
      returnAt = now + options.pause.pauseMs;
    }
    if (returnAt !== null && now >= returnAt && !present.player2) {
      match = playerReturned(match, "player2", now);
      present.player2 = true;
      nextInputAt.player2 = now;
    }
    const heading = Math.sign(match.sim.ball.vy);
    if (heading !== lastHeading) {
      // The ball turned (or was served): each player picks how far off-centre to hit it next;
      // beyond the paddle's reach is a miss.
      for (const slot of PLAYER_SLOTS) aim[slot] = (random() - 0.5) * (PADDLE_WIDTH + 24);
      lastHeading = heading;
    }
    if (match.status === "playing") options.beforeStep?.(match.sim);
    match = advance(match, now, TICK_SECONDS);
  }
  return { match, recording, inputsSent };
}

/** Where `slot` wants its paddle: under the ball where it will cross the paddle's face, or back to the centre. */
function wanted(sim: SimState, slot: PlayerSlot): number {
  const { x, y, vx, vy } = sim.ball;
  const coming = slot === "player1" ? vy > 0 : vy < 0;
  if (!coming) return FIELD_WIDTH / 2;
  const faceY = slot === "player1" ? PADDLE_FACE_Y.player1 - BALL_RADIUS : PADDLE_FACE_Y.player2 + BALL_RADIUS;
  // Unfold the side-wall bounces: the ball's path mirrored into [BALL_RADIUS, FIELD_WIDTH − BALL_RADIUS].
  const span = FIELD_WIDTH - 2 * BALL_RADIUS;
  const travelled = x - BALL_RADIUS + (vx * (faceY - y)) / vy;
  const folded = ((travelled % (2 * span)) + 2 * span) % (2 * span);
  return BALL_RADIUS + (folded <= span ? folded : 2 * span - folded);
}
