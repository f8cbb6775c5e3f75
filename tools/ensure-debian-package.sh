#!/usr/bin/env sh
# Installs Debian packages once per machine, for tools the tests drive (chromium, faketime).
# Usage: ensure-debian-package.sh <executable that must exist afterwards> <package>...
# Nothing is downloaded from anywhere but Debian's archive.
set -eu

EXECUTABLE="$1"
shift
if [ -x "$EXECUTABLE" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo"
else
  echo "ensure-debian-package: $EXECUTABLE is missing; run as root: apt-get update && apt-get install -y $*" >&2
  exit 1
fi

echo "ensure-debian-package: installing $* (once per machine)..." >&2
$AS_ROOT apt-get update -qq
DEBIAN_FRONTEND=noninteractive $AS_ROOT apt-get install -y -qq --no-install-recommends "$@" >/dev/null

if [ ! -x "$EXECUTABLE" ]; then
  echo "ensure-debian-package: $* installed but $EXECUTABLE does not exist" >&2
  exit 1
fi
