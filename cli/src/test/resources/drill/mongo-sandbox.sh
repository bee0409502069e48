#!/usr/bin/env bash
# A drill sandbox for the restore runbooks: `mongo-sandbox.sh db|vector create DIR` makes the application world of
# sandbox/app.sh (the pm2 app that is stopped and started, its health endpoint) and a MongoDB-wire server with
# today's data and yesterday's backups (MongoSandbox, a mongo-java-server in a JVM of its own), and prints the params
# of db-restore (db) or vector-restore (vector); `mongo-sandbox.sh KIND destroy DIR` stops all of it.
# mongo-sandbox.env, beside this script, names the project root, the java binary and the test class path.
set -euo pipefail
kind="$1"
action="$2"
dir="$(cd "$3" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=/dev/null
. "$here/mongo-sandbox.env"

if [ "$action" = destroy ]; then
  if [ -s "$dir/mongo.pid" ]; then
    kill "$(cat "$dir/mongo.pid")" 2>/dev/null || true
  fi
  exec "$ROOT/sandbox/app.sh" destroy "$dir"
fi

app_params="$("$ROOT/sandbox/app.sh" create "$dir")"
nohup "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$TEST_CLASSPATH" dev.runbook.cli.MongoSandbox "$dir" \
  > "$dir/mongo.log" 2>&1 < /dev/null &
echo $! > "$dir/mongo.pid"
for _ in $(seq 1 240); do
  [ -s "$dir/mongo.port" ] && break
  if ! kill -0 "$(cat "$dir/mongo.pid")" 2>/dev/null; then
    echo "mongo-sandbox: the database server stopped:" >&2
    cat "$dir/mongo.log" >&2
    exit 1
  fi
  sleep 0.25
done
if [ ! -s "$dir/mongo.port" ]; then
  echo "mongo-sandbox: the database server did not start within 60s:" >&2
  cat "$dir/mongo.log" >&2
  exit 1
fi
port="$(cat "$dir/mongo.port")"
echo "$app_params"
echo "mongo_uri=mongodb://127.0.0.1:$port/cryptique"
echo "db=cryptique"
echo "alert_to=file:$dir/alerts.txt"
mkdir -p "$dir/backups/emergency" "$dir/backups/vector-snapshots"
case "$kind" in
  db)
    echo "backup=$dir/backups/mongodb/mongo_20240101_030000"
    echo "emergency_dir=$dir/backups/emergency"
    ;;
  vector)
    echo "backup=$dir/backups/vectors/vectors_20240101_030000"
    echo "snapshot_root=$dir/backups/vector-snapshots"
    ;;
  *)
    echo "mongo-sandbox: unknown kind $kind (db or vector)" >&2
    exit 2
    ;;
esac
