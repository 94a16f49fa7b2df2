#!/usr/bin/env bash
# Every command example of README.md and docs/*.md (a ``` block starting
# with "$ ") is run with the real drill, and what it prints must be what
# the document shows. The convention is in docs/examples.md and at the top
# of doc_examples.py. (The deck examples are checked by docs_examples.sh.)
source "$(dirname "$0")/lib.sh" "$@"

python3 "$E2E_HERE/doc_examples.py" --drill "$DRILL" --source "$DRILL_SOURCE_DIR" --scratch "$T" ||
	fail "a documented example does not print what its document shows (above)"
