#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every tr() string must sit in the context that looks it up at run time, or its translation is
# never found. lupdate names the context from the class it sees; a tr() it cannot place (a free
# helper function, a class without Q_OBJECT or Q_DECLARE_TR_FUNCTIONS, an unresolved namespace)
# lands in a wrong context, and lupdate warns. Runs lupdate as translations/CMakeLists.txt does,
# into a scratch catalogue, and fails on those warnings.
#   checktranslationcontexts.sh <lupdate> <source dir>
set -uo pipefail
lupdate=${1:?usage: checktranslationcontexts.sh <lupdate> <source dir>}
src=${2:?usage: checktranslationcontexts.sh <lupdate> <source dir>}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$src" || exit 2
output=$("$lupdate" -no-obsolete -locations none -I . -I app app/core app/gui models ui \
    -ts "$scratch/contexts_de.ts" 2>&1)
status=$?
if [ "$status" -ne 0 ]; then
    echo "$output"
    echo "lupdate failed (exit status $status)"
    exit 1
fi
misplaced=$(grep -E 'lacks Q_OBJECT macro|Qualifying with unknown|Cannot invoke tr\(\)' <<<"$output")
if [ -n "$misplaced" ]; then
    echo "tr() strings lupdate files under a context the code does not look up (give the code a"
    echo "class with Q_DECLARE_TR_FUNCTIONS(wb::...::Name) and call Name::tr):"
    echo "$misplaced"
    exit 1
fi
echo "translation contexts ok ($(grep -c '<message' "$scratch/contexts_de.ts") messages)"
