// Commands for a match run by another process travel over that process's runner channel in the
// store (which delivers in order); a command that may be refused waits for the owner's answer on
// the sender's own channel. The same channel carries news of the match rooms' audience.
import { randomUUID } from "node:crypto";
import type { MatchRole } from "../protocol/game";
import { keys } from "../infra/store/keys";
import type { LiveStore } from "../infra/store/types";
import type { Logger } from "../infra/log";
import { mayBeRefused, type CommandResult, type MatchCommand } from "./loop/match-loop";

/** How long a process waits for the owner's answer to a forwarded register or ready. */
const OWNER_ANSWER_MS = 3_000;

/** On a process's runner channel: commands forwarded to it, and answers to those it forwarded. */
type RunnerMessage =
  | { kind: "command"; matchId: number; command: MatchCommand; replyTo?: { processId: string; requestId: string } }
  | { kind: "outcome"; requestId: string; result: CommandResult }
  /** Sockets of these roles came or went on some process: the owner counts them again. */
  | { kind: "audience"; matchId: number; roles: MatchRole[] };

/** What this process does with what other processes send it. */
export interface ForwardedHandlers {
  /** Applies (or forwards again) a command; its result goes back when the sender asked for it. */
  dispatch(matchId: number, command: MatchCommand): Promise<CommandResult>;
  audienceChanged(matchId: number, roles: MatchRole[]): Promise<void>;
}

export class CommandForwarding {
  /** Forwarded commands waiting for the owner's answer, by request id. */
  private readonly awaitingOwner = new Map<string, (result: CommandResult) => void>();

  constructor(
    private readonly store: LiveStore,
    private readonly processId: string,
    private readonly log: Logger,
  ) {}

  /** Listens on this process's runner channel; returns a function that stops listening. */
  listen(handlers: ForwardedHandlers): Promise<() => Promise<void>> {
    return this.store.subscribe(keys.runnerChannel(this.processId), (raw) => {
      const message = JSON.parse(raw) as RunnerMessage;
      if (message.kind === "outcome") return this.awaitingOwner.get(message.requestId)?.(message.result);
      const forwarded = message.kind === "audience" ? handlers.audienceChanged(message.matchId, message.roles) : this.runForwarded(message, handlers);
      void forwarded.catch((error: Error) => this.log.error(`match ${message.matchId}: ${error.message}`));
    });
  }

  /**
   * Sends a command to the process running the match. One that cannot be refused is done once
   * sent; for register and ready, the owner's answer (`unavailable` when none comes in time).
   */
  async command(owner: string, matchId: number, command: MatchCommand): Promise<CommandResult> {
    if (!mayBeRefused(command)) {
      await this.publish(owner, { kind: "command", matchId, command });
      return { ok: true };
    }
    const requestId = randomUUID();
    const outcome = new Promise<CommandResult>((resolve) => {
      const answer = (result: CommandResult) => {
        clearTimeout(timer);
        this.awaitingOwner.delete(requestId);
        resolve(result);
      };
      const timer = setTimeout(() => answer({ ok: false, error: "unavailable", message: "The match's server did not answer; try again" }), OWNER_ANSWER_MS);
      this.awaitingOwner.set(requestId, answer);
    });
    await this.publish(owner, { kind: "command", matchId, command, replyTo: { processId: this.processId, requestId } });
    return outcome;
  }

  /** Tells the process running the match that sockets of `roles` came or went. */
  audience(owner: string, matchId: number, roles: MatchRole[]): Promise<void> {
    return this.publish(owner, { kind: "audience", matchId, roles });
  }

  /** A command forwarded by another process: applied (or forwarded again), and answered when asked. */
  private async runForwarded({ matchId, command, replyTo }: Extract<RunnerMessage, { kind: "command" }>, handlers: ForwardedHandlers): Promise<void> {
    const result = await handlers.dispatch(matchId, command);
    if (replyTo) await this.publish(replyTo.processId, { kind: "outcome", requestId: replyTo.requestId, result });
  }

  private publish(processId: string, message: RunnerMessage): Promise<void> {
    return this.store.publish(keys.runnerChannel(processId), JSON.stringify(message));
  }
}
