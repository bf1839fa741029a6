#!/usr/bin/env bash
# Fails when a committed lockfile (the root's and the mini-program's) is not what `npm install`
# would write: every platform's optional entries must be listed, or `npm ci` fails on a machine of
# another platform. Works on copies, so the working tree is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for dir in . miniprogram; do
  [ -f "$dir/package-lock.json" ] || continue
  tmp=$(mktemp -d)
  cp "$dir/package.json" "$dir/package-lock.json" "$tmp"/
  (cd "$tmp" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  if diff -q "$dir/package-lock.json" "$tmp/package-lock.json" >/dev/null; then
    echo "$dir/package-lock.json is complete"
  else
    echo "$dir/package-lock.json is incomplete or stale; run 'npm install --package-lock-only' in $dir and commit it:"
    diff -u "$dir/package-lock.json" "$tmp/package-lock.json" | head -40
    status=1
  fi
  rm -rf "$tmp"
done
exit $status
