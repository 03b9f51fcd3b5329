/*
 * fuzz_dictfile.c - libFuzzer target: the compiled-dictionary loader (src/dictfile.c). A small
 * dictionary (actors, agents, verbs with patterns, places with coordinates) is compiled and saved
 * once; each input is a list of 5-byte patches (a 4-byte offset into the file, taken modulo its
 * size, and the byte to put there) applied to a copy. The first input byte chooses whether the
 * copy's checksum is recomputed (so the index validation is reached) or left stale (so the
 * checksum must refuse it). The copy is loaded with dyad_dict_load_compiled; whatever loads is
 * linted and codes a short article. A load must fail cleanly or give a dictionary that works.
 */
#include "engine.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;
static char *base_file;
static size_t base_len;
static char path[64];

static const char ACTORS[] = "RUSSIA [RUS]\n+RUSSIAN\nUKRAINE [UKR]\nVLADIMIR_PUTIN\n+PUTIN\n [RUSELI <19991230]\n"
                             " [RUSGOV >19991231]\nMOSCOW [RUSGOV]\n";
static const char AGENTS[] = "TROOP [~MIL]\nPOLICE [~COP]\nPRESIDENT [~GOV]\n";
static const char VERBS[] = "--- ATTACK [190] ---\nATTACK\n- * WITH ARTILLERY + [194]\nMEET [040] {MET MEETS MEETING}\n"
                            "- * WITH + [040]\n@CLASH [190:mutual]\n- * WITH + [190:mutual]\n";
static const char PLACES[] = "KHARKIV [UKR] @49.99,36.23\n+KHARKOV\nVICTORIA [AUS] @-37.81,144.96\n[CAN] @48.43,-123.37\n";
static const char TEXT[] = "Russian troops attacked Kharkiv with artillery. Putin met the president of Ukraine in "
                           "Moscow. Police clashed with protesters in Victoria.";

static void setup(void) {
    dyad_dict *d = dyad_dict_new();
    dyad_error err = {0};
    if (!d || dyad_dict_load_buffer(d, "f.actors", ACTORS, strlen(ACTORS), DYAD_DICT_AUTO, &err) ||
        dyad_dict_load_buffer(d, "f.agents", AGENTS, strlen(AGENTS), DYAD_DICT_AUTO, &err) ||
        dyad_dict_load_buffer(d, "f.verbs", VERBS, strlen(VERBS), DYAD_DICT_AUTO, &err) ||
        dyad_dict_load_buffer(d, "f.places", PLACES, strlen(PLACES), DYAD_DICT_AUTO, &err) ||
        dyad_dict_compile(d, &err))
        abort();
    snprintf(path, sizeof path, "/tmp/fuzz_dictfile_%ld.dyc", (long)getpid());
    if (dyad_dict_save(d, path, &err)) abort();
    dyad_dict_free(d);
    FILE *f = fopen(path, "rb");
    if (!f) abort();
    fseek(f, 0, SEEK_END);
    base_len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    base_file = malloc(base_len);
    if (!base_file || fread(base_file, 1, base_len, f) != base_len) abort();
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!base_file) setup();
    char *copy = malloc(base_len);
    if (!copy) return 0;
    memcpy(copy, base_file, base_len);
    for (size_t i = 1; i + 5 <= size; i += 5) {
        uint32_t off;
        memcpy(&off, data + i, 4);
        copy[off % base_len] = (char)data[i + 4];
    }
    if (size && !(data[0] & 1)) dy_dictfile_reseal(copy, base_len);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(copy, 1, base_len, f) != base_len) abort();
    fclose(f);
    free(copy);
    dyad_dict *d = dyad_dict_new();
    if (!d) return 0;
    dyad_error err = {0};
    int rc = dyad_dict_load_compiled(d, path, &err);
    if (rc > 0) abort();
    if (rc == DYAD_OK) {
        dyad_buf report = {0};
        sink += dyad_dict_check(d, &report);
        dyad_buf_free(&report);
        dyad_doc *doc = dyad_doc_new();
        dyad_article a;
        memset(&a, 0, sizeof a);
        a.id = "f";
        a.date = "2024-05-01";
        a.text = TEXT;
        a.text_len = strlen(TEXT);
        if (doc && dyad_code(doc, d, &a, NULL, &err) == DYAD_OK) {
            dyad_buf out = {0};
            dyad_write_events(doc, DYAD_FORMAT_JSON, &out);
            sink += out.len;
            dyad_buf_free(&out);
        }
        dyad_doc_free(doc);
    } else {
        sink += strnlen(err.message, sizeof err.message);
    }
    dyad_dict_free(d);
    return 0;
}
