# SPDX-License-Identifier: Apache-2.0
# Sourced by bench/run.sh and bench/write.sh: strict mode, the source
# folder as $here, and the fixed clock and author every timed command uses.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export COMPLAINTS_NOW="2026-11-22T12:00:00+00:00" COMPLAINTS_USER="bench"
