"use client";
// The lobby (chat, presence, live matches and their /chat socket) in a chunk of its own: `/` is
// also the logged-out landing, which a static import would make load all of it.
import dynamic from "next/dynamic";

export const LazyLobby = dynamic(() => import("./Lobby").then((module) => module.Lobby));
