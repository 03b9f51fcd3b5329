/*
 * test_timex.c - the dates of events (timex.c) through the public API and through
 * dy_sentence_dates, with a small inline dictionary and sentences written for these tests: every
 * form of date expression (weekdays past and future, today/tonight/last night/overnight, month and
 * day with and without a year, a month alone, a year, last/this/next week, month and year, the
 * weekend, "N days ago", ranges), the words that must not make a date (May the name and the modal,
 * march the noun, counts, years in names), the clause, possessive and tense checks of
 * dy_nearest_day, no publication date, and a pathological sentence (linear time).
 *
 * Most publication dates are 2025-02-12, a Wednesday: that week's Monday is the 10th, the last
 * week's the 3rd, the next week's the 17th.
 *
 * Set DYAD_TEST_VERBOSE=1 to print the trace of every coded text.
 */
#include "engine.h"
#include "test.h"

#include <time.h>

static const char ACTORS[] =
    "KENYA [KEN]\n+KENYAN\n"
    "UGANDA [UGA]\n+UGANDAN\n"
    "TANZANIA [TZA]\n+TANZANIAN\n";

static const char AGENTS[] =
    "PRESIDENT [~GOV]\n"
    "MINISTER [~GOV]\n"
    "TROOP [~MIL]\n";

static const char VERBS[] =
    "--- CRITICIZE [111] ---\n"
    "CRITICIZE\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "--- MEET [040] ---\n"
    "MEET [040] {MET MEETS MEETING}\n"
    "- * WITH + [040]\n"
    "--- VISIT [042] ---\n"
    "VISIT\n"
    "--- OTHER ---\n"
    "SAY [---] {SAID SAYS SAYING}\n"
    "ELECT [---]\n"
    "KILL [---]\n"
    "@VOTE [---]\n";

static dyad_dict *D;
static dyad_doc *DOC;
static const char *cur_text;

/* Codes `text` as one article published on `pub` ("" = no date). */
static int code(const char *text, const char *pub) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.date = pub;
    a.title = "";
    a.url = "";
    a.source = "";
    a.text = text;
    a.text_len = strlen(text);
    a.file = "test";
    a.line = 1;
    dyad_options opt = {NULL, getenv("DYAD_TEST_VERBOSE") != NULL, 0};
    dyad_error err = {0};
    cur_text = text;
    int rc = dyad_code(DOC, D, &a, &opt, &err);
    if (rc) fprintf(stderr, "%s: dyad_code: %s\n", t_cur_name, err.message);
    if (getenv("DYAD_TEST_VERBOSE") && strlen(text) < 4000) fprintf(stderr, "--- %s\n%s", text, dyad_doc_trace(DOC));
    return rc;
}

/* The date of the first event from `src` to `tgt` (country codes: the first three letters) of
 * `text` published on `pub`; "(no event)" when there is none. */
static const char *event_date(const char *text, const char *pub, const char *src, const char *tgt) {
    static char out[16];
    CHECK_INT(code(text, pub), DYAD_OK);
    size_t n = dyad_doc_event_count(DOC);
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(DOC, i);
        if (!strncmp(e->source, src, 3) && !strncmp(e->target, tgt, 3)) {
            snprintf(out, sizeof out, "%s", e->date);
            return out;
        }
    }
    fprintf(stderr, "%s: no %s -> %s event in: %s (%zu events)\n", t_cur_name, src, tgt, text, n);
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(DOC, i);
        fprintf(stderr, "    %s %s %s %s\n", e->source, e->code, e->target, e->date);
    }
    return "(no event)";
}

#define KEN_UGA(text, pub) event_date(text, pub, "KEN", "UGA")

/* The date expressions of the first sentence of `text`: their count; the days in `days`
 * (YYYY-MM-DD) and the head tokens' texts in `heads`. */
#define MAXD 8
static char days_s[MAXD][11], heads_s[MAXD][32];
static size_t dates(const char *text, const char *pub) {
    CHECK_INT(code(text, pub), DYAD_OK);
    if (!DOC->sentences.len) return 0;
    const dy_sentence *se = &DOC->sentences.items[0];
    uint32_t toks[MAXD];
    int32_t days[MAXD];
    size_t n = dy_sentence_dates(DOC, D, se->tok_start, se->tok_end, toks, days, MAXD);
    for (size_t i = 0; i < n; i++) {
        dy_days_to_date(days[i], days_s[i]);
        size_t len;
        const char *t = dy_tok_text(DOC, toks[i], &len);
        snprintf(heads_s[i], sizeof heads_s[i], "%.*s", (int)(len < 31 ? len : 31), t);
    }
    return n;
}

/* The day of the one date expression of `text` ("(none)" / "(several)" otherwise). */
static const char *one_date(const char *text, const char *pub) {
    size_t n = dates(text, pub);
    if (n != 1) fprintf(stderr, "%s: %zu date expressions in: %s\n", t_cur_name, n, text);
    return n == 0 ? "(none)" : n == 1 ? days_s[0] : "(several)";
}

static const char *WED = "2025-02-12";

/* ------------------------------------------------------------------ weekdays */

static void test_weekdays_past(void) {
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on Monday.", WED), "2025-02-10");
    CHECK_STR(KEN_UGA("On Thursday, Kenya attacked Uganda.", WED), "2025-02-06");
    /* the publication day itself */
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on Wednesday.", WED), "2025-02-12");
    /* "last Wednesday": strictly before */
    CHECK_STR(KEN_UGA("Kenya attacked Uganda last Wednesday.", WED), "2025-02-05");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda last Tuesday.", WED), "2025-02-11");
    /* the head is the weekday */
    CHECK_STR(one_date("Kenya attacked Uganda on Friday morning.", WED), "2025-02-07");
    CHECK_STR(heads_s[0], "Friday");
}

static void test_weekdays_future(void) {
    /* published on a Wednesday: "will meet on Monday" is the next Monday */
    CHECK_STR(KEN_UGA("Kenya's president will meet the Ugandan president on Monday.", WED), "2025-02-17");
    CHECK_STR(KEN_UGA("Kenya is to visit Uganda on Friday.", WED), "2025-02-14");
    CHECK_STR(KEN_UGA("The Kenyan president is due to visit Uganda on Thursday.", WED), "2025-02-13");
    CHECK_STR(KEN_UGA("Kenya is set to meet Uganda on Tuesday.", WED), "2025-02-18");
    CHECK_STR(KEN_UGA("Kenya is expected to attack Uganda on Sunday.", WED), "2025-02-16");
    CHECK_STR(KEN_UGA("Kenya will criticize Uganda in a speech scheduled for Saturday.", WED), "2025-02-15");
    CHECK_STR(one_date("Talks are scheduled for Saturday.", WED), "2025-02-15");
    CHECK_STR(one_date("The upcoming talks on Monday matter.", WED), "2025-02-17");
    CHECK_STR(one_date("Kenya and Uganda planned talks on Friday.", WED), "2025-02-14");
    CHECK_STR(one_date("The Kenyan minister may visit Uganda on Friday.", WED), "2025-02-14");
    CHECK_STR(one_date("Kenya says it would meet Uganda on Friday.", WED), "2025-02-14");
    /* "next Tuesday" with no other marker */
    CHECK_STR(KEN_UGA("Kenya meets Uganda next Tuesday.", WED), "2025-02-18");
    /* future on the publication weekday: that day; "next Wednesday": a week later */
    CHECK_STR(KEN_UGA("Kenya will meet Uganda on Wednesday.", WED), "2025-02-12");
    CHECK_STR(KEN_UGA("Kenya will meet Uganda next Wednesday.", WED), "2025-02-19");
    CHECK_STR(KEN_UGA("Kenya will meet Uganda tomorrow.", WED), "2025-02-13");
    /* a marker after the weekday does not count: "said on Monday that it will" */
    CHECK_STR(KEN_UGA("Kenya said on Monday that it will attack Uganda.", WED), "2025-02-10");
    /* a speech verb after the marker: the weekday dates the saying */
    CHECK_STR(one_date("Kenya will attack Uganda, the minister said on Monday.", WED), "2025-02-10");
    /* ... but not "will announce" */
    CHECK_STR(one_date("Kenya will announce its decision on Monday.", WED), "2025-02-17");
    /* "would" alone is no future; "the will of" no modal */
    CHECK_STR(one_date("Kenya would not attack Uganda on Monday.", WED), "2025-02-10");
    CHECK_STR(one_date("The will of the people prevailed on Monday.", WED), "2025-02-10");
    CHECK_STR(one_date("Kenya is to blame for the attack on Monday.", WED), "2025-02-10");
    /* a "next week" expression marks the future for the weekday after it */
    CHECK_INT(dates("Kenya meets Uganda next week, starting on Tuesday.", WED), 2);
    CHECK_STR(days_s[0], "2025-02-17");
    CHECK_STR(days_s[1], "2025-02-18");
}

static void test_weekday_before_date(void) {
    /* "Monday, June 9": one expression, the written date */
    CHECK_STR(one_date("Kenya attacked Uganda on Monday, June 9.", "2025-06-20"), "2025-06-09");
    CHECK_STR(heads_s[0], "June");
    CHECK_STR(one_date("Kenya attacked Uganda on Monday 9 June.", "2025-06-20"), "2025-06-09");
}

/* ------------------------------------------------------------------ today, last night */

static void test_today(void) {
    CHECK_STR(KEN_UGA("Kenya attacked Uganda today.", WED), "2025-02-12");
    CHECK_STR(KEN_UGA("Kenya will attack Uganda tonight.", WED), "2025-02-12");
    CHECK_STR(KEN_UGA("This morning Kenya attacked Uganda.", WED), "2025-02-12");
    CHECK_STR(one_date("Kenya attacked Uganda this afternoon.", WED), "2025-02-12");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda last night.", WED), "2025-02-11");
    CHECK_STR(one_date("Kenya attacked Uganda last night.", WED), "2025-02-11");
    CHECK_STR(heads_s[0], "night");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda overnight.", WED), "2025-02-11");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda yesterday.", "2025-03-01"), "2025-02-28");
    /* no expression: the publication date */
    CHECK_STR(KEN_UGA("Kenya attacked Uganda.", WED), "2025-02-12");
    CHECK_INT(dates("Kenya attacked Uganda in the night.", WED), 0);
}

/* ------------------------------------------------------------------ month and day */

static void test_month_day(void) {
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on June 9, 2021.", WED), "2021-06-09");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on 9 June 2021.", WED), "2021-06-09");
    CHECK_STR(one_date("Kenya attacked Uganda on June 9 2021.", WED), "2021-06-09");
    CHECK_STR(heads_s[0], "June");
    CHECK_STR(one_date("On 9 June 2021 Kenya attacked Uganda.", WED), "2021-06-09");
    CHECK_STR(heads_s[0], "June");
    CHECK_STR(one_date("Kenya attacked Uganda on the 9th of June.", "2025-06-20"), "2025-06-09");
    CHECK_STR(one_date("Kenya attacked Uganda on June 9th.", "2025-06-20"), "2025-06-09");
    CHECK_STR(one_date("Kenya attacked Uganda on Feb. 9.", WED), "2025-02-09");
    /* no year: the publication year's; more than a week ahead: last year's */
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on June 9.", "2025-06-20"), "2025-06-09");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on June 9.", WED), "2024-06-09");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on February 18.", WED), "2025-02-18");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on February 20.", WED), "2024-02-20");
    /* in a future sentence: the nearer of this year's and next year's */
    CHECK_STR(KEN_UGA("Kenya will meet Uganda on January 15.", "2025-12-20"), "2026-01-15");
    CHECK_STR(KEN_UGA("Kenya will meet Uganda on June 9.", WED), "2025-06-09");
    CHECK_STR(one_date("Kenya will meet Uganda on January 15.", WED), "2025-01-15");
    /* ... which does not date the future meeting: more than a week before the publication */
    CHECK_STR(KEN_UGA("Kenya will meet Uganda on January 15.", WED), "2025-02-12");
    /* a written year and a relative one */
    CHECK_STR(one_date("Kenya attacked Uganda on May 9 of last year.", WED), "2024-05-09");
    /* a day that does not exist is no date */
    CHECK_INT(dates("Kenya attacked Uganda on February 30.", WED), 0);
}

static void test_ordinal_day(void) {
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on the 9th.", WED), "2025-02-09");
    CHECK_STR(one_date("Kenya attacked Uganda on the 15th.", WED), "2025-02-15");
    /* more than a week ahead: the month before */
    CHECK_STR(one_date("Kenya attacked Uganda on the 25th.", WED), "2025-01-25");
    /* in a future sentence, already past: the month after */
    CHECK_STR(one_date("Kenya will meet Uganda on the 3rd.", WED), "2025-03-03");
    /* an ordinal that is no day */
    CHECK_INT(dates("Kenya sent its 7th battalion.", WED), 0);
}

static void test_ranges(void) {
    const char *pub = "2025-06-20";
    CHECK_INT(dates("Kenya attacked Uganda from June 3 to June 5.", pub), 1);
    CHECK_STR(days_s[0], "2025-06-03");
    CHECK_INT(dates("Kenya attacked Uganda on June 3-5.", pub), 1);
    CHECK_STR(days_s[0], "2025-06-03");
    CHECK_INT(dates("Kenya attacked Uganda between 3 and 5 June.", pub), 1);
    CHECK_STR(days_s[0], "2025-06-03");
    CHECK_STR(heads_s[0], "June");
    CHECK_INT(dates("Kenya attacked Uganda from 3 to 5 June 2021.", pub), 1);
    CHECK_STR(days_s[0], "2021-06-03");
    CHECK_INT(dates("Kenya attacked Uganda from Monday to Wednesday.", WED), 1);
    CHECK_STR(days_s[0], "2025-02-10");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda from June 3 to June 5.", pub), "2025-06-03");
    /* two dates that are no range stay two */
    CHECK_INT(dates("Kenya attacked Uganda on June 3 and Tanzania met Uganda on June 5.", pub), 2);
}

/* ------------------------------------------------------------------ months and years */

static void test_month_alone(void) {
    CHECK_STR(KEN_UGA("Kenya attacked Uganda in February.", WED), "2025-02-01");
    CHECK_STR(one_date("Kenya attacked Uganda in February.", WED), "2025-02-01");
    CHECK_STR(heads_s[0], "February");
    /* more than a week ahead: last year's */
    CHECK_STR(KEN_UGA("Kenya attacked Uganda in March.", WED), "2024-03-01");
    /* published on 31 January: "in December" is last December, "in February" this year's */
    CHECK_STR(KEN_UGA("Kenya attacked Uganda in December.", "2025-01-31"), "2024-12-01");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda in February.", "2025-01-31"), "2025-02-01");
    /* in a future sentence: the nearer of this year's and next year's */
    CHECK_STR(KEN_UGA("Kenya will meet Uganda in March.", WED), "2025-03-01");
    CHECK_STR(KEN_UGA("Kenya will meet Uganda in January.", "2025-12-10"), "2026-01-01");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda in February 2021.", WED), "2021-02-01");
    CHECK_STR(one_date("Kenya attacked Uganda in June 2021.", WED), "2021-06-01");
    CHECK_STR(one_date("Kenya attacked Uganda in early June.", "2025-07-10"), "2025-06-01");
    CHECK_STR(one_date("Kenya attacked Uganda in mid-June.", "2025-07-10"), "2025-06-01");
    CHECK_STR(one_date("Kenya has attacked Uganda since September.", WED), "2024-09-01");
    CHECK_STR(one_date("Kenya attacked Uganda last June.", WED), "2024-06-01");
    CHECK_STR(one_date("Kenya attacked Uganda last January.", WED), "2025-01-01");
    CHECK_STR(one_date("Kenya attacked Uganda last February.", WED), "2024-02-01");
    CHECK_STR(one_date("Kenya will attack Uganda next June.", WED), "2025-06-01");
    CHECK_STR(one_date("Kenya attacked Uganda in June of last year.", WED), "2024-06-01");
    CHECK_STR(one_date("Kenya attacked Uganda in May.", "2025-06-01"), "2025-05-01");
}

static void test_years(void) {
    CHECK_STR(KEN_UGA("Kenya attacked Uganda in 2019.", WED), "2019-01-01");
    CHECK_STR(one_date("Kenya attacked Uganda in 2019.", WED), "2019-01-01");
    CHECK_STR(heads_s[0], "2019");
    CHECK_STR(one_date("Kenya attacked Uganda in early 2019.", WED), "2019-01-01");
    CHECK_STR(one_date("Kenya has criticized Uganda since 2014.", WED), "2014-01-01");
    CHECK_STR(one_date("Kenya attacked Uganda during 2019.", WED), "2019-01-01");
    CHECK_STR(one_date("Kenya attacked Uganda in the summer of 2019.", WED), "2019-01-01");
    CHECK_STR(one_date("Kenya attacked Uganda by 2019.", WED), "2019-01-01");
    /* not a date: a deadline, a count, a name, a modifier, a number out of range */
    CHECK_INT(dates("Kenya wants peace with Uganda by 2030.", WED), 0);
    CHECK_INT(dates("Kenya will attack Uganda in 20 years.", WED), 0);
    CHECK_INT(dates("Kenya criticized the Vision 2030 plan of Uganda.", WED), 0);
    CHECK_INT(dates("Kenya criticized Resolution 2254 in Uganda.", WED), 0);
    CHECK_INT(dates("Kenya criticized the 2024 election in Uganda.", WED), 0);
    CHECK_INT(dates("Kenya sent 2019 troops in 1850 boats.", WED), 0);
    CHECK_STR(KEN_UGA("Kenya criticized Uganda over the 2024 election.", WED), "2025-02-12");
}

static void test_relative_periods(void) {
    CHECK_STR(KEN_UGA("Kenya attacked Uganda last month.", WED), "2025-01-01");
    CHECK_STR(one_date("Kenya attacked Uganda last month.", WED), "2025-01-01");
    CHECK_STR(heads_s[0], "month");
    CHECK_STR(KEN_UGA("Kenya will attack Uganda next month.", WED), "2025-03-01");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda this month.", WED), "2025-02-01");
    CHECK_STR(one_date("Kenya attacked Uganda earlier this month.", WED), "2025-02-01");
    CHECK_STR(one_date("Kenya attacked Uganda last month.", "2025-01-20"), "2024-12-01");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda last year.", WED), "2024-01-01");
    CHECK_STR(KEN_UGA("Kenya will attack Uganda next year.", WED), "2026-01-01");
    CHECK_STR(one_date("Kenya attacked Uganda earlier this year.", WED), "2025-01-01");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda last week.", WED), "2025-02-03");
    CHECK_STR(one_date("Kenya attacked Uganda last week.", WED), "2025-02-03");
    CHECK_STR(heads_s[0], "week");
    CHECK_STR(KEN_UGA("Kenya will attack Uganda next week.", WED), "2025-02-17");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda earlier this week.", WED), "2025-02-10");
    /* a bare "this week" is the week of the report: the publication day (the gold's reading) */
    CHECK_STR(KEN_UGA("Kenya attacked Uganda this week.", WED), "2025-02-12");
    /* "more than a week ago", "over a year ago": a bound, no date */
    CHECK_INT(dates("Kenya attacked Uganda more than a week ago.", WED), 0);
    CHECK_INT(dates("Kenya attacked Uganda over a year ago.", WED), 0);
    CHECK_STR(one_date("Kenya attacked Uganda earlier in the week.", WED), "2025-02-10");
    /* published on a Sunday: the week began six days before */
    CHECK_STR(one_date("Kenya attacked Uganda last week.", "2025-02-16"), "2025-02-03");
    CHECK_STR(one_date("Kenya attacked Uganda earlier this week.", "2025-02-16"), "2025-02-10");
    /* a span, no date */
    CHECK_INT(dates("Kenya attacked Uganda over the last week.", WED), 0);
    CHECK_INT(dates("Kenya attacked Uganda in the past year.", WED), 0);
    CHECK_INT(dates("Kenya will attack Uganda within the next month.", WED), 0);
}

static void test_weekend(void) {
    CHECK_STR(one_date("Kenya attacked Uganda at the weekend.", WED), "2025-02-09");
    CHECK_STR(one_date("Kenya attacked Uganda over the weekend.", "2025-02-16"), "2025-02-16");
    CHECK_STR(one_date("Kenya attacked Uganda last weekend.", "2025-02-16"), "2025-02-09");
    CHECK_STR(one_date("Kenya will attack Uganda next weekend.", WED), "2025-02-15");
    CHECK_STR(one_date("Kenya will attack Uganda at the weekend.", WED), "2025-02-15");
    CHECK_INT(dates("Kenya spent a quiet weekend.", WED), 0);
}

static void test_ago(void) {
    CHECK_STR(KEN_UGA("Kenya attacked Uganda two days ago.", WED), "2025-02-10");
    CHECK_STR(one_date("Kenya attacked Uganda two days ago.", WED), "2025-02-10");
    CHECK_STR(heads_s[0], "ago");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda 3 weeks ago.", WED), "2025-01-22");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda a month ago.", WED), "2025-01-12");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda a year ago.", WED), "2024-02-12");
    CHECK_STR(one_date("Kenya attacked Uganda twelve years ago.", WED), "2013-02-12");
    CHECK_STR(one_date("Kenya attacked Uganda one week ago.", WED), "2025-02-05");
    CHECK_STR(one_date("Kenya attacked Uganda hours ago.", WED), "2025-02-12");
    /* months by the calendar, the day clamped */
    CHECK_STR(one_date("Kenya attacked Uganda a month ago.", "2025-03-31"), "2025-02-28");
    CHECK_STR(one_date("Kenya attacked Uganda a year ago.", "2024-02-29"), "2023-02-28");
    /* no count: no date */
    CHECK_INT(dates("Kenya attacked Uganda days ago.", WED), 0);
    CHECK_INT(dates("Long ago Kenya attacked Uganda.", WED), 0);
}

/* ------------------------------------------------------------------ what must not fire */

static void test_must_not_fire(void) {
    /* May the name and the modal */
    CHECK_INT(dates("Theresa May said Kenya attacked Uganda.", WED), 0);
    CHECK_INT(dates("Kenya and Uganda may meet soon.", WED), 0);
    CHECK_INT(dates("May Kenya and Uganda meet soon.", WED), 0);
    CHECK_STR(KEN_UGA("Theresa May said Kenya attacked Uganda.", WED), "2025-02-12");
    CHECK_INT(dates("Kenya was criticized in a speech by May.", WED), 0);
    CHECK_INT(dates("Kenyans criticized May's cabinet in London.", WED), 0);
    /* ... and the month */
    CHECK_STR(one_date("Kenya attacked Uganda in May.", "2025-06-20"), "2025-05-01");
    CHECK_STR(one_date("Kenya attacked Uganda on May 9.", "2025-06-20"), "2025-05-09");
    /* march the noun or verb: only Sunday */
    CHECK_INT(dates("Kenyans held a march on Sunday.", WED), 1);
    CHECK_STR(heads_s[0], "Sunday");
    CHECK_STR(days_s[0], "2025-02-09");
    CHECK_INT(dates("Protesters march on the Ugandan embassy.", WED), 0);
    CHECK_INT(dates("March on, Kenya said.", WED), 0);
    /* "Monday's vote" is a date */
    CHECK_STR(one_date("Monday's vote in Kenya was close.", WED), "2025-02-10");
    /* a count is no day */
    CHECK_STR(one_date("Kenyan troops killed 12 people in June.", "2025-07-10"), "2025-06-01");
    CHECK_STR(heads_s[0], "June");
    CHECK_STR(one_date("Kenyan troops killed 12 people in June 2021.", WED), "2021-06-01");
    CHECK_INT(dates("Kenyan troops killed 12 people in Uganda.", WED), 0);
    /* a lower-case month is no month; a capitalised month alone needs a word that makes it a date */
    CHECK_INT(dates("Kenya attacked Uganda in june.", WED), 0);
    CHECK_INT(dates("June said Kenya attacked Uganda.", WED), 0);
    /* a time of day is no day */
    CHECK_INT(dates("Kenya attacked Uganda at 10:30.", WED), 0);
}

/* ------------------------------------------------------------------ which expression dates an event */

static void test_nearest(void) {
    /* the nearest expression */
    CHECK_STR(KEN_UGA("On Monday Tanzania criticized Uganda and Kenya attacked Uganda on Tuesday.", WED),
              "2025-02-11");
    /* another clause: after a semicolon */
    CHECK_STR(KEN_UGA("Tanzania has criticized Uganda since September; Kenya attacked Uganda last Friday.", WED),
              "2025-02-07");
    CHECK_STR(KEN_UGA("Kenya attacked Uganda; Tanzania criticized Uganda on Friday.", WED), "2025-02-12");
    /* a relative clause after the verb */
    CHECK_STR(KEN_UGA("Kenya attacked Uganda, which held elections in 2019.", WED), "2025-02-12");
    CHECK_STR(KEN_UGA("Kenya met Uganda in Kampala, where talks began on Monday.", WED), "2025-02-12");
    /* a who-clause closed before the verb */
    CHECK_STR(KEN_UGA("The Kenyan president, who was elected last year, criticized Uganda.", WED), "2025-02-12");
    /* but "On Friday, when ..." dates the when-clause's verb */
    CHECK_STR(KEN_UGA("On Friday, when Kenya attacked Uganda, the border closed.", WED), "2025-02-07");
    /* a possessive date after the verb names the noun's day */
    CHECK_STR(KEN_UGA("Kenya criticized Uganda before next week's summit.", WED), "2025-02-12");
    /* a present or future verb is not dated by a clearly past expression */
    CHECK_STR(KEN_UGA("Kenya is criticizing Uganda over the clashes in 2019.", WED), "2025-02-12");
    CHECK_STR(KEN_UGA("Kenya will criticize Uganda over the clashes in 2019.", WED), "2025-02-12");
    CHECK_STR(KEN_UGA("Kenya criticized Uganda over the clashes in 2019.", WED), "2019-01-01");
    CHECK_STR(KEN_UGA("Kenya is criticizing Uganda over the clash on Monday.", WED), "2025-02-10");
}

static void test_no_pub_date(void) {
    CHECK_INT(dates("Kenya attacked Uganda on Monday, June 9, 2021.", ""), 0);
    CHECK_STR(KEN_UGA("Kenya attacked Uganda on June 9, 2021.", ""), "");
}

/* ------------------------------------------------------------------ pathological input */

static void test_pathological(void) {
    /* one sentence of time words, numbers and future markers, no full stop */
    static const char unit[] = "Kenya will attack Uganda on Monday 9 June 2021 , between 3 and 5 June to "
                               "June 7 - 8 in early 2019 two days ago last week said the 9th of May who "
                               "next Tuesday ; 12 people in 20 years May may march ";
    const char *env = getenv("DYAD_TEST_REPEAT");
    size_t times = env && atol(env) > 0 ? (size_t)atol(env) : 5000;
    char *s = t_repeat(unit, times, "Kenya attacked Uganda.");
    CHECK(s != NULL);
    if (!s) return;
    clock_t t0 = clock();
    CHECK_INT(code(s, WED), DYAD_OK);
    double coded = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(DOC->sentences.len >= 1);
    /* the whole scan, with room for every expression */
    size_t cap = times * 16;
    uint32_t *toks = malloc(cap * sizeof *toks);
    int32_t *days = malloc(cap * sizeof *days);
    CHECK(toks && days);
    if (toks && days && DOC->sentences.len) {
        const dy_sentence *se = &DOC->sentences.items[0];
        t0 = clock();
        size_t n = dy_sentence_dates(DOC, D, se->tok_start, se->tok_end, toks, days, cap);
        double scanned = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK(n >= times * 5);
        /* in text order, every head inside the sentence */
        int ordered = 1;
        for (size_t i = 1; i < n; i++) ordered &= toks[i] > toks[i - 1];
        CHECK(ordered);
        CHECK(toks[0] >= se->tok_start && toks[n - 1] < se->tok_end);
        /* generous bounds: a linear scan of this takes milliseconds */
        CHECK(scanned < 2.0);
        CHECK(coded < 30.0);
        if (getenv("DYAD_TEST_VERBOSE"))
            fprintf(stderr, "pathological: %u tokens, %zu dates, scan %.3fs, coding %.3fs\n",
                    se->tok_end - se->tok_start, n, scanned, coded);
    }
    free(toks);
    free(days);
    free(s);
}

int main(void) {
    static const char *const names[] = {"t.actors", "t.agents", "t.verbs"};
    const char *const texts[] = {ACTORS, AGENTS, VERBS};
    D = t_dict(names, texts, 3);
    DOC = dyad_doc_new();
    if (!D || !DOC) { printf("timex: 0 passed, 1 failed\n"); return 1; }
    RUN(test_weekdays_past);
    RUN(test_weekdays_future);
    RUN(test_weekday_before_date);
    RUN(test_today);
    RUN(test_month_day);
    RUN(test_ordinal_day);
    RUN(test_ranges);
    RUN(test_month_alone);
    RUN(test_years);
    RUN(test_relative_periods);
    RUN(test_weekend);
    RUN(test_ago);
    RUN(test_must_not_fire);
    RUN(test_nearest);
    RUN(test_no_pub_date);
    RUN(test_pathological);
    dyad_doc_free(DOC);
    dyad_dict_free(D);
    return test_summary("timex");
}
