#!/usr/bin/env bash
# Both start-up and per-step budgets (ARCHITECTURE.md section 8) from one paired run:
#   (a) `./runbook check runbooks/quickstart.rb` against a JVM hello-world started with the same flags (budget 4x);
#   (b) `./runbook run --yes` of 200 `exec ["true"]` steps against bash running /bin/true 200 times (budget 3x).
# The four commands run in turn, round after round (hello, check, bash, run, hello, ...), so a change in the
# machine's load hits all of them; each ratio is the median of the per-round ratios, and the medians of the times
# are printed too. Then the peak memory (maximum resident set, /usr/bin/time) of `check` and of the 200-step run.
#
# Usage: bench/ratios.sh [RUNS] [STEPS]   (default 9 rounds, 200 steps; at least 7 rounds for a figure to quote)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-9}"; n="${2:-200}"
mkdir -p "$root/bench/out"
[ "$root/bench/out/Hello.class" -nt "$root/bench/Hello.java" ] || javac -d "$root/bench/out" "$root/bench/Hello.java"
rb="$root/runbooks/quickstart.rb"
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
"$root/runbook" run --yes "$work/exec.rb" >/dev/null   # warm-up, and fails loudly if the runbook is wrong
hello=(); check=(); bash=(); run=(); ra=(); rb_=()
for _ in $(seq "$runs"); do
  h=$(ms "${java_short[@]}" -cp "$root/bench/out" Hello); c=$(ms "$root/runbook" check "$rb")
  b=$(ms bash "$work/exec.sh"); r=$(ms "$root/runbook" run --yes "$work/exec.rb")
  hello+=("$h"); check+=("$c"); bash+=("$b"); run+=("$r")
  ra+=("$(ratio "$c" "$h")"); rb_+=("$(ratio "$r" "$b")")
done
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
pc=(); pr=()
for _ in 1 2 3; do
  pc+=("$(peak "$root/runbook" check "$rb")"); pr+=("$(peak "$root/runbook" run --yes "$work/exec.rb")")
done
fmedian() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
machine
echo "(a) hello-world (java ${java_short[*]:1} Hello): ${hello[*]} ms; median $(echo "${hello[*]}" | median)"
echo "    ./runbook check quickstart.rb:               ${check[*]} ms; median $(echo "${check[*]}" | median)"
a=$(echo "${ra[*]}" | fmedian)
echo "    check / hello-world, round by round:         ${ra[*]}; median ${a}x (budget 4x)"
echo "(b) bash, $n x /bin/true:                      ${bash[*]} ms; median $(echo "${bash[*]}" | median)"
echo "    ./runbook run, $n exec steps:              ${run[*]} ms; median $(echo "${run[*]}" | median)"
b=$(echo "${rb_[*]}" | fmedian)
echo "    run / bash, round by round:                  ${rb_[*]}; median ${b}x (budget 3x)"
echo "peak memory (max RSS, median of 3): check $(( $(echo "${pc[*]}" | median) / 1024 )) MiB, run of $n steps $(( $(echo "${pr[*]}" | median) / 1024 )) MiB"
awk -v r="$a" 'BEGIN {exit !(r <= 4)}' && echo "(a) within budget (4x)" || echo "(a) OVER BUDGET (4x)"
awk -v r="$b" 'BEGIN {exit !(r <= 3)}' && echo "(b) within budget (3x)" || echo "(b) OVER BUDGET (3x)"
