#!/usr/bin/env bash
# Runs Chronicle's browser test: the demo's store served on loopback and
# its page driven in Debian's headless Chromium. Screenshots land in
# e2e/out/. CHRONICLE_E2E=1 makes a missing browser a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHRONICLE_E2E=1
go test -count=1 -run '^TestBrowser$' -v ./e2e/
echo "e2e: screenshots in e2e/out/"
