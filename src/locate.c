/*
 * locate.c - the location stage: where each coded event happened.
 *
 * Algorithm: a place is a gazetteer phrase (.places: "Kharkiv", "Gaza Strip") or a country or
 * capital named after a locative preposition ("in Ukraine", "at Moscow"). For each event, the
 * tokens its source, verb and target spans cover give its clause core [lo, hi). The event's place
 * is, in order of preference: a place inside the core ("shelled Kharkiv", "Russian forces in
 * Donetsk attacked"); the first place after it before a clause boundary (, ; : or a dash)
 * ("attacked a convoy near Goma"); else the place of the sentence nearest the verb. Its country
 * is the place phrase's resolved code (a shared name already took the document's country,
 * actors.c), and its coordinates come from the dictionary line of that code ("@LAT,LON"). One
 * pass over the phrases indexes each sentence's first phrase; each event then looks only at its
 * own sentence's phrases and tokens, so the stage is linear in the document.
 */
#include "engine.h"

#include <string.h>

static int is_place(const dy_phrase *p) {
    if (p->flags & DY_PH_PRON) return 0;
    if (strlen(p->code) < 3 || dy_code_is_intl(p->code) || !strncmp(p->code, "---", 3) || p->code[0] == '?') return 0;
    if (p->flags & DY_PH_PLACE) return 1;
    return (p->flags & DY_PH_LOC) && (p->flags & DY_PH_NAME_ONLY);
}

/* The first token of sentence tokens [ts, te) whose original-text start is >= off (te if none). */
static uint32_t tok_at(const dyad_doc *doc, uint32_t ts, uint32_t te, uint32_t off) {
    uint32_t lo = ts, hi = te;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (doc->text.map[doc->tokens.items[mid].start] < off) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int is_boundary(const dyad_doc *doc, uint32_t i) {
    return dy_tok_is(doc, i, ",") || dy_tok_is(doc, i, ";") || dy_tok_is(doc, i, ":") || dy_tok_is(doc, i, "--") ||
           dy_tok_is(doc, i, "\xe2\x80\x94") || dy_tok_is(doc, i, "\xe2\x80\x93");
}

static void set_place(dyad_doc *doc, const dyad_dict *d, dyad_event *e, const dy_phrase *p) {
    e->place_span = dy_orig_span(doc, doc->tokens.items[p->tok_start].start, doc->tokens.items[p->tok_end - 1].end);
    memcpy(e->place_country, p->code, 3);
    e->place_country[3] = 0;
    e->lat = e->lon = DYAD_NOCOORD;
    if (!p->entry) return;
    const dy_actor_entry *en = &d->actors[p->entry - 1];
    for (uint32_t k = 0; k < en->code_count; k++) {
        const dy_actor_code *c = &d->codes[en->code_start + k];
        if (c->lat != DY_NOCOORD && !strncmp(c->code, p->code, 3)) {
            e->lat = c->lat;
            e->lon = c->lon;
            return;
        }
    }
}

void dy_locate_events(dyad_doc *doc, const dyad_dict *d) {
    size_t ns = doc->sentences.len;
    for (size_t i = 0; i < doc->events.len; i++) {
        dyad_event *e = &doc->events.items[i];
        e->place_span.start = e->place_span.end = 0;
        e->place_country[0] = 0;
        e->lat = e->lon = DYAD_NOCOORD;
    }
    if (!doc->events.len || !ns) return;
    /* first phrase of every sentence + 1 (0: the sentence has none); phrases are in text order */
    uint32_t *first = dy_arena_alloc(&doc->arena, ns * sizeof *first);
    if (!first) return;  /* out of memory: the events keep no place */
    memset(first, 0, ns * sizeof *first);
    for (size_t j = doc->phrases.len; j-- > 0;) {
        uint32_t s = doc->phrases.items[j].sentence;
        if (s < ns) first[s] = (uint32_t)j + 1;
    }
    for (size_t i = 0; i < doc->events.len; i++) {
        dyad_event *e = &doc->events.items[i];
        if (e->sentence >= ns || !first[e->sentence]) continue;
        const dy_sentence *se = &doc->sentences.items[e->sentence];
        const dyad_span spans[3] = {e->source_span, e->verb_span, e->target_span};
        uint32_t lo = UINT32_MAX, hi = 0, verb = UINT32_MAX;
        for (int k = 0; k < 3; k++) {
            if (spans[k].end <= spans[k].start) continue;
            uint32_t a = tok_at(doc, se->tok_start, se->tok_end, spans[k].start);
            uint32_t b = tok_at(doc, a, se->tok_end, spans[k].end);
            if (b <= a) b = a + 1;
            if (a < lo) lo = a;
            if (b > hi) hi = b;
            if (k == 1) verb = a;
        }
        if (lo == UINT32_MAX) continue;
        if (verb == UINT32_MAX) verb = lo;
        const dy_phrase *inside = NULL, *after = NULL, *nearest = NULL;
        uint32_t inside_dist = UINT32_MAX, near_dist = UINT32_MAX;
        for (size_t j = first[e->sentence] - 1; j < doc->phrases.len && doc->phrases.items[j].sentence == e->sentence; j++) {
            const dy_phrase *p = &doc->phrases.items[j];
            if (!is_place(p)) continue;
            uint32_t dist = p->tok_start > verb ? p->tok_start - verb : verb - p->tok_start;
            if (p->tok_start >= lo && p->tok_end <= hi) {
                if (dist < inside_dist) { inside = p; inside_dist = dist; }
            } else if (p->tok_start >= hi && !after) {
                uint32_t k = hi;
                while (k < p->tok_start && !is_boundary(doc, k)) k++;
                if (k == p->tok_start) after = p;
            }
            if (dist < near_dist) { nearest = p; near_dist = dist; }
        }
        const dy_phrase *p = inside ? inside : after ? after : nearest;
        if (p) set_place(doc, d, e, p);
    }
}
