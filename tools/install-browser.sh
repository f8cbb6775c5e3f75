#!/usr/bin/env sh
# Installs Debian's chromium, which the browser test (`npm run test:browser`) drives with
# playwright-core. It never downloads a browser build of its own. CHROMIUM_PATH names another binary.
set -eu
exec sh "$(dirname "$0")/ensure-debian-package.sh" "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium fonts-liberation
