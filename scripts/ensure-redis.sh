#!/usr/bin/env bash
# Makes sure the Redis server the rate-limit tests use is running (127.0.0.1:6379). On the
# project's machines it is installed; if it is stopped we start it (keeping nothing on disk). In
# CI an unreachable Redis is an error; elsewhere the Redis tests skip with a message.
set -u
ready() { (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG) || (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
if ready; then echo "Redis is up at 127.0.0.1:6379"; exit 0; fi
if command -v redis-server >/dev/null 2>&1; then
  echo "starting Redis"
  mkdir -p /tmp/redis-ci
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/redis-ci --logfile /tmp/redis-ci/redis.log 2>&1 || true
  for _ in $(seq 1 20); do ready && { echo "Redis is up"; exit 0; }; sleep 0.5; done
fi
if [ "${CI:-}" = "true" ]; then echo "Redis is not reachable at 127.0.0.1:6379 and could not be started" >&2; exit 1; fi
echo "Redis is not reachable: the Redis rate-limit tests will be skipped"
