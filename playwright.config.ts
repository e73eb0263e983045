import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { isCI } from "./tests/helpers/ci";

// A real server.ts on the embedded default with a fresh data directory, driven by Debian's Chromium.
const port = Number(process.env.E2E_PORT ?? 3217);
const dataDir = mkdtempSync(path.join(tmpdir(), "pong-e2e-"));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: isCI(),
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: `node --import tsx server.ts`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: "end-to-end-tests-secret-0123456789abcdef",
      POINTS_TO_WIN: "2",
      // Room for a tournament spec's scans on three screens before a match's no-show deadline.
      REGISTER_TIMEOUT_MS: "90000",
      // Every browser user signs up and logs in from 127.0.0.1; the login lockout per account stays at its default.
      SIGNUP_MAX_PER_ADDRESS: "1000",
      LOGIN_MAX_PER_ADDRESS: "1000",
    },
  },
});
