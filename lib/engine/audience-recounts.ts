// Recounts of match audiences (sockets per role over every process), one at a time per match so
// an older count never lands after a newer one; roles asked for while a count runs are counted
// again right after it.
import type { MatchRole } from "../protocol/game";
import type { Logger } from "../infra/log";
import type { MatchAudience } from "../app/process-ledger";

export class AudienceRecounts {
  private readonly pending = new Map<number, { roles: Set<MatchRole>; running: boolean }>();

  constructor(
    private readonly count: (matchId: number) => Promise<MatchAudience>,
    /** Applies a fresh count for `roles`; false when the match is no longer run here. */
    private readonly apply: (matchId: number, audience: MatchAudience, roles: MatchRole[]) => boolean,
    private readonly log: Logger,
  ) {}

  request(matchId: number, roles: Iterable<MatchRole>): void {
    const recount = this.pending.get(matchId) ?? { roles: new Set<MatchRole>(), running: false };
    this.pending.set(matchId, recount);
    for (const role of roles) recount.roles.add(role);
    if (recount.running) return;
    recount.running = true;
    void (async () => {
      while (recount.roles.size > 0) {
        const roles = [...recount.roles];
        recount.roles.clear();
        if (!this.apply(matchId, await this.count(matchId), roles)) break;
      }
    })()
      .catch((error: Error) => this.log.error(`match ${matchId} audience: ${error.message}`))
      .finally(() => this.pending.delete(matchId));
  }
}
