// Every live-store key and channel in one place (README "Operations" lists them).
export const keys = {
  /** Hash "<id>:<username>" → number of the user's /game sockets (every open page has one). */
  presence: "presence",
  /** Hash user id → number of unfinished matches the user plays (0 or 1). */
  busy: "busy",
  challenge: (id: string) => `challenge:${id}`,
  challengeState: (id: string) => `challenge:${id}:state`,
  outgoingChallenge: (userId: number) => `challenge:out:${userId}`,
  incomingChallenge: (userId: number) => `challenge:in:${userId}`,
  /** The match an accepted challenge became. */
  challengeMatch: (id: string) => `challenge:${id}:match`,
  acceptedChallenge: (challengerId: number, targetId: number) => `challenge:accepted:${challengerId}:${targetId}`,
  /** Hash match id → 1 for every match not yet over: what runners sweep for matches nobody runs. */
  liveMatches: "matches:live",
  /** Hash match id → LiveMatchSummary JSON of every match being played: the lobby's "Live now". */
  liveSummaries: "matches:summaries",
  /** Pub/sub channel announcing a change of the live list. */
  liveChannel: "matches:changed",
  matchState: (matchId: number) => `match:${matchId}:state`,
  matchOwner: (matchId: number) => `match:${matchId}:owner`,
  matchConnections: (matchId: number) => `match:${matchId}:connections`,
  /** Hash process id → that process's sockets in the match room: whether broadcasts must cross processes. */
  matchAudience: (matchId: number) => `match:${matchId}:audience`,
  chatHistory: "chat:lobby",
  chatRate: (userId: number) => `ratelimit:chat:${userId}`,
  /** Pub/sub channel of one server process: commands for the matches it runs. */
  runnerChannel: (processId: string) => `runner:${processId}`,
  /** Pub/sub channel announcing presence changes to every process. */
  presenceChannel: "presence:changed",
};
