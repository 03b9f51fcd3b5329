/*
 * test_dates.c - calendar arithmetic and date parsing (src/dates.c): every written form of a date
 * that dyad accepts, the ones it must refuse, day counts and weekdays.
 */
#include "internal.h"
#include "test.h"

#include <string.h>

static char out[11];

static int pd(const char *s) { return dyad_parse_date(s, strlen(s), out); }

#define CHECK_DATE(s, want) do { int _rc = pd(s); CHECK_INT(_rc, DYAD_OK); \
    if (_rc == DYAD_OK) CHECK_STR(out, want); else fprintf(stderr, "  (input: \"%s\")\n", s); } while (0)
#define CHECK_BAD(s) do { int _rc = pd(s); if (_rc != DYAD_ERR_DATE) fprintf(stderr, "  (accepted \"%s\" as %s)\n", \
    s, out); CHECK_INT(_rc, DYAD_ERR_DATE); CHECK_STR(out, ""); } while (0)

static void test_civil(void) {
    CHECK_INT(dy_days_from_civil(1970, 1, 1), 0);
    CHECK_INT(dy_days_from_civil(1970, 1, 2), 1);
    CHECK_INT(dy_days_from_civil(1969, 12, 31), -1);
    CHECK_INT(dy_days_from_civil(2000, 3, 1), 11017);
    CHECK_INT(dy_days_from_civil(2025, 2, 14), 20133);
    CHECK_INT(dy_days_from_civil(1800, 1, 1), -62091);
    CHECK_INT(dy_days_from_civil(2100, 12, 31), 47846);
    /* round trip over four centuries, crossing 1900 (not leap) and 2000 (leap) */
    int ok = 1;
    int32_t prev = dy_days_from_civil(1799, 12, 31);
    for (int32_t z = prev + 1; z <= dy_days_from_civil(2200, 1, 1); z++) {
        int y, m, d;
        dy_civil_from_days(z, &y, &m, &d);
        if (dy_days_from_civil(y, m, d) != z) { ok = 0; break; }
    }
    CHECK(ok);
    int y, m, d;
    dy_civil_from_days(dy_days_from_civil(2024, 2, 29), &y, &m, &d);
    CHECK_INT(y * 10000 + m * 100 + d, 20240229);
    dy_civil_from_days(dy_days_from_civil(1900, 2, 28) + 1, &y, &m, &d);
    CHECK_INT(y * 10000 + m * 100 + d, 19000301);
    dy_civil_from_days(dy_days_from_civil(2000, 2, 28) + 1, &y, &m, &d);
    CHECK_INT(y * 10000 + m * 100 + d, 20000229);
    dy_civil_from_days(-719468, &y, &m, &d);                    /* 0000-03-01 */
    CHECK_INT(y * 10000 + m * 100 + d, 301);
}

static void test_weekday(void) {
    CHECK_INT(dy_weekday(0), 4);                                /* 1970-01-01: Thursday */
    CHECK_INT(dy_weekday(-1), 3);
    CHECK_INT(dy_weekday(-4), 0);
    CHECK_INT(dy_weekday(-5), 6);
    CHECK_INT(dy_weekday(dy_days_from_civil(2025, 2, 14)), 5);  /* Friday */
    CHECK_INT(dy_weekday(dy_days_from_civil(2025, 2, 17)), 1);  /* Monday */
    CHECK_INT(dy_weekday(dy_days_from_civil(2000, 1, 1)), 6);   /* Saturday */
    CHECK_INT(dy_weekday(dy_days_from_civil(1815, 6, 18)), 0);  /* Waterloo: a Sunday */
    CHECK_INT(dy_weekday(dy_days_from_civil(1969, 7, 20)), 0);
    CHECK_INT(dy_weekday(dy_days_from_civil(2001, 9, 11)), 2);
    /* consecutive days cycle through the week, on both sides of the epoch */
    int ok = 1;
    for (int32_t z = -1000; z < 1000; z++)
        if (dy_weekday(z + 1) != (dy_weekday(z) + 1) % 7 || dy_weekday(z) < 0 || dy_weekday(z) > 6) ok = 0;
    CHECK(ok);
}

static void test_date_strings(void) {
    int32_t days = 0;
    CHECK_INT(dy_date_to_days("2025-02-14", &days), 0);
    CHECK_INT(days, 20133);
    CHECK_INT(dy_date_to_days("2024-02-29", &days), 0);
    CHECK_INT(dy_date_to_days("2025-02-29", &days), -1);
    CHECK_INT(dy_date_to_days("2025-02-30", &days), -1);
    CHECK_INT(dy_date_to_days("1900-02-29", &days), -1);
    CHECK_INT(dy_date_to_days("2000-02-29", &days), 0);
    CHECK_INT(dy_date_to_days("2025-04-31", &days), -1);
    CHECK_INT(dy_date_to_days("2025-13-01", &days), -1);
    CHECK_INT(dy_date_to_days("2025-00-10", &days), -1);
    CHECK_INT(dy_date_to_days("2025-01-00", &days), -1);
    CHECK_INT(dy_date_to_days("2025-2-14", &days), -1);
    CHECK_INT(dy_date_to_days("2025-02-14x", &days), -1);
    CHECK_INT(dy_date_to_days("", &days), -1);
    CHECK_INT(dy_date_to_days(NULL, &days), -1);
    char s[11];
    dy_days_to_date(20133, s);
    CHECK_STR(s, "2025-02-14");
    dy_days_to_date(0, s);
    CHECK_STR(s, "1970-01-01");
    dy_days_to_date(-1, s);
    CHECK_STR(s, "1969-12-31");
    dy_days_to_date(dy_days_from_civil(2024, 12, 31) + 1, s);
    CHECK_STR(s, "2025-01-01");
}

static void test_names(void) {
    CHECK_INT(dy_month_from_name("feb", 3), 2);
    CHECK_INT(dy_month_from_name("Feb.", 4), 2);
    CHECK_INT(dy_month_from_name("February", 8), 2);
    CHECK_INT(dy_month_from_name("FEBRUARY", 8), 2);
    CHECK_INT(dy_month_from_name("sept", 4), 9);
    CHECK_INT(dy_month_from_name("Sept.", 5), 9);
    CHECK_INT(dy_month_from_name("May", 3), 5);
    CHECK_INT(dy_month_from_name("june", 4), 6);
    CHECK_INT(dy_month_from_name("Dec", 3), 12);
    CHECK_INT(dy_month_from_name("Mayor", 5), 0);
    CHECK_INT(dy_month_from_name("Ma", 2), 0);
    CHECK_INT(dy_month_from_name("Februaryx", 9), 0);
    CHECK_INT(dy_month_from_name("", 0), 0);
    CHECK_INT(dy_month_from_name("March 3", 5), 3);              /* only n bytes are read */
    CHECK_INT(dy_weekday_from_name("tuesday", 7), 2);
    CHECK_INT(dy_weekday_from_name("Tue", 3), 2);
    CHECK_INT(dy_weekday_from_name("Tues.", 5), 2);
    CHECK_INT(dy_weekday_from_name("Thurs", 5), 4);
    CHECK_INT(dy_weekday_from_name("SUNDAY", 6), 0);
    CHECK_INT(dy_weekday_from_name("Sat", 3), 6);
    CHECK_INT(dy_weekday_from_name("Mo", 2), -1);
    CHECK_INT(dy_weekday_from_name("Monument", 8), -1);
    CHECK_INT(dy_weekday_from_name("Feb", 3), -1);
}

static void test_parse_forms(void) {
    /* the forms in dyad.h */
    CHECK_DATE("14 February 2025", "2025-02-14");
    CHECK_DATE("February 14, 2025", "2025-02-14");
    CHECK_DATE("Feb. 14, 2025", "2025-02-14");
    CHECK_DATE("2025-02-14", "2025-02-14");
    CHECK_DATE("20250214", "2025-02-14");
    CHECK_DATE("2025-02-14T10:00:00Z", "2025-02-14");
    CHECK_DATE("14/02/2025", "2025-02-14");
    /* more textual forms */
    CHECK_DATE("Feb 14 2025", "2025-02-14");
    CHECK_DATE("14 Feb. 2025", "2025-02-14");
    CHECK_DATE("14 Feb 2025", "2025-02-14");
    CHECK_DATE("14-Feb-2025", "2025-02-14");
    CHECK_DATE("Monday, 14 February 2025", "2025-02-14");      /* the weekday is not checked */
    CHECK_DATE("Friday, February 14, 2025", "2025-02-14");
    CHECK_DATE("Fri 14 Feb 2025", "2025-02-14");
    CHECK_DATE("February 14th, 2025", "2025-02-14");
    CHECK_DATE("14th February 2025", "2025-02-14");
    CHECK_DATE("14th of February, 2025", "2025-02-14");
    CHECK_DATE("1st March 2024", "2024-03-01");
    CHECK_DATE("March 2nd, 2024", "2024-03-02");
    CHECK_DATE("3rd May 2024", "2024-05-03");
    CHECK_DATE("Sept. 9, 2001", "2001-09-09");
    CHECK_DATE("FEBRUARY 14, 2025", "2025-02-14");
    CHECK_DATE("  14 February 2025  \n", "2025-02-14");
    CHECK_DATE("14\xC2\xA0" "February\xC2\xA0" "2025", "2025-02-14");   /* no-break spaces */
    CHECK_DATE("14 February 2025.", "2025-02-14");
    /* numeric forms */
    CHECK_DATE("2025/02/14", "2025-02-14");
    CHECK_DATE("2025/2/4", "2025-02-04");
    CHECK_DATE("2025-2-1", "2025-02-01");
    CHECK_DATE("2025.02.14", "2025-02-14");
    CHECK_DATE("14.02.2025", "2025-02-14");
    CHECK_DATE("14-02-2025", "2025-02-14");
    CHECK_DATE("4/2/2025", "2025-02-04");                      /* day first */
    CHECK_DATE("02/14/2025", "2025-02-14");                    /* month first only when it must be */
    CHECK_DATE("19950101", "1995-01-01");
    /* with a time of day and a zone */
    CHECK_DATE("2025-02-14T10:00:00+01:00", "2025-02-14");
    CHECK_DATE("2025-02-14T23:59:59.123456-05:00", "2025-02-14");
    CHECK_DATE("2025-02-14 10:00:00", "2025-02-14");
    CHECK_DATE("2025-02-14T10:00", "2025-02-14");
    CHECK_DATE("2025-02-14T100000Z", "2025-02-14");
    CHECK_DATE("20250214T1000Z", "2025-02-14");
    CHECK_DATE("2025-02-14 10:00 UTC", "2025-02-14");
    CHECK_DATE("Fri, 14 Feb 2025 10:00:00 +0000", "2025-02-14");
    CHECK_DATE("Fri, 14 Feb 2025 10:00:00 GMT", "2025-02-14");
    CHECK_DATE("February 14, 2025, 3:45 p.m. EST", "2025-02-14");
    CHECK_DATE("Feb 14, 2025 at 3:45 PM", "2025-02-14");
    CHECK_DATE("14 February 2025 10:00 (CET)", "2025-02-14");
    CHECK_DATE("14 February 2025 09:30 GMT+1", "2025-02-14");
    CHECK_DATE("14 February 2025 9am", "2025-02-14");
    CHECK_DATE("February 14, 2025 - 10:00 AM", "2025-02-14");
    CHECK_DATE("14 February 2025 | 10:00", "2025-02-14");
    CHECK_DATE("14 February 2025 \xE2\x80\x94 10:00 GMT", "2025-02-14");
    /* leap days */
    CHECK_DATE("29 February 2024", "2024-02-29");
    CHECK_DATE("2000-02-29", "2000-02-29");
    /* the year range */
    CHECK_DATE("1 January 1800", "1800-01-01");
    CHECK_DATE("2100-12-31", "2100-12-31");
    /* only `len` bytes are read */
    CHECK_INT(dyad_parse_date("2025-02-14 and more", 10, out), DYAD_OK);
    CHECK_STR(out, "2025-02-14");
}

static void test_parse_invalid(void) {
    CHECK_BAD("2025-02-30");
    CHECK_BAD("30 February 2025");
    CHECK_BAD("February 29, 2025");
    CHECK_BAD("29/02/2025");
    CHECK_BAD("1900-02-29");
    CHECK_BAD("2025-04-31");
    CHECK_BAD("2025-13-01");
    CHECK_BAD("2025-00-01");
    CHECK_BAD("2025-01-00");
    CHECK_BAD("20250230");
    CHECK_BAD("13/13/2025");
    CHECK_BAD("1799-12-31");
    CHECK_BAD("2101-01-01");
    CHECK_BAD("14 February 25");
    CHECK_BAD("February 2025");
    CHECK_BAD("14 February");
    CHECK_BAD("14February2025");
    CHECK_BAD("14 Febr. 20255");
    CHECK_BAD("Smarch 14, 2025");
    CHECK_BAD("2025-02-14 and then some words");
    CHECK_BAD("2025-02-14T25:00:00Z");
    CHECK_BAD("2025-02-14 10");
    CHECK_BAD("2025-02-14 - Geneva");
    CHECK_BAD("2025-02-14x");
    CHECK_BAD("2025-02-14-");
    CHECK_BAD("2025-02-123");
    CHECK_BAD("202502140");
    CHECK_BAD("2025-02/14");
    CHECK_BAD("tomorrow");
    CHECK_BAD("Monday");
    CHECK_BAD("");
    CHECK_BAD("   ");
    CHECK_BAD("1739600000");                                  /* epoch seconds are not a date */
    CHECK_INT(dyad_parse_date(NULL, 0, out), DYAD_ERR_DATE);
}

int main(void) {
    RUN(test_civil);
    RUN(test_weekday);
    RUN(test_date_strings);
    RUN(test_names);
    RUN(test_parse_forms);
    RUN(test_parse_invalid);
    return test_summary("dates");
}
