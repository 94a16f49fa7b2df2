#!/bin/sh
# Installs the Debian packages drill needs to build and test, if any are
# missing (strace: a test counts the syncs of each grade). Uses sudo when
# not run as root. Safe to run again.
set -eu

packages="build-essential cmake pkg-config libsqlite3-dev libpcre2-dev
libreadline-dev libjansson-dev libcmocka-dev sqlite3 python3 strace"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "drill: need root or sudo to install:$missing" >&2
	exit 2
fi
echo "drill: installing$missing" >&2
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
