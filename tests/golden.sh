#!/bin/sh
# tests/golden.sh - golden tests of the dyad CLI: every example (examples/*.md, examples/*.jsonl)
# is coded with the project's dictionaries and compared byte for byte with its expected events in
# tests/golden/NAME.events.jsonl; also the Phoenix format, `dyad explain --text`, usage errors
# (exit 2), a missing input file and a malformed JSON Lines record (file:line on stderr, the other
# documents still coded, exit 1), the closing summary line, standard input, gzip input and -o.
# Then runs tests/corpus.sh (the reference corpus, when ../shared is present) and adds its counts.
# The last line is "golden: N passed, M failed[, K skipped]" (tests/run.sh reads it); the exit
# status is non-zero when anything failed.
#
# usage: sh tests/golden.sh [--update] [BUILD]
#   BUILD     the build directory holding the dyad binary (default: build)
#   --update  rewrite the expected files in tests/golden/ from the current output (then review
#             the change with `git diff tests/golden/` before committing it)
# Needs only a POSIX shell, cmp, diff, grep, sed, awk and (optionally) gzip.

UPDATE=0
BUILD=build
for arg in "$@"; do
    case $arg in
    --update) UPDATE=1 ;;
    -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "golden.sh: unknown option $arg" >&2; exit 2 ;;
    *) BUILD=$arg ;;
    esac
done
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
cd "$(dirname "$0")/.." || exit 2
DYAD=$BUILD/dyad
GOLD=tests/golden
DICT=dict

pass=0
fail=0
skip=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "golden: FAIL: $*"; }

if [ ! -x "$DYAD" ]; then
    echo "golden: $DYAD is not built"
    echo "golden: 0 passed, 1 failed"
    exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP PIPE
# compiled dictionaries are cached here, not in the user's ~/.cache (the first run fills it)
export DYAD_CACHE="$tmp/cache"

# compare NAME ACTUAL: ACTUAL must equal tests/golden/NAME byte for byte (--update rewrites it).
compare() {
    exp=$GOLD/$1
    if [ "$UPDATE" -eq 1 ]; then
        mkdir -p "$GOLD"
        if [ ! -f "$exp" ] || ! cmp -s "$2" "$exp"; then
            cp "$2" "$exp" && echo "golden: updated $exp"
        fi
        ok
        return
    fi
    if [ ! -f "$exp" ]; then
        bad "$1: no expected file $exp (create it with: sh tests/golden.sh --update)"
    elif cmp -s "$2" "$exp"; then
        ok
    else
        bad "$1: output differs from $exp (- expected, + actual):"
        diff -u "$exp" "$2" | sed -n '3,30p'
    fi
}

# same NAME ACTUAL: like compare, but never rewrites (a second route to the same expected output).
same() {
    exp=$GOLD/$1
    if [ ! -f "$exp" ]; then
        bad "$1: no expected file $exp (create it with: sh tests/golden.sh --update)"
    elif cmp -s "$2" "$exp"; then
        ok
    else
        bad "$1 (${3:-another route}): output differs from $exp (- expected, + actual):"
        diff -u "$exp" "$2" | sed -n '3,30p'
    fi
}

# status WHAT EXPECTED ACTUAL
status() {
    if [ "$3" -eq "$2" ]; then ok; else bad "$1: exit status $3, expected $2"; fi
}

# has WHAT FILE FIXED-STRING: FILE contains the string.
has() {
    if grep -F -q -e "$3" "$2"; then ok; else bad "$1: no '$3' in:"; sed 's/^/    /' "$2" | head -n 10; fi
}

# ------------------------------------------------------------------ the examples, JSON Lines
for f in examples/*.md examples/*.jsonl; do
    [ -f "$f" ] || continue
    base=${f##*/}
    name=${base%.*}
    "$DYAD" code --dict "$DICT" "$f" >"$tmp/$name.out" 2>"$tmp/$name.err"
    status "code $f" 0 $?
    compare "$name.events.jsonl" "$tmp/$name.out"
    # the closing summary: every document read was coded
    if grep -E -q '^dyad: ([0-9]+) documents read, \1 coded, 0 failed; [0-9]+ sentences; [0-9]+ events' "$tmp/$name.err"
    then ok; else bad "code $f: summary line:"; cat "$tmp/$name.err"; fi
done

# a summary with known numbers
"$DYAD" code --dict "$DICT" examples/wire.jsonl >/dev/null 2>"$tmp/sum.err"
has "summary of wire.jsonl" "$tmp/sum.err" "dyad: 3 documents read, 3 coded, 0 failed;"
# -q: no summary
"$DYAD" code -q --dict "$DICT" examples/wire.jsonl >/dev/null 2>"$tmp/quiet.err"
status "code -q" 0 $?
if [ -s "$tmp/quiet.err" ]; then bad "code -q printed to stderr:"; cat "$tmp/quiet.err"; else ok; fi

# ------------------------------------------------------------------ Phoenix format
"$DYAD" code -q --dict "$DICT" --format phoenix examples/ceasefire-talks.md >"$tmp/phoenix.tsv"
status "code --format phoenix" 0 $?
compare "ceasefire-talks.phoenix.tsv" "$tmp/phoenix.tsv"
cols=$(awk -F '\t' 'NF != 26 { print NR ": " NF " columns" }' "$tmp/phoenix.tsv")
if [ -z "$cols" ] && [ -s "$tmp/phoenix.tsv" ]; then ok; else bad "phoenix: not 26 columns per line: $cols"; fi

# ------------------------------------------------------------------ explain
"$DYAD" explain --dict "$DICT" --date 2022-05-16 --text "U.S. Secretary of State Antony Blinken accused Moscow of war crimes on Friday." \
    >"$tmp/explain.txt" 2>"$tmp/explain.err"
status "explain --text" 0 $?
compare "explain.txt" "$tmp/explain.txt"
has "explain --text" "$tmp/explain.txt" "EVENT"

# ------------------------------------------------------------------ usage errors: exit 2
usage_error() { # WHAT ARGS...
    what=$1
    shift
    "$DYAD" "$@" >"$tmp/usage.out" 2>"$tmp/usage.err"
    status "usage error ($what)" 2 $?
    if grep -q '^usage: dyad' "$tmp/usage.err" && [ ! -s "$tmp/usage.out" ]; then ok
    else bad "usage error ($what): no usage on stderr, or output on stdout"; fi
}
usage_error "no arguments"
usage_error "unknown command" frobnicate
usage_error "unknown option" code --dict "$DICT" --frobnicate examples/wire.jsonl
usage_error "bad --date" code --dict "$DICT" --date 2025-13-45 examples/wire.jsonl
usage_error "--date not a date" code --dict "$DICT" --date yesterday examples/wire.jsonl
usage_error "no input files" code --dict "$DICT"
usage_error "bad --format" code --dict "$DICT" --format xml examples/wire.jsonl
usage_error "option without its value" code --dict "$DICT" examples/wire.jsonl --date

# ------------------------------------------------------------------ failures: file:line, exit 1
# a JSON Lines file whose second record is malformed, and a file that does not exist
{
    sed -n 1p examples/wire.jsonl
    echo '{"id": "broken", "date": "2023-03-21", "text": "no closing brace"'
    sed -n 3p examples/wire.jsonl
} >"$tmp/mixed.jsonl"
"$DYAD" code --dict "$DICT" "$tmp/missing.md" "$tmp/mixed.jsonl" >"$tmp/mixed.out" 2>"$tmp/mixed.err"
status "missing file + malformed record" 1 $?
has "missing file" "$tmp/mixed.err" "dyad: $tmp/missing.md: "
has "malformed record" "$tmp/mixed.err" "dyad: $tmp/mixed.jsonl:2: "
has "failure summary" "$tmp/mixed.err" "documents read, 2 coded, 2 failed;"
# the other documents are still coded, exactly as when they are alone
if [ -f "$GOLD/wire.events.jsonl" ]; then
    grep -E '^\{"doc":"wire-00[13]"' "$GOLD/wire.events.jsonl" >"$tmp/mixed.expected"
    if [ -s "$tmp/mixed.expected" ] && cmp -s "$tmp/mixed.expected" "$tmp/mixed.out"; then ok
    else bad "the good records of mixed.jsonl are not coded as in $GOLD/wire.events.jsonl"
        diff "$tmp/mixed.expected" "$tmp/mixed.out" | head -n 10; fi
else
    bad "no $GOLD/wire.events.jsonl to compare the good records with"
fi
# a dictionary directory that does not exist
"$DYAD" code --dict "$tmp/nodict" examples/wire.jsonl >"$tmp/nodict.out" 2>"$tmp/nodict.err"
status "missing dictionary" 1 $?
has "missing dictionary" "$tmp/nodict.err" "$tmp/nodict"

# ------------------------------------------------------------------ standard input, -o, gzip
"$DYAD" code -q --dict "$DICT" --input jsonl - <examples/wire.jsonl >"$tmp/stdin.out"
status "code - (stdin)" 0 $?
same "wire.events.jsonl" "$tmp/stdin.out" "stdin"
# a text article from stdin is the same article, named "stdin"
"$DYAD" code -q --dict "$DICT" - <examples/ceasefire-talks.md | sed 's/^{"doc":"stdin",/{"doc":"ceasefire-talks",/' \
    >"$tmp/stdin-md.out"
same "ceasefire-talks.events.jsonl" "$tmp/stdin-md.out" "stdin"
"$DYAD" code -q --dict "$DICT" -o "$tmp/o.jsonl" examples/wire.jsonl >"$tmp/o.stdout"
status "code -o" 0 $?
if [ -s "$tmp/o.stdout" ]; then bad "code -o wrote to stdout"; else ok; fi
same "wire.events.jsonl" "$tmp/o.jsonl" "-o FILE"
if command -v gzip >/dev/null 2>&1; then
    mkdir "$tmp/gz"
    gzip -c examples/wire.jsonl >"$tmp/gz/wire.jsonl.gz"
    gzip -c examples/ceasefire-talks.md >"$tmp/gz/ceasefire-talks.md.gz"
    "$DYAD" code -q --dict "$DICT" "$tmp/gz/wire.jsonl.gz" >"$tmp/gz/wire.out"
    status "code FILE.jsonl.gz" 0 $?
    same "wire.events.jsonl" "$tmp/gz/wire.out" "gzip file"
    "$DYAD" code -q --dict "$DICT" "$tmp/gz/ceasefire-talks.md.gz" >"$tmp/gz/ct.out"
    same "ceasefire-talks.events.jsonl" "$tmp/gz/ct.out" "gzip file"
    gzip -c <examples/wire.jsonl | "$DYAD" code -q --dict "$DICT" --input jsonl - >"$tmp/gz/stdin.out"
    same "wire.events.jsonl" "$tmp/gz/stdin.out" "gzip stdin"
else
    echo "golden: skipped: gzip input (no gzip on this machine)"
    skip=$((skip + 1))
fi

# ------------------------------------------------------------------ compiled dictionaries
# the cache (filled by the runs above) and a file from `dyad dict compile` code as the text does
if ls "$tmp/cache"/*.dyc >/dev/null 2>&1; then ok; else bad "no compiled dictionary in the cache $tmp/cache"; fi
DYAD_CACHE=off "$DYAD" code -q --dict "$DICT" examples/wire.jsonl >"$tmp/nocache.out" 2>"$tmp/nocache.err"
same "wire.events.jsonl" "$tmp/nocache.out" "no cache"
"$DYAD" dict compile "$DICT" -o "$tmp/d.dyc" 2>"$tmp/compile.err"
has "dict compile" "$tmp/compile.err" "compiled to $tmp/d.dyc"
"$DYAD" code -q --dict "$tmp/d.dyc" examples/wire.jsonl >"$tmp/dyc.out" 2>"$tmp/dyc.err"
same "wire.events.jsonl" "$tmp/dyc.out" "compiled file"
head -c 5000 "$tmp/d.dyc" >"$tmp/short.dyc"
"$DYAD" code -q --dict "$tmp/short.dyc" examples/wire.jsonl >"$tmp/short.out" 2>"$tmp/short.err"
src=$?
if [ "$src" -ne 0 ] && [ ! -s "$tmp/short.out" ]; then ok; else bad "a truncated compiled file was accepted (exit $src)"; fi
has "truncated compiled file" "$tmp/short.err" "dyad: $tmp/short.dyc: "

# ------------------------------------------------------------------ the reference corpus
if [ -f tests/corpus.sh ]; then
    sh tests/corpus.sh "$BUILD" >"$tmp/corpus.out" 2>&1
    crc=$?
    cat "$tmp/corpus.out"
    line=$(grep -E '^corpus: [0-9]+ passed, [0-9]+ failed' "$tmp/corpus.out" | tail -n 1)
    if [ -n "$line" ]; then
        p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
        f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
        s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
        pass=$((pass + p))
        fail=$((fail + f))
        skip=$((skip + ${s:-0}))
        if [ "$crc" -ne 0 ] && [ "$f" -eq 0 ]; then bad "corpus.sh: exit status $crc"; fi
    else
        bad "corpus.sh printed no summary (exit $crc)"
    fi
fi

if [ "$skip" -gt 0 ]; then echo "golden: $pass passed, $fail failed, $skip skipped"
else echo "golden: $pass passed, $fail failed"; fi
[ "$fail" -eq 0 ]
