#!/usr/bin/env bash
# cmake --install puts the binary and the bundled decks in place, and the
# installed binary finds its decks (beside it, not in the source tree).
# usage: install_layout.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
bin=$tmp/prefix/bin/drill
decks=$tmp/prefix/share/drill/decks
[ -x "$bin" ] || { echo "FAIL: no $bin" >&2; exit 1; }
want=$(ls "$src"/decks/*.deck | wc -l)
got=$(ls "$decks"/*.deck | wc -l)
[ "$want" = "$got" ] || { echo "FAIL: $got decks installed, $want in the source" >&2; exit 1; }
[ -f "$tmp/prefix/share/man/man1/drill.1" ] || { echo "FAIL: no manual page" >&2; exit 1; }

# Run from elsewhere, with no hint of where the decks are.
cd "$tmp"
out=$(env -u DRILL_DECKS HOME="$tmp/home" DRILL_DB="$tmp/d.db" "$bin" import --check)
[ "$out" = "$want decks checked: no errors." ] || { echo "FAIL: [$out]" >&2; exit 1; }

# Prove it read the installed copy: break it and look at the path reported.
printf 'id: broken\n' >>"$decks/levels.deck"
if err=$(env -u DRILL_DECKS HOME="$tmp/home" DRILL_DB="$tmp/d.db" "$bin" import --check 2>&1); then
	echo "FAIL: a broken installed deck passed" >&2
	exit 1
fi
case $err in
*"$decks/levels.deck:"*) ;;
*) echo "FAIL: the error does not name the installed deck: $err" >&2; exit 1 ;;
esac
echo "ok: installed binary and decks"
