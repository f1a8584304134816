#!/usr/bin/env bash
# A GTP engine that passes at every genmove, names no dead stones and acknowledges everything else.
# With a directory argument it breaks the way a dying machine would: its first start dies inside its third game,
# the nine starts after that die at once (ten games in a row lost fail the task), and later starts play normally (the starts are counted in DIR/starts).
start=0
if [ -n "${1:-}" ]; then
  exec 9>"$1/lock"
  flock 9
  start=$(( $(cat "$1/starts" 2>/dev/null || echo 0) + 1 ))
  echo "$start" > "$1/starts"
  flock -u 9
  if [ "$start" -ge 2 ] && [ "$start" -le 10 ]; then exit 3; fi
fi
boards=0
while read -r line; do
  case "$line" in
    clear_board*) boards=$((boards + 1))
      if [ "$start" -eq 1 ] && [ "$boards" -eq 3 ]; then exit 3; fi
      printf '=\n\n';;
    genmove*) printf '= pass\n\n';;
    final_status_list*) printf '= \n\n';;
    final_score*) printf '= W+7\n\n';;
    name*) printf '= passer\n\n';;
    version*) printf '= 1\n\n';;
    quit*) printf '=\n\n'; exit 0;;
    *) printf '=\n\n';;
  esac
done
