#!/bin/sh
# Installs a release of runbook: downloads runbook-VERSION.tar.gz and the .sha256 beside it, refuses the archive
# unless its SHA-256 matches, unpacks it to PREFIX/lib/runbook/VERSION and links PREFIX/bin/runbook to its launcher.
#
#   sh install.sh VERSION --from URL [--prefix DIR]
#
#   --from URL    where the releases are: URL/vVERSION/runbook-VERSION.tar.gz (a GitHub project's releases are at
#                 https://github.com/OWNER/REPO/releases/download); default: $RUNBOOK_RELEASES_URL
#   --prefix DIR  default: $HOME/.local; put DIR/bin on the PATH
#
# Needs curl or wget, sha256sum or shasum, tar and gzip; runbook itself needs Java 17 or later.
# Exit codes: 0 installed, 1 download failed or checksum mismatch (nothing installed), 2 usage.
set -eu

usage() {
  echo "install.sh: $*" >&2
  echo "usage: sh install.sh VERSION --from URL [--prefix DIR]" >&2
  exit 2
}
fail() {
  echo "install.sh: $*" >&2
  exit 1
}

version=""
from=${RUNBOOK_RELEASES_URL:-}
prefix=${HOME:-}/.local
while [ $# -gt 0 ]; do
  case $1 in
    --from) [ $# -ge 2 ] || usage "--from needs a URL"; from=$2; shift 2 ;;
    --prefix) [ $# -ge 2 ] || usage "--prefix needs a folder"; prefix=$2; shift 2 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) usage "unknown option $1" ;;
    *) [ -z "$version" ] || usage "one version only (got $version and $1)"; version=$1; shift ;;
  esac
done
[ -n "$version" ] || usage "which version? (e.g. 0.1.0)"
case $version in
  v*) version=${version#v} ;;
esac
case $version in
  *[!A-Za-z0-9._-]* | .*) usage "not a version: $version" ;;
esac
[ -n "$from" ] || usage "where from? give --from URL or set RUNBOOK_RELEASES_URL"
[ "$prefix" != "/.local" ] || usage "no HOME: give --prefix DIR"

name=runbook-$version
url=${from%/}/v$version/$name.tar.gz

download() { # URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 2 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    fail "needs curl or wget to download $1"
  fi
}
sha256() { # FILE -> its SHA-256 in hex
  if command -v sha256sum >/dev/null 2>&1; then
    sum=$(sha256sum "$1")
  elif command -v shasum >/dev/null 2>&1; then
    sum=$(shasum -a 256 "$1")
  else
    fail "needs sha256sum or shasum to check the download"
  fi
  echo "${sum%% *}"
}

mkdir -p "$prefix/lib/runbook" "$prefix/bin" || fail "cannot create $prefix/lib/runbook and $prefix/bin"
# Unpacked beside its final place, then renamed: an interrupted install leaves no half-installed version.
staging=$(mktemp -d "$prefix/lib/runbook/.install.XXXXXX")
trap 'rm -rf "$staging"' EXIT
trap 'exit 130' INT TERM

echo "install.sh: downloading $url"
download "$url" "$staging/$name.tar.gz" || fail "could not download $url"
download "$url.sha256" "$staging/$name.tar.gz.sha256" || fail "could not download $url.sha256"
read -r expected _ <"$staging/$name.tar.gz.sha256" || true
actual=$(sha256 "$staging/$name.tar.gz")
case $expected in
  [0-9a-fA-F]*) ;;
  *) fail "$url.sha256 holds no SHA-256; nothing was installed" ;;
esac
[ "$(echo "$expected" | tr 'A-F' 'a-f')" = "$actual" ] \
  || fail "checksum mismatch for $name.tar.gz: expected $expected, got $actual; nothing was installed"

tar -xzf "$staging/$name.tar.gz" -C "$staging" || fail "could not unpack $name.tar.gz"
[ -x "$staging/$name/bin/runbook" ] || fail "$name.tar.gz has no $name/bin/runbook; nothing was installed"
dest=$prefix/lib/runbook/$version
rm -rf "$dest"
mv "$staging/$name" "$dest"
ln -sfn "../lib/runbook/$version/bin/runbook" "$prefix/bin/runbook"
echo "install.sh: installed runbook $version in $dest"
case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) echo "install.sh: add $prefix/bin to your PATH (export PATH=\"$prefix/bin:\$PATH\")" ;;
esac
