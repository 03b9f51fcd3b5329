/*
 * fuzz_read.c - libFuzzer target: the three article readers (TEXT, JSONL, XML) over the input
 * bytes through dyad_reader_open_buffer, reading every article and touching every field.
 *
 * The input is handed to each reader in turn, not NUL-terminated (readers must honour `len`).
 * A reader that hands over more records than the input has bytes is stuck: that aborts.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;

/* Reads a whole NUL-terminated string so that ASan sees every byte of it. */
static size_t touch(const char *s) {
    if (!s) abort(); /* the API promises "" rather than NULL */
    return strlen(s);
}

static void read_all(const char *buf, size_t len, dyad_input_format fmt, const char *name) {
    dyad_error err = {0};
    dyad_reader *r = dyad_reader_open_buffer(buf, len, name, fmt, &err);
    if (!r) return;
    size_t records = 0, bad = 0, acc = 0;
    for (;;) {
        dyad_article a;
        memset(&err, 0, sizeof err);
        int rc = dyad_reader_next(r, &a, &err);
        if (rc == DYAD_EOF) break;
        if (++records > len + 2) {
            fprintf(stderr, "fuzz_read: reader (format %d) makes no progress\n", (int)fmt);
            abort();
        }
        if (rc != DYAD_OK) {
            if (rc > 0) abort(); /* only DYAD_OK, DYAD_EOF or a negative status */
            bad++;
            acc += strnlen(err.message, sizeof err.message) + strnlen(err.file, sizeof err.file);
            continue;
        }
        acc += touch(a.id) + touch(a.date) + touch(a.title) + touch(a.url) + touch(a.source) + touch(a.file);
        if (!a.text && a.text_len) abort();
        if (a.body_start > a.text_len) abort();
        for (size_t i = 0; i < a.text_len; i++) acc += (unsigned char)a.text[i];
        size_t dl = strlen(a.date);
        if (dl != 0 && dl != 10) abort(); /* "YYYY-MM-DD" or "" */
    }
    if (dyad_reader_failures(r) != bad) abort();
    dyad_reader_close(r);
    sink += acc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *buf = (const char *)data;
    read_all(buf, size, DYAD_INPUT_TEXT, "fuzz.md");
    read_all(buf, size, DYAD_INPUT_JSONL, "fuzz.jsonl");
    read_all(buf, size, DYAD_INPUT_XML, "fuzz.xml");
    return 0;
}
