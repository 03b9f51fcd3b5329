/*
 * test_golden.c - the library's side of the golden tests: every example (each .md and .jsonl file
 * of examples/) is read with dyad_reader_open, coded with dyad_code against the project's
 * dict/ and written with dyad_write_events, and the result must equal, byte for byte, the expected
 * file that tests/golden.sh checks the CLI against (tests/golden/NAME.events.jsonl, and
 * tests/golden/ceasefire-talks.phoenix.tsv for the Phoenix format). Library and CLI are so held to
 * one truth; `sh tests/golden.sh --update` rewrites the expected files.
 */
#include "dyad.h"
#include "test.h"

#include <dirent.h>

static dyad_dict *D;

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    while (s) {
        if (n + 4096 > cap) {
            char *t = realloc(s, cap *= 2);
            if (!t) { free(s); s = NULL; break; }
            s = t;
        }
        size_t got = fread(s + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    if (s) s[n] = 0;
    *len = n;
    return s;
}

/* Codes every article of `path` into `out` as the CLI does; returns the number of failures. */
static int code_file(const char *path, dyad_format fmt, dyad_buf *out) {
    dyad_error err = {0};
    dyad_reader *r = dyad_reader_open(path, DYAD_INPUT_AUTO, &err);
    if (!r) {
        fprintf(stderr, "%s: %s: %s\n", t_cur_name, path, err.message);
        return 1;
    }
    dyad_doc *doc = dyad_doc_new();
    int failures = 0;
    dyad_article a;
    int rc;
    while ((rc = dyad_reader_next(r, &a, &err)) != DYAD_EOF) {
        if (rc != DYAD_OK || dyad_code(doc, D, &a, NULL, &err) != DYAD_OK) {
            fprintf(stderr, "%s: %s:%ld: %s\n", t_cur_name, err.file, err.line, err.message);
            failures++;
            continue;
        }
        if (dyad_write_events(doc, fmt, out) != DYAD_OK) failures++;
    }
    dyad_doc_free(doc);
    dyad_reader_close(r);
    return failures;
}

/* Compares `got` with the expected file; on a difference prints the first differing line. */
static void compare(const char *expected_path, const dyad_buf *got) {
    size_t n = 0;
    char *exp = slurp(expected_path, &n);
    if (!exp) {
        fprintf(stderr, "%s: no expected file %s (create it with: sh tests/golden.sh --update)\n", t_cur_name,
                expected_path);
        CHECK(exp != NULL);
        return;
    }
    const char *g = got->data ? got->data : "";
    int same = n == got->len && memcmp(exp, g, n) == 0;
    CHECK(same);
    if (!same) {
        size_t line = 1, i = 0;
        while (i < n && i < got->len && exp[i] == g[i]) line += exp[i++] == '\n';
        size_t start = i;
        while (start > 0 && exp[start - 1] != '\n') start--;
        size_t exp_end = start, got_end = start;
        while (exp_end < n && exp[exp_end] != '\n') exp_end++;
        while (got_end < got->len && g[got_end] != '\n') got_end++;
        fprintf(stderr, "%s: %s: first difference on line %zu\n  expected: %.*s\n  actual:   %.*s\n", t_cur_name,
                expected_path, line, (int)(exp_end - start), exp + start, (int)(got_end - start), g + start);
    }
    free(exp);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void test_examples(void) {
    DIR *dp = opendir("examples");
    CHECK(dp != NULL);
    if (!dp) return;
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(dp)) && n < 256) {
        const char *dot = strrchr(de->d_name, '.');
        if (de->d_name[0] != '.' && dot && (!strcmp(dot, ".md") || !strcmp(dot, ".jsonl")))
            names[n++] = strdup(de->d_name);
    }
    closedir(dp);
    qsort(names, n, sizeof *names, cmp_names);
    CHECK(n >= 2);
    for (size_t i = 0; i < n; i++) {
        char path[512], expected[512];
        snprintf(path, sizeof path, "examples/%s", names[i]);
        snprintf(expected, sizeof expected, "tests/golden/%.*s.events.jsonl",
                 (int)(strrchr(names[i], '.') - names[i]), names[i]);
        dyad_buf out = {0};
        CHECK_INT(code_file(path, DYAD_FORMAT_JSON, &out), 0);
        CHECK(out.len > 0);
        compare(expected, &out);
        dyad_buf_free(&out);
        free(names[i]);
    }
}

static void test_phoenix(void) {
    dyad_buf out = {0};
    CHECK_INT(code_file("examples/ceasefire-talks.md", DYAD_FORMAT_PHOENIX, &out), 0);
    compare("tests/golden/ceasefire-talks.phoenix.tsv", &out);
    dyad_buf_free(&out);
}

int main(void) {
    D = dyad_dict_new();
    dyad_error err = {0};
    if (!D || dyad_dict_load_dir(D, "dict", &err) != DYAD_OK || dyad_dict_compile(D, &err) != DYAD_OK) {
        fprintf(stderr, "golden-lib: cannot load dict/: %s:%ld: %s\n", err.file, err.line, err.message);
        t_failed++;
        dyad_dict_free(D);
        return test_summary("golden-lib");
    }
    RUN(test_examples);
    RUN(test_phoenix);
    dyad_dict_free(D);
    return test_summary("golden-lib");
}
