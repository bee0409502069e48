#!/usr/bin/env bash
# A reference point, not a budget: the same 200 no-op commands as bench/exec200.sh, as an Ansible playbook run
# on localhost over the local connection (ansible-core from Debian: apt-get install -y ansible-core).
#
# Usage: bench/ansible200.sh [RUNS] [STEPS]   (default 5 runs, 200 steps)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"; n="${2:-200}"
command -v ansible-playbook >/dev/null || { echo "ansible-playbook is not installed" >&2; exit 1; }
{
  echo "- hosts: localhost"
  echo "  connection: local"
  echo "  gather_facts: false"
  echo "  tasks:"
  for i in $(seq "$n"); do printf '    - name: s%d\n      command: /bin/true\n' "$i"; done
} > "$work/play.yml"
{
  echo "runbook \"exec$n\" {"
  for i in $(seq "$n"); do echo "  step s$i = exec { argv: [\"true\"] }"; done
  echo "}"
} > "$work/exec.rb"
cd "$work"
export ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false
ans=(); rb=()
for _ in $(seq "$runs"); do
  ans+=("$(ms ansible-playbook -i localhost, "$work/play.yml")")
  rb+=("$(ms "$root/runbook" run --yes "$work/exec.rb")")
done
machine
echo "$(ansible-playbook --version | head -1)"
a=$(echo "${ans[*]}" | median); r=$(echo "${rb[*]}" | median)
echo "ansible-playbook, $n command tasks: ${ans[*]} ms; median $a"
echo "./runbook run, $n exec steps:       ${rb[*]} ms; median $r ($(ratio "$a" "$r")x faster)"
