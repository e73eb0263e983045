// The /game namespace: challenges, joining matches (players and spectators), register, ready
// and paddle moves. Handlers parse, authorize, and hand the change to the layer below.
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
  type GameClientToServer,
  type PositionMessage,
  type MatchRole,
} from "../../../protocol/game";
import type { Limits } from "../../../app/limits";
import type { UserRepo } from "../../../app/repos/users";
import type { LiveStore } from "../../../infra/store/types";
import type { Logger } from "../../../infra/log";
import { challengeMatch, closeChallenge, findChallenge, openChallenge, overdueChallenges, unlistChallenge, type Challenge } from "../../../app/challenges";
import { refuse, refuseRateLimited, registerHandlers, type HandlerTable } from "../handle";
import type { CommandResult, MatchRunner } from "../../../engine/match-runner";
import { isBusy } from "../../../app/presence";
import type { ProcessLedger } from "../../../app/process-ledger";
import { matchRoom, userRoom } from "../rooms";
import type { GameNamespace, GameSocket, JoinedMatch } from "../types";

const CHALLENGE_SWEEP_MS = 5_000;

export interface GameNamespaceDeps {
  store: LiveStore;
  runner: MatchRunner;
  ledger: ProcessLedger;
  users: UserRepo;
  limits: Limits;
  log: Logger;
  challengeTimeoutMs: number;
}

export function registerGameNamespace(game: GameNamespace, deps: GameNamespaceDeps): { close(): void } {
  const { store, runner, ledger, users, limits, log } = deps;
  const expiryTimers = new Set<NodeJS.Timeout>();

  const closeAndTell = async (challenge: Challenge, reason: "accepted" | "declined" | "expired" | "cancelled") => {
    if (!(await closeChallenge(store, challenge, reason))) return false;
    game
      .to([userRoom(challenge.fromId), userRoom(challenge.toId)])
      .emit("challenge_closed", { type: "challenge_closed", challenge_id: challenge.id, reason, from: challenge.from, target: challenge.to });
    return true;
  };

  // Each challenge expires on a timer of the process that opened it; this sweep expires those whose
  // process stopped first (a second after their time, so the timer normally wins).
  const expireOverdue = async () => {
    for (const id of await overdueChallenges(store, Date.now() - 1_000)) {
      const found = await findChallenge(store, id);
      if (found?.state === "pending") await closeAndTell(found.challenge, "expired");
      else await unlistChallenge(store, id);
    }
  };
  const challengeSweep = setInterval(() => void expireOverdue().catch((error: Error) => log.warn(`challenge sweep: ${error.message}`)), CHALLENGE_SWEEP_MS);

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

    const joined = (): JoinedMatch | undefined => socket.data.match;
    const requireSlot = (player: PlayerSlot, matchId?: number): { matchId: number; role: PlayerSlot } => {
      const current = joined();
      if (!current || (matchId !== undefined && current.matchId !== matchId)) refuse("bad_state", "Join the match first (join_match)");
      if (current.role === "spectator") refuse("forbidden", "Spectators cannot play");
      if (current.role !== player) refuse("forbidden", `You are ${current.role}, not ${player}`);
      return { matchId: current.matchId, role: player };
    };

    const move = (slot: PlayerSlot, { position, direction }: PositionMessage) => {
      const current = requireSlot(slot);
      return runner.move(current.matchId, { kind: "move", slot, position, direction })?.then(commandOutcome);
    };

    // ---- challenges ------------------------------------------------------------------------------
    const handlers: HandlerTable<GameClientToServer> = {
      challenge: {
        schema: challengeSchema,
        budget: "challenge",
        run: async ({ target }) => {
          const targetUser = await users.findByUsername(target);
          if (!targetUser) refuse("unknown_user", `No player is called "${target}"`);
          if (targetUser.id === user.id) refuse("self", "You cannot challenge yourself");
          if (!(await ledger.isOnline(targetUser.id, targetUser.username))) refuse("offline", `${targetUser.username} is not online`);
          if (await isBusy(store, user.id)) refuse("in_match", "Finish your current match first");
          if (await isBusy(store, targetUser.id)) refuse("busy", `${targetUser.username} is in a match`);
          // Counted before opening, so racing challenges cannot pass the limit together; one that is not opened gives its point back.
          const pair = `${user.id}:${targetUser.id}`;
          const refused = await limits.consume("challenge_target", pair);
          if (refused) refuseRateLimited(refused, `You challenged ${targetUser.username} too often: try again in ${Math.ceil(refused.retryAfterSeconds / 60)} min`);
          const opened = await openChallenge(store, user, targetUser, deps.challengeTimeoutMs);
          if (!opened.ok) {
            await limits.refund("challenge_target", pair);
            if (opened.reason === "pending") refuse("pending", "You already have an open challenge");
            refuse("busy", `${targetUser.username} is answering another challenge`);
          }
          const { challenge } = opened;
          game.to(userRoom(targetUser.id)).emit("challenge", { type: "challenge", challenge_id: challenge.id, from: user.name, timeout_ms: deps.challengeTimeoutMs });
          const timer = setTimeout(() => {
            expiryTimers.delete(timer);
            void closeAndTell(challenge, "expired").catch((error: Error) => log.error(`challenge expiry: ${error.message}`));
          }, deps.challengeTimeoutMs);
          expiryTimers.add(timer);
          return { challenge_id: challenge.id };
        },
      },

      challenge_reply: {
        schema: challengeReplySchema,
        budget: "challenge_answer",
        run: async ({ challenge_id, reply }) => {
          const found = await findChallenge(store, challenge_id);
          if (!found) refuse("not_found", "This challenge does not exist");
          if (found.challenge.toId !== user.id) refuse("forbidden", "Only the challenged player can answer");
          if (found.state !== "pending") refuse("bad_state", `This challenge was already ${found.state}`);
          const reason = reply === "accept" ? "accepted" : "declined";
          // The seed's challenge_reply goes to the challenger first; challenge_closed then tells every tab of both.
          if (!(await closeChallenge(store, found.challenge, reason))) refuse("bad_state", "This challenge was already answered");
          game.to(userRoom(found.challenge.fromId)).emit("challenge_reply", { type: "challenge_reply", challenge_id, reply, from: user.name });
          game
            .to([userRoom(found.challenge.fromId), userRoom(found.challenge.toId)])
            .emit("challenge_closed", { type: "challenge_closed", challenge_id, reason, from: found.challenge.from, target: found.challenge.to });
        },
      },

      challenge_cancel: {
        schema: challengeCancelSchema,
        budget: "challenge_answer",
        run: async ({ challenge_id }) => {
          const found = await findChallenge(store, challenge_id);
          if (!found) refuse("not_found", "This challenge does not exist");
          if (found.challenge.fromId !== user.id) refuse("forbidden", "Only the challenger can cancel");
          if (!(await closeAndTell(found.challenge, "cancelled"))) refuse("bad_state", `This challenge was already ${found.state}`);
        },
      },

      match_id: {
        schema: matchIdSchema,
        budget: "challenge_answer",
        run: async (message) => {
          const found = await findChallenge(store, message.challenge_id);
          if (!found) refuse("not_found", "This challenge does not exist");
          if (found.challenge.toId !== user.id) refuse("forbidden", "Only the challenged player sends the match id");
          if ((await challengeMatch(store, message.challenge_id)) !== message.match_id) refuse("forbidden", "This match was not created for this challenge");
          game.to(userRoom(found.challenge.fromId)).emit("match_id", message);
        },
      },

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

      leave_match: {
        schema: leaveMatchSchema,
        budget: "match_room",
        run: async ({ match_id }) => {
          const current = joined();
          if (!current || current.matchId !== match_id) refuse("bad_state", "You are not in this match");
          await exitMatch(socket, current, true);
        },
      },

      close_match: {
        schema: closeMatchSchema,
        budget: "match_room",
        run: async ({ match_id }) => {
          const current = joined();
          if (!current || current.matchId !== match_id) refuse("bad_state", "You are not in this match");
          await exitMatch(socket, current, false);
        },
      },

      register: {
        schema: registerSchema,
        budget: "match_command",
        run: async ({ player, user: username, match_id }) => {
          const current = requireSlot(player, match_id);
          if (username.toLowerCase() !== user.name.toLowerCase()) refuse("forbidden", "You can only register yourself");
          commandOutcome(await runner.dispatch(current.matchId, { kind: "register", slot: player }));
        },
      },

      ready: {
        schema: readySchema,
        budget: "match_command",
        run: async ({ player, match_id }) => {
          const current = requireSlot(player, match_id);
          commandOutcome(await runner.dispatch(current.matchId, { kind: "ready", slot: player }));
        },
      },
      // The hot path: no promise when the match runs on this process.
      player1_position: { schema: player1PositionSchema, budget: null, run: (message) => move("player1", message) },
      player2_position: { schema: player2PositionSchema, budget: null, run: (message) => move("player2", message) },
    };
    registerHandlers(socket, handlers, { log, limits });

    socket.on("disconnect", () => {
      const current = joined();
      void (async () => {
        if (current) await countConnection(current, -1);
        await ledger.addPresence(user.id, user.name, -1);
      })().catch((error: Error) => log.error(`disconnect of ${user.name}: ${error.message}`));
    });
  });

  return {
    close() {
      clearInterval(challengeSweep);
      for (const timer of expiryTimers) clearTimeout(timer);
      expiryTimers.clear();
    },
  };
}
