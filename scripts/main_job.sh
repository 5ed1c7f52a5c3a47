#!/usr/bin/env bash
# The main job: the default tier-comparison sweep (experiments/configs/default.toml): every
# built Strata tier configuration plus node and node --jitless over the benchmark suite. Ends
# by printing the path of its report. Extra arguments go to experiments/sweep.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec /usr/bin/python3 "$here/experiments/sweep" --config "$here/experiments/configs/default.toml" \
  --strata "$here/build/strata" "$@"
