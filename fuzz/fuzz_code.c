/*
 * fuzz_code.c - libFuzzer target: the coder. The project's dictionaries are loaded once (from
 * $DYAD_DICT, else "dict" relative to the working directory); each input is the text of one
 * article (not NUL-terminated) with a fixed publication date, coded with dyad_code into a document
 * that is reused from one input to the next, with the trace on when the first byte is odd; the
 * sentences, events and trace are read and the events written in both formats.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_dict *dict;
static dyad_doc *doc;
static dyad_buf out;
static volatile size_t sink;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    const char *dir = getenv("DYAD_DICT");
    if (!dir || !*dir) dir = "dict";
    dyad_error err = {0};
    dict = dyad_dict_new();
    doc = dyad_doc_new();
    if (!dict || !doc) {
        fprintf(stderr, "fuzz_code: out of memory\n");
        exit(2);
    }
    if (dyad_dict_load_dir(dict, dir, &err) != DYAD_OK || dyad_dict_compile(dict, &err) != DYAD_OK) {
        fprintf(stderr, "fuzz_code: cannot load dictionary %s: %s:%ld: %s\n", dir, err.file, err.line, err.message);
        exit(2);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "fuzz";
    a.date = "2022-05-16";
    a.title = a.url = a.source = "";
    a.text = (const char *)data;
    a.text_len = size;
    a.body_start = 0;
    a.file = "fuzz";
    a.line = 1;
    /* the first byte also switches the implicit-role frames off or on */
    dyad_options opt = {NULL, size > 0 && (data[0] & 1), size > 0 && (data[0] & 2) ? DYAD_FRAME_ALL : 0};
    dyad_error err = {0};
    if (dyad_code(doc, dict, &a, &opt, &err) != DYAD_OK) abort(); /* the date is well formed */

    size_t acc = 0, len = 0;
    const char *text = dyad_doc_text(doc, &len);
    if (len != size || (size && memcmp(text, data, size) != 0)) abort();
    acc += strlen(dyad_doc_id(doc)) + strlen(dyad_doc_date(doc));
    size_t ns = dyad_doc_sentence_count(doc);
    for (size_t i = 0; i < ns; i++) {
        dyad_span s = dyad_doc_sentence_span(doc, i);
        if (s.start > s.end || s.end > size) abort();
        acc += strlen(dyad_doc_sentence_text(doc, i));
    }
    size_t ne = dyad_doc_event_count(doc);
    for (size_t i = 0; i < ne; i++) {
        const dyad_event *e = dyad_doc_event(doc, i);
        if (!e || !e->cameo || e->sentence >= ns) abort();
        if (!memchr(e->source, 0, sizeof e->source) || !memchr(e->target, 0, sizeof e->target) ||
            !memchr(e->code, 0, sizeof e->code) || !memchr(e->date, 0, sizeof e->date))
            abort();
        const dyad_span sp[3] = {e->source_span, e->verb_span, e->target_span};
        for (int k = 0; k < 3; k++)
            if (sp[k].start > sp[k].end || sp[k].end > size) abort();
        acc += strlen(dyad_modality_name(e->modality)) + e->rule_line;
        if (e->rule_file) acc += strlen(e->rule_file);
    }
    if (opt.trace) acc += strlen(dyad_doc_trace(doc));
    acc += dyad_doc_invalid_bytes(doc);

    dyad_buf_clear(&out);
    if (dyad_write_events(doc, DYAD_FORMAT_JSON, &out) != DYAD_OK) abort();
    if (out.len && strlen(out.data) != out.len) abort(); /* no NUL inside the JSON */
    acc += out.len;
    dyad_buf_clear(&out);
    if (dyad_write_events(doc, DYAD_FORMAT_PHOENIX, &out) != DYAD_OK) abort();
    acc += out.len;
    sink += acc;
    return 0;
}
