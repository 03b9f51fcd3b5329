/*
 * issues.c - the issues stage: what each event is about, and which sentences are not political
 * news at all.
 *
 * Algorithm: the issue dictionaries (.issues) put their phrases in the trie under a root of their
 * own (DY_ISSUE_ROOT), so a sentence is scanned once: at every token, the longest issue phrase
 * that starts there (case-insensitive) names a topic ("ceasefire", "uranium enrichment" ->
 * NUCLEAR) and the scan continues after it. The sentence's first DYAD_MAX_ISSUES distinct topics,
 * with how often each is named, go on every event of the sentence. A [DISCARD] phrase (a game, a
 * box office, an obituary, the weather, the markets: "Premier League", "box office", "weather
 * forecast") drops the sentence's events, as does a game's score: a violence or threat event
 * (roots 13-20) in a sentence with a score ("2-1", "3 - 0") and no vote ("voted 13-2"). Only
 * sentences that have events are scanned, so the stage costs nothing where nothing was coded.
 */
#include "engine.h"

#include <ctype.h>
#include <string.h>

/* Is token i a small number (a game's score has at most two digits)? */
static int small_number(const dyad_doc *doc, uint32_t i) {
    const dy_token *t = &doc->tokens.items[i];
    uint32_t n = t->end - t->start;
    if (n == 0 || n > 2) return 0;
    for (uint32_t k = t->start; k < t->end; k++)
        if (!isdigit((unsigned char)doc->text.text[k])) return 0;
    return 1;
}

/* A score at token i: "2-1" as one token, or "2", "-", "1". */
static int score_at(const dyad_doc *doc, uint32_t i, uint32_t end) {
    const dy_token *t = &doc->tokens.items[i];
    const char *s = doc->text.text + t->start;
    uint32_t n = t->end - t->start;
    const char *dash = memchr(s, '-', n);
    if (dash && dash > s && dash < s + n - 1) {
        uint32_t a = (uint32_t)(dash - s), b = n - a - 1;
        if (a > 2 || b > 2) return 0;
        for (uint32_t k = 0; k < n; k++)
            if (k != a && !isdigit((unsigned char)s[k])) return 0;
        return 1;
    }
    return i + 2 < end && small_number(doc, i) && dy_tok_is(doc, i + 1, "-") && small_number(doc, i + 2);
}

static int is_vote_word(const dyad_doc *doc, uint32_t i) {
    return dy_tok_is(doc, i, "vote") || dy_tok_is(doc, i, "votes") || dy_tok_is(doc, i, "voted") ||
           dy_tok_is(doc, i, "voting") || dy_tok_is(doc, i, "ballot") || dy_tok_is(doc, i, "margin") ||
           dy_tok_is(doc, i, "majority") || dy_tok_is(doc, i, "ruling") || dy_tok_is(doc, i, "decision");
}

typedef struct sentence_issues {
    uint8_t n, discard, score;
    uint8_t count[DYAD_MAX_ISSUES];
    const char *topic[DYAD_MAX_ISSUES];
} sentence_issues;

static void scan(const dyad_doc *doc, const dyad_dict *d, const dy_sentence *se, sentence_issues *si) {
    memset(si, 0, sizeof *si);
    int vote = 0, score = 0;
    for (uint32_t i = se->tok_start; i < se->tok_end;) {
        if (score_at(doc, i, se->tok_end)) score = 1;
        if (is_vote_word(doc, i)) vote = 1;
        uint32_t node = DY_ISSUE_ROOT, best = 0, best_end = i + 1;
        for (uint32_t k = i; k < se->tok_end; k++) {
            uint32_t w = doc->tokens.items[k].lex;
            if (!w) break;
            node = dy_trie_child(d, node, w);
            if (!node) break;
            if (d->nodes[node].kind == 3) { best = node; best_end = k + 1; }
        }
        if (!best) { i++; continue; }
        const dy_issue_entry *e = &d->issues[d->nodes[best].index];
        if (e->discard) si->discard = 1;
        else {
            const char *t = d->strings + e->topic;
            int k = 0;
            while (k < si->n && strcmp(si->topic[k], t)) k++;
            if (k < si->n) { if (si->count[k] < 255) si->count[k]++; }
            else if (si->n < DYAD_MAX_ISSUES) { si->topic[si->n] = t; si->count[si->n++] = 1; }
        }
        i = best_end;
    }
    si->score = score && !vote;
}

void dy_tag_issues(dyad_doc *doc, const dyad_dict *d) {
    size_t w = 0;
    uint32_t cur = UINT32_MAX;
    sentence_issues si;
    memset(&si, 0, sizeof si);
    for (size_t i = 0; i < doc->events.len; i++) {
        dyad_event e = doc->events.items[i];
        if (e.sentence != cur && e.sentence < doc->sentences.len) {
            cur = e.sentence;
            scan(doc, d, &doc->sentences.items[cur], &si);
        }
        if (si.discard) continue;
        int root = isdigit((unsigned char)e.code[0]) && isdigit((unsigned char)e.code[1])
                       ? (e.code[0] - '0') * 10 + (e.code[1] - '0') : 0;
        if (si.score && root >= 13) continue;
        e.nissues = si.n;
        for (int k = 0; k < DYAD_MAX_ISSUES; k++) {
            e.issues[k] = k < si.n ? si.topic[k] : NULL;
            e.issue_count[k] = k < si.n ? si.count[k] : 0;
        }
        doc->events.items[w++] = e;
    }
    doc->events.len = w;
}
