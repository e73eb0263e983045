#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit, then integration (embedded and PostgreSQL + Redis) and
# end-to-end (Chromium) against real server.ts processes.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "==> lint";      npm run --silent lint
echo "==> typecheck"; npm run --silent typecheck
echo "==> unit";      npx vitest run --project unit

source scripts/test-services.sh

echo "==> build";       npx next build >/tmp/pong-next-build.log 2>&1 || { cat /tmp/pong-next-build.log; exit 1; }
echo "==> integration"; npx vitest run --project integration
if command -v chromium >/dev/null; then
  echo "==> end-to-end";  npx playwright test
else
  echo "!! end-to-end SKIPPED: chromium is not installed"
fi
echo "==> all test suites passed"
