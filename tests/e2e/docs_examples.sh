#!/usr/bin/env bash
# The deck examples in README.md and docs/deck-format.md are real decks:
# every ``` block that starts with "deck:" or "# ..." followed by "deck:"
# must pass `drill import --check`.
set -euo pipefail
drill=$1
src=${DRILL_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$src" "$tmp" <<'PY'
import re, sys, pathlib
src, out = sys.argv[1], pathlib.Path(sys.argv[2])
n = 0
for doc in ("README.md", "docs/deck-format.md"):
    text = pathlib.Path(src, doc).read_text()
    blocks, cur = [], None
    for line in text.splitlines(keepends=True):
        if line.startswith("```"):
            if cur is None:
                cur = []
            else:
                blocks.append("".join(cur))
                cur = None
        elif cur is not None:
            cur.append(line)
    for block in blocks:
        body = "\n".join(l for l in block.splitlines() if not l.startswith("#"))
        if body.lstrip().startswith("deck:"):
            n += 1
            (out / f"example{n}.deck").write_text(block)
if n < 2:
    sys.exit(f"expected deck examples in both documents, found {n}")
PY
for f in "$tmp"/*.deck; do
	if ! "$drill" import --check "$f"; then
		echo "FAIL: a documented deck example does not import: $f" >&2
		cat "$f" >&2
		exit 1
	fi
done
echo "ok: documented deck examples import"
