#!/usr/bin/env bash
# A drill sandbox for config-rollback's env file: the world of app.sh, plus the params that pick the env file
# rollback and the backup it restores (LOG_LEVEL=debug over the live LOG_LEVEL=info).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/app.sh" "$@"
if [ "$1" = create ]; then
  echo "config=env"
  echo "from=$(cd "$2" && pwd)/backups/.env.production.backup.20240101_120000"
fi
