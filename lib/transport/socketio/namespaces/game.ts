// The /game namespace: challenges (the challenge service), joining matches (players and
// spectators), register, ready and paddle moves (the match runner). Handlers parse, authorize,
// and hand the change to the layer below.
import type { PlayerSlot } from "../../../domain/lists";
import {
  challengeCancelSchema,
  challengeReplySchema,
  challengeSchema,
  closeMatchSchema,
  joinMatchSchema,
  leaveMatchSchema,
  matchIdSchema,
  player1PositionSchema,
  player2PositionSchema,
  readySchema,
  registerSchema,
  seekCancelSchema,
  seekSchema,
  type GameClientToServer,
  type PositionMessage,
  type MatchRole,
} from "../../../protocol/game";
import type { ChallengeService } from "../../../app/challenges";
import type { Limits } from "../../../app/limits";
import type { PairingService } from "../../../app/pairing";
import type { ProcessLedger } from "../../../app/process-ledger";
import { refuse } from "../../../app/refusal";
import type { CommandResult, MatchRunner } from "../../../engine/match-runner";
import type { Logger } from "../../../infra/log";
import type { Metrics } from "../../../infra/metrics";
import { registerHandlers, type HandlerTable } from "../handle";
import { matchRoom, userRoom } from "../rooms";
import type { GameNamespace, GameSocket, JoinedMatch } from "../types";

export interface GameNamespaceDeps {
  challenges: ChallengeService;
  pairing: PairingService;
  runner: MatchRunner;
  ledger: ProcessLedger;
  limits: Limits;
  log: Logger;
  metrics: Metrics;
}

export function registerGameNamespace(game: GameNamespace, deps: GameNamespaceDeps): void {
  const { challenges, pairing, runner, ledger, limits, log, metrics } = deps;

  const commandOutcome = (result: CommandResult) => {
    if (!result.ok) refuse(result.error, result.message);
  };

  /**
   * Sockets in a match room are counted per process, per player and for all spectators; the
   * match's owner sums them: a player's count reaching 0 means they are away (the match pauses).
   */
  const countConnection = async (joined: JoinedMatch, delta: 1 | -1) => {
    await ledger.addMatchSocket(joined.matchId, joined.role, delta);
    await runner.audienceChanged(joined.matchId, [joined.role]);
  };

  /** Takes the socket out of its match room; a player is then away, unless they quit outright. */
  const exitMatch = async (socket: GameSocket, current: JoinedMatch, quit: boolean) => {
    socket.data.match = undefined;
    await socket.leave(matchRoom(current.matchId));
    if (quit && current.role !== "spectator") await runner.dispatch(current.matchId, { kind: "quit", slot: current.role });
    await countConnection(current, -1);
  };

  game.on("connection", (socket) => {
    const { user } = socket.data;
    void socket.join(userRoom(user.id));
    void ledger.addPresence(user.id, user.name, 1).catch((error: Error) => log.error(`presence: ${error.message}`));
    void pairing.socketOpened(user).catch((error: Error) => log.error(`pairing status: ${error.message}`));

    const joined = (): JoinedMatch | undefined => socket.data.match;
    /** The id of the match the socket plays as `player`; refuses anyone else. Allocates nothing: paddle moves go through it. */
    const requireSlot = (player: PlayerSlot, matchId?: number): number => {
      const current = joined();
      if (!current || (matchId !== undefined && current.matchId !== matchId)) refuse("bad_state", "Join the match first (join_match)");
      if (current.role === "spectator") refuse("forbidden", "Spectators cannot play");
      if (current.role !== player) refuse("forbidden", `You are ${current.role}, not ${player}`);
      return current.matchId;
    };

    const exitJoined = async (matchId: number, quit: boolean) => {
      const current = joined();
      if (!current || current.matchId !== matchId) refuse("bad_state", "You are not in this match");
      await exitMatch(socket, current, quit);
    };

    const move = (slot: PlayerSlot, { position, direction }: PositionMessage) => {
      return runner.move(requireSlot(slot), { kind: "move", slot, position, direction })?.then(commandOutcome);
    };

    // ---- challenges ------------------------------------------------------------------------------
    const handlers: HandlerTable<GameClientToServer> = {
      challenge: { schema: challengeSchema, budget: "challenge", run: ({ target, rated }) => challenges.challenge(user, target, rated ?? true) },
      challenge_reply: { schema: challengeReplySchema, budget: "challenge_answer", run: ({ challenge_id, reply }) => challenges.reply(user, challenge_id, reply) },
      challenge_cancel: { schema: challengeCancelSchema, budget: "challenge_answer", run: ({ challenge_id }) => challenges.cancel(user, challenge_id) },
      match_id: { schema: matchIdSchema, budget: "challenge_answer", run: (message) => challenges.relayMatchId(user, message) },

      // ---- quick pairing ---------------------------------------------------------------------------
      seek: { schema: seekSchema, budget: "seek", run: () => pairing.seek(user) },
      seek_cancel: { schema: seekCancelSchema, budget: "seek", run: () => pairing.cancel(user) },

      // ---- matches ---------------------------------------------------------------------------------
      join_match: {
        schema: joinMatchSchema,
        budget: "match_room",
        run: async ({ match_id }) => {
          const snapshot = await runner.readSnapshot(match_id);
          if (!snapshot) refuse("not_found", "This match is not live");
          const { player1, player2 } = snapshot.match.players;
          const role: MatchRole = player1.id === user.id ? "player1" : player2.id === user.id ? "player2" : "spectator";
          const previous = joined();
          if (previous?.matchId !== match_id) {
            if (previous) await exitMatch(socket, previous, false);
            await socket.join(matchRoom(match_id));
            socket.data.match = { matchId: match_id, role } satisfies JoinedMatch;
            await countConnection({ matchId: match_id, role }, 1);
          }
          const gameState = await runner.gameState(match_id);
          if (!gameState) refuse("not_found", "This match is not live");
          return { role, game_state: gameState };
        },
      },

      // Leaving forfeits a player's match at once; closing the page only makes them away.
      leave_match: { schema: leaveMatchSchema, budget: "match_room", run: ({ match_id }) => exitJoined(match_id, true) },
      close_match: { schema: closeMatchSchema, budget: "match_room", run: ({ match_id }) => exitJoined(match_id, false) },

      register: {
        schema: registerSchema,
        budget: "match_command",
        run: async ({ player, user: username, match_id }) => {
          const matchId = requireSlot(player, match_id);
          if (username.toLowerCase() !== user.name.toLowerCase()) refuse("forbidden", "You can only register yourself");
          commandOutcome(await runner.dispatch(matchId, { kind: "register", slot: player }));
        },
      },

      ready: {
        schema: readySchema,
        budget: "match_command",
        run: async ({ player, match_id }) => {
          commandOutcome(await runner.dispatch(requireSlot(player, match_id), { kind: "ready", slot: player }));
        },
      },
      // The hot path: no promise when the match runs on this process.
      player1_position: { schema: player1PositionSchema, budget: null, run: (message) => move("player1", message) },
      player2_position: { schema: player2PositionSchema, budget: null, run: (message) => move("player2", message) },
    };
    registerHandlers(socket, handlers, { log, limits, metrics });

    socket.on("disconnect", () => {
      const current = joined();
      void (async () => {
        if (current) await countConnection(current, -1);
        await ledger.addPresence(user.id, user.name, -1);
        // Closing the last tab leaves the pool.
        await pairing.socketClosed(user);
      })().catch((error: Error) => log.error(`disconnect of ${user.name}: ${error.message}`));
    });
  });
}
