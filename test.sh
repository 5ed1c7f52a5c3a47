#!/usr/bin/env bash
# Sets up what is missing (Debian packages, the build) and runs every test: C unit tests, the
# JS corpus under every configured tier, golden dumps, the syntax-error corpus, the experiments
# tests and the include-rule check. The last line is ctest's summary.
#
#   ./test.sh                 everything
#   ./test.sh -R js/          only tests whose name matches (any ctest option works)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export BUILD_DIR=${BUILD_DIR:-$here/build-test}
export BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
export CMAKE_ARGS="-DSTRATA_ASSERT=ON ${CMAKE_ARGS:-}"
"$here/scripts/setup.sh"
cd "$BUILD_DIR"
exec ctest --output-on-failure -j "$(nproc)" "$@"
