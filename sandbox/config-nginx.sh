#!/usr/bin/env bash
# A drill sandbox for config-rollback's nginx site: the world of app.sh, plus the params that pick the site config
# rollback and the backup it restores (an older site that answers /__rev with rev-0).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/app.sh" "$@"
if [ "$1" = create ]; then
  echo "config=nginx"
  echo "from=$(cd "$2" && pwd)/backups/app.conf.backup.20240101_120000"
fi
