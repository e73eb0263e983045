// Starts real server.ts processes on ephemeral ports for integration tests.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const TEST_SECRET = "integration-tests-secret-0123456789abcdef";

/**
 * Every suite's users come from one address and act faster than people do: the limits are
 * raised for them, and the limits suite sets the defaults back where it tests them.
 */
export const GENEROUS_LIMITS: Record<string, string> = {
  LOGIN_MAX_PER_ADDRESS: "100000",
  SIGNUP_MAX_PER_ADDRESS: "100000",
  CHALLENGE_MAX_PER_MINUTE: "100000",
  CHALLENGE_MAX_SAME_TARGET: "100000",
  TOURNAMENT_MAX_CREATED: "100000",
  TOURNAMENT_MAX_JOIN_LEAVE: "100000",
  RATE_LIMIT_SCALE: "1000",
  SOCKETS_PER_USER: "1000",
};

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "pong-test-"));
}

/** Spawns `server.ts` with `env` over a clean base environment; resolves once it listens. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawnServer({ DATA_DIR: await tempDataDir(), ...env });
  let output = "";
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match) resolve(match[1]!.replace("localhost", "127.0.0.1"));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server.ts exited with ${code} before listening:\n${output}`)));
  });
  const url = await listening;
  return {
    url,
    process: child,
    output: () => output,
    stop: () => stopProcess(child),
  };
}

/** Runs server.ts to its exit (for start-up failures); resolves with the exit code and output. */
export async function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnServer({ DATA_DIR: await tempDataDir(), ...env });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, output };
}

function spawnServer(env: Record<string, string>): ChildProcess {
  // PROFILE_DIR (for the load script): V8 CPU profiles of every thread, written at exit.
  const profile = process.env.PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...profile, "--import", "tsx", "server.ts"], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: "0",
      NEXTAUTH_SECRET: TEST_SECRET,
      ...GENEROUS_LIMITS,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
