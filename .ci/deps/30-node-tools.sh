#!/usr/bin/env bash
# axe-core (npm) for the accessibility checks of tests/test_browser.py. It goes into .venv/node
# (git-ignored, recreated with the venv) and is injected into pages with add_script_tag.
# Idempotent: a no-op when the pinned version is there.
set -euo pipefail
cd "$(dirname "$0")/../.."

AXE_VERSION="4.14.1"           # bump deliberately: new rules may report new violations
PREFIX=.venv/node
PKG="$PREFIX/node_modules/axe-core/package.json"

installed=""
[ -f "$PKG" ] && installed="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$PKG" | head -n1)"
[ "$installed" = "$AXE_VERSION" ] && [ -f "$PREFIX/node_modules/axe-core/axe.min.js" ] && exit 0

if ! command -v npm >/dev/null 2>&1; then
    sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    echo "deps: installing npm"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
echo "deps: installing axe-core@$AXE_VERSION into $PREFIX"
mkdir -p "$PREFIX"
npm install --prefix "$PREFIX" --no-audit --no-fund --ignore-scripts --loglevel=error "axe-core@$AXE_VERSION" >/dev/null
test -f "$PREFIX/node_modules/axe-core/axe.min.js"
