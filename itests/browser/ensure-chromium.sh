#!/usr/bin/env bash
# What the terminal's browser tests need from the operating system: Debian's Chromium and its chromedriver
# (/usr/bin/chromium, /usr/bin/chromedriver) and a font with Chinese characters for the screenshots.
# Installs them with apt-get when they are missing and this runs as root; otherwise says exactly what is missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
fc-list 2>/dev/null | grep -i "wenquanyi\|noto sans cjk\|noto serif cjk" >/dev/null || missing+=(fonts-wqy-zenhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing for the browser tests: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "The browser tests need the Debian packages: ${missing[*]} (as root: apt-get update && apt-get install -y ${missing[*]})" >&2
exit 1
