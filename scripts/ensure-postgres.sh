#!/usr/bin/env bash
# Makes sure the PostgreSQL server the database tests use is running (127.0.0.1:5432, trust auth).
# On the project's machines it is installed; if it is stopped we start it. In CI an unreachable
# PostgreSQL is an error; elsewhere the PostgreSQL tests skip with a message.
set -u
ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || (command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1); }
if ready; then echo "PostgreSQL is up at 127.0.0.1:5432"; exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  echo "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 || true
  for _ in $(seq 1 20); do ready && { echo "PostgreSQL is up"; exit 0; }; sleep 1; done
fi
if [ "${CI:-}" = "true" ]; then echo "PostgreSQL is not reachable at 127.0.0.1:5432 and could not be started" >&2; exit 1; fi
echo "PostgreSQL is not reachable: the PostgreSQL database tests will be skipped"
