#!/usr/bin/env bash
# Sets up what is missing (Debian packages, a Release build) and runs Strata's main job.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$here/scripts/setup.sh"
exec "$here/scripts/main_job.sh" "$@"
