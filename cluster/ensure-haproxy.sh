#!/usr/bin/env bash
# What ./tessera cluster needs from the operating system: HAProxy, the load balancer in front of the nodes.
# Installs Debian's package with apt-get when it is missing and this runs as root; otherwise says what is missing.
set -euo pipefail
command -v haproxy >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the load balancer for ./tessera cluster: haproxy"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends haproxy >/dev/null
  exit 0
fi
echo "./tessera cluster needs HAProxy (as root: apt-get update && apt-get install -y haproxy)" >&2
exit 1
