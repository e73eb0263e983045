// Tournament helpers for integration tests: players that join their matches when told and
// play them (player 1 follows the ball, player 2 stands still, so the better seed wins).
import type { Socket } from "socket.io-client";
import type { GameStateMessage } from "@/lib/protocol/game";
import type { RoundStart, TournamentEnd, TournamentJson, TournamentMatchReady } from "@/lib/protocol/tournament";
import { declareReady, emitAck, enterAsPlayer, nextEvent, type OnlineUser } from "./protocol";
import { connectSocket, connected } from "./users";

/** Who calls the tournament endpoints: any logged-in user, with or without a /game socket, on a server. */
export type Caller = Pick<OnlineUser, "id" | "username" | "cookie" | "api">;

export async function createTournament(creator: Caller, body: Record<string, unknown>): Promise<number> {
  const created = await creator.api.createTournament(creator, body);
  if (created.status !== 201) throw new Error(`create tournament: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { tournament_id: number }).tournament_id;
}

export function tournamentAction(user: Caller, id: number, action: "join" | "leave" | "start") {
  return user.api.tournamentAction(user, id, action);
}

/** The tournament's JSON, from the server `user` is on. */
export async function tournamentJson(user: Caller, id: number): Promise<TournamentJson> {
  const { status, body } = await user.api.tournamentJson(id);
  if (status !== 200) throw new Error(`tournament ${id}: ${status} ${JSON.stringify(body)}`);
  return body as TournamentJson;
}

/** A /tournament socket in the tournament's room. */
export async function watchTournament(user: OnlineUser, id: number): Promise<{ socket: Socket; tournament: TournamentJson }> {
  const socket = connectSocket(user.baseUrl, "/tournament", user.cookie);
  await connected(socket);
  const joined = await emitAck<{ tournament: TournamentJson }>(socket, "join_tournament", { type: "join_tournament", tournament_id: id });
  if (!joined.ok) throw new Error(`join_tournament: ${joined.error.code}`);
  return { socket, tournament: joined.tournament };
}

export interface AutoPlayer {
  /** Matches this player was told about. */
  readyMessages: TournamentMatchReady[];
  /** Every join / register / ready of a match that was refused or failed, with the match it was for. */
  failures: Error[];
  /** Throws the first failure, if any: a test that expects matches played calls it. */
  assertNoFailures(): void;
  stop(): void;
}

/**
 * Plays every tournament match the user is told about; `skip` makes them a no-show for those
 * matches. A refused or failed entry is logged and kept in `failures` (never swallowed): a
 * player who could not enter loses by no-show, which a test must not mistake for a played match.
 */
export function autoPlay(user: OnlineUser, skip: (match: TournamentMatchReady) => boolean = () => false): AutoPlayer {
  const readyMessages: TournamentMatchReady[] = [];
  const failures: Error[] = [];
  const onReady = (message: TournamentMatchReady) => {
    readyMessages.push(message);
    if (skip(message)) return;
    void (async () => {
      const slot = await enterAsPlayer(user, message.match_id);
      await declareReady(user, slot);
    })().catch((error: unknown) => {
      const failure = new Error(`${user.username} could not enter tournament match ${message.match_id}: ${error instanceof Error ? error.message : String(error)}`);
      failures.push(failure);
      console.error(failure.message);
    });
  };
  const onState = ({ game_state }: GameStateMessage) => {
    if (game_state.status !== "playing" || game_state.player1.username !== user.username) return;
    const aim = game_state.ball.x + (game_state.ball.x < game_state.field.width / 2 ? 30 : -30);
    user.game.emit("player1_position", { type: "player1_position", position: aim, direction: 0 });
  };
  user.game.on("tournament_match_ready", onReady);
  user.game.on("game_state", onState);
  return {
    readyMessages,
    failures,
    assertNoFailures() {
      if (failures.length > 0) throw failures[0];
    },
    stop() {
      user.game.off("tournament_match_ready", onReady);
      user.game.off("game_state", onState);
    },
  };
}

export const nextRoundStart = (socket: Socket, round: number) => nextEvent<RoundStart>(socket, "round_start", (message) => message.round === round);
export const tournamentEnd = (socket: Socket) => nextEvent<TournamentEnd>(socket, "tournament_end");
