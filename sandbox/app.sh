#!/usr/bin/env bash
# A drill sandbox (runbook drill --sandbox, docs/drill.md) for the application runbooks: copy it and adapt it.
#
#   app.sh create DIR    makes, in the empty directory DIR, a small node HTTP app in a git repository (tags v1 and
#                        v2, main at v2, an ecosystem.config.js), runs it under pm2 (2 cluster instances, a daemon
#                        of its own: PM2_HOME=DIR/pm2-home) behind an unprivileged nginx on loopback, with a
#                        stand-in systemctl; then prints the params of that world, one name=value a line.
#   app.sh destroy DIR   kills that pm2 daemon (and its apps) and that nginx.
#
# LISTEN: the address nginx listens on (default 127.0.0.1; 0.0.0.0 for a host in a network namespace reached
# from outside it). The params printed always name 127.0.0.1.
# pm2: $PM2, else the project's .tools/node/node_modules/.bin/pm2 (bash .ci/install-ops-tools.sh), else PATH.
# nginx: $NGINX, else PATH, else /usr/sbin/nginx. Ports are free ones between 20000 and 32000, below the
# ephemeral range, so that no outgoing connection takes them between the choice and the bind.
set -euo pipefail

action="${1:-}"
dir="${2:-}"
if [ -z "$dir" ] || { [ "$action" != create ] && [ "$action" != destroy ]; }; then
  echo "usage: $0 create|destroy DIR" >&2
  exit 2
fi
dir="$(cd "$dir" && pwd)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app=demo-app
repo="$dir/repo"
pm2_home="$dir/pm2-home"
prefix="$dir/nginx"

find_pm2() {
  if [ -n "${PM2:-}" ]; then echo "$PM2"; return; fi
  if [ -x "$root/.tools/node/node_modules/.bin/pm2" ]; then echo "$root/.tools/node/node_modules/.bin/pm2"; return; fi
  command -v pm2 || { echo "app.sh: pm2 not found: run bash .ci/install-ops-tools.sh or set PM2" >&2; exit 3; }
}

find_nginx() {
  if [ -n "${NGINX:-}" ]; then echo "$NGINX"; return; fi
  command -v nginx && return
  if [ -x /usr/sbin/nginx ]; then echo /usr/sbin/nginx; return; fi
  echo "app.sh: nginx not found: run bash .ci/install-ops-tools.sh or set NGINX" >&2
  exit 3
}

pm2="$(find_pm2)"
nginx="$(find_nginx)"

if [ "$action" = destroy ]; then
  # pm2 kill always exits 0, and starts a daemon first when none runs: only call it when one was started
  if [ -e "$pm2_home/pm2.pid" ]; then
    PM2_HOME="$pm2_home" "$pm2" kill >&2 || true
  fi
  if [ -s "$prefix/run/nginx.pid" ]; then
    kill -QUIT "$(cat "$prefix/run/nginx.pid")" 2>/dev/null || true
  fi
  exit 0
fi

# A free loopback port between 20000 and 32000, not one of $taken.
taken=""
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    case " $taken " in *" $port "*) continue ;; esac
    if node -e "const s=require('net').createServer();s.on('error',()=>process.exit(1));s.listen($port,'127.0.0.1',()=>s.close())"; then
      taken="$taken $port"
      echo "$port"
      return
    fi
  done
  echo "app.sh: no free loopback port between 20000 and 32000" >&2
  exit 3
}
app_port="$(free_port)"
taken="$app_port"
nginx_port="$(free_port)"

# ---- the app: a git repository with v1 and v2 ----------------------------------------------------------------
mkdir -p "$repo"
git -C "$repo" init -q -b main
git -C "$repo" config user.email drill@example.invalid
git -C "$repo" config user.name drill
printf 'node_modules/\n.env.production*\n' > "$repo/.gitignore"
cat > "$repo/ecosystem.config.js" <<EOF
module.exports = { apps: [{
  name: '$app', script: 'server.js', cwd: __dirname, instances: 2, exec_mode: 'cluster', time: true,
  env: { PORT: '$app_port' },
  env_production: { PORT: '$app_port', NODE_ENV: 'production' }
}] };
EOF
version() {
  cat > "$repo/server.js" <<EOF
const http = require('http');
const VERSION = '$1';
http.createServer((req, res) => {
  if (req.url === '/health') { res.writeHead(200); res.end('200\n'); return; }
  if (req.url === '/api/status') {
    res.writeHead(200, {'content-type': 'application/json'});
    res.end(JSON.stringify({version: VERSION, env: process.env.NODE_ENV || '', db: 'connected'})); return;
  }
  if (req.url === '/api/vector/search') {
    res.writeHead(200, {'content-type': 'application/json'});
    res.end(JSON.stringify({results: [{id: 'doc-1', score: 0.93}]})); return;
  }
  res.writeHead(404); res.end('not found\n');
}).listen(Number(process.env.PORT), '127.0.0.1');
EOF
  printf '{"name": "%s", "version": "%s", "private": true}\n' "$app" "$1" > "$repo/package.json"
  printf '{"name": "%s", "version": "%s", "lockfileVersion": 3, "requires": true, "packages": {"": {"name": "%s", "version": "%s"}}}\n' \
    "$app" "$1" "$app" "$1" > "$repo/package-lock.json"
  git -C "$repo" add -A
  git -C "$repo" commit -q -m "version $1"
  git -C "$repo" tag "$2"
}
version 1.0.0 v1
version 2.0.0 v2
echo "LOG_LEVEL=info" > "$repo/.env.production"

# ---- configuration backups, for config-rollback --------------------------------------------------------------
mkdir -p "$dir/backups"
echo "LOG_LEVEL=debug" > "$dir/backups/.env.production.backup.20240101_120000"

# ---- nginx, unprivileged: every path under DIR/nginx ---------------------------------------------------------
mkdir -p "$prefix/conf/sites" "$prefix/run" "$prefix/logs" "$prefix/tmp"
cat > "$prefix/conf/nginx.conf" <<EOF
pid run/nginx.pid;
error_log logs/error.log info;
worker_processes 1;
daemon on;
events { worker_connections 64; }
http {
  access_log logs/access.log;
  client_body_temp_path tmp/body;
  proxy_temp_path tmp/proxy;
  fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi;
  scgi_temp_path tmp/scgi;
  include sites/*.conf;
}
EOF
# the seed's rate limit on the auth endpoints (verify-system.rb's burst must get 429)
site() {
  printf 'limit_req_zone $binary_remote_addr zone=auth:1m rate=2r/s;\n'
  printf 'server {\n  listen %s:%s;\n  location = /__rev { return 200 "%s\\n"; }\n' "${LISTEN:-127.0.0.1}" "$nginx_port" "$1"
  printf '  location /api/auth/ { limit_req zone=auth burst=2 nodelay; limit_req_status 429; proxy_pass http://127.0.0.1:%s; }\n' "$app_port"
  printf '  location / { proxy_pass http://127.0.0.1:%s; }\n}\n' "$app_port"
}
site rev-1 > "$prefix/conf/sites/app.conf"
site rev-0 > "$dir/backups/app.conf.backup.20240101_120000"
"$nginx" -e stderr -p "$prefix/" -c "$prefix/conf/nginx.conf" >&2

# ---- a stand-in systemctl: start/stop/show of units, as state files ------------------------------------------
cat > "$dir/systemctl" <<EOF
#!/bin/sh
echo "\$*" >> '$dir/systemctl.log'
for unit; do :; done
state='$dir'/state.\$unit
case "\$1" in
  start|reload) echo active > "\$state" ;;
  stop) echo inactive > "\$state" ;;
  show) s=\$(cat "\$state" 2>/dev/null || echo active)
    echo "ActiveState=\$s"; [ "\$s" = active ] && echo SubState=running || echo SubState=dead ;;
esac
EOF
chmod +x "$dir/systemctl"

# ---- pm2 with a daemon of its own ----------------------------------------------------------------------------
mkdir -p "$pm2_home"
(cd "$repo" && PM2_HOME="$pm2_home" "$pm2" start ecosystem.config.js --env production >&2)
# wait (up to 30s) until the app answers through nginx
if ! node -e "
const deadline = Date.now() + 30000;
const poll = () => require('http').get('http://127.0.0.1:$nginx_port/api/status', res => {
  let body = ''; res.on('data', d => body += d);
  res.on('end', () => body.includes('\"version\":\"2.0.0\"') ? process.exit(0) : again());
}).on('error', again);
const again = () => Date.now() > deadline ? process.exit(1) : setTimeout(poll, 250);
poll();"; then
  echo "app.sh: the app did not answer through nginx on port $nginx_port" >&2
  exit 1
fi

# ---- the params of this world --------------------------------------------------------------------------------
cat <<EOF
repo=$repo
target=v1
app_url=http://127.0.0.1:$nginx_port
app=$app
ecosystem=$repo/ecosystem.config.js
health_url=http://127.0.0.1:$nginx_port/health
status_url=http://127.0.0.1:$nginx_port/api/status
instances=2
health_service=demo-health-check
systemctl=$dir/systemctl
pm2=$pm2
pm2_home=$pm2_home
health_attempts=5
env_file=$repo/.env.production
site=$prefix/conf/sites/app.conf
nginx=$nginx
nginx_prefix=$prefix/
nginx_conf=$prefix/conf/nginx.conf
worker=$app
EOF
