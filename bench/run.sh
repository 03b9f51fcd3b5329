#!/bin/sh
# bench/run.sh BUILD_DIR - throughput and memory of dyad on a ~200,000-sentence corpus.
#
# 1. Builds the corpus in $BENCH_TMP (default /tmp/dyad-bench): the articles of examples/*.md,
#    examples/*.jsonl and, when present, ../shared/corpus/dev.docs.jsonl, repeated as JSON Lines
#    (one article per line, ids made unique) until it has BENCH_SENTENCES (200000) sentences.
# 2. Times `BUILD_DIR/dyad code --dict dict -q CORPUS > /dev/null` (wall time, peak RSS) and
#    `BUILD_DIR/dyad dict stats dict` (a proxy for the dictionary load time); the CLI runs
#    BENCH_RUNS (3) times and the median time is reported.
# 3. Builds bench/bench_code.c against BUILD_DIR/libdyad.a and runs it: the single-thread coder
#    without I/O, with the split between reading, dyad_code and writing.
set -eu
cd "$(dirname "$0")/.."

BUILD=${1:?usage: bench/run.sh BUILD_DIR}
TMP=${BENCH_TMP:-/tmp/dyad-bench}
TARGET=${BENCH_SENTENCES:-200000}
PASSES=${BENCH_PASSES:-3}
CC=${CC:-cc}
DICT=dict
for f in "$BUILD/dyad" "$BUILD/libdyad.a"; do
    [ -e "$f" ] || { echo "bench: $f missing (run make first)" >&2; exit 1; }
done
mkdir -p "$TMP"

CFLAGS="-O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra"
$CC $CFLAGS -Iinclude bench/mkcorpus.c "$BUILD/libdyad.a" -lz -lm -o "$TMP/mkcorpus"
$CC $CFLAGS -Iinclude bench/bench_code.c "$BUILD/libdyad.a" -lz -lm -o "$TMP/bench_code"

inputs=$(ls examples/*.md examples/*.jsonl 2>/dev/null || true)
[ -f ../shared/corpus/dev.docs.jsonl ] && inputs="$inputs ../shared/corpus/dev.docs.jsonl"
corpus=$TMP/corpus.jsonl
set -- $("$TMP/mkcorpus" "$DICT" "$corpus" "$TARGET" $inputs)
articles=$1 sentences=$2 bytes=$3

ns() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }

# peak RSS in MB of a command (stdout to /dev/null): /usr/bin/time -v, else VmHWM polled from /proc
peak_run() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$TMP/time.txt" "$@" >/dev/null
        awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$TMP/time.txt" >"$TMP/rss.txt"
    else
        "$@" >/dev/null &
        pid=$!
        hwm=0
        while kill -0 "$pid" 2>/dev/null; do
            v=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$v" ] && hwm=$v
            sleep 0.05
        done
        wait "$pid"
        awk -v k="$hwm" 'BEGIN { printf "%.1f", k / 1024 }' >"$TMP/rss.txt"
    fi
}

echo "bench: $(nproc 2>/dev/null || echo '?') cores; corpus $corpus: $articles articles, $sentences sentences, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB"

# dictionary load: best of 5 runs of `dyad dict stats`
best=""
for i in 1 2 3 4 5; do
    a=$(ns); "$BUILD/dyad" dict stats "$DICT" >/dev/null; b=$(ns)
    s=$(secs "$a" "$b")
    if [ -z "$best" ] || awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then best=$s; fi
done
peak_run "$BUILD/dyad" dict stats "$DICT"
dict_rss=$(cat "$TMP/rss.txt")

# the coder through the CLI: median wall time of BENCH_RUNS runs, the largest peak RSS
runs=${BENCH_RUNS:-3}
times="" rss=0
i=0
while [ "$i" -lt "$runs" ]; do
    a=$(ns)
    peak_run "$BUILD/dyad" code --dict "$DICT" -q "$corpus"
    b=$(ns)
    times="$times $(secs "$a" "$b")"
    rss=$(awk -v a="$rss" -v b="$(cat "$TMP/rss.txt")" 'BEGIN { print (b > a ? b : a) }')
    i=$((i + 1))
done
t=$(echo $times | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')

awk -v runs="$runs" -v times="$times" -v s="$sentences" -v t="$t" -v by="$bytes" -v rss="$rss" -v dt="$best" -v drss="$dict_rss" 'BEGIN {
    printf "dyad code (CLI, 1 thread, median of %d runs:%s s):\n", runs, times
    printf "  sentences      %d\n", s
    printf "  seconds        %.3f\n", t
    printf "  sentences/s    %.0f\n", s / t
    printf "  MB/s           %.2f (JSONL input)\n", by / 1e6 / t
    printf "  peak RSS       %.1f MB\n", rss
    printf "  dict load      %.3f s (dyad dict stats, best of 5; its peak RSS %.1f MB)\n", dt, drss
    printf "  targets        >= 100000 sentences/s per core, <= 32 MB peak RSS: speed %s, memory %s\n",
        (s / t >= 100000 ? "met" : "NOT met"), (rss <= 32 ? "met" : "NOT met")
}'
echo
"$TMP/bench_code" "$DICT" "$corpus" "$PASSES"
