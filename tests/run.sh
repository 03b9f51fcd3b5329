#!/bin/sh
# Runs every unit-test binary in BUILD/tests, then the CLI golden tests (tests/golden.sh), and
# prints the grand total as the last line: "total: N passed, M failed[, K skipped]".
BUILD=${1:-build}
pass=0; fail=0; skip=0
tmp=$(mktemp)
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    "$t" >"$tmp" 2>&1; rc=$?
    cat "$tmp"
    line=$(grep -E '^[a-z_-]+: [0-9]+ passed, [0-9]+ failed' "$tmp" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$t: crashed or printed no summary (exit $rc)"; fail=$((fail + 1)); continue
    fi
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
    pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + ${s:-0}))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then echo "$t: exit status $rc"; fail=$((fail + 1)); fi
done
if [ -f tests/golden.sh ]; then
    sh tests/golden.sh "$BUILD" >"$tmp" 2>&1; rc=$?
    cat "$tmp"
    line=$(grep -E '^[a-z_-]+: [0-9]+ passed, [0-9]+ failed' "$tmp" | tail -n 1)
    if [ -n "$line" ]; then
        p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
        f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
        s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
        pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + ${s:-0}))
    else
        echo "golden: no summary (exit $rc)"; fail=$((fail + 1))
    fi
fi
rm -f "$tmp"
if [ "$skip" -gt 0 ]; then echo "total: $pass passed, $fail failed, $skip skipped"
else echo "total: $pass passed, $fail failed"; fi
[ "$fail" -eq 0 ]
