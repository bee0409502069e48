#!/usr/bin/env bash
# Budget (ARCHITECTURE.md section 8): `runbook run` of 200 no-op `exec` steps within 3x a bash script that runs the
# same 200 commands. Each exec step forks a process, as the script does (`/bin/true`, not bash's builtin `true`).
# The runbook's time includes its JVM start; the runs interleave.
#
# Usage: bench/exec200.sh [RUNS] [STEPS]   (default 7 runs, 200 steps)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-7}"; n="${2:-200}"
{
  echo "runbook \"exec$n\" {"
  for i in $(seq "$n"); do echo "  step s$i = exec { argv: [\"true\"] }"; done
  echo "}"
} > "$work/exec.rb"
{
  echo "#!/usr/bin/env bash"
  for _ in $(seq "$n"); do echo "/bin/true"; done
} > "$work/exec.sh"
cd "$work"   # the run's state (.runbook/) stays in the temp folder
bash=(); rb=()
for _ in $(seq "$runs"); do
  bash+=("$(ms bash "$work/exec.sh")")
  rb+=("$(ms "$root/runbook" run --yes "$work/exec.rb")")
done
machine
b=$(echo "${bash[*]}" | median); r=$(echo "${rb[*]}" | median)
echo "bash, $n x /bin/true:              ${bash[*]} ms; median $b"
echo "./runbook run, $n exec steps:       ${rb[*]} ms; median $r ($(ratio "$r" "$b")x)"
awk -v r="$r" -v b="$b" 'BEGIN {exit !(r <= 3 * b)}' && echo "within budget (3x)" || echo "OVER BUDGET (3x)"
