// Every live-store key and channel in one place (README "Operations" lists them).
export const keys = {
  /** Hash process id → start time: the server processes sharing this store. */
  processes: "processes",
  /** A process's heartbeat (expires when it stops beating). */
  processAlive: (processId: string) => `process:${processId}:alive`,
  /** Hash user id → that process's connections of the user. */
  processConnections: (processId: string) => `process:${processId}:connections`,
  /** Hash "<id>:<username>" → that process's /game sockets of the user (every open page has one). */
  processPresence: (processId: string) => `process:${processId}:presence`,
  /** Hash "<match id>/<role>" → that process's sockets in the match room. */
  processMatchSockets: (processId: string) => `process:${processId}:matches`,
  /** Hash user id → the match the user is playing. */
  busy: "busy",
  /** Hash challenge id → when it expires (epoch ms): swept by every process in case the one that opened it stopped. */
  openChallenges: "challenges:open",
  challenge: (id: string) => `challenge:${id}`,
  challengeState: (id: string) => `challenge:${id}:state`,
  outgoingChallenge: (userId: number) => `challenge:out:${userId}`,
  incomingChallenge: (userId: number) => `challenge:in:${userId}`,
  /** The match an accepted challenge became. */
  challengeMatch: (id: string) => `challenge:${id}:match`,
  acceptedChallenge: (challengerId: number, targetId: number) => `challenge:accepted:${challengerId}:${targetId}`,
  /** Hash user id → Seeker JSON ({ rating, since }): the quick-pairing pool. */
  pairingPool: "pairing:pool",
  /** Sorted set "<a>:<b>" (user ids, lower first) → when they were paired: the no-re-pairing rule. */
  pairingRecent: "pairing:recent",
  /** The process running the pairing waves (a lease, as matches have). */
  pairingLease: "pairing:lease",
  /** Held while a user's practice match is being created (a few seconds at most). */
  practiceStarting: (userId: number) => `practice:starting:${userId}`,
  /** Hash match id → 1 for every match not yet over: what runners sweep for matches nobody runs. */
  liveMatches: "matches:live",
  /** Hash match id → LiveMatchSummary JSON of every match being played: the lobby's "Live now". */
  liveSummaries: "matches:summaries",
  /** Pub/sub channel announcing a change of the live list. */
  liveChannel: "matches:changed",
  matchState: (matchId: number) => `match:${matchId}:state`,
  matchOwner: (matchId: number) => `match:${matchId}:owner`,
  /** Hash chunk index → base64 chunk: the sealed part of a live match's recording (docs/REPLAY.md). */
  matchReplayChunks: (matchId: number) => `match:${matchId}:replay`,
  chatHistory: "chat:lobby",
  /** Pub/sub channel of one server process: commands for the matches it runs. */
  runnerChannel: (processId: string) => `runner:${processId}`,
  /** Pub/sub channel announcing presence changes to every process. */
  presenceChannel: "presence:changed",
};
