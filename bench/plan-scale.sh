#!/usr/bin/env bash
# Budget (ARCHITECTURE.md section 8): check + plan of a generated 10,000-step runbook under 2 s, and of 20,000
# steps under 2.2x that. Each step has a template argument reading a param, and every tenth step reads the
# output of the step before it (an edge from an expression), so the checker and planner do real work.
# The command is `./runbook plan big.rb --format json > /dev/null` (plan checks first), JVM start included.
#
# Usage: bench/plan-scale.sh [RUNS]   (default 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"
gen() {
  echo "runbook \"big$1\" {"
  echo "  param dir: path = \"/tmp\""
  awk -v n="$1" 'BEGIN {
    for (i = 1; i <= n; i++) {
      if (i % 10 == 0) printf "  step s%d = file.exists { path: \"${dir}/f%d-${steps.s%d.size}\" }\n", i, i, i - 1
      else printf "  step s%d = file.exists { path: \"${dir}/f%d\" }\n", i, i
    }
  }'
  echo "}"
}
gen 10000 > "$work/big10k.rb"; gen 20000 > "$work/big20k.rb"
"$root/runbook" plan "$work/big10k.rb" --format json > "$work/plan.json"   # fails loudly if the runbook is wrong
t10=(); t20=()
for _ in $(seq "$runs"); do
  t10+=("$(ms "$root/runbook" plan "$work/big10k.rb" --format json)")
  t20+=("$(ms "$root/runbook" plan "$work/big20k.rb" --format json)")
done
machine
a=$(echo "${t10[*]}" | median); b=$(echo "${t20[*]}" | median)
echo "plan --format json, 10,000 steps: ${t10[*]} ms; median $a"
echo "plan --format json, 20,000 steps: ${t20[*]} ms; median $b ($(ratio "$b" "$a")x the 10k)"
awk -v a="$a" 'BEGIN {exit !(a < 2000)}' && echo "10k within budget (2 s)" || echo "10k OVER BUDGET (2 s)"
awk -v a="$a" -v b="$b" 'BEGIN {exit !(b < 2.2 * a)}' && echo "20k within budget (2.2x)" || echo "20k OVER BUDGET (2.2x)"
