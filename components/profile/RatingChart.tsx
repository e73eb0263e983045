"use client";
// The rating-history chart, drawn by uPlot on a canvas as wide as its box: one point per rated
// game, oldest on the left. Loaded only by the profile page (LazyRatingChart).
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

const HEIGHT = 200;
// Tailwind's emerald-400 line and slate-400 labels on the slate-900 card: above 4.5:1 contrast.
const LINE = "#34d399";
const LABELS = "#94a3b8";
const GRID = "#1e293b";

/** `ratings`: the rating before the first game shown, then after each game. */
export default function RatingChart({ ratings }: { ratings: number[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const axis = { stroke: LABELS, grid: { stroke: GRID }, ticks: { stroke: GRID } };
    const chart = new uPlot(
      {
        width: element.clientWidth,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        // Whole games on the x axis: uPlot would otherwise tick at 2.5.
        axes: [{ ...axis, label: "Games", incrs: [1, 2, 5, 10, 20, 50, 100] }, { ...axis, size: 48 }],
        series: [{}, { stroke: LINE, width: 2, points: { show: ratings.length <= 30, fill: LINE } }],
      },
      [ratings.map((_, game) => game), ratings.map((rating) => Math.round(rating))],
      element,
    );
    // Phones turn: the chart follows its box's width.
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [ratings]);
  return <div ref={box} className="w-full" style={{ minHeight: HEIGHT }} />;
}
