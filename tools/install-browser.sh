#!/usr/bin/env sh
# Installs Debian's chromium, which the browser test (`npm run test:browser`) drives with
# playwright-core. It never downloads a browser build of its own.
set -eu

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo"
else
  echo "install-browser: $CHROMIUM is missing; run as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

echo "install-browser: installing Debian's chromium (once per machine)..." >&2
$AS_ROOT apt-get update -qq
DEBIAN_FRONTEND=noninteractive $AS_ROOT apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "install-browser: chromium was installed but $CHROMIUM does not exist; set CHROMIUM_PATH" >&2
  exit 1
fi
