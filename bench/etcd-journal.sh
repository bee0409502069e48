#!/usr/bin/env bash
# The journal's cost per step on the etcd state against the local state directory, in the same run: a runbook of
# STEPS no-op `exec` steps, run alternately with the default .runbook/ (fsynced file) and with --state on a
# three-member etcd cluster that this script starts on loopback ports (each member with its own data dir and fsync,
# all on this machine's disk and cores). The difference of the medians, divided by STEPS, is the added cost per
# step (it also carries the lock's lease grant and revoke, once per run).
#
# Usage: bench/etcd-journal.sh [RUNS] [STEPS]   (default 7 runs, 200 steps); needs etcd (.ci/install-ops-tools.sh)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-7}"; n="${2:-200}"
command -v etcd >/dev/null || { echo "bench: etcd is not installed (bash .ci/install-ops-tools.sh)" >&2; exit 1; }
base=$((24000 + RANDOM % 4000))
cluster=""
for i in 0 1 2; do cluster+="${cluster:+,}m$i=http://127.0.0.1:$((base + 10 + i))"; done
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT
for i in 0 1 2; do
  etcd --name "m$i" --data-dir "$work/m$i" --log-level error \
    --listen-client-urls "http://127.0.0.1:$((base + i))" --advertise-client-urls "http://127.0.0.1:$((base + i))" \
    --listen-peer-urls "http://127.0.0.1:$((base + 10 + i))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((base + 10 + i))" \
    --initial-cluster "$cluster" --initial-cluster-state new >"$work/m$i.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 100); do
  curl -sf -X POST "http://127.0.0.1:$base/v3/kv/put" -d '{"key":"YmVuY2g=","value":"b2s="}' >/dev/null && break
  sleep 0.2
done
state="etcd://127.0.0.1:$base,127.0.0.1:$((base + 1)),127.0.0.1:$((base + 2))/bench"
{
  echo "runbook \"exec$n\" {"
  for i in $(seq "$n"); do echo "  step s$i = exec { argv: [\"true\"] }"; done
  echo "}"
} > "$work/exec.rb"
cd "$work"
local_ms=(); etcd_ms=()
for _ in $(seq "$runs"); do
  local_ms+=("$(ms "$root/runbook" run --yes "$work/exec.rb")")
  etcd_ms+=("$(ms "$root/runbook" run --yes "$work/exec.rb" --state "$state")")
done
machine
l=$(echo "${local_ms[*]}" | median); e=$(echo "${etcd_ms[*]}" | median)
echo "local state (.runbook/), $n exec steps: ${local_ms[*]} ms; median $l"
echo "etcd state (3 members), $n exec steps: ${etcd_ms[*]} ms; median $e ($(ratio "$e" "$l")x)"
awk -v e="$e" -v l="$l" -v n="$n" 'BEGIN {printf "added per step on etcd: %.2f ms\n", (e - l) / n}'
echo "journal keys written: $(curl -s -X POST "http://127.0.0.1:$base/v3/kv/range" \
  -d '{"key":"YmVuY2gvcnVucy8=","range_end":"YmVuY2gvcnVuczA=","count_only":true}' | sed 's/.*"count":"\([0-9]*\)".*/\1/')"
