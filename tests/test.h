/*
 * test.h - the tiny unit-test harness of dyad's tests (one executable per stage).
 *
 * A test file defines `static void test_x(void)` functions and lists them in main() with RUN();
 * CHECK* macros count assertions; main ends with `return test_summary("stage");`, which prints
 * "stage: N passed, M failed" (the plain closing line CI reads) and returns the exit status.
 * SHARED_DIR() gives the path of ../shared (or $DYAD_SHARED) and tests that need it call
 * SKIP_IF_NO_SHARED() first, which prints why and counts the test as skipped.
 */
#ifndef DYAD_TEST_H
#define DYAD_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
