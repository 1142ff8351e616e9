#!/usr/bin/env bash
# Headless Chromium (Debian package `chromium`) for tests/test_browser.py and bench/bench_search.py.
# Playwright drives it through executable_path=/usr/bin/chromium; Playwright's own browser download
# is never used. Idempotent: a no-op when /usr/bin/chromium exists.
set -euo pipefail

[ -x /usr/bin/chromium ] && exit 0

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "deps: installing chromium (Debian)"
sudo_if_needed apt-get update -qq
sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
test -x /usr/bin/chromium
