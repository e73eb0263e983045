// Private Redis and PostgreSQL servers that a test file starts, stops and restarts at will (the
// fault tests), apart from the shared ones scripts/test-services.sh starts for every other suite.
// Outside CI a missing binary skips the suites that need it, loudly; in CI (CI set, and not "false" or "0") it is an error.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, chownSync, constants, readdirSync, rmSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase } from "./backends";
import { isCI } from "./ci";
import { pollUntil } from "./faults";

/** An executable on PATH, or undefined. */
function onPath(name: string): string | undefined {
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The newest PostgreSQL's bin directory, found as scripts/test-services.sh finds it. */
function postgresBin(): string | undefined {
  try {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    for (const version of versions.reverse()) {
      const bin = `/usr/lib/postgresql/${version}/bin`;
      try {
        accessSync(path.join(bin, "pg_ctl"), constants.X_OK);
        return bin;
      } catch {
        // an incomplete installation
      }
    }
  } catch {
    // no PostgreSQL at all
  }
  return undefined;
}

const redisServer = onPath("redis-server");
const redisCli = onPath("redis-cli");
const pgBin = postgresBin();

const missing = [!redisServer && "redis-server", !redisCli && "redis-cli", !pgBin && "PostgreSQL (/usr/lib/postgresql/*/bin)"].filter(Boolean);
/** True when private Redis and PostgreSQL servers can be started here. */
export const privateServicesAvailable = missing.length === 0;
if (!privateServicesAvailable) {
  if (isCI()) throw new Error(`CI=${process.env.CI} but ${missing.join(", ")} cannot be found: the fault tests cannot run`);
  console.warn(`\n!! ${missing.join(", ")} not found: the fault tests (private Redis and PostgreSQL) are SKIPPED\n`);
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface RunOptions {
  uid?: number;
  gid?: number;
}

/** Runs a command to its exit; rejects with its output when it fails. */
function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} ${args.join(" ")}: exit ${code ?? signal}\n${output}`))));
  });
}

// ---- Redis ---------------------------------------------------------------------------------------

export interface PrivateRedis {
  url: string;
  port: number;
  /** redis-cli against this server; resolves with its output. */
  cli(...args: string[]): Promise<string>;
  /** Stops the server without saving (`shutdown nosave`) and starts a new, empty one on the same port. */
  restart(): Promise<void>;
  /** Everything the server (all its incarnations) logged. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a redis-server on a free port with no persistence at all: a restart loses every key. */
export async function startRedis(): Promise<PrivateRedis> {
  if (!redisServer || !redisCli) throw new Error("redis-server / redis-cli not found");
  const dir = await mkdtemp(path.join(tmpdir(), "pong-fault-redis-"));
  const port = await freePort();
  const logFile = path.join(dir, "redis.log");
  let child: ChildProcess | undefined;

  const cli = (...args: string[]) => run(redisCli, ["-p", String(port), ...args]);
  const launch = async () => {
    const started = spawn(
      redisServer,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--logfile", logFile],
      { stdio: "ignore" },
    );
    child = started;
    const exited = new Promise<never>((_, reject) => started.once("exit", (code) => reject(new Error(`redis-server exited with ${code} at start (see ${logFile})`))));
    await Promise.race([pollUntil(`redis on port ${port}`, () => cli("ping"), (answer) => answer.trim() === "PONG", 10_000), exited]);
  };
  const halt = async (how: "nosave" | "kill") => {
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
    if (how === "nosave") await cli("shutdown", "nosave").catch(() => current.kill("SIGKILL"));
    else current.kill("SIGKILL");
    await exited;
  };

  await launch();
  // Should the test process end without stop() (a crash), the server does not outlive it.
  const orphan = () => {
    child?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", orphan);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    cli,
    async restart() {
      await halt("nosave");
      await launch();
    },
    log: () => readFile(logFile, "utf8").catch(() => ""),
    async stop() {
      process.off("exit", orphan);
      await halt("kill");
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---- PostgreSQL ----------------------------------------------------------------------------------

export interface PrivatePostgres {
  /** The `postgres` database, for creating others and for queries. */
  adminUrl: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** A fast shutdown (clients are disconnected); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  destroy(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function clusterOwner(): RunOptions {
  if (process.getuid?.() !== 0) return {};
  const found = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const uid = Number(found.stdout.trim());
  const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
  if (found.status !== 0 || !Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error("running as root, but there is no postgres user to own the cluster");
  return { uid, gid };
}

/** initdb into a temporary directory and pg_ctl start on a free port (trust authentication, no fsync). */
export async function startPostgres(): Promise<PrivatePostgres> {
  if (!pgBin) throw new Error("PostgreSQL binaries not found");
  const owner = clusterOwner();
  const dir = await mkdtemp(path.join(tmpdir(), "pong-fault-pg-"));
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid!);
  const data = path.join(dir, "data");
  const port = await freePort();
  const pgCtl = (...args: string[]) => run(path.join(pgBin, "pg_ctl"), ["-D", data, ...args], owner);

  await run(path.join(pgBin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"], owner);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = async () => {
    await pgCtl("-l", path.join(dir, "pg.log"), "-w", "-o", options, "start");
  };
  await start();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let running = true;
  // pg_ctl daemonizes the server: should the test process end without destroy() (a crash), stop it anyway.
  const orphan = () => {
    if (running) spawnSync(path.join(pgBin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { stdio: "ignore", ...owner });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", orphan);
  return {
    adminUrl,
    port,
    createDatabase: (name) => createDatabase(adminUrl, name),
    async stop() {
      await pgCtl("-m", "fast", "-w", "stop");
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      process.off("exit", orphan);
      if (running) await pgCtl("-m", "immediate", "-w", "stop").catch(() => {});
      running = false;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
