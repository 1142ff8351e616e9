#!/usr/bin/env bash
# Java + the Nu HTML Checker (npm package vnu-jar) for tests/test_html_valid.py.
# Idempotent: a fast no-op when both are present. vnu-jar goes into .venv/node (git-ignored,
# recreated with the venv). Its postinstall script, which would download a Java runtime, is
# skipped: the machine's Java (Debian default-jre-headless) runs the jar.
set -euo pipefail
cd "$(dirname "$0")/../.."

VNU_VERSION="26.9.27"          # bump deliberately: a newer checker may report new errors
PREFIX=.venv/node
JAR="$PREFIX/node_modules/vnu-jar/build/dist/vnu.jar"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
    [ -n "$apt_updated" ] || { sudo_if_needed apt-get update -qq; apt_updated=1; }
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v java >/dev/null 2>&1; then
    echo "deps: installing a Java runtime (default-jre-headless)"
    apt_install default-jre-headless
fi

installed=""
if [ -f "$PREFIX/node_modules/vnu-jar/package.json" ]; then
    installed="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$PREFIX/node_modules/vnu-jar/package.json" | head -n1)"
fi
if [ ! -f "$JAR" ] || [ "$installed" != "$VNU_VERSION" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "deps: installing npm"
        apt_install nodejs npm
    fi
    echo "deps: installing vnu-jar@$VNU_VERSION into $PREFIX"
    mkdir -p "$PREFIX"
    npm install --prefix "$PREFIX" --no-audit --no-fund --ignore-scripts --loglevel=error "vnu-jar@$VNU_VERSION" >/dev/null
fi
test -f "$JAR"
