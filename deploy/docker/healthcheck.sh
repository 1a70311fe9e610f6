#!/usr/bin/env bash
# Container health check without curl in the JRE image: HTTP/1.0 GET over bash's /dev/tcp.
# Healthy when the liveness group answers "UP". Port from SERVER_PORT (default 8080).
set -u
port="${HEALTH_PORT:-${SERVER_PORT:-8080}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/liveness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
timeout 3 cat <&3 | grep -q '"status":"UP"'
