/*
 * test.h - the tiny unit-test harness of dyad's tests (one executable per stage).
 *
 * A test file defines `static void test_x(void)` functions and lists them in main() with RUN();
 * CHECK* macros count assertions; main ends with `return test_summary("stage");`, which prints
 * "stage: N passed, M failed" (the plain closing line CI reads) and returns the exit status.
 * SHARED_DIR() gives the path of ../shared (or $DYAD_SHARED) and tests that need it call
 * SKIP_IF_NO_SHARED() first, which prints why and counts the test as skipped. t_dict builds a
 * test's dictionary from inline buffers and t_repeat its pathological inputs.
 */
#ifndef DYAD_TEST_H
#define DYAD_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dyad.h"

static int t_passed, t_failed, t_skipped, t_cur_failed;
static const char *t_cur_name;

#define CHECK(cond) do { if (cond) { t_passed++; } else { t_failed++; t_cur_failed = 1; \
    fprintf(stderr, "%s:%d: %s: CHECK failed: %s\n", __FILE__, __LINE__, t_cur_name, #cond); } } while (0)

#define CHECK_INT(a, b) do { long long _a = (long long)(a), _b = (long long)(b); if (_a == _b) { t_passed++; } else { \
    t_failed++; t_cur_failed = 1; fprintf(stderr, "%s:%d: %s: %s == %lld, expected %lld\n", __FILE__, __LINE__, \
    t_cur_name, #a, _a, _b); } } while (0)

#define CHECK_STR(a, b) do { const char *_a = (a), *_b = (b); if (_a && _b && strcmp(_a, _b) == 0) { t_passed++; } \
    else { t_failed++; t_cur_failed = 1; fprintf(stderr, "%s:%d: %s: %s == \"%s\", expected \"%s\"\n", __FILE__, \
    __LINE__, t_cur_name, #a, _a ? _a : "(null)", _b ? _b : "(null)"); } } while (0)

/* A dictionary made of inline buffers for a test: kinds[i] names buffer texts[i] by its ending
 * ("t.actors", "t.verbs", ...), n buffers; compiled. NULL, with the error printed, if any fails. */
static inline dyad_dict *t_dict(const char *const *names, const char *const *texts, size_t n) {
    dyad_dict *d = dyad_dict_new();
    dyad_error err = {0};
    if (!d) return NULL;
    for (size_t i = 0; i < n; i++)
        if (dyad_dict_load_buffer(d, names[i], texts[i], strlen(texts[i]), DYAD_DICT_AUTO, &err)) goto fail;
    if (dyad_dict_compile(d, &err) == DYAD_OK) return d;
fail:
    fprintf(stderr, "t_dict: %s:%ld: %s\n", err.file, err.line, err.message);
    dyad_dict_free(d);
    return NULL;
}

/* `unit` repeated `times` times, then `tail` (malloc'd; NULL when out of memory): pathological input. */
static inline char *t_repeat(const char *unit, size_t times, const char *tail) {
    size_t ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(ul * times + tl + 1);
    if (!s) return NULL;
    for (size_t i = 0; i < times; i++) memcpy(s + i * ul, unit, ul);
    memcpy(s + ul * times, tail, tl + 1);
    return s;
}

#define RUN(fn) do { t_cur_name = #fn; t_cur_failed = 0; fn(); } while (0)

static inline const char *SHARED_DIR(void) {
    const char *e = getenv("DYAD_SHARED");
    return e && *e ? e : "../shared";
}

static inline int shared_present(void) {
    struct stat st;
    return stat(SHARED_DIR(), &st) == 0 && S_ISDIR(st.st_mode);
}

#define SKIP_IF_NO_SHARED() do { if (!shared_present()) { t_skipped++; \
    fprintf(stderr, "%s: skipped: %s not present (reference corpus is outside the project)\n", t_cur_name, \
    SHARED_DIR()); return; } } while (0)

static inline int test_summary(const char *stage) {
    if (t_skipped)
        printf("%s: %d passed, %d failed, %d skipped\n", stage, t_passed, t_failed, t_skipped);
    else
        printf("%s: %d passed, %d failed\n", stage, t_passed, t_failed);
    return t_failed ? 1 : 0;
}

#endif
