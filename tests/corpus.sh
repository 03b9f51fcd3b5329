#!/bin/sh
# tests/corpus.sh - checks dyad against the reference corpus in ../shared/corpus (or
# $DYAD_SHARED/corpus), which lives outside the project; skipped, saying so, when it is absent.
#
#  1. the seed article (14 February 2025, US-Russia-Ukraine talks) must yield its six central
#     interactions, with the actor codes of February 2025 (Trump's side USAGOV/USA, never USAELI;
#     Zelensky UKRGOV):
#       a 04x or 036 event between the US and Russia (the phone call, the planned summit);
#       a 04x or 036 event between Zelensky and the US (the planned meetings in Munich);
#       a 12x event US -> Ukraine (NATO membership ruled out);
#       a 10x event US -> Ukraine (the demands);
#       a 03x event Ukraine -> Russia (the offer to exchange territory);
#       a 19x event between Ukraine and Russia (the fighting);
#  2. the two development sets (dev.*, 15 articles; regions.*, 45 articles from every region) are
#     coded and scored with `dyad eval`; the reports are printed and the country-root F1 must stay
#     at or above a regression floor (0.60 for dev, 0.42 for regions); every document of both is
#     explained too (`dyad explain`), without a crash.
#
# Uses only the dyad CLI, grep, sed and awk. The last line is "corpus: N passed, M failed[, K
# skipped]" (tests/golden.sh adds it to its own counts).
#
# usage: sh tests/corpus.sh [BUILD]

BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
cd "$(dirname "$0")/.." || exit 2
DYAD=$BUILD/dyad
SHARED=${DYAD_SHARED:-../shared}
CORPUS=$SHARED/corpus
F1_FLOOR=0.60
F1_FLOOR_REGIONS=0.42

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "corpus: FAIL: $*"; }

if [ ! -d "$CORPUS" ]; then
    echo "corpus: skipped: $CORPUS not present (the reference corpus is outside the project)"
    echo "corpus: 0 passed, 0 failed, 2 skipped"
    exit 0
fi
if [ ! -x "$DYAD" ]; then
    echo "corpus: $DYAD is not built"
    echo "corpus: 0 passed, 1 failed"
    exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-corpus.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP PIPE

# ------------------------------------------------------------------ the seed article
"$DYAD" code -q --dict dict "$CORPUS/seed-article.md" >"$tmp/seed.jsonl"
rc=$?
if [ "$rc" -eq 0 ] && [ -s "$tmp/seed.jsonl" ]; then ok; else bad "seed: dyad code exit status $rc, $(wc -l <"$tmp/seed.jsonl") events"; fi
if grep -q '"pub_date":"2025-02-14"' "$tmp/seed.jsonl"; then ok; else bad "seed: publication date is not 2025-02-14"; fi

# "SOURCE TARGET CODE" per event (an empty target stays empty)
sed -nE 's/.*"source":"([^"]*)","target":("([^"]*)"|null),"code":"([^"]*)".*/\1 \3 \4/p' "$tmp/seed.jsonl" \
    >"$tmp/seed.triples"

US='(USA|USAGOV)'
RU='(RUS|RUSGOV|RUSMIL)'
UA='(UKR|UKRGOV|UKRMIL)'
CONSULT='(036|04[0-9]*)'

# seed WHAT ERE: some event's "SOURCE TARGET CODE" matches the extended regular expression.
seed() {
    if grep -E -q "$2" "$tmp/seed.triples"; then
        ok
    else
        bad "seed: no $1 event (pattern $2)"
        echo "corpus: the seed's events (source target code):"
        sed 's/^/    /' "$tmp/seed.triples"
    fi
}
seed "04x/036 between the US and Russia" "^$US $RU $CONSULT\$|^$RU $US $CONSULT\$"
seed "04x/036 between Zelensky (UKRGOV) and the US" "^UKRGOV $US $CONSULT\$|^$US UKRGOV $CONSULT\$"
seed "12x US -> Ukraine (NATO membership ruled out)" "^$US $UA 12[0-9]*\$"
seed "10x US -> Ukraine (demands)" "^$US $UA 10[0-9]*\$"
seed "03x Ukraine -> Russia (offer to exchange territory)" "^$UA $RU 03[0-9]*\$"
seed "19x between Ukraine and Russia (fighting)" "^$UA $RU 19[0-9]*\$|^$RU $UA 19[0-9]*\$"
# Trump is president in February 2025: no USAELI on the American side
if grep -q 'USAELI' "$tmp/seed.triples"; then
    bad "seed: an actor coded USAELI (Trump is USAGOV after 2025-01-20):"
    grep 'USAELI' "$tmp/seed.triples" | sed 's/^/    /'
else
    ok
fi

# ------------------------------------------------------------------ the development sets
# score_set NAME FLOOR: codes NAME.docs.jsonl, prints the evaluation and checks the floor
score_set() {
    name=$1; floor=$2
    if [ ! -f "$CORPUS/$name.docs.jsonl" ]; then
        echo "corpus: $name: skipped: $CORPUS/$name.docs.jsonl not present"
        return
    fi
    "$DYAD" code -q --dict dict "$CORPUS/$name.docs.jsonl" >"$tmp/$name.events.jsonl"
    rc=$?
    if [ "$rc" -eq 0 ]; then ok; else bad "$name: dyad code exit status $rc"; fi
    "$DYAD" eval "$CORPUS/$name.gold.jsonl" "$tmp/$name.events.jsonl" >"$tmp/eval.txt"
    rc=$?
    if [ "$rc" -eq 0 ]; then ok; else bad "$name: dyad eval exit status $rc"; fi
    sed 's/^/    /' "$tmp/eval.txt"
    # every document explained (the trace walks every stage's reasons): no crash, one report each
    "$DYAD" explain --dict dict "$CORPUS/$name.docs.jsonl" >"$tmp/explain.txt" 2>/dev/null
    rc=$?
    ndocs=$(grep -c . "$CORPUS/$name.docs.jsonl")
    nexp=$(grep -c '^document ' "$tmp/explain.txt")
    if [ "$rc" -eq 0 ] && [ "$nexp" -eq "$ndocs" ]; then ok; else bad "$name: dyad explain exit status $rc, $nexp of $ndocs documents"; fi
    f1=$(sed -nE 's/^country-root +P=[0-9.]+ +R=[0-9.]+ +F1=([0-9.]+).*/\1/p' "$tmp/eval.txt" | head -n 1)
    if [ -z "$f1" ]; then
        bad "$name: no country-root F1 in the evaluation report"
    elif awk -v f="$f1" -v floor="$floor" 'BEGIN { exit !(f + 0 >= floor + 0) }'; then
        echo "corpus: $name country-root F1 = $f1 (floor $floor)"
        ok
    else
        bad "$name: country-root F1 = $f1, below the floor $floor"
    fi
}
score_set dev "$F1_FLOOR"
score_set regions "$F1_FLOOR_REGIONS"

echo "corpus: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
