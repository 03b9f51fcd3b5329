#!/bin/sh
# fuzz/build.sh - builds the libFuzzer targets fuzz/fuzz_*.c into build-fuzz/, compiling the library
# sources (src/*.c) directly with clang and the sanitizers (ASan + UBSan, UBSan fatal).
#
#   fuzz/build.sh            build every target
#   FUZZ_CC=clang-15 fuzz/build.sh
#
# Exit status: 0 built, 3 the compiler has no libFuzzer runtime (message on stderr), 1 otherwise.
set -eu
cd "$(dirname "$0")/.."

CC=${FUZZ_CC:-clang}
OUT=build-fuzz
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
CFLAGS="-O1 -g -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter $SAN"
CPPFLAGS="-Iinclude -Isrc"
LIBS="-lz -lm"

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "fuzz/build.sh: $CC not found" >&2
    exit 3
fi

mkdir -p "$OUT/obj"

# Probe: can this compiler link a libFuzzer binary? (Debian: libclang-rt-14-dev)
probe="$OUT/probe.c"
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$probe"
if ! "$CC" -fsanitize=fuzzer,address,undefined "$probe" -o "$OUT/probe" >"$OUT/probe.log" 2>&1; then
    echo "fuzz/build.sh: $CC cannot link -fsanitize=fuzzer (is the compiler-rt package, e.g. libclang-rt-14-dev, installed?):" >&2
    sed -n 1,5p "$OUT/probe.log" >&2
    exit 3
fi
rm -f "$OUT/probe" "$OUT/probe.c" "$OUT/probe.log"

# The library, once, instrumented for coverage but without libFuzzer's main.
objs=""
for src in src/*.c; do
    obj="$OUT/obj/$(basename "$src" .c).o"
    rm -f "$obj"
    "$CC" $CFLAGS -fsanitize=fuzzer-no-link $CPPFLAGS -c "$src" -o "$obj" &
    objs="$objs $obj"
done
wait
for obj in $objs; do [ -f "$obj" ] || { echo "fuzz/build.sh: failed to build $obj" >&2; exit 1; }; done

for t in fuzz/fuzz_*.c; do
    name=$(basename "$t" .c)
    "$CC" $CFLAGS -fsanitize=fuzzer $CPPFLAGS "$t" $objs -o "$OUT/$name" $LIBS
done
echo "fuzz/build.sh: built $(ls fuzz/fuzz_*.c | wc -l) targets in $OUT/"
