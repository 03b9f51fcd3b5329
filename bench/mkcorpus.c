/*
 * mkcorpus.c - builds the benchmark corpus: reads the articles of the given files (any format
 * dyad reads), counts each one's sentences by coding it once, and writes them round after round
 * as JSON Lines (one article per line, ids made unique with a "-rN" suffix) until the corpus has
 * at least TARGET sentences. Prints "ARTICLES SENTENCES BYTES" on stdout.
 *
 *   mkcorpus DICT_DIR OUT.jsonl TARGET FILE...
 */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct art {
    char *id, *date, *title, *text;
    size_t text_len, sentences;
} art;

static char *dupn(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (!p) { fprintf(stderr, "mkcorpus: out of memory\n"); exit(1); }
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static void put_json_string(FILE *f, const char *s, size_t n) {
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (c < 0x20) fprintf(f, "\\u%04x", c);
            else fputc(c, f);
        }
    }
    fputc('"', f);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: mkcorpus DICT_DIR OUT.jsonl TARGET_SENTENCES FILE...\n");
        return 2;
    }
    dyad_error err = {0};
    dyad_dict *d = dyad_dict_new();
    if (!d || dyad_dict_load_dir(d, argv[1], &err) != DYAD_OK || dyad_dict_compile(d, &err) != DYAD_OK) {
        fprintf(stderr, "mkcorpus: %s:%ld: %s\n", err.file, err.line, err.message);
        return 1;
    }
    size_t target = strtoul(argv[3], NULL, 10);
    dyad_doc *doc = dyad_doc_new();
    art *arts = NULL;
    size_t n = 0, cap = 0;
    for (int i = 4; i < argc; i++) {
        dyad_reader *r = dyad_reader_open(argv[i], DYAD_INPUT_AUTO, &err);
        if (!r) {
            fprintf(stderr, "mkcorpus: %s: %s\n", argv[i], err.message);
            return 1;
        }
        dyad_article a;
        int rc;
        while ((rc = dyad_reader_next(r, &a, &err)) != DYAD_EOF) {
            if (rc != DYAD_OK) continue;
            if (n == cap) {
                cap = cap ? 2 * cap : 64;
                arts = realloc(arts, cap * sizeof *arts);
                if (!arts) { fprintf(stderr, "mkcorpus: out of memory\n"); return 1; }
            }
            art *t = &arts[n];
            size_t body = a.body_start <= a.text_len ? a.body_start : a.text_len;
            t->id = dupn(a.id, strlen(a.id));
            t->date = dupn(a.date, strlen(a.date));
            t->title = dupn(a.title, strlen(a.title));
            t->text = dupn(a.text + body, a.text_len - body);
            t->text_len = a.text_len - body;
            /* count the sentences of the article exactly as it will be written */
            dyad_article w = {0};
            w.id = t->id;
            w.date = t->date;
            w.title = t->title;
            w.url = w.source = "";
            w.text = t->text;
            w.text_len = t->text_len;
            w.file = argv[i];
            w.line = 1;
            if (dyad_code(doc, d, &w, NULL, &err) != DYAD_OK) continue;
            t->sentences = dyad_doc_sentence_count(doc);
            if (!t->sentences) continue;
            n++;
        }
        dyad_reader_close(r);
    }
    if (!n) {
        fprintf(stderr, "mkcorpus: no articles with sentences\n");
        return 1;
    }
    FILE *f = fopen(argv[2], "w");
    if (!f) { perror(argv[2]); return 1; }
    size_t total = 0, written = 0;
    for (unsigned round = 1; total < target; round++) {
        for (size_t i = 0; i < n && total < target; i++) {
            fputs("{\"id\": ", f);
            char id[512];
            int k = snprintf(id, sizeof id, "%s-r%u", arts[i].id, round);
            put_json_string(f, id, k > 0 && (size_t)k < sizeof id ? (size_t)k : strlen(id));
            if (arts[i].date[0]) {
                fputs(", \"date\": ", f);
                put_json_string(f, arts[i].date, strlen(arts[i].date));
            }
            if (arts[i].title[0]) {
                fputs(", \"title\": ", f);
                put_json_string(f, arts[i].title, strlen(arts[i].title));
            }
            fputs(", \"text\": ", f);
            put_json_string(f, arts[i].text, arts[i].text_len);
            fputs("}\n", f);
            total += arts[i].sentences;
            written++;
        }
    }
    long bytes = ftell(f);
    if (fclose(f) != 0) { perror(argv[2]); return 1; }
    printf("%zu %zu %ld\n", written, total, bytes);
    for (size_t i = 0; i < n; i++) {
        free(arts[i].id);
        free(arts[i].date);
        free(arts[i].title);
        free(arts[i].text);
    }
    free(arts);
    dyad_doc_free(doc);
    dyad_dict_free(d);
    return 0;
}
