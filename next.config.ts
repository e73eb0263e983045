import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";

// A bad environment fails the build (and the start) with a one-line message.
parseEnv(process.env);

const nextConfig: NextConfig = {
  trailingSlash: true,
  poweredByHeader: false,
  // Wasm and native packages are loaded by Node as they are, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "pg",
  ],
};

export default nextConfig;
