#!/usr/bin/env bash
# Installs the real tools the operations step tests run against: pm2 (npm, into .tools/node in the
# project), nginx and etcd (Debian's packages; the etcd tests start their own three-member cluster), and
# openssh-server/-client (the multi-host tests run one sshd per network namespace).
# Idempotent: a second run changes nothing.
set -euo pipefail

PM2_VERSION="7.0.4"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.tools/node"
pm2="$prefix/node_modules/.bin/pm2"

installed_pm2_version() {
  node -e "console.log(require('$prefix/node_modules/pm2/package.json').version)" 2>/dev/null || true
}

if [ "$(installed_pm2_version)" != "$PM2_VERSION" ]; then
  echo "install-ops-tools: installing pm2@$PM2_VERSION into $prefix"
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "pm2@$PM2_VERSION"
else
  echo "install-ops-tools: pm2 $PM2_VERSION already in $prefix"
fi
test -x "$pm2"

nginx_on_path() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]
}

if nginx_on_path; then
  echo "install-ops-tools: nginx already installed"
else
  apt_get=(apt-get)
  if [ "$(id -u)" != 0 ]; then apt_get=(sudo apt-get); fi
  export DEBIAN_FRONTEND=noninteractive
  # Only refresh the package lists when apt cannot see the package yet.
  if ! apt-cache show nginx-light >/dev/null 2>&1 && ! apt-cache show nginx >/dev/null 2>&1; then
    "${apt_get[@]}" update -qq
  fi
  # nginx-light is enough (core http); fall back to nginx where the light flavour is not packaged.
  # The package's service cannot start without systemd and policy-rc.d; that is fine, tests run their own.
  "${apt_get[@]}" install -y -qq --no-install-recommends nginx-light \
    || "${apt_get[@]}" install -y -qq --no-install-recommends nginx
fi
if command -v etcd >/dev/null 2>&1 || [ -x /usr/bin/etcd ]; then
  echo "install-ops-tools: etcd already installed"
else
  apt_get=(apt-get)
  if [ "$(id -u)" != 0 ]; then apt_get=(sudo apt-get); fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show etcd-server >/dev/null 2>&1; then
    "${apt_get[@]}" update -qq
  fi
  # The package's own service needs systemd; the tests start their own members on loopback ports.
  "${apt_get[@]}" install -y -qq --no-install-recommends etcd-server
fi
# sshd, ssh and ip for the multi-host tests: each test host is a network namespace running its own sshd.
if [ -x /usr/sbin/sshd ] && command -v ssh >/dev/null 2>&1 && command -v ip >/dev/null 2>&1; then
  echo "install-ops-tools: openssh-server, openssh-client and ip already installed"
else
  apt_get=(apt-get)
  if [ "$(id -u)" != 0 ]; then apt_get=(sudo apt-get); fi
  export DEBIAN_FRONTEND=noninteractive
  ssh_packages=(openssh-server openssh-client)
  if ! command -v ip >/dev/null 2>&1; then ssh_packages+=(iproute2); fi
  if ! apt-cache show openssh-server >/dev/null 2>&1; then
    "${apt_get[@]}" update -qq
  fi
  # The package's own service is not needed (no systemd here); the tests start one sshd per namespace.
  "${apt_get[@]}" install -y -qq --no-install-recommends "${ssh_packages[@]}"
fi
# Not `pm2 --version`: any pm2 command spawns a daemon in ~/.pm2.
echo "install-ops-tools: pm2 $(installed_pm2_version), $( (nginx -v || /usr/sbin/nginx -v) 2>&1)," \
  "etcd $(etcd --version 2>/dev/null | head -1 | awk '{print $3}'), $(ssh -V 2>&1)"
