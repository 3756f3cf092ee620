#!/usr/bin/env bash
# Rewrites the sample run folders beside this script (calm-run, crash-run) with the current simulator.
# The analysis tests read them; experiments' SampleRunsTest fails when a current run's columns differ from theirs.
# Each folder's manifest.json records the scenario, design, seed and overrides below, and SampleRunsTest reruns
# exactly that, so a change here takes effect only by running this script.
set -euo pipefail
set -f  # no globbing: agents[1].count=… is an override, not a pattern
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"
(cd "$root" && mvn -B -ntp -q -pl protocol,model,agents,analysis,experiments package -DskipTests)
jar="$root/experiments/target/backstop.jar"

run() {
  local name="$1"
  shift
  java -Djava.awt.headless=true -jar "$jar" run "$@" --out "$here/$name" --force >/dev/null
  echo "$name: $(du -sh "$here/$name" | cut -f1)"
}

# Five minutes of calm trading (1 s blocks, one market, BTC-USD): no liquidations.
run calm-run calm --seed 7 \
  --set duration_seconds=300 --set agents[1].count=100 --set agents[2].count=10
# Black Thursday compressed: ETH −15% over 8 minutes under Hyperliquid's design, so it has liquidations,
# cascades, bad debt and vault takeovers (position_transfer) in ten minutes of 12 s blocks.
run crash-run black-thursday-2020 --preset hyperliquid --seed 7 \
  --set duration_seconds=600 --set sample_seconds=60 \
  --set markets[0].process.start=60 --set markets[0].process.duration=480 --set markets[0].process.drawdown=0.15 \
  --set episodes[0].start=60 --set episodes[0].end=540 \
  --set agents[1].count=100 --set agents[2].count=10
# The equilibrium notebook's game (3 keepers reduced to 2, one-hour Black Thursday, maker-liq2 and synthetix-v3, 2
# seeds): a game folder for GameReportTest. `backstop game` never replaces a folder, so this sample's own goes first.
rm -rf "$here/game"
java -Djava.awt.headless=true -jar "$jar" game "$root/analysis/notebooks/notebook-game.yaml" --threads 2 --out "$here/game" >/dev/null 2>&1
rm -rf "$here/game/report.html" "$here/game/charts"   # the report's tests write their own
echo "game: $(du -sh "$here/game" | cut -f1)"
