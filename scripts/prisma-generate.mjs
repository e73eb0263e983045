// `prisma generate` never runs Prisma's native schema engine, but the CLI insists that one
// exists before it starts. Offline it cannot download one, so point it at any existing file
// (see README "Database migrations").
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
execFileSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
