#!/bin/sh
# Installs the Debian packages drill needs to build and test, if any are
# missing (strace: a test counts the syncs of each grade). Uses sudo when
# not run as root. Safe to run again.
#   sh scripts/deps.sh        what `make run` and `make test` need
#   sh scripts/deps.sh fuzz   also clang and its libFuzzer, for `make fuzz`
set -eu

packages="build-essential cmake pkg-config libsqlite3-dev libpcre2-dev
libreadline-dev libjansson-dev libcmocka-dev libzip-dev libzstd-dev sqlite3 zstd
python3 strace"

# deps_install PACKAGE...: installs those of them that are not installed.
deps_install() {
	missing=""
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
			missing="$missing $p"
		fi
	done
	[ -z "$missing" ] && return 0

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
}

# shellcheck disable=SC2086
deps_install $packages
if [ "${1:-}" = fuzz ]; then
	deps_install clang
	# libFuzzer comes with the compiler runtime of clang's own version
	# (libclang-rt-14-dev on Debian 12).
	major=$(clang -dumpversion | cut -d. -f1)
	deps_install "libclang-rt-$major-dev"
fi
