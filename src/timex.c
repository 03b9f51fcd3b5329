/*
 * timex.c - the dates a sentence gives its events, in every common form ("on Tuesday", "next
 * Monday", "yesterday", "last night", "June 9, 2021", "9 June", "on the 9th", "in February",
 * "February 2021", "in 2019", "last month", "next week", "earlier this week", "at the weekend",
 * "two days ago", "June 3-5"), resolved against the publication date.
 *
 * Algorithm: one pass over the sentence's tokens. A token is looked at only when one flag test
 * says it may matter - a time word (DY_W_TIME: weekdays, months, today, week, month, year, night,
 * weekend, ago, overnight, upcoming...), a number token, or a possible future marker (a modal, an
 * intention or speech word, "to"); every other token costs that test alone. An expression is read
 * from its anchor within a window of a few tokens and the pass resumes after its end, so the scan
 * is linear in the sentence. Each expression gives (head token, day): the head is the month, the
 * weekday, the year, "week", "ago"... The rules (a week starts on Monday):
 *  - weekdays (full names): the most recent such day up to the publication day ("on Tuesday"
 *    published on a Tuesday is that day); "last Tuesday": the most recent strictly before it;
 *    "next Tuesday": the next one strictly after it; a weekday in a sentence marked as future
 *    before it: the next one on or after the publication day (the gold data date an event planned
 *    for Friday in an article of a Friday to that very day; "next Friday" is a week later).
 *    Future markers: will/shall/'ll/won't (not "the will", not a capitalised "Will" inside the
 *    sentence), may/might (not "may have"), "would" after a speech word ("said he would"), "to"
 *    after a form of "be" or after set/expected/likely/poised/going/planning/plans/plan/planned/
 *    scheduled/aims/intends (not "is to blame"), "to be", "is due", scheduled, planned, upcoming,
 *    and an earlier "next week/month/year/weekend". A speech word (said, told, announced; not
 *    "will announce", "to say") after a marker cancels it: in "talks that will resume, he said on
 *    Monday" the weekday dates the saying. A weekday right before a written date ("Monday, June
 *    9") gives way to that date.
 *  - today, tonight, "this morning/afternoon/evening": the publication day; yesterday, "last
 *    night", overnight: the day before; tomorrow: the day after.
 *  - "last week" / "earlier (later) this week" / "earlier in the week" / "next
 *    week": the Monday of that week; the same with month (its 1st) and year (January 1st). Not
 *    after a determiner ("over the last week", "the next year": a span, no date). A bare "this
 *    week" is the publication day (the week of the report, as the gold data date it).
 *  - "at/over/during the weekend", "this weekend": the latest Sunday (gold: "at the weekend"
 *    published on a Tuesday is the Sunday before; published on a Saturday, that day); "last
 *    weekend": the Sunday before this week's Monday; "next weekend", or in a future sentence: the
 *    coming Saturday.
 *  - "N days/weeks/months/years ago" (N in digits, one..twelve, a/an): that many back, months and
 *    years by the calendar (the day clamped to the month's length); "hours/minutes ago": the
 *    publication day; "more/less than ... ago" and "over ... ago" are bounds, no date.
 *  - month and day in either order ("June 9", "9 June", "9th of June", "June 9th"), with an
 *    optional year ("June 9, 2021", "9 June 2021", "May 9 of last year"). Ranges give their start:
 *    "June 3-5", "3 to 5 June", "between 3 and 5 June" are read as one expression, and an
 *    expression right after a range word (to, until, till, through, and, a dash) that ends another
 *    is dropped ("from June 3 to June 5", "Monday to Wednesday"). With no year: the publication
 *    year's, or the year before when that day would lie more than a week after the publication
 *    date; in a future sentence, of this year's and next year's the one nearer to the publication
 *    date (published in December, "will vote on January 15" is next January).
 *  - a month with no day: the 1st; "February 2021" -> 2021-02-01. A month needs a capital, and a
 *    month alone needs a word before it that makes it a date (in, since, during, until, till, by,
 *    of, from, through, between, before, after, early, late, mid(-), last, next, this; for May,
 *    also a name, not by/from/through/between/before/after nor before "'s"): "Theresa May said",
 *    "a speech by May", "they may meet", "a march on Sunday" give no month. "in February": the 1st of
 *    February of the publication year, or of the year before when that 1st lies more than a week
 *    after the publication date - the rule of a month and day, so published on 31 January "in
 *    December" is last December and "in February" (tomorrow's month) this year's; in a future
 *    sentence the nearer of this year's and next year's. "last June": the latest June before the
 *    publication month; "next June": the first after it; "this June": the publication year's.
 *  - "on the 9th": the publication month's 9th (the month before's when more than a week ahead;
 *    in a future sentence the month after's when already past).
 *  - a year (four digits, 1900-2100) after in/since/during/of/from/by, also with early/late/mid/
 *    end between ("in early 2019", "mid-2019"): its January 1st; "by" with a year after the
 *    publication year is a deadline, not a date. A year after any other word ("Vision 2030",
 *    "Resolution 2254", "the 2024 election") is left alone: a name or a modifier, not when the
 *    event happened. Counts are never days or years ("killed 12 people in June" is June 1st; "in
 *    20 years" nothing).
 *
 * An event takes the day of the expression nearest to its verb (dy_nearest_day), skipping the
 * expressions of another clause - across a ';', after ", which/where/when/who/whose" that follows
 * the verb, or inside a who/whose clause that a comma closes before the verb ("the minister, who
 * was elected last year, met...") -, an expression after the verb that modifies a noun with "'s"
 * ("before next week's summit"), and, for a verb in the present or the future ("is holding",
 * "will meet", "will be sent"), expressions more than a week before the publication date. With none left:
 * the publication date. These checks look at most DY_CLAUSE_WALK tokens away, so dating every
 * event of a sentence stays linear too.
 */
#include "engine.h"

#include <stdlib.h>

static uint32_t tf(const dyad_doc *doc, uint32_t i) { return doc->tokens.items[i].flags; }
static uint32_t wf(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    return dy_lex_flags(d, doc->tokens.items[i].lex);
}

typedef struct scan {
    const dyad_doc *doc;
    const dyad_dict *d;
    uint32_t ts, te;
    int32_t pub;
    int py, pm, pd, pw;      /* the publication date: year, month, day, weekday */
    int fut;                 /* a future marker stands before the current token */
    int reported;            /* a speech word stands before the current token */
} scan;

typedef struct expr {
    uint32_t start, head, end;   /* tokens [start, end); head: the token the expression is dated at */
    int32_t day;
    int next;                    /* a "next week/month/year/weekend" expression: marks the future */
} expr;

/* Is token k (inside the sentence) the word w? Out of range: no. */
static int is(const scan *s, uint32_t k, const char *w) {
    return k >= s->ts && k < s->te && dy_tok_is(s->doc, k, w);
}

/* Is token k one of the words of the NULL-terminated list? */
static int is_any(const scan *s, uint32_t k, const char *const *ws) {
    if (k < s->ts || k >= s->te) return 0;
    for (; *ws; ws++)
        if (dy_tok_is(s->doc, k, *ws)) return 1;
    return 0;
}

/* A number token of digits, possibly an ordinal ("9", "2021", "9th"): its value, its digit count
 * and whether it is an ordinal. 0 when token k is no such number ("10:30", "1,000", "5km"). */
static int num_at(const scan *s, uint32_t k, int *val, int *ndig, int *ord) {
    if (k < s->ts || k >= s->te || !(tf(s->doc, k) & DY_TOK_NUM)) return 0;
    size_t n;
    const char *t = dy_tok_text(s->doc, k, &n);
    size_t j = 0;
    int v = 0;
    while (j < n && j < 6 && t[j] >= '0' && t[j] <= '9') v = v * 10 + (t[j++] - '0');
    if (j == 0 || j == 6) return 0;
    *ndig = (int)j;
    *ord = 0;
    if (j < n) {
        if (n - j != 2) return 0;
        char a = (char)(t[j] | 0x20), b = (char)(t[j + 1] | 0x20);
        if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
            return 0;
        *ord = 1;
    }
    *val = v;
    return 1;
}

/* A day of the month ("9", "09", "9th"). */
static int day_at(const scan *s, uint32_t k, int *dd) {
    int v, nd, ord;
    if (!num_at(s, k, &v, &nd, &ord) || nd > 2 || v < 1 || v > 31) return 0;
    *dd = v;
    return 1;
}

/* A year ("2021"): four digits, 1900..2100. */
static int year_at(const scan *s, uint32_t k, int *y) {
    int v, nd, ord;
    if (!num_at(s, k, &v, &nd, &ord) || nd != 4 || ord || v < 1900 || v > 2100) return 0;
    *y = v;
    return 1;
}

/* A month name written as a date is (capitalised): 1..12, else 0. "May" is no time word (it is a
 * modal), so it is recognised by its spelling. */
static int month_at(const scan *s, uint32_t k) {
    if (k < s->ts || k >= s->te || !(tf(s->doc, k) & DY_TOK_CAP)) return 0;
    if (!(wf(s->doc, s->d, k) & DY_W_TIME) && !dy_tok_is(s->doc, k, "may")) return 0;
    size_t n;
    const char *t = dy_tok_text(s->doc, k, &n);
    return n >= 3 ? dy_month_from_name(t, n) : 0;
}

static int is_range_word(const scan *s, uint32_t k) {
    static const char *const w[] = {"-", "--", "to", "until", "till", "through", "and", NULL};
    return is_any(s, k, w);
}

/* The day y-m-dd, or DY_NOCODE when that day does not exist (30 February). */
static int32_t civil(int y, int m, int dd) {
    return m >= 1 && m <= 12 && dd >= 1 && dd <= dy_days_in_month(y, m) ? dy_days_from_civil(y, m, dd) : DY_NOCODE;
}

/* y-m-dd with the month brought into 1..12 and the day clamped to its length (for "a month ago"
 * on the 31st). */
static int32_t civil_clamped(int y, int m, int dd) {
    while (m < 1) { m += 12; y--; }
    while (m > 12) { m -= 12; y++; }
    int len = dy_days_in_month(y, m);
    return civil(y, m, dd > len ? len : dd);
}

/* A month and day with no year: the publication year's, unless that is more than a week ahead
 * (last year's); in a future sentence the nearer of this year's and next year's. */
static int32_t resolve_md(const scan *s, int m, int dd, int y) {
    if (y) return civil(y, m, dd);
    y = s->py;
    int32_t z = civil(y, m, dd);
    if (s->fut) {
        int32_t z1 = civil(y + 1, m, dd);
        if (z == DY_NOCODE || (z1 != DY_NOCODE && z1 - s->pub < s->pub - z)) z = z1;
    } else if (z == DY_NOCODE || z > s->pub + 7) {
        z = civil(y - 1, m, dd);
    }
    return z;
}

/* A month with no day: its 1st. mod: 'l' last, 'n' next, 't' this, 0 none. */
static int32_t resolve_month(const scan *s, int m, int y, int mod) {
    if (y) return civil(y, m, 1);
    y = s->py;
    if (mod == 'l') return civil(m < s->pm ? y : y - 1, m, 1);
    if (mod == 'n') return civil(m > s->pm ? y : y + 1, m, 1);
    if (mod == 't') return civil(y, m, 1);
    int32_t z = civil(y, m, 1);
    if (s->fut) {
        int32_t z1 = civil(y + 1, m, 1);
        return z1 - s->pub < s->pub - z ? z1 : z;
    }
    return z > s->pub + 7 ? civil(y - 1, m, 1) : z;
}

/* The Monday of the publication week. */
static int32_t this_monday(const scan *s) { return s->pub - (s->pw + 6) % 7; }

/* "last", "next", "this" (also "earlier/later this", "earlier/later in the") before token k:
 * 'l', 'n', 't' or 0. Not "the last"/"the next"/"the past": a span. */
static int period_mod(const scan *s, uint32_t k) {
    if (k <= s->ts) return 0;
    uint32_t p = k - 1;
    if ((is(s, p, "last") || is(s, p, "past") || is(s, p, "next") || is(s, p, "coming")) && p > s->ts &&
        (wf(s->doc, s->d, p - 1) & (DY_W_DET | DY_W_POSS)))
        return 0;
    if (is(s, p, "last")) return 'l';
    if (is(s, p, "next")) return 'n';
    if (is(s, p, "this")) return 't';
    /* "earlier in the week", "later in the month" */
    if (is(s, p, "the") && is(s, p - 1, "in") && (is(s, p - 2, "earlier") || is(s, p - 2, "later"))) return 't';
    return 0;
}

static const char *const month_preps[] = {"in", "since", "during", "until", "till", "by", "of", "from",
                                          "through", "between", "before", "after", "early", "late", "mid",
                                          "last", "next", "this", NULL};
static const char *const may_preps[] = {"in", "since", "during", "until", "till", "of", "early", "late", "mid",
                                        "last", "next", "this", NULL};

/* The year written after a date at token *j: "2021", ", 2021", "(of) last/this/next year";
 * advances *j past it. 0 when none. */
static int year_after(const scan *s, uint32_t *j) {
    int y;
    uint32_t k = *j;
    if (is(s, k, ",") && year_at(s, k + 1, &y)) { *j = k + 2; return y; }
    if (year_at(s, k, &y)) { *j = k + 1; return y; }
    if (is(s, k, "of")) k++;
    if (is(s, k + 1, "year")) {
        int delta = is(s, k, "last") ? -1 : is(s, k, "next") ? 1 : is(s, k, "this") ? 0 : 2;
        if (delta != 2) { *j = k + 2; return s->py + delta; }
    }
    return 0;
}

/* A month name at k (CAP, m = its number): "June 9[, 2021]", "June 3-5", "June 2021", "in June". */
static int parse_month(const scan *s, uint32_t k, int m, expr *e) {
    uint32_t j = k + 1;
    int dd, y = 0;
    e->start = e->head = k;
    if (day_at(s, j, &dd)) {
        j++;
        int d2;
        if (is_range_word(s, j) && day_at(s, j + 1, &d2) && !month_at(s, j + 2)) j += 2;   /* June 3-5 */
        y = year_after(s, &j);
        e->day = resolve_md(s, m, dd, y);
        e->end = j;
        return e->day != DY_NOCODE;
    }
    if (year_at(s, j, &y)) {               /* February 2021 */
        e->day = civil(y, m, 1);
        e->end = j + 1;
        return 1;
    }
    /* a month alone: only after a word that makes it a date */
    if (k <= s->ts) return 0;
    uint32_t p = k - 1;
    if (is(s, p, "-") && is(s, p - 1, "mid")) p--;   /* mid-June */
    if (!is_any(s, p, month_preps)) return 0;
    /* May is also a name: not "a speech by May", "a letter from May", "in May's cabinet" */
    if (m == 5 && (is(s, k + 1, "'s") || !is_any(s, p, may_preps))) return 0;
    int mod = is(s, p, "last") ? 'l' : is(s, p, "next") ? 'n' : is(s, p, "this") ? 't' : 0;
    j = k + 1;
    y = year_after(s, &j);                           /* "in June of last year" */
    e->day = resolve_month(s, m, y, mod);
    e->end = j;
    return e->day != DY_NOCODE;
}

/* A number at k: "9 June [2021]", "9th of June", "3-5 June", "between 3 and 5 June", "in 2019",
 * "in early 2019", "on the 9th". */
static int parse_number(const scan *s, uint32_t k, expr *e) {
    int dd, y, m;
    e->start = k;
    if (day_at(s, k, &dd)) {
        uint32_t j = k + 1;
        int d2;
        if (is_range_word(s, j) && day_at(s, j + 1, &d2)) j += 2;   /* 3-5 June, 3 and 5 June */
        if (is(s, j, "of")) j++;
        if ((m = month_at(s, j))) {
            e->head = j++;
            y = year_after(s, &j);
            e->day = resolve_md(s, m, dd, y);
            e->end = j;
            return e->day != DY_NOCODE;
        }
    }
    if (year_at(s, k, &y)) {
        static const char *const preps[] = {"in", "since", "during", "of", "from", "by", NULL};
        static const char *const parts[] = {"early", "late", "mid", "end", NULL};
        uint32_t p = k - 1;
        if (k <= s->ts) return 0;
        if (is(s, p, "-") && is(s, p - 1, "mid")) p--;          /* mid-2019 */
        if (is_any(s, p, parts)) p--;                             /* in early 2019 */
        if (!is_any(s, p, preps)) return 0;
        if (is(s, p, "by") && y > s->py) return 0;               /* by 2030: a deadline */
        e->head = k;
        e->end = k + 1;
        e->day = civil(y, 1, 1);
        return 1;
    }
    int v, nd, ord;
    if (num_at(s, k, &v, &nd, &ord) && ord && v >= 1 && v <= 31 && k >= s->ts + 2 && is(s, k - 1, "the")) {
        static const char *const preps[] = {"on", "since", "by", "from", "until", "till", NULL};
        if (!is_any(s, k - 2, preps)) return 0;
        int y0 = s->py, m0 = s->pm;
        int32_t z = civil(y0, m0, v);
        if (s->fut && (z == DY_NOCODE || z < s->pub)) {
            z = m0 == 12 ? civil(y0 + 1, 1, v) : civil(y0, m0 + 1, v);
        } else if (!s->fut && (z == DY_NOCODE || z > s->pub + 7)) {
            z = m0 == 1 ? civil(y0 - 1, 12, v) : civil(y0, m0 - 1, v);
        }
        if (z == DY_NOCODE) return 0;
        e->head = k;
        e->end = k + 1;
        e->day = z;
        return 1;
    }
    return 0;
}

/* The count before a unit word ("two", "3", "a"): 0 when none. */
static int count_at(const scan *s, uint32_t k) {
    static const char *const words[] = {"a", "an", "one", "two", "three", "four", "five", "six", "seven",
                                        "eight", "nine", "ten", "eleven", "twelve", NULL};
    int v, nd, ord;
    if (num_at(s, k, &v, &nd, &ord)) return ord || nd > 4 ? 0 : v;
    if (k < s->ts || k >= s->te) return 0;
    for (int i = 0; words[i]; i++)
        if (dy_tok_is(s->doc, k, words[i])) return i < 2 ? 1 : i - 1;
    return 0;
}

/* "ago" at k: "two days ago", "3 weeks ago", "a month ago", "a year ago", "hours ago". */
static int parse_ago(const scan *s, uint32_t k, expr *e) {
    if (k < s->ts + 1) return 0;
    uint32_t u = k - 1;
    size_t n;
    const char *t = dy_tok_text(s->doc, u, &n);
    if (n && (t[n - 1] | 0x20) == 's') n--;
    int unit = 0;
    if (n == 3 && !strncasecmp(t, "day", 3)) unit = 'd';
    else if (n == 4 && !strncasecmp(t, "week", 4)) unit = 'w';
    else if (n == 5 && !strncasecmp(t, "month", 5)) unit = 'm';
    else if (n == 4 && !strncasecmp(t, "year", 4)) unit = 'y';
    else if ((n == 4 && !strncasecmp(t, "hour", 4)) || (n == 6 && !strncasecmp(t, "minute", 6))) unit = 'h';
    if (!unit) return 0;
    int c = count_at(s, u - 1);
    /* "more than a week ago", "over a year ago": a bound, not a day */
    if (u >= s->ts + 3 && ((is(s, u - 2, "than") && (is(s, u - 3, "more") || is(s, u - 3, "less"))) || is(s, u - 2, "over")))
        return 0;
    if (unit == 'h') c = c ? c : 1;
    if (c <= 0 || c > 1000) return 0;
    e->start = count_at(s, u - 1) ? u - 1 : u;
    e->head = k;
    e->end = k + 1;
    switch (unit) {
    case 'd': e->day = s->pub - c; break;
    case 'w': e->day = s->pub - 7 * c; break;
    case 'm': e->day = civil_clamped(s->py - c / 12, s->pm - c % 12, s->pd); break;
    case 'y': e->day = civil_clamped(s->py - c, s->pm, s->pd); break;
    default: e->day = s->pub; break;
    }
    return 1;
}

/* A weekday at k (wd 0..6, Sunday 0). */
static int parse_weekday(const scan *s, uint32_t k, int wd, expr *e) {
    uint32_t j = k + 1;
    if (is(s, j, ",")) j++;
    int dd;
    int date_follows = (month_at(s, j) && day_at(s, j + 1, &dd)) ||
                       (day_at(s, j, &dd) && (month_at(s, j + 1) || (is(s, j + 1, "of") && month_at(s, j + 2))));
    if (date_follows) return 0;   /* "Monday, June 9": the date itself follows */
    int mode = is(s, k - 1, "last") ? 'l' : is(s, k - 1, "next") ? 'n' : s->fut ? 'f' : 'p';
    int back = (s->pw - wd + 7) % 7, ahead = (wd - s->pw + 7) % 7;
    if (mode == 'l') e->day = s->pub - (back ? back : 7);
    else if (mode == 'n') e->day = s->pub + (ahead ? ahead : 7);
    else if (mode == 'f') e->day = s->pub + ahead;
    else e->day = s->pub - back;
    e->start = mode == 'l' || mode == 'n' ? k - 1 : k;
    e->head = k;
    e->end = k + 1;
    return 1;
}

/* Other time words at k: today, yesterday, last night, this morning, last week, next month... */
static int parse_word(const scan *s, uint32_t k, expr *e) {
    size_t n;
    const char *t = dy_tok_text(s->doc, k, &n);
    e->start = e->head = k;
    e->end = k + 1;
    e->day = DY_NOCODE;
    if ((n == 5 && !strncasecmp(t, "today", 5)) || (n == 7 && !strncasecmp(t, "tonight", 7))) {
        e->day = s->pub;
    } else if ((n == 9 && !strncasecmp(t, "yesterday", 9)) || (n == 9 && !strncasecmp(t, "overnight", 9))) {
        e->day = s->pub - 1;
    } else if (n == 8 && !strncasecmp(t, "tomorrow", 8)) {
        e->day = s->pub + 1;
    } else if (n == 5 && !strncasecmp(t, "night", 5)) {
        if (is(s, k - 1, "last")) e->day = s->pub - 1;
    } else if ((n == 7 && !strncasecmp(t, "morning", 7)) || (n == 7 && !strncasecmp(t, "evening", 7)) ||
               (n == 9 && !strncasecmp(t, "afternoon", 9))) {
        if (is(s, k - 1, "this")) e->day = s->pub;
    } else if (n == 7 && !strncasecmp(t, "weekend", 7)) {
        /* "at/over the weekend", "this weekend": the latest Sunday (the publication day when that is
         * a Saturday); "last weekend": the Sunday before this week's Monday; "next weekend" or a
         * future sentence: the next Saturday (the publication day when that is a Saturday) */
        int mod = period_mod(s, k);
        int the = is(s, k - 1, "the") && (is(s, k - 2, "at") || is(s, k - 2, "over") || is(s, k - 2, "during") ||
                                          is(s, k - 2, "on"));
        if (!mod && !the) return 0;
        if (mod == 'l') e->day = this_monday(s) - 1;
        else if (mod == 'n' || s->fut) e->day = s->pub + (6 - s->pw) + (mod == 'n' && s->pw == 6 ? 7 : 0);
        else e->day = s->pw == 6 ? s->pub : s->pub - s->pw;
        e->next = mod == 'n';
        e->start = k - 1;
    } else if ((n == 4 && !strncasecmp(t, "week", 4)) || (n == 5 && !strncasecmp(t, "month", 5)) ||
               (n == 4 && !strncasecmp(t, "year", 4))) {
        int mod = period_mod(s, k);
        if (!mod) return 0;
        int delta = mod == 'l' ? -1 : mod == 'n' ? 1 : 0;
        /* a bare "this week" is the week of the report: its day (the gold data's reading);
         * "earlier this week" and "earlier in the week" are its Monday */
        int bare_this = mod == 't' && is(s, k - 1, "this") && !is(s, k - 2, "earlier") && !is(s, k - 2, "later");
        if ((t[0] == 'w' || t[0] == 'W') && bare_this) e->day = s->pub;
        else if (t[0] == 'w' || t[0] == 'W') e->day = this_monday(s) + 7 * delta;
        else if (t[0] == 'm' || t[0] == 'M') e->day = civil_clamped(s->py, s->pm + delta, 1);
        else e->day = civil(s->py + delta, 1, 1);
        e->next = mod == 'n';
        e->start = k - 1;
    }
    return e->day != DY_NOCODE;
}

/* Future markers at token k (see the header); updates s->fut and s->reported. */
static void future_marker(scan *s, uint32_t k, uint32_t w, uint32_t to_id) {
    const dyad_doc *doc = s->doc;
    uint32_t lex = doc->tokens.items[k].lex;
    if (w & DY_W_SPEECH) {
        /* "will announce", "is to say", "will also tell": the marker stands */
        uint32_t p = k > s->ts ? k - 1 : k;
        if (p > s->ts && p < k && (wf(doc, s->d, p) & DY_W_ADV)) p--;
        if (p < k && ((wf(doc, s->d, p) & DY_W_MODAL) || (to_id && doc->tokens.items[p].lex == to_id))) return;
        s->fut = 0;
        s->reported = 1;
        return;
    }
    if (w & DY_W_MODAL) {
        if (k > s->ts && (wf(doc, s->d, k - 1) & (DY_W_DET | DY_W_POSS))) return;   /* "the will of" */
        if ((tf(doc, k) & DY_TOK_CAP) && k > s->ts) return;                         /* "Will Smith" */
        if (dy_tok_is(doc, k, "will") || dy_tok_is(doc, k, "shall") || dy_tok_is(doc, k, "'ll") ||
            dy_tok_is(doc, k, "wo") || (s->reported && dy_tok_is(doc, k, "would")))
            s->fut = 1;
        /* "a vote may be held in August" (not "may have met") */
        else if ((dy_tok_is(doc, k, "may") || dy_tok_is(doc, k, "might")) && !is(s, k + 1, "have") &&
                 !is(s, k + 1, "'ve"))
            s->fut = 1;
        return;
    }
    if ((w & DY_W_TIME) && dy_tok_is(doc, k, "upcoming")) { s->fut = 1; return; }
    if (lex && lex == to_id) {
        static const char *const before[] = {"set", "expected", "likely", "poised", "going", "planning", "plans",
                                             "plan", "planned", "scheduled", "aims", "intends", NULL};
        if (is(s, k + 1, "blame")) return;   /* "is to blame" */
        if ((k > s->ts && ((wf(doc, s->d, k - 1) & DY_W_BE) || is_any(s, k - 1, before))) || is(s, k + 1, "be"))
            s->fut = 1;
        return;
    }
    if (w & DY_W_INTENT) {
        if (dy_tok_is(doc, k, "scheduled") || dy_tok_is(doc, k, "planned") ||
            (dy_tok_is(doc, k, "due") && k > s->ts && (wf(doc, s->d, k - 1) & DY_W_BE)))
            s->fut = 1;
    }
}

size_t dy_sentence_dates(const dyad_doc *doc, const dyad_dict *d, uint32_t ts, uint32_t te, uint32_t *toks,
                         int32_t *days, size_t cap) {
    size_t count = 0;
    if (doc->pub_day == DY_NOCODE) return 0;
    scan s = {doc, d, ts, te, doc->pub_day, 0, 0, 0, 0, 0, 0};
    s.py = doc->pub_y;
    s.pm = doc->pub_m;
    s.pd = doc->pub_d;
    s.pw = doc->pub_wd;
    const uint32_t mask = DY_W_TIME | DY_W_MODAL | DY_W_INTENT | DY_W_SPEECH;
    uint32_t to_id = d->lex_to;
    uint32_t last_end = 0;   /* the end of the previous expression + 1 (0: none) */
    for (uint32_t i = ts; i < te && count < cap; i++) {
        const dy_token *t = &doc->tokens.items[i];
        uint32_t w = dy_lex_flags(d, t->lex);
        /* the one test every other token costs */
        if (!(w & mask) && !(t->flags & DY_TOK_NUM) && !(t->lex && t->lex == to_id))
            continue;
        expr e;
        memset(&e, 0, sizeof e);
        int found = 0, m;
        if (t->flags & DY_TOK_NUM) {
            found = parse_number(&s, i, &e);
        } else if ((m = month_at(&s, i))) {
            found = parse_month(&s, i, m, &e);
        } else if (w & DY_W_TIME) {
            size_t n;
            const char *txt = dy_tok_text(doc, i, &n);
            int wd = dy_weekday_from_name(txt, n);
            if (wd >= 0 && n >= 6) found = parse_weekday(&s, i, wd, &e);
            else if (n == 3 && !strncasecmp(txt, "ago", 3)) found = parse_ago(&s, i, &e);
            else found = parse_word(&s, i, &e);
        }
        if (!found) {
            if (w & mask || (t->lex && t->lex == to_id)) future_marker(&s, i, w, to_id);
            continue;
        }
        if (e.next) s.fut = 1;
        /* "from June 3 to June 5", "Monday to Wednesday": the range's start only */
        int range_end = last_end && e.start == last_end && is_range_word(&s, last_end - 1);
        last_end = e.end + 1;
        i = e.end - 1;
        if (range_end) continue;
        toks[count] = e.head;
        days[count++] = e.day;
    }
    return count;
}

int32_t dy_sentence_day(const dyad_doc *doc, const dyad_dict *d, uint32_t ts, uint32_t te, uint32_t anchor) {
    uint32_t toks[DY_MAX_DATES];
    int32_t days[DY_MAX_DATES];
    size_t n = dy_sentence_dates(doc, d, ts, te, toks, days, DY_MAX_DATES);
    return dy_nearest_day(doc, toks, days, n, anchor);
}

/* A relative clause opener: who, whose, which, where, when. */
static int is_relative(const dyad_doc *doc, uint32_t k) {
    return dy_tok_is(doc, k, "who") || dy_tok_is(doc, k, "whose") || dy_tok_is(doc, k, "which") ||
           dy_tok_is(doc, k, "where") || dy_tok_is(doc, k, "when");
}

/* Is the expression at token x in another clause than the verb at v (see dy_nearest_day)? The
 * walks cover at most DY_CLAUSE_WALK tokens; a farther expression counts as in the same clause. */
#define DY_CLAUSE_WALK 40
static int other_clause(const dyad_doc *doc, uint32_t v, uint32_t x) {
    uint32_t lo = v < x ? v : x, hi = v < x ? x : v;
    if (hi - lo > DY_CLAUSE_WALK) return 0;
    int comma = 0;
    for (uint32_t k = lo + 1; k < hi; k++) {
        if (dy_tok_is(doc, k, ";")) return 1;
        /* "the verb ..., which/where ... <date>" */
        if (v < x && k > lo + 1 && is_relative(doc, k) && (dy_tok_is(doc, k - 1, ",") || dy_tok_is(doc, k - 1, "--")))
            return 1;
        if (dy_tok_is(doc, k, ",")) comma = 1;
    }
    if (x < v && comma) {
        /* "... the minister, who was elected <date>, met ...": the date stays in its clause */
        for (uint32_t k = x, steps = 0; k > 0 && steps < DY_CLAUSE_WALK; k--, steps++) {
            uint32_t p = k - 1;
            if (doc->tokens.items[p].flags & DY_TOK_PUNCT) break;
            if (dy_tok_is(doc, p, "who") || dy_tok_is(doc, p, "whose")) return 1;
        }
    }
    return 0;
}

/* A verb in the present ("is holding", "are sent") or the future ("will meet", "will be sent"),
 * read from the two tokens before it. */
static int present_or_future(const dyad_doc *doc, uint32_t v) {
    if (v == 0) return 0;
    uint32_t p = v - 1;
    if (dy_tok_is(doc, p, "is") || dy_tok_is(doc, p, "are") || dy_tok_is(doc, p, "am")) return 1;
    if (dy_tok_is(doc, p, "will") || dy_tok_is(doc, p, "shall") || dy_tok_is(doc, p, "'ll")) return 1;
    return p > 0 && dy_tok_is(doc, p, "be") &&
           (dy_tok_is(doc, p - 1, "will") || dy_tok_is(doc, p - 1, "shall") || dy_tok_is(doc, p - 1, "'ll"));
}

int32_t dy_nearest_day(const dyad_doc *doc, const uint32_t *toks, const int32_t *days, size_t n, uint32_t anchor) {
    int32_t best = doc->pub_day;
    uint32_t best_dist = UINT32_MAX;
    int now = -1;   /* the verb is in the present or the future (computed when needed) */
    for (size_t k = 0; k < n; k++) {
        uint32_t x = toks[k];
        uint32_t dist = x > anchor ? x - anchor : anchor - x;
        if (dist >= best_dist || other_clause(doc, anchor, x)) continue;
        /* "... before next week's summit": the date of the noun after it, not of the verb */
        if (x > anchor && x + 1 < doc->tokens.len && dy_tok_is(doc, x + 1, "'s")) continue;
        if (doc->pub_day != DY_NOCODE && days[k] < doc->pub_day - 7) {
            if (now < 0) now = present_or_future(doc, anchor);
            if (now) continue;   /* "she is criticizing the vote of 2019": now */
        }
        best_dist = dist;
        best = days[k];
    }
    return best;
}
