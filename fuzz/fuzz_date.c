/*
 * fuzz_date.c - libFuzzer target: dyad_parse_date over the input bytes (not NUL-terminated).
 * On success the result must be a real "YYYY-MM-DD" day with the year in 1800..2100, as dates.c
 * promises; otherwise the status must be DYAD_ERR_DATE.
 */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int dig(char c) { return c >= '0' && c <= '9'; }

static void check(const char out[11]) {
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (out[i] != '-') abort();
        } else if (!dig(out[i])) {
            abort();
        }
    }
    if (out[10] != 0) abort();
    int y = (out[0] - '0') * 1000 + (out[1] - '0') * 100 + (out[2] - '0') * 10 + (out[3] - '0');
    int m = (out[5] - '0') * 10 + (out[6] - '0');
    int d = (out[8] - '0') * 10 + (out[9] - '0');
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) abort();
    if (d > len[m - 1] + (m == 2 && leap)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char out[11];
    memset(out, 'x', sizeof out);
    int rc = dyad_parse_date((const char *)data, size, out);
    if (rc == DYAD_OK) check(out);
    else if (rc != DYAD_ERR_DATE) abort();
    return 0;
}
