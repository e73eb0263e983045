// A process killed outright (kill -9: no goodbye) must not leave its users "online", their
// connections counted, their challenges open or anyone "in a game" for ever: the survivors see
// its heartbeat stop and clean up after it, and take over the pairing waves it ran.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import type { PresenceMessage } from "@/lib/protocol/chat";
import type { PairingFound } from "@/lib/protocol/game";
import { scaledOut } from "../helpers/backends";
import { closeAll, connectGame, emitAck, nextEvent, onlineUser, type OnlineUser } from "../helpers/protocol";
import { startServer, type RunningServer } from "../helpers/server";
import { connectSocket, connected, registerAndLogin } from "../helpers/users";

describe.runIf(scaledOut)("clean-up after a process killed with kill -9", () => {
  let survivor: RunningServer;
  let victim: RunningServer;
  let environment: Record<string, string>;

  beforeAll(async () => {
    environment = { ...(await scaledOut!.environment()), PROCESS_TIMEOUT_MS: "2000", CHALLENGE_TIMEOUT_MS: "4000", SOCKETS_PER_USER: "1" };
    [survivor, victim] = await Promise.all([startServer(environment), startServer(environment)]);
  });
  afterAll(async () => {
    await Promise.all([survivor, victim].map((server) => server?.stop()));
  });

  it("drops the dead process's users from the online list, frees their connections and expires their challenges", async () => {
    const watcher = await onlineUser(survivor.url, "watcher");
    const lobby = connectSocket(survivor.url, "/chat", (await registerAndLogin(survivor.url, "lobby")).cookie);
    // Two connections for the watcher would pass SOCKETS_PER_USER=1: the lobby is another user's.
    await connected(lobby);
    const doomed = await onlineUser(victim.url, "doomed");
    const others: OnlineUser[] = [watcher];
    try {
      const online = (message: PresenceMessage) => message.users.some((user) => user.username === doomed.username);
      await nextEvent<PresenceMessage>(lobby, "presence", online);
      // A challenge whose expiry timer lives on the process about to die.
      const offered = nextEvent<{ challenge_id: string }>(watcher.game, "challenge");
      const sent = await emitAck<{ challenge_id: string }>(doomed.game, "challenge", { type: "challenge", target: watcher.username });
      if (!sent.ok) throw new Error(sent.error.code);
      await offered;
      const expired = nextEvent<{ challenge_id: string; reason: string }>(watcher.game, "challenge_closed", (message) => message.challenge_id === sent.challenge_id);
      const gone = nextEvent<PresenceMessage>(lobby, "presence", (message) => !online(message));

      victim.process.kill("SIGKILL");
      await gone;
      expect((await expired).reason).toBe("expired");
      // The dead process's connection no longer counts against the user's one connection.
      const back = await connectGame(survivor.url, doomed);
      others.push(back);
    } finally {
      lobby.close();
      closeAll(...others);
    }
  });

  it("drops busy marks of matches that are no longer live", async () => {
    const player = await onlineUser(survivor.url, "stale");
    const lobby = connectSocket(survivor.url, "/chat", (await registerAndLogin(survivor.url, "lobby2")).cookie);
    const redis = createClient({ url: environment.REDIS_URL });
    await redis.connect();
    try {
      await connected(lobby);
      const status = (message: PresenceMessage) => message.users.find((user) => user.username === player.username)?.status;
      // As a process stopped between a match's result and its clean-up would leave it.
      const busy = `${environment.REDIS_KEY_PREFIX}:busy`;
      await redis.hSet(busy, String(player.id), "999999");
      const freed = nextEvent<PresenceMessage>(lobby, "presence", (message) => status(message) === "online");
      await expect.poll(() => redis.hGet(busy, String(player.id)), { timeout: 15_000, interval: 200 }).toBeNull();
      await freed;
    } finally {
      await redis.quit();
      lobby.close();
      closeAll(player);
    }
  });

  it("hands the pairing waves over when their lease holder stops renewing it, as a dead process does", async () => {
    const redis = createClient({ url: environment.REDIS_URL });
    await redis.connect();
    const [alice, bob] = [await onlineUser(survivor.url, "lease1"), await onlineUser(survivor.url, "lease2")];
    try {
      // The lease as a process that died mid-wave leaves it: held, never renewed again.
      const lease = `${environment.REDIS_KEY_PREFIX}:pairing:lease`;
      await redis.set(lease, "a-dead-process", { expiration: { type: "PX", value: 3_000 } });
      const found = [alice, bob].map((player) => nextEvent<PairingFound>(player.game, "pairing_found"));
      for (const player of [alice, bob]) expect(await emitAck(player.game, "seek", { type: "seek" })).toMatchObject({ ok: true });
      const [forAlice, forBob] = await Promise.all(found);
      expect(forAlice!.match_id).toBe(forBob!.match_id);
      expect(await redis.get(lease)).not.toBe("a-dead-process");
    } finally {
      await redis.quit();
      closeAll(alice, bob);
    }
  });
});
