"use client";
// The provider and socket.io-client in a chunk of their own, loaded only where the layout renders
// it (for a logged-in user): a static import would put them in the layout's chunks, which every
// page loads, the landing and login pages included.
import dynamic from "next/dynamic";

export const LazyRealtimeProvider = dynamic(() => import("./RealtimeProvider").then((module) => module.RealtimeProvider));
