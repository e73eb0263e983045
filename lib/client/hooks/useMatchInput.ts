"use client";
// The local player's paddle: keyboard (arrows, A/D) and touch/mouse drag on the canvas. The
// paddle is predicted locally every frame with the server's own movePaddle rule, so it answers
// the instant a key goes down instead of one round trip later; the position is sent at most
// every SEND_INTERVAL_MS and only when it changed.
import { useCallback, useEffect, useMemo, useRef } from "react";
import { clampToField, FIELD_WIDTH, movePaddle, PADDLE_MAX_SPEED } from "@/lib/domain/game";
import type { GameSocket } from "@/lib/client/socket";
import { isOverStatus } from "@/lib/domain/lists";
import type { MatchStatus, PlayerSlot, PositionMessage } from "@/lib/protocol/game";

/** ~30 messages per second: the server's broadcast rate, no point sending faster. */
export const SEND_INTERVAL_MS = 33;
/**
 * The server moves a paddle at most PADDLE_MAX_SPEED × the time since the previous message, so
 * it can fall a little behind (its first message moves nothing at all). While the server's
 * echo disagrees, the position is sent again this often, even if it did not change here.
 */
const RESYNC_INTERVAL_MS = 150;
/** A long frame (tab in the background) must not teleport the paddle. */
const MAX_FRAME_SECONDS = 0.1;

type Direction = -1 | 0 | 1;
type Side = "left" | "right";

export interface MatchInputOptions {
  socket: GameSocket | null;
  /** The viewer's slot; null for a spectator, who has no controls. */
  slot: PlayerSlot | null;
  /** The view is turned 180° (player2): screen-left is server-right. */
  mirrored: boolean;
  status: MatchStatus | null;
  canvas: HTMLCanvasElement | null;
  /** Latest server position of the viewer's paddle, the reference whenever the match is not in play. */
  serverPosition: () => number | null;
}

export interface MatchInput {
  /** Advances the prediction to `now` (ms, rAF clock), sends when due; the paddle x in server coordinates, or null. */
  advance(now: number): number | null;
}

function sideOfKey(event: KeyboardEvent): Side | null {
  if (event.key === "ArrowLeft" || event.code === "KeyA" || event.key === "a" || event.key === "A") return "left";
  if (event.key === "ArrowRight" || event.code === "KeyD" || event.key === "d" || event.key === "D") return "right";
  return null;
}

/** Keys typed into a form field (e.g. a chat box) are not paddle moves. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("button, a[href], [role='button']") !== null;
}

function positionMessage(slot: PlayerSlot, position: number, direction: Direction): PositionMessage {
  return slot === "player1" ? { type: "player1_position", position, direction } : { type: "player2_position", position, direction };
}

export function useMatchInput(options: MatchInputOptions): MatchInput {
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  // Held keys, most recent last: with both held, the latest one wins.
  const heldRef = useRef<Side[]>([]);
  /** Where a drag or tap asked the paddle to go (server x), until a key is pressed. */
  const pointerTargetRef = useRef<number | null>(null);
  const paddleRef = useRef<{ x: number | null; direction: Direction; lastFrame: number | null }>({ x: null, direction: 0, lastFrame: null });
  const sentRef = useRef<{ x: number; direction: Direction; at: number }>({ x: Number.NaN, direction: 0, at: -Infinity });

  const { slot, canvas } = options;

  // Keyboard: on the window, so the game plays without first focusing the canvas.
  useEffect(() => {
    if (!slot) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const status = optionsRef.current.status;
      // Arrows and Space would scroll the page under the field while the match is on (Space still presses a focused button).
      const scrolls = event.key.startsWith("Arrow") || (event.key === " " && !isControl(event.target));
      if (scrolls && status !== null && !isOverStatus(status)) event.preventDefault();
      const side = sideOfKey(event);
      if (!side || event.repeat) return;
      heldRef.current = [...heldRef.current.filter((held) => held !== side), side];
      pointerTargetRef.current = null;
    };
    const onKeyUp = (event: KeyboardEvent) => {
      const side = sideOfKey(event);
      if (side) heldRef.current = heldRef.current.filter((held) => held !== side);
    };
    // A key released while the window had no focus never sends keyup: stop instead of running away.
    const releaseAll = () => {
      heldRef.current = [];
    };
    const onVisibility = () => {
      if (document.hidden) releaseAll();
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    window.addEventListener("blur", releaseAll);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("blur", releaseAll);
      document.removeEventListener("visibilitychange", onVisibility);
      releaseAll();
    };
  }, [slot]);

  // Touch and mouse: drag (or tap) on the canvas moves the paddle toward the pointer's x.
  useEffect(() => {
    if (!slot || !canvas) return;
    let dragging: number | null = null;
    const toServerX = (clientX: number) => {
      const rect = canvas.getBoundingClientRect();
      if (rect.width <= 0) return null;
      const screenX = ((clientX - rect.left) / rect.width) * FIELD_WIDTH;
      return clampToField(optionsRef.current.mirrored ? FIELD_WIDTH - screenX : screenX);
    };
    const onDown = (event: PointerEvent) => {
      if (event.pointerType === "mouse" && event.button !== 0) return;
      dragging = event.pointerId;
      // Keep receiving moves when the finger slides off the canvas; capture can fail for a pointer already gone.
      try {
        canvas.setPointerCapture(event.pointerId);
      } catch {}
      pointerTargetRef.current = toServerX(event.clientX);
      heldRef.current = [];
      event.preventDefault();
    };
    const onMove = (event: PointerEvent) => {
      if (dragging !== event.pointerId) return;
      pointerTargetRef.current = toServerX(event.clientX);
    };
    // The paddle still finishes its way to the last target: a quick tap moves it there.
    const onUp = (event: PointerEvent) => {
      if (dragging === event.pointerId) dragging = null;
    };
    canvas.addEventListener("pointerdown", onDown);
    canvas.addEventListener("pointermove", onMove);
    canvas.addEventListener("pointerup", onUp);
    canvas.addEventListener("pointercancel", onUp);
    return () => {
      canvas.removeEventListener("pointerdown", onDown);
      canvas.removeEventListener("pointermove", onMove);
      canvas.removeEventListener("pointerup", onUp);
      canvas.removeEventListener("pointercancel", onUp);
      pointerTargetRef.current = null;
    };
  }, [slot, canvas]);

  const advance = useCallback((now: number): number | null => {
    const { slot: own, status, mirrored, socket, serverPosition } = optionsRef.current;
    const paddle = paddleRef.current;
    const dt = paddle.lastFrame === null ? 0 : Math.min(Math.max(0, now - paddle.lastFrame) / 1000, MAX_FRAME_SECONDS);
    paddle.lastFrame = now;
    if (!own) return null;
    const server = serverPosition();

    if (status !== "playing") {
      // Outside play the server's paddle is the truth (and the start point of the next prediction).
      paddle.x = server ?? paddle.x;
      paddle.direction = 0;
      pointerTargetRef.current = null;
      return paddle.x;
    }

    const x = paddle.x ?? server ?? FIELD_WIDTH / 2;
    const held = heldRef.current.at(-1);
    const pointerTarget = pointerTargetRef.current;
    let direction: Direction = 0;
    let target = x;
    if (held) {
      const screenDirection = held === "left" ? -1 : 1;
      direction = mirrored ? (-screenDirection as Direction) : screenDirection;
      // Far enough that movePaddle's speed limit, not the target, decides the step.
      target = x + direction * PADDLE_MAX_SPEED;
    } else if (pointerTarget !== null) {
      const gap = pointerTarget - x;
      if (Math.abs(gap) >= 0.5) {
        direction = gap < 0 ? -1 : 1;
        target = pointerTarget;
      } else {
        pointerTargetRef.current = null;
      }
    }
    const moved = movePaddle({ x, direction, score: 0 }, target, direction, dt);
    paddle.x = moved.x;
    paddle.direction = direction;

    if (socket?.connected) {
      const sent = sentRef.current;
      const position = Math.round(moved.x * 10) / 10;
      const changed = position !== sent.x || direction !== sent.direction;
      const behind = server !== null && Math.abs(server - position) > 1;
      const since = now - sent.at;
      if ((changed && since >= SEND_INTERVAL_MS) || (behind && since >= RESYNC_INTERVAL_MS)) {
        const message = positionMessage(own, position, direction);
        // The no-op acknowledgement keeps a refused move (e.g. the match just ended) from
        // coming back as an `error` event, which the app shows as a toast.
        const ignore = () => {};
        if (message.type === "player1_position") socket.emit("player1_position", message, ignore);
        else socket.emit("player2_position", message, ignore);
        sentRef.current = { x: position, direction, at: now };
      }
    }
    return moved.x;
  }, []);

  return useMemo(() => ({ advance }), [advance]);
}
