// The server's logs: JSON lines with a level; every HTTP request has an id, sent back in
// X-Request-Id and carried by the request's log lines; a socket that is cut off is logged with
// its user and event; and nothing secret ever reaches them: passwords, session cookies, the
// session secret, the metrics token, Authorization headers.
import { describe, expect, it } from "vitest";
import { connected, connectSocket, login, register, uniqueName } from "../helpers/users";
import { startServer } from "../helpers/server";
import { pollUntil } from "../helpers/faults";

const SECRET = "log-test-session-secret-0123456789abcdef";
const METRICS_TOKEN = "log-test-metrics-token-0123456789";

describe("logs", () => {
  it("are JSON lines with request ids and the user and event of socket trouble, and hold no secret", async () => {
    const server = await startServer({ LOG_LEVEL: "debug", NEXTAUTH_SECRET: SECRET, METRICS_TOKEN, SOCKET_MAX_EVENTS: "5", SOCKET_FLOOD_MS: "500" });
    try {
      const password = `Secret-pass-${uniqueName("pw")}`;
      const user = await register(server.url, uniqueName("logger"), password);
      const cookie = await login(server.url, user.username, password);
      if (!cookie) throw new Error("login failed");

      // A request id the client (a proxy) chose comes back and is logged with the request.
      const page = await fetch(`${server.url}/users/${user.username}/?q=${password}`, { headers: { cookie, "x-request-id": "proxy-req-42" } });
      expect(page.headers.get("x-request-id")).toBe("proxy-req-42");
      // Otherwise the server makes one; an unusable one is replaced.
      const own = (await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "bad id with spaces" } })).headers.get("x-request-id");
      expect(own).toMatch(/^[0-9a-f-]{36}$/);
      expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);

      // A socket far over its message budget is cut off: logged with the user and the event.
      const chat = connectSocket(server.url, "/chat", cookie);
      await connected(chat);
      const cut = new Promise((resolve) => chat.once("disconnect", resolve));
      for (let sent = 0; sent < 200; sent++) chat.emit("chat_message", { type: "chat_message", message: "spam" });
      await cut;
      chat.close();

      // The lines come over the process's stdout, which may trail what the sockets and responses said.
      await pollUntil(
        "the requests and the cut-off are logged",
        async () => server.output(),
        (output) => output.includes('"reqId":"proxy-req-42"') && output.includes(`"reqId":"${own}"`) && output.includes('"event":"chat_message"'),
      );
      const lines = server.output().split("\n").filter((line) => line.startsWith("{"));
      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      for (const entry of entries) {
        expect(entry).toEqual(expect.objectContaining({ level: expect.stringMatching(/^(debug|info|warn|error)$/), time: expect.any(String), msg: expect.any(String) }));
      }
      expect(entries.some((entry) => typeof entry.msg === "string" && entry.msg.startsWith("listening on"))).toBe(true);
      // Every line of ours is JSON (Next may print a line of its own, never with our messages).
      expect(server.output().split("\n").filter((line) => !line.startsWith("{") && /listening on|database:|disconnected/.test(line))).toEqual([]);

      expect(entries).toContainEqual(expect.objectContaining({ msg: "request", reqId: "proxy-req-42", method: "GET", path: `/users/${user.username}/`, status: 200 }));
      expect(entries).toContainEqual(expect.objectContaining({ msg: "request", reqId: own, path: "/healthz/" }));
      expect(entries).toContainEqual(expect.objectContaining({ level: "warn", userId: user.id, event: "chat_message", namespace: "/chat" }));

      const output = server.output();
      const sessionToken = cookie.slice(cookie.indexOf("=") + 1);
      for (const [what, secret] of [["the password", password], ["the session cookie", sessionToken], ["the session secret", SECRET], ["the metrics token", METRICS_TOKEN]] as const) {
        expect(output.includes(secret), `${what} is not in the logs`).toBe(false);
      }
    } finally {
      await server.stop();
    }
  });
});
