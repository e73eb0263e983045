// nginx from Debian's package, run with the repository's deploy/nginx.conf in front of test
// processes. Only what must differ on a test machine changes: the listen port (80 is the
// production one), the upstream file (the test processes' addresses instead of compose's
// services), and the pid and error log (in a directory of the test's own).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "./server";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => existsSync(candidate));

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (closed again at once: the caller binds it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** deploy/nginx.conf on a free port of 127.0.0.1, spreading clients over `upstreamPorts` on 127.0.0.1. */
export async function startNginx(upstreamPorts: number[]): Promise<RunningNginx> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install nginx; npm test installs it)");
  const dir = await mkdtemp(path.join(tmpdir(), "pong-nginx-"));
  const port = await freePort();
  const conf = await readFile(path.join(projectRoot, "deploy/nginx.conf"), "utf8");
  const listen = "listen 80;";
  if (!conf.includes(listen)) throw new Error(`deploy/nginx.conf no longer says "${listen}": update tests/helpers/nginx.ts`);
  await writeFile(path.join(dir, "nginx.conf"), conf.replace(listen, `listen 127.0.0.1:${port};`));
  const upstream = (await readFile(path.join(projectRoot, "deploy/pong-upstream.conf"), "utf8"))
    .split("\n")
    .filter((line) => !line.startsWith("server "))
    .concat(upstreamPorts.map((upstreamPort) => `server 127.0.0.1:${upstreamPort} max_fails=1 fail_timeout=5s;`))
    .join("\n");
  await writeFile(path.join(dir, "pong-upstream.conf"), upstream);
  const args = ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;`];
  const check = spawnSync(NGINX, [...args, "-t"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  const child: ChildProcess = spawn(NGINX, args, { stdio: "ignore" });
  // Ready once it accepts connections on its port.
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${await readFile(path.join(dir, "error.log"), "utf8").catch(() => "")}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (attempt > 100) throw new Error("nginx did not start listening");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await exited;
    },
  };
}
