#!/usr/bin/env bash
# The main job: for now, runs the demo program. (The Experiments issue turns this into the
# default tier-comparison sweep.)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec "$here/build/strata" "$here/scripts/demo.js" "$@"
