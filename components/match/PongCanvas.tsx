"use client";
// The field, drawn every display frame from a frame source: a live match's (liveFrames: the
// interpolation buffer a little in the past, so remote things move smoothly between the server's
// 30 Hz states) or a replay's. The viewer's own paddle comes from local prediction, so it reacts at once.
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from "react";
import { fitField, type Size } from "@/lib/client/field-size";
import { INTERPOLATION_DELAY_MS, type Sample, type StateBuffer } from "@/lib/client/interpolation";

/** What the canvas draws at a moment (performance.now()). */
export interface FrameSource {
  sample(now: number): Sample | null;
}

/** A live match's frames: its states as they were a little in the past, blended. */
export const liveFrames = (buffer: StateBuffer): FrameSource => ({ sample: (now) => buffer.sampleAt(now - INTERPOLATION_DELAY_MS) });
import { FIELD_HEIGHT, FIELD_WIDTH } from "@/lib/domain/game";
import { PLAYER_SLOTS } from "@/lib/domain/lists";
import type { PlayerSlot } from "@/lib/protocol/game";

const COLORS = {
  field: "#0f172a", // slate-900
  border: "#1e293b", // slate-800
  line: "#334155", // slate-700
  ownPaddle: "#34d399", // emerald-400
  paddle: "#e2e8f0", // slate-200
  ball: "#f8fafc", // slate-50
  trail: "52, 211, 153", // emerald-400 as rgb, for the fading trail
};
const TRAIL_LENGTH = 8;
/** A jump longer than this between frames is a snap (point, serve): the trail starts over. */
const TRAIL_BREAK = 60;

interface PongCanvasProps {
  /** Kept stable between renders: a new one restarts the drawing loop. */
  frames: FrameSource;
  /** The viewer's paddle, drawn in emerald and from `predictOwnPaddle`; null for spectators. */
  ownSlot: PlayerSlot | null;
  /** Turn the field 180° so player2 sees their paddle at the bottom. */
  mirrored: boolean;
  /** Locally predicted x of the viewer's paddle (server coordinates), called once per frame. */
  predictOwnPaddle?: (now: number) => number | null;
  /** Hands the canvas element to input handlers (drag to move). */
  onCanvas?: (canvas: HTMLCanvasElement | null) => void;
  label: string;
  /** Overlays (scores, countdown, result), laid over the field. */
  children?: ReactNode;
  /** Placement of the field's area in the page; the field is the largest 3:4 box that fits the area. */
  className?: string;
}

export function PongCanvas({ frames, ownSlot, mirrored, predictOwnPaddle, onCanvas, label, children, className = "" }: PongCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const next = fitField(entry.contentRect, FIELD_WIDTH / FIELD_HEIGHT);
      setSize((current) => (current.width === next.width && current.height === next.height ? current : next));
    });
    observer.observe(area);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    onCanvas?.(canvasRef.current);
    return () => onCanvas?.(null);
  }, [onCanvas]);

  // Reads the latest props from inside the animation loop without restarting it.
  const frame = useEffectEvent((now: number) => {
    const sample = frames.sample(now);
    const own = predictOwnPaddle?.(now) ?? null;
    return { sample, own, ownSlot, mirrored };
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context) return;
    let cssWidth = canvas.clientWidth;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) cssWidth = entry.contentRect.width;
    });
    observer.observe(canvas);
    const trail: { x: number; y: number }[] = [];
    let handle = 0;

    const draw = (now: number) => {
      handle = requestAnimationFrame(draw);
      // Backing store in device pixels (sharp on high-DPI screens), resized only when it changes.
      const width = Math.max(1, Math.round(cssWidth * window.devicePixelRatio));
      const height = Math.round((width * FIELD_HEIGHT) / FIELD_WIDTH);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      const { sample, own, ownSlot: slot, mirrored: flip } = frame(now);
      const scale = width / FIELD_WIDTH;
      // Everything below is drawn in server coordinates; the transform turns the field for player2.
      if (flip) context.setTransform(-scale, 0, 0, -scale, width, height);
      else context.setTransform(scale, 0, 0, scale, 0, 0);
      drawField(context);
      if (!sample) return;
      for (const paddleSlot of PLAYER_SLOTS) {
        const x = paddleSlot === slot && own !== null ? own : sample.paddles[paddleSlot];
        drawPaddle(context, sample, paddleSlot, x, paddleSlot === slot);
      }
      updateTrail(trail, sample);
      drawBall(context, sample, trail);
    };
    handle = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(handle);
      observer.disconnect();
    };
  }, [frames]);

  return (
    <div ref={areaRef} className={`flex min-h-0 min-w-0 items-center justify-center ${className}`}>
      <div className="relative shrink-0 select-none" style={size}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={label}
          className="absolute inset-0 h-full w-full touch-none rounded-lg border border-slate-800 bg-slate-900 shadow-2xl shadow-emerald-950/40"
        />
        {children}
      </div>
    </div>
  );
}

function drawField(context: CanvasRenderingContext2D) {
  context.fillStyle = COLORS.field;
  context.fillRect(0, 0, FIELD_WIDTH, FIELD_HEIGHT);
  context.strokeStyle = COLORS.line;
  context.lineWidth = 3;
  context.setLineDash([14, 12]);
  context.beginPath();
  context.moveTo(0, FIELD_HEIGHT / 2);
  context.lineTo(FIELD_WIDTH, FIELD_HEIGHT / 2);
  context.stroke();
  context.setLineDash([]);
  context.strokeStyle = COLORS.border;
  context.strokeRect(1.5, 1.5, FIELD_WIDTH - 3, FIELD_HEIGHT - 3);
}

function drawPaddle(context: CanvasRenderingContext2D, sample: Sample, slot: PlayerSlot, x: number, own: boolean) {
  const { paddle_width: width, paddle_height: height, paddle_margin: margin } = sample.state.field;
  const top = slot === "player1" ? FIELD_HEIGHT - margin - height : margin;
  context.fillStyle = own ? COLORS.ownPaddle : COLORS.paddle;
  if (own) {
    context.shadowColor = COLORS.ownPaddle;
    context.shadowBlur = 12;
  }
  context.beginPath();
  context.roundRect(x - width / 2, top, width, height, height / 2);
  context.fill();
  context.shadowBlur = 0;
}

function updateTrail(trail: { x: number; y: number }[], sample: Sample) {
  const last = trail.at(-1);
  if (sample.state.serving || sample.state.status !== "playing" || (last && Math.hypot(sample.ball.x - last.x, sample.ball.y - last.y) > TRAIL_BREAK)) {
    trail.length = 0;
  }
  trail.push({ ...sample.ball });
  if (trail.length > TRAIL_LENGTH) trail.shift();
}

function drawBall(context: CanvasRenderingContext2D, sample: Sample, trail: readonly { x: number; y: number }[]) {
  const radius = sample.state.field.ball_radius;
  trail.forEach((point, index) => {
    const age = (index + 1) / trail.length;
    context.fillStyle = `rgba(${COLORS.trail}, ${0.25 * age})`;
    context.beginPath();
    context.arc(point.x, point.y, radius * (0.4 + 0.5 * age), 0, Math.PI * 2);
    context.fill();
  });
  context.fillStyle = COLORS.ball;
  context.beginPath();
  context.arc(sample.ball.x, sample.ball.y, radius, 0, Math.PI * 2);
  context.fill();
}
