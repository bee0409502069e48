#!/usr/bin/env bash
# A drill sandbox: `git-sandbox.sh create DIR` makes a git repository with two tagged commits in DIR and prints the
# params of a runbook that works on it; `git-sandbox.sh destroy DIR` has nothing to stop.
set -euo pipefail
action="$1"
dir="$2"
if [ "$action" = destroy ]; then
  exit 0
fi
repo="$dir/repo"
mkdir -p "$repo"
git -C "$repo" init -q -b main
git -C "$repo" config user.email drill@example.invalid
git -C "$repo" config user.name drill
echo one > "$repo/app.txt"
git -C "$repo" add app.txt
git -C "$repo" commit -q -m one
git -C "$repo" tag v1
echo two > "$repo/app.txt"
git -C "$repo" commit -q -am two
echo "repo=$repo"
echo "target=v1"
