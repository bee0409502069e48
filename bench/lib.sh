# Shared by the bench scripts: timing, medians, generators. Source it; it sets $root, $work and $jar.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/cli/target/runbook.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the launcher's flags for short commands (see ./runbook); `run` drops TieredStopAtLevel=1
java_short=(java -XX:+UseSerialGC -Xss1m -Xshare:auto -XX:TieredStopAtLevel=1)
java_long=(java -XX:+UseSerialGC -Xss1m -Xshare:auto)

# ms CMD...: wall time of one run in milliseconds, output discarded; a failing command stops the bench
ms() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "bench: command failed: $*" >&2; exit 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
# ratio A B: A/B with two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
  echo "load average (1, 5, 15 min) at start: $load_at_start, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
}
# build the CLI (and the AppCDS archive) outside every measurement
"$root/runbook" --version >/dev/null
