// Every live-store key and channel in one place (README "Operations" lists them).
export const keys = {
  presence: "presence",
  busy: (userId: number) => `busy:${userId}`,
  challenge: (id: string) => `challenge:${id}`,
  challengeState: (id: string) => `challenge:${id}:state`,
  outgoingChallenge: (userId: number) => `challenge:out:${userId}`,
  incomingChallenge: (userId: number) => `challenge:in:${userId}`,
  acceptedChallenge: (challengerId: number, targetId: number) => `challenge:accepted:${challengerId}:${targetId}`,
  matchState: (matchId: number) => `match:${matchId}:state`,
  matchOwner: (matchId: number) => `match:${matchId}:owner`,
  matchConnections: (matchId: number) => `match:${matchId}:connections`,
  chatHistory: "chat:lobby",
  chatRate: (userId: number) => `ratelimit:chat:${userId}`,
  /** Pub/sub channel of one server process: commands for the matches it runs. */
  runnerChannel: (processId: string) => `runner:${processId}`,
  /** Pub/sub channel announcing presence changes to every process. */
  presenceChannel: "presence:changed",
};
