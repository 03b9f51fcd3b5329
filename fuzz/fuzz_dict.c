/*
 * fuzz_dict.c - libFuzzer target: the dictionary parsers and compiler. The input is loaded with
 * dyad_dict_load_buffer as an .actors, an .agents, a .verbs and a .confidence file (four fresh
 * dictionaries);
 * each is then compiled (even after a load error: the entries read before it are kept), linted
 * with dyad_dict_check and its statistics read.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;

static void one(const char *buf, size_t len, dyad_dict_kind kind, const char *name) {
    dyad_dict *d = dyad_dict_new();
    if (!d) return;
    dyad_error err = {0};
    int rc = dyad_dict_load_buffer(d, name, buf, len, kind, &err);
    if (rc > 0) abort();
    sink += strnlen(err.message, sizeof err.message);
    memset(&err, 0, sizeof err);
    if (dyad_dict_compile(d, &err) == DYAD_OK) {
        dyad_buf report = {0};
        size_t n = dyad_dict_check(d, &report);
        if (n && !report.len) abort(); /* one line per finding */
        if (report.len && strlen(report.data) != report.len) abort();
        dyad_dict_stats st;
        dyad_dict_get_stats(d, &st);
        sink += n + st.words + st.patterns;
        dyad_buf_free(&report);
    }
    dyad_dict_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *buf = (const char *)data;
    one(buf, size, DYAD_DICT_ACTORS, "fuzz.actors");
    one(buf, size, DYAD_DICT_AGENTS, "fuzz.agents");
    one(buf, size, DYAD_DICT_VERBS, "fuzz.verbs");
    one(buf, size, DYAD_DICT_CONFIDENCE, "fuzz.confidence");
    return 0;
}
