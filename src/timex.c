/*
 * timex.c - the dates a sentence gives its events ("on Tuesday", "yesterday", "on May 9"),
 * resolved against the publication date.
 *
 * Algorithm: one pass over the sentence's tokens; only tokens whose lexeme carries DY_W_TIME (and
 * the capitalised months that are also verbs: May, March) start an expression, so the pass costs a
 * flag test per token. Each expression becomes (token, day); an event takes the day of the
 * expression nearest to its verb, else the publication date.
 */
#include "engine.h"

#include <stdlib.h>

static uint32_t tf(const dyad_doc *doc, uint32_t i) { return doc->tokens.items[i].flags; }


size_t dy_sentence_dates(const dyad_doc *doc, const dyad_dict *d, uint32_t ts, uint32_t te, uint32_t *toks,
                         int32_t *days, size_t cap) {
    size_t count = 0;
    int32_t pub = doc->pub_day;
    if (pub == DY_NOCODE) return 0;
    for (uint32_t i = ts; i < te && count < cap; i++) {
        /* only time words (and the capitalised months that are also verbs: May, March) */
        if (!(dy_lex_flags(d, doc->tokens.items[i].lex) & DY_W_TIME) &&
            !((tf(doc, i) & DY_TOK_CAP) && (dy_tok_is(doc, i, "may") || dy_tok_is(doc, i, "march"))))
            continue;
        size_t n;
        const char *s = dy_tok_text(doc, i, &n);
        int32_t day = DY_NOCODE;
        int wd = dy_weekday_from_name(s, n);
        if (wd >= 0 && n >= 6) {
            int pw = dy_weekday(pub);
            int back = (pw - wd + 7) % 7;
            day = pub - back;
        } else if (n == 9 && !strncasecmp(s, "yesterday", 9)) {
            day = pub - 1;
        } else if (n == 8 && !strncasecmp(s, "tomorrow", 8)) {
            day = pub + 1;
        } else if (n == 4 && !strncasecmp(s, "week", 4) && i > ts && dy_tok_is(doc, i - 1, "last")) {
            day = pub - 7;
        } else {
            int m = dy_month_from_name(s, n);
            if (m && n >= 3) {
                int dd = 0;
                if (i + 1 < te && (tf(doc, i + 1) & DY_TOK_NUM)) {
                    size_t dn;
                    const char *ds = dy_tok_text(doc, i + 1, &dn);
                    dd = atoi(ds);
                } else if (i > ts && (tf(doc, i - 1) & DY_TOK_NUM)) {
                    size_t dn;
                    const char *ds = dy_tok_text(doc, i - 1, &dn);
                    dd = atoi(ds);
                }
                if (dd >= 1 && dd <= 31) {
                    int y, pm, pdd;
                    dy_civil_from_days(pub, &y, &pm, &pdd);
                    int32_t cand = dy_days_from_civil(y, m, dd);
                    if (cand > pub + 7) cand = dy_days_from_civil(y - 1, m, dd);
                    day = cand;
                }
            }
        }
        if (day == DY_NOCODE) continue;
        toks[count] = i;
        days[count++] = day;
    }
    return count;
}

int32_t dy_sentence_day(const dyad_doc *doc, const dyad_dict *d, uint32_t ts, uint32_t te, uint32_t anchor) {
    uint32_t toks[DY_MAX_DATES];
    int32_t days[DY_MAX_DATES];
    size_t n = dy_sentence_dates(doc, d, ts, te, toks, days, DY_MAX_DATES);
    return dy_nearest_day(doc, toks, days, n, anchor);
}

int32_t dy_nearest_day(const dyad_doc *doc, const uint32_t *toks, const int32_t *days, size_t n, uint32_t anchor) {
    int32_t best = doc->pub_day;
    uint32_t best_dist = UINT32_MAX;
    for (size_t k = 0; k < n; k++) {
        uint32_t dist = toks[k] > anchor ? toks[k] - anchor : anchor - toks[k];
        if (dist < best_dist) { best_dist = dist; best = days[k]; }
    }
    return best;
}
