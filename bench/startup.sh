#!/usr/bin/env bash
# Budget (ARCHITECTURE.md section 8): `runbook check` of a seed runbook within 4x a JVM hello-world started the
# same way (same java flags as the launcher). Runs interleave so that a change in the machine's load hits both.
#
# Usage: bench/startup.sh [RUNS]   (default 9) - prints each series and its median.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-9}"
mkdir -p "$root/bench/out"
[ "$root/bench/out/Hello.class" -nt "$root/bench/Hello.java" ] || javac -d "$root/bench/out" "$root/bench/Hello.java"
rb="$root/runbooks/quickstart.rb"
jsa="$root/cli/target/runbook.jsa"
hello=(); launcher=(); direct=(); nocds=()
for _ in $(seq "$runs"); do
  hello+=("$(ms "${java_short[@]}" -cp "$root/bench/out" Hello)")
  launcher+=("$(ms "$root/runbook" check "$rb")")
  nocds+=("$(ms "${java_short[@]}" -jar "$jar" check "$rb")")
  [ -f "$jsa" ] && direct+=("$(ms "${java_short[@]}" -XX:SharedArchiveFile="$jsa" -jar "$jar" check "$rb")")
done
machine
h=$(echo "${hello[*]}" | median); l=$(echo "${launcher[*]}" | median); n=$(echo "${nocds[*]}" | median)
echo "hello-world (java ${java_short[*]:1} Hello): ${hello[*]} ms; median $h"
echo "./runbook check quickstart.rb (launcher):     ${launcher[*]} ms; median $l ($(ratio "$l" "$h")x)"
echo "java -jar runbook.jar check, no AppCDS:       ${nocds[*]} ms; median $n ($(ratio "$n" "$h")x)"
if [ -f "$jsa" ]; then
  d=$(echo "${direct[*]}" | median)
  echo "java -jar runbook.jar check, AppCDS:          ${direct[*]} ms; median $d ($(ratio "$d" "$h")x)"
fi
awk -v l="$l" -v h="$h" 'BEGIN {exit !(l <= 4 * h)}' && echo "launcher within budget (4x)" || echo "launcher OVER BUDGET (4x)"
