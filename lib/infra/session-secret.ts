// The session secret: NEXTAUTH_SECRET when configured, else one generated once and kept in
// DATA_DIR so sessions survive restarts of the embedded default.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "./log";

export async function resolveSessionSecret(configured: string | undefined, dataDir: string, log: Logger): Promise<string> {
  if (configured) return configured;
  const file = path.resolve(dataDir, "session-secret");
  const stored = (await readFile(file, "utf8").catch(() => "")).trim();
  if (stored.length >= 32) {
    log.warn(`NEXTAUTH_SECRET is not set: using the session secret kept in ${file}`);
    return stored;
  }
  const secret = randomBytes(48).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret + "\n", { mode: 0o600 });
  log.warn(`NEXTAUTH_SECRET is not set: generated a session secret and kept it in ${file}. Set NEXTAUTH_SECRET (the same on every process) when you run more than one.`);
  return secret;
}
