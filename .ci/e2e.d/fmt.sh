#!/usr/bin/env bash
# `oner fmt --check` on the bundled scenes: they are kept formatted. Run by .ci/e2e with
# ONER (the binary) set, from the repository root.
set -euo pipefail
: "${ONER:?}"
"$ONER" fmt --check scenes/*.ron
echo "fmt: the bundled scenes are formatted"
