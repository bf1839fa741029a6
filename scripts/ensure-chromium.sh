#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (playwright-core never downloads a browser here) and
# need CJK fonts so Chinese renders. Installs both when missing (the machines run as root).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then echo "chromium and CJK fonts present: $(/usr/bin/chromium --version 2>/dev/null)"; exit 0; fi
echo "installing ${need[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
/usr/bin/chromium --version
