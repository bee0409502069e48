#!/usr/bin/env bash
# vector-restore's drill sandbox: see mongo-sandbox.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/mongo-sandbox.sh" vector "$@"
