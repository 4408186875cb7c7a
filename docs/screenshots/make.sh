#!/bin/bash
# Renders the app's scenes with the screenshot command. Run from the
# repository root on a machine with a display, or under
#   xvfb-run -a -s "-screen 0 1920x1080x24" bash docs/screenshots/make.sh [all]
#
# Without arguments: the README's set, into docs/screenshots: the main
# scenes at 1280x720 (the smallest size the app supports) in English and
# Russian, two in presenter mode and one at scale 1.5.
#
# With "all": every scene at 1280x720 and 1920x1080, at scale 1, 1.5 and
# 2, in English and Russian, and in presenter mode, into
# docs/screenshots/all (not committed: about 320 files). Names are
# SCENE-SIZE-SCALE-LANG.png and SCENE-SIZE-presenter-LANG.png.
set -euo pipefail
out=docs/screenshots
bin=$(mktemp -d)/takedown
go build -o "$bin" .
mid=$out/midgame.moves
win=scenarios/film-site.win.moves
jobs=${JOBS:-2}

# moves SCENE prints the walkthrough played before a scene.
moves() {
  case $1 in
  title | settings | profile) ;;
  host | join | room | dashboard | orders | plenary | plenary-* | room-desk | watch) ;; # a simulated room of 12 (ui/room_sim.go)
  briefing) echo "--scenario film-site" ;;
  ended | snapshot | debrief-*) echo "--moves $win" ;;
  error) echo "--scenario ui/testdata/broken.lua --moves $mid" ;;
  *) echo "--moves $mid" ;;
  esac
}

scenes="title briefing console chart map inbox calendar case menu handoff confirm ended
  debrief-outcome debrief-timeline debrief-decisions debrief-evidence debrief-lessons debrief-causes snapshot error
  settings profile
  host join room dashboard orders plenary plenary-timelines plenary-kind-handoff plenary-kind-takedown room-desk watch"

# shot FILE SCENE SIZE SCALE LANG [--presenter]
shot() {
  local file=$1 scene=$2 size=$3 scale=$4 lang=$5
  shift 5
  # shellcheck disable=SC2046
  "$bin" screenshot --out "$file" --scene "$scene" --size "$size" --scale "$scale" --lang "$lang" $(moves "$scene") "$@"
}
export -f shot moves
export bin mid win

if [ "${1:-}" = all ]; then
  mkdir -p $out/all
  for scene in $scenes; do
    for size in 1280x720 1920x1080; do
      for lang in en ru; do
        for scale in 1 1.5 2; do
          echo "$out/all/$scene-$size-$scale-$lang.png $scene $size $scale $lang"
        done
        echo "$out/all/$scene-$size-presenter-$lang.png $scene $size 1 $lang --presenter"
      done
    done
  done | xargs -P "$jobs" -L 1 bash -c 'shot "$@"' _
else
  readme="title briefing chart menu map inbox calendar case handoff confirm ended
    debrief-outcome debrief-decisions debrief-timeline snapshot error settings profile"
  for lang in en ru; do
    for scene in $readme; do
      echo "$out/$scene-$lang.png $scene 1280x720 1 $lang"
    done
    for scene in chart map; do
      echo "$out/$scene-presenter-$lang.png $scene 1280x720 1 $lang --presenter"
    done
    echo "$out/console-1.5x-$lang.png console 1280x720 1.5 $lang"
    # The workshop room (README "Running a workshop"): the instructor's
    # screens are projected, in presenter mode's sizes.
    for scene in join dashboard plenary plenary-timelines plenary-kind-takedown room-desk watch; do
      echo "$out/$scene-$lang.png $scene 1280x720 1 $lang"
    done
    echo "$out/room-card-$lang.png room 1280x720 1 $lang"
  done | xargs -P "$jobs" -L 1 bash -c 'shot "$@"' _
fi
rm -f "$bin"
