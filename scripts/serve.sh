#!/usr/bin/env bash
# Sets up a fresh machine, then builds and serves the app at http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/old-browser-env.sh
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
