#!/usr/bin/env bash
# db-restore's drill sandbox: see mongo-sandbox.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/mongo-sandbox.sh" db "$@"
