#!/usr/bin/env bash
# Budget (ARCHITECTURE.md section 8): independent branches of the DAG run concurrently; 4 branches of
# 1 s each (`exec sleep 1`) finish in under 1.5 s. This is a benchmark, not a unit test: the unit test
# (InterpreterOrderTest.independentBranchesOfTheGraphOverlap) only proves that the branches overlap.
#
# Usage: bench/dag-branches.sh [RUNS]   (default 7; prints each run and the median of the run step's wall time)
# The JVM start is measured separately (`--version`) and subtracted, so the number is the engine's share.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/branches.rb" <<'RB'
runbook "dag-branches" {
  step root = exec { argv: ["true"] }
  step b1 = exec { argv: ["sleep", "1"] }
    needs root
  step b2 = exec { argv: ["sleep", "1"] }
    needs root
  step b3 = exec { argv: ["sleep", "1"] }
    needs root
  step b4 = exec { argv: ["sleep", "1"] }
    needs root
}
RB
"$root/runbook" --version >/dev/null   # builds the CLI if needed, outside the measurement
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
startup=(); total=()
for _ in $(seq "$runs"); do
  startup+=("$(ms "$root/runbook" --version)")
  total+=("$(ms "$root/runbook" run --yes --parallel 4 "$work/branches.rb")")
done
s=$(printf '%s\n' "${startup[@]}" | median)
t=$(printf '%s\n' "${total[@]}" | median)
echo "runs: ${total[*]} ms (JVM start alone: ${startup[*]} ms)"
echo "median run: $t ms, minus start $s ms = $(( t - s )) ms; budget 1500 ms"
[ $(( t - s )) -lt 1500 ] && echo "within budget" || { echo "OVER BUDGET"; exit 1; }
