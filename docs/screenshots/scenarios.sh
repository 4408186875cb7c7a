#!/bin/bash
# Renders the briefing and the debrief (outcome, after the winning
# walkthrough) of every shipped scenario at 1280x720, in English and
# Russian, into docs/screenshots/scenarios. Run from the repository root on
# a machine with a display, or under
#   xvfb-run -a -s "-screen 0 1920x1080x24" bash docs/screenshots/scenarios.sh
set -euo pipefail
out=docs/screenshots/scenarios
bin=$(mktemp -d)/takedown
go build -o "$bin" .
mkdir -p "$out"
for lua in scenarios/*.lua; do
  s=$(basename "$lua" .lua)
  for lang in en ru; do
    "$bin" screenshot --out "$out/$s-briefing-$lang.png" --scene briefing --scenario "$s" --size 1280x720 --lang "$lang"
    "$bin" screenshot --out "$out/$s-debrief-$lang.png" --scene debrief-outcome --scenario "$s" \
      --moves "scenarios/$s.win.moves" --size 1280x720 --lang "$lang"
  done
done
