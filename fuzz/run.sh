#!/bin/sh
# fuzz/run.sh SECONDS - builds the libFuzzer targets (fuzz/build.sh) and runs each of the five for
# SECONDS/5 seconds, seeded from fuzz/corpus/<target>/ (read-only; new inputs go to
# build-fuzz/corpus/<target>/). Prints one summary line per target. A crash, hang, leak or OOM
# leaves its reproducer in fuzz/crashes/ and makes the exit status 1. When clang or its libFuzzer
# runtime is missing it says why, prints "fuzz: skipped" and exits 0.
set -u
cd "$(dirname "$0")/.." || exit 1

total=${1:-60}
case "$total" in ''|*[!0-9]*) echo "usage: fuzz/run.sh SECONDS" >&2; exit 2 ;; esac
per=$((total / 5))
[ "$per" -ge 1 ] || per=1

fuzz/build.sh
rc=$?
if [ "$rc" -eq 3 ]; then
    echo "fuzz: skipped (no clang with a libFuzzer runtime; on Debian: apt-get install clang libclang-rt-14-dev)"
    exit 0
elif [ "$rc" -ne 0 ]; then
    echo "fuzz: build failed"
    exit 1
fi

mkdir -p fuzz/crashes
export DYAD_DICT="${DYAD_DICT:-dict}"
fail=0
for t in read dict dictfile code date; do
    bin=build-fuzz/fuzz_$t
    work=build-fuzz/corpus/$t
    log=build-fuzz/fuzz_$t.log
    mkdir -p "$work"
    case $t in code|read) maxlen=65536 ;; *) maxlen=4096 ;; esac
    seeds=""
    [ -d fuzz/corpus/$t ] && seeds=fuzz/corpus/$t
    before=$(ls fuzz/crashes 2>/dev/null | wc -l)
    "$bin" -max_total_time="$per" -rss_limit_mb=2048 -max_len="$maxlen" -timeout=20 \
        -print_final_stats=1 -artifact_prefix="fuzz/crashes/$t-" "$work" $seeds >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1 | sed 's/cov: //')
    corp=$(grep -Eo 'corp: [0-9]+' "$log" | tail -n 1 | sed 's/corp: //')
    if [ "$status" -eq 0 ]; then
        echo "fuzz_$t: ok, ${runs:-?} runs in ${per}s, cov ${cov:-?}, corpus ${corp:-?}"
    else
        fail=1
        art=$(ls -t fuzz/crashes 2>/dev/null | head -n 1)
        after=$(ls fuzz/crashes 2>/dev/null | wc -l)
        what=$(grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -n 1 | cut -c1-160)
        if [ "$after" -gt "$before" ]; then
            echo "fuzz_$t: FAILED (exit $status) after ${runs:-?} runs: ${what:-see $log}; reproducer fuzz/crashes/$art"
        else
            echo "fuzz_$t: FAILED (exit $status): ${what:-see $log}"
        fi
    fi
done
if [ "$fail" -ne 0 ]; then
    echo "fuzz: FAILED (logs in build-fuzz/, reproduce with build-fuzz/fuzz_TARGET fuzz/crashes/FILE)"
    exit 1
fi
rmdir fuzz/crashes 2>/dev/null
echo "fuzz: ok"
