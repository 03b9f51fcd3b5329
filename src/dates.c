/*
 * dates.c - calendar arithmetic and the parsing of publication dates written in any common form.
 *
 * Algorithm: days are counted from 1970-01-01 in the proleptic Gregorian calendar with Howard
 * Hinnant's era-based formulas (400-year eras of 146097 days), so conversion both ways is O(1)
 * with no tables and no time.h. dyad_parse_date walks the string once with a cursor: an optional
 * weekday, then one of three shapes - numeric year first (2025-02-14, 2025/02/14, 20250214),
 * textual month (14 Feb. 2025, 14th of February 2025, February 14th, 2025, Feb 14 2025), or
 * numeric day first (14/02/2025, 14.02.2025) - then an optional time of day and zone
 * ("T10:00:00Z", " 10:00 GMT", ", 3:45 p.m. EST", " - 10:00", "+01:00"), which is validated and
 * ignored: the
 * date is the one written, not converted to UTC. The day must exist (month lengths, leap years)
 * and the year must lie in 1800..2100.
 */
#include "internal.h"

#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (any year). */
int32_t dy_days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                                   /* [0, 399] */
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return (int32_t)(era * 146097 + doe - 719468);
}

/* The civil date of a day count (inverse of dy_days_from_civil). */
void dy_civil_from_days(int32_t z, int *y, int *m, int *d) {
    long zz = (long)z + 719468;
    long era = (zz >= 0 ? zz : zz - 146096) / 146097;
    long doe = zz - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yoe + era * 400 + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

/* 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday). */
int dy_weekday(int32_t days) {
    return days >= -4 ? (int)((days + 4) % 7) : (int)((days + 5) % 7 + 6);
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int dy_days_in_month(int y, int m) {
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Strict "YYYY-MM-DD" (then NUL) -> days; 0, or -1 on error (checks month length and leap years). */
int dy_date_to_days(const char *ymd, int32_t *days) {
    if (!ymd) return -1;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (ymd[i] != '-') return -1;
        } else if (!is_digit(ymd[i])) {
            return -1;
        }
    }
    if (ymd[10] != '\0') return -1;
    int y = (ymd[0] - '0') * 1000 + (ymd[1] - '0') * 100 + (ymd[2] - '0') * 10 + (ymd[3] - '0');
    int m = (ymd[5] - '0') * 10 + (ymd[6] - '0');
    int d = (ymd[8] - '0') * 10 + (ymd[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > dy_days_in_month(y, m)) return -1;
    if (days) *days = dy_days_from_civil(y, m, d);
    return 0;
}

/* "YYYY-MM-DD" for 0 <= y <= 9999, 1 <= m <= 12, 1 <= d <= 31. */
static void write_ymd(char out[11], int y, int m, int d) {
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* Writes the day `days` as "YYYY-MM-DD" ("" outside years 0..9999). */
void dy_days_to_date(int32_t days, char out[11]) {
    int y, m, d;
    dy_civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999) { out[0] = '\0'; return; }
    write_ymd(out, y, m, d);
}

/* Matches s[0..n) (an optional trailing '.' allowed) against a full name or any prefix of it
 * of at least 3 letters, case-insensitively: index in names[], else -1. */
static int match_name(const char *const *names, int count, const char *s, size_t n) {
    if (n && s[n - 1] == '.') n--;
    if (n < 3) return -1;
    for (int i = 0; i < count; i++) {
        const char *nm = names[i];
        size_t k = strlen(nm);
        if (n > k) continue;
        size_t j = 0;
        while (j < n && lower(s[j]) == nm[j]) j++;
        if (j == n) return i;
    }
    return -1;
}

/* Month name or abbreviation ("feb", "Feb.", "February", "sept") -> 1..12, else 0. */
int dy_month_from_name(const char *s, size_t n) {
    static const char *const names[12] = {"january", "february", "march", "april", "may", "june",
                                          "july", "august", "september", "october", "november",
                                          "december"};
    return s ? match_name(names, 12, s, n) + 1 : 0;
}

/* Weekday name or abbreviation ("tuesday", "Tue", "Thurs.") -> 0..6 (Sunday = 0), else -1. */
int dy_weekday_from_name(const char *s, size_t n) {
    static const char *const names[7] = {"sunday", "monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday"};
    return s ? match_name(names, 7, s, n) : -1;
}

/* ------------------------------------------------------------------ dyad_parse_date */

/* White space, including the UTF-8 no-break space. */
static const char *skip_ws(const char *p, const char *e) {
    for (;;) {
        if (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f' || *p == '\v'))
            p++;
        else if (e - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
            p += 2;
        else
            return p;
    }
}

/* Reads 1..maxd digits not followed by another digit: the value, or -1. */
static int read_num(const char **pp, const char *e, int mind, int maxd, int *val) {
    const char *p = *pp;
    int v = 0, k = 0;
    while (p < e && is_digit(*p)) {
        if (++k > maxd) return -1;
        v = v * 10 + (*p++ - '0');
    }
    if (k < mind) return -1;
    *pp = p;
    *val = v;
    return 0;
}

static const char *word_end(const char *p, const char *e) {
    while (p < e && is_alpha(*p)) p++;
    return p;
}

/* An English ordinal suffix right after a day number: 1st 2nd 3rd 4th. */
static const char *skip_ordinal(const char *p, const char *e) {
    if (e - p >= 2 && is_alpha(p[0]) && is_alpha(p[1]) && (e - p == 2 || !is_alpha(p[2]))) {
        char a = lower(p[0]), b = lower(p[1]);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
            return p + 2;
    }
    return p;
}

/* A month word (with an optional '.'); returns 1..12 and advances, else 0. */
static int read_month(const char **pp, const char *e) {
    const char *p = *pp, *w = word_end(p, e);
    if (w == p) return 0;
    int m = dy_month_from_name(p, (size_t)(w - p));
    if (!m) return 0;
    if (w < e && *w == '.') w++;
    *pp = w;
    return m;
}

static int is_word(const char *p, const char *e, const char *w) {
    size_t k = strlen(w);
    if ((size_t)(e - p) < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower(p[i]) != w[i]) return 0;
    return p + k == e || !is_alpha(p[k]);
}

/* Year first: 2025-02-14, 2025/2/14, 2025.02.14, 20250214. */
static const char *parse_year_first(const char *p, const char *e, int *y, int *m, int *d) {
    const char *q = p;
    int v;
    if (e - p >= 8 && read_num(&q, e, 8, 8, &v) == 0) {
        *y = v / 10000;
        *m = v / 100 % 100;
        *d = v % 100;
        return q;
    }
    q = p;
    if (read_num(&q, e, 4, 4, y)) return NULL;
    if (q >= e || (*q != '-' && *q != '/' && *q != '.')) return NULL;
    char sep = *q++;
    if (read_num(&q, e, 1, 2, m)) return NULL;
    if (q >= e || *q != sep) return NULL;
    q++;
    if (read_num(&q, e, 1, 2, d)) return NULL;
    return q;
}

/* Day first with a month word: 14 February 2025, 14-Feb-2025, 14th of Feb., 2025. */
static const char *parse_day_month(const char *p, const char *e, int *y, int *m, int *d) {
    const char *q = p;
    if (read_num(&q, e, 1, 2, d)) return NULL;
    q = skip_ordinal(q, e);
    const char *r = q;
    while (r < e && (*r == '-' || *r == '/' || *r == '.')) r++;
    r = skip_ws(r, e);
    if (r == q) return NULL;                   /* "14February" is not a date */
    q = r;
    if (is_word(q, e, "of")) q = skip_ws(q + 2, e);
    if (!(*m = read_month(&q, e))) return NULL;
    r = q;
    while (r < e && (*r == '-' || *r == '/' || *r == ',' || *r == '.')) r++;
    r = skip_ws(r, e);
    if (r == q) return NULL;
    q = r;
    if (read_num(&q, e, 4, 4, y)) return NULL;
    return q;
}

/* Month word first: February 14, 2025, Feb. 14 2025, February 14th, 2025. */
static const char *parse_month_day(const char *p, const char *e, int *y, int *m, int *d) {
    const char *q = p;
    if (!(*m = read_month(&q, e))) return NULL;
    const char *r = q;
    if (r < e && *r == '-') r++;
    r = skip_ws(r, e);
    if (r == q && q[-1] != '.') return NULL;
    q = r;
    if (read_num(&q, e, 1, 2, d)) return NULL;
    q = skip_ordinal(q, e);
    r = q;
    if (r < e && *r == ',') r++;
    r = skip_ws(r, e);
    if (r == q) return NULL;
    q = r;
    if (read_num(&q, e, 4, 4, y)) return NULL;
    return q;
}

/* Numeric day first: 14/02/2025, 14.02.2025, 14-02-2025 (the same separator twice). */
static const char *parse_numeric_dmy(const char *p, const char *e, int *y, int *m, int *d) {
    const char *q = p;
    if (read_num(&q, e, 1, 2, d)) return NULL;
    if (q >= e || (*q != '/' && *q != '.' && *q != '-')) return NULL;
    char sep = *q++;
    if (read_num(&q, e, 1, 2, m)) return NULL;
    if (q >= e || *q != sep) return NULL;
    q++;
    if (read_num(&q, e, 4, 4, y)) return NULL;
    if (*m > 12 && *d <= 12) {                 /* unambiguously month first: 02/14/2025 */
        int t = *m;
        *m = *d;
        *d = t;
    }
    return q;
}

/* A time zone: Z, +01:00, -0500, +1, or a 1..5-letter abbreviation (UTC, GMT, EST, CEST),
 * optionally followed by an offset (GMT+1), optionally in parentheses. */
static const char *skip_zone(const char *p, const char *e) {
    int paren = p < e && *p == '(';
    const char *q = p + paren;
    const char *w = word_end(q, e);
    if (w - q > 5) return p;
    if (w == q + 1 && *q == 'Z') {
        q = w;
    } else if (w > q) {
        for (const char *c = q; c < w; c++)
            if (!(*c >= 'A' && *c <= 'Z')) return p;
        q = w;
    }
    if (q < e && (*q == '+' || *q == '-') && q + 1 < e && is_digit(q[1])) {
        int v;
        q++;
        if (read_num(&q, e, 1, 4, &v)) return p;
        if (q < e && *q == ':') {
            q++;
            if (read_num(&q, e, 2, 2, &v)) return p;
        }
    }
    if (paren) {
        if (q >= e || *q != ')') return p;
        q++;
    }
    return q;
}

/* Whether what follows a date is empty or a time of day with an optional zone. */
static int time_tail_ok(const char *p, const char *e) {
    p = skip_ws(p, e);
    if (p < e && (*p == ',' || *p == '|' || (*p == '-' && p + 1 < e && p[1] == ' '))) {
        p = skip_ws(p + 1, e);
    } else if (e - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
               ((unsigned char)p[2] == 0x93 || (unsigned char)p[2] == 0x94)) {
        p = skip_ws(p + 3, e);                                  /* an en or em dash */
    }
    if (p == e) return 1;
    if (*p == '.' && skip_ws(p + 1, e) == e) return 1;          /* a sentence's full stop */
    if (*p == 'T' && p + 1 < e && is_digit(p[1])) p++;
    else if (is_word(p, e, "at")) p = skip_ws(p + 2, e);
    if (p < e && is_digit(*p)) {
        const char *q = p;
        int h, v = 0;
        while (q < e && is_digit(*q)) q++;
        long k = q - p;
        q = p;
        if (k == 4 || k == 6) {                                 /* basic ISO: T100000 */
            read_num(&q, e, (int)k, (int)k, &v);
            if (v / (k == 4 ? 100 : 10000) > 24) return 0;
        } else {
            if (read_num(&q, e, 1, 2, &h) || h > 24) return 0;
            int minutes = 0;
            for (int part = 0; part < 2 && q < e && *q == ':'; part++) {
                q++;
                if (read_num(&q, e, 2, 2, &v) || v > 60) return 0;
                minutes = 1;
            }
            if (minutes && q < e && (*q == '.' || *q == ',') && q + 1 < e && is_digit(q[1])) {
                q++;
                while (q < e && is_digit(*q)) q++;
            }
            const char *r = skip_ws(q, e);
            if (is_word(r, e, "am") || is_word(r, e, "pm")) {
                q = r + 2;
            } else if (e - r >= 4 && (lower(r[0]) == 'a' || lower(r[0]) == 'p') && r[1] == '.' &&
                       lower(r[2]) == 'm' && r[3] == '.') {
                q = r + 4;
            } else if (!minutes) {
                return 0;                                       /* a bare number is no time */
            }
        }
        p = q;
    }
    p = skip_ws(p, e);
    if (p < e) p = skip_ws(skip_zone(p, e), e);
    return p == e;
}

/* Parses a date in any common form into "YYYY-MM-DD" (see dyad.h). DYAD_OK or DYAD_ERR_DATE. */
int dyad_parse_date(const char *s, size_t len, char out[11]) {
    if (!out) return DYAD_ERR_DATE;
    out[0] = '\0';
    if (!s) return DYAD_ERR_DATE;
    const char *p = skip_ws(s, s + len), *e = s + len;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) e--;
    /* an optional weekday: "Monday, ", "Fri ", "Tue. " */
    const char *w = word_end(p, e);
    if (w > p && dy_weekday_from_name(p, (size_t)(w - p)) >= 0) {
        if (w < e && *w == '.') w++;
        if (w < e && *w == ',') w++;
        p = skip_ws(w, e);
    }
    static const char *(*const shapes[])(const char *, const char *, int *, int *, int *) = {
        parse_year_first, parse_day_month, parse_month_day, parse_numeric_dmy};
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
        int y = 0, m = 0, d = 0;
        const char *q = shapes[i](p, e, &y, &m, &d);
        if (!q || !time_tail_ok(q, e)) continue;
        if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1 || d > dy_days_in_month(y, m))
            return DYAD_ERR_DATE;
        write_ymd(out, y, m, d);
        return DYAD_OK;
    }
    return DYAD_ERR_DATE;
}
