#!/usr/bin/env bash
# Makes sure Debian's Chromium headless shell is installed for the browser tests and the benchmark.
# Playwright's own browser download cannot work here (no network beyond package registries).
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
if [ -x "$chromium_path" ]; then
  exit 0
fi
echo "Chromium not found at $chromium_path: installing Debian's chromium-headless-shell package..." >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "error: installing Chromium needs root. Run 'apt-get update && apt-get install -y chromium-headless-shell' as root," >&2
    echo "       or set CHROMIUM_PATH to an installed Chromium." >&2
    exit 1
  fi
fi
${SUDO:-} apt-get update -qq
DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq chromium-headless-shell >/dev/null
[ -x "$chromium_path" ] || { echo "error: chromium installed but not at $chromium_path; set CHROMIUM_PATH" >&2; exit 1; }
echo "Chromium installed: $("$chromium_path" --version 2>/dev/null | tail -n 1)" >&2
