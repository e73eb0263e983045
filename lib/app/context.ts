// The process's services and back-ends, in one place. createApp (lib/create-app.ts) builds it; server.ts hands it
// to setAppContext once, and route handlers and pages read it with appContext(). It lives on
// globalThis because Next bundles route handlers apart from server.ts: a module-level variable
// would exist once per bundle.
import type { PrismaClient } from "../infra/db/generated/prisma/client";
import type { Metrics } from "../infra/metrics";
import type { LiveStore } from "../infra/store/types";
import type { Limits } from "./limits";
import type { MatchService } from "./matches";
import type { LeaderboardRepo } from "./repos/leaderboard";
import type { MatchHost } from "./ports";
import type { PracticeService } from "./practice";
import type { MatchRepo } from "./repos/matches";
import type { UserRepo } from "./repos/users";
import type { TournamentService } from "./tournaments/service";

export interface AppContext {
  db: PrismaClient;
  databaseBackend: "pglite" | "postgresql";
  store: LiveStore;
  limits: Limits;
  users: UserRepo;
  leaderboard: LeaderboardRepo;
  matchRows: MatchRepo;
  matches: MatchService;
  practice: PracticeService;
  tournaments: TournamentService;
  host: MatchHost;
  /** This process's Prometheus registry and metrics (GET /metrics). */
  metrics: Metrics;
}

const holder = globalThis as typeof globalThis & { __pongApp?: AppContext };

export function setAppContext(context: AppContext | undefined): void {
  holder.__pongApp = context;
}

export function appContext(): AppContext {
  const context = holder.__pongApp;
  if (!context) throw new Error("The app is not started: start it with server.ts");
  return context;
}
