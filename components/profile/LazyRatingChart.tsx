"use client";
// uPlot in a chunk of its own, fetched by the profile page alone and only in the browser (it draws
// on a canvas): no other page carries it.
import dynamic from "next/dynamic";

export const LazyRatingChart = dynamic(() => import("./RatingChart"), { ssr: false, loading: () => <div className="h-[200px]" /> });
