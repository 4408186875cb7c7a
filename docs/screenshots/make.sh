#!/bin/bash
# Makes the README's screenshots with the screenshot command: every scene,
# in English and Russian, at 1280x720 (the smallest size the app supports).
# Run from the repository root on a machine with a display, or under
# xvfb-run -a -s "-screen 0 1920x1080x24" bash docs/screenshots/make.sh
set -euo pipefail
out=docs/screenshots
size=${SIZE:-1280x720}
bin=$(mktemp -d)/takedown
go build -o "$bin" .
mid=$out/midgame.moves
win=scenarios/film-site.win.moves
for lang in en ru; do
  "$bin" screenshot --out $out/title-$lang.png --scene title --size $size --lang $lang
  "$bin" screenshot --out $out/briefing-$lang.png --scene briefing --size $size --lang $lang
  for scene in chart map inbox calendar case handoff; do
    "$bin" screenshot --out $out/$scene-$lang.png --scene $scene --moves $mid --size $size --lang $lang
  done
  "$bin" screenshot --out $out/debrief-$lang.png --scene debrief --moves $win --size $size --lang $lang
  "$bin" screenshot --out $out/error-$lang.png --scene error --scenario ui/testdata/broken.lua --moves $mid --size $size --lang $lang
done
rm -f "$bin"
