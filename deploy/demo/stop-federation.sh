#!/usr/bin/env bash
# Stops the demo federation started by start-federation.sh, using the process ids in .demo/<node>/pid.
# Data stays in .demo/ (start-federation.sh --reset deletes it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stopped=0
for row in "${DEMO_NODES[@]}"; do
  node_fields "$row"
  pid_file="$DEMO_DIR/$NODE_ID/pid"
  [[ -f "$pid_file" ]] || continue
  pid=$(cat "$pid_file")
  if pid_alive "$NODE_ID"; then
    kill "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid"
      say "  $NODE_ID (pid $pid) did not stop in 30 s; killed"
    else
      say "  $NODE_ID (pid $pid) stopped"
    fi
    stopped=$((stopped + 1))
  fi
  rm -f "$pid_file"
done
say "Stopped $stopped demo node(s)."
