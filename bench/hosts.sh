#!/usr/bin/env bash
# Many hosts over SSH: the same block of STEPS no-op `exec` steps on 1, 4 and 8 hosts, against a plain loop of
# multiplexed `ssh host true` doing the same commands (hosts at once, each host's commands one after another, as the
# block runs them), and a rolling rollout ([1, 50%]) against Ansible's `serial: [1, "50%"]` on the same 8 hosts.
# The hosts are Linux network namespaces made here, each with its own sshd, host key and authorized_keys (root is
# needed; everything is removed at the end). Runs alternate, medians are reported.
#
# Usage: bench/hosts.sh [RUNS] [STEPS]   (default 5 runs, 20 steps); needs openssh-server (.ci/install-ops-tools.sh),
# and ansible-core for the comparison (apt-get install ansible-core; NO_ANSIBLE=1 leaves it out)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-5}"; n="${2:-20}"
[ "$(id -u)" = 0 ] || { echo "bench: needs root (network namespaces)" >&2; exit 1; }
[ -x /usr/sbin/sshd ] || { echo "bench: sshd is not installed (bash .ci/install-ops-tools.sh)" >&2; exit 1; }
tag="rb$$"; net="10.$((100 + RANDOM % 100)).$((RANDOM % 250))"; bridge="${tag}b"
hosts=8
cleanup() {
  for i in $(seq $hosts); do
    # every process of the host (its sshd and the sessions of the master connections), then the namespace
    ip netns pids "${tag}h$i" 2>/dev/null | xargs -r kill 2>/dev/null || true
    ip netns del "${tag}h$i" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$work/key"
ip link add "$bridge" type bridge && ip addr add "$net.254/24" dev "$bridge" && ip link set "$bridge" up
: > "$work/known_hosts"
for i in $(seq $hosts); do
  ns="${tag}h$i"; d="$work/h$i"; mkdir -p "$d"
  ip netns add "$ns"
  ip link add "${tag}v$i" type veth peer name "${tag}p$i"
  ip link set "${tag}p$i" netns "$ns"
  ip link set "${tag}v$i" master "$bridge" up
  ip -n "$ns" addr add "$net.$i/24" dev "${tag}p$i"
  ip -n "$ns" link set "${tag}p$i" up
  ip -n "$ns" link set lo up
  ssh-keygen -q -t ed25519 -N '' -f "$d/host_key"
  cp "$work/key.pub" "$d/authorized_keys"
  cat > "$d/sshd_config" <<CONF
ListenAddress $net.$i
HostKey $d/host_key
AuthorizedKeysFile $d/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
UsePAM no
StrictModes no
PidFile $d/sshd.pid
MaxSessions 64
MaxStartups 64
SetEnv HOME=$d
CONF
  ip netns exec "$ns" /usr/sbin/sshd -f "$d/sshd_config"
  echo "$net.$i $(cut -d' ' -f1-2 "$d/host_key.pub")" >> "$work/known_hosts"
done
ssh_opts=(-i "$work/key" -o IdentitiesOnly=yes -o UserKnownHostsFile="$work/known_hosts" -o BatchMode=yes
  -o StrictHostKeyChecking=yes -o ControlMaster=auto -o "ControlPath=$work/%C" -o ControlPersist=60 -l root)
for i in $(seq $hosts); do
  for _ in $(seq 50); do ssh "${ssh_opts[@]}" "$net.$i" true 2>/dev/null && break; sleep 0.1; done
done

inventory() { # inventory N FILE
  {
    echo "ssh:"
    echo "  user: root"
    echo "  options: [\"-i\", \"$work/key\", \"-o\", \"IdentitiesOnly=yes\", \"-o\", \"UserKnownHostsFile=$work/known_hosts\"]"
    echo "hosts:"
    for i in $(seq "$1"); do echo "  h$i: { address: $net.$i, groups: [app] }"; done
  } > "$2"
}
block() { # block ROLLING FILE
  {
    echo "runbook \"hosts$n\" {"
    echo "  on app as many $1 {"
    for i in $(seq "$n"); do echo "    step s$i = exec { argv: [\"/bin/true\"] }"; done
    echo "  }"
    echo "}"
  } > "$2"
}
loop() { # loop N: each host's commands one after another, hosts at once, over the same multiplexed connections
  for i in $(seq "$1"); do
    ( for _ in $(seq "$n"); do ssh "${ssh_opts[@]}" "$net.$i" /bin/true; done ) &
  done
  wait
}
block "" "$work/all.rb"
{ echo 'runbook "one" {'; echo '  on app as one {'; echo '    step s1 = exec { argv: ["/bin/true"] }'; echo '  }'; echo '}'; } > "$work/one.rb"
block "rolling [1, 50%]" "$work/rolling.rb"
cd "$work"
machine
echo "steps per host: $n; runs: $runs (alternating)"
inventory 1 "$work/inv1.yaml"
st=()
for _ in $(seq "$runs"); do
  st+=("$(ms "$root/runbook" run --yes "$work/one.rb" --inventory "$work/inv1.yaml" --state-dir "$work/state")")
done
s1=$(echo "${st[*]}" | median)
echo "start-up: one step on one host: ${st[*]} ms, median $s1 (taken out of the per-step figures below)"
for h in 1 4 8; do
  inventory "$h" "$work/inv$h.yaml"
  rb=(); lp=()
  for _ in $(seq "$runs"); do
    rb+=("$(ms "$root/runbook" run --yes "$work/all.rb" --inventory "$work/inv$h.yaml" --state-dir "$work/state")")
    lp+=("$(ms loop "$h")")
  done
  r=$(echo "${rb[*]}" | median); l=$(echo "${lp[*]}" | median)
  echo "$h host(s): runbook ${rb[*]} ms, median $r; ssh loop ${lp[*]} ms, median $l ($(ratio "$r" "$l")x)"
  awk -v r="$r" -v l="$l" -v s="$s1" -v h="$h" -v n="$n" 'BEGIN {
    a = (r - s) / (h * n); b = l / (h * n)
    printf "  per host and step: runbook %.1f ms (start-up taken out), loop %.1f ms: %.2fx\n", a, b, a / b }'
done
if [ -n "${NO_ANSIBLE:-}" ]; then
  echo "NO_ANSIBLE set: no Ansible comparison"
elif command -v ansible-playbook >/dev/null; then
  {
    echo "[app]"
    for i in $(seq $hosts); do echo "h$i ansible_host=$net.$i"; done
    echo "[app:vars]"
    echo "ansible_user=root"
    echo "ansible_ssh_private_key_file=$work/key"
    echo "ansible_ssh_common_args='-o IdentitiesOnly=yes -o UserKnownHostsFile=$work/known_hosts -o StrictHostKeyChecking=yes'"
  } > "$work/hosts.ini"
  {
    echo "- hosts: app"
    echo "  gather_facts: false"
    echo "  serial: [1, \"50%\"]"
    echo "  tasks:"
    for i in $(seq "$n"); do printf '    - name: s%d\n      command: /bin/true\n' "$i"; done
  } > "$work/play.yml"
  export ANSIBLE_HOST_KEY_CHECKING=true ANSIBLE_PIPELINING=true ANSIBLE_FORKS=8
  ans=(); rb=()
  for _ in $(seq "$runs"); do
    ans+=("$(ms ansible-playbook -i "$work/hosts.ini" "$work/play.yml")")
    rb+=("$(ms "$root/runbook" run --yes "$work/rolling.rb" --inventory "$work/inv8.yaml" --state-dir "$work/state")")
  done
  a=$(echo "${ans[*]}" | median); r=$(echo "${rb[*]}" | median)
  echo "$(ansible-playbook --version | head -1)"
  echo "8 hosts rolling [1, 50%]: runbook ${rb[*]} ms, median $r; ansible serial ${ans[*]} ms, median $a ($(ratio "$a" "$r")x the runbook's time)"
else
  echo "ansible-playbook not installed (apt-get install ansible-core): no Ansible comparison"
fi
