#!/usr/bin/env bash
# ABIDES's RMSC04 day against Backstop's rmsc04-day on this machine (README "Against ABIDES").
#   benchmarks/abides/compare.sh --abides /path/to/abides-jpmc-public [--reps 3] [--scales 1,4] [--out DIR]
# Builds Backstop's jar when it is missing (mvn package, never install), then runs compare.py, which runs both
# simulators alternately and prints the table; compare.py --help lists every option.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -f "$root/experiments/target/backstop.jar" ]; then
  (cd "$root" && mvn -B -ntp -q -pl protocol,model,agents,analysis,experiments package -DskipTests)
fi
exec /usr/bin/env python3 "$here/compare.py" "$@"
