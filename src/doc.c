/*
 * doc.c - dyad_code, the pipeline's driver, and the accessors of a coded document.
 *
 * Algorithm: reset the document's arena and arrays (keeping their memory), copy the article,
 * then run the stages in order on the same flat arrays: normalise -> segment/tokenise -> actors
 * -> discourse -> tagger -> events; when the discourse stage learns names the document introduces,
 * the actor and discourse stages run once more so that later mentions of those names are found
 * (the tagger runs after that last pass: it reads the final actor phrases). Each stage appends; nothing is freed until the next document. The collapsed text of
 * each sentence is a slice copy of the normalised text (which has white space folded already).
 */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

dyad_doc *dyad_doc_new(void) {
    dyad_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return NULL;
    dy_arena_init(&doc->arena);
    return doc;
}

void dyad_doc_free(dyad_doc *doc) {
    if (!doc) return;
    dy_arena_free(&doc->arena);
    free(doc->tokens.items);
    free(doc->sentences.items);
    free(doc->phrases.items);
    free(doc->scratch.items);
    free(doc->entities.items);
    free(doc->names.items);
    free(doc->events.items);
    dyad_buf_free(&doc->trace);
    free(doc);
}

const char *dyad_modality_name(dyad_modality m) {
    switch (m) {
    case DYAD_ASSERTED: return "asserted";
    case DYAD_INTENDED: return "intended";
    case DYAD_HYPOTHETICAL: return "hypothetical";
    case DYAD_NEGATED: return "negated";
    }
    return "asserted";
}

static void reset(dyad_doc *doc) {
    dy_arena_reset(&doc->arena);
    doc->tokens.len = doc->sentences.len = doc->phrases.len = doc->events.len = 0;
    doc->entities.len = doc->names.len = doc->scratch.len = 0;
    doc->speaker = NULL;
    dyad_buf_clear(&doc->trace);
    doc->id = doc->date = doc->orig = NULL;
    doc->orig_len = 0;
    doc->sent_text = NULL;
    doc->main_country[0] = 0;
    doc->main_pair[0][0] = doc->main_pair[1][0] = 0;
    memset(&doc->text, 0, sizeof doc->text);
}

int dyad_code(dyad_doc *doc, const dyad_dict *dict, const dyad_article *a, const dyad_options *opt,
              dyad_error *err) {
    if (!doc || !dict || !a) return dy_fail(err, DYAD_ERR_ARG, NULL, 0, -1, "missing document, dictionary or article");
    reset(doc);
    const char *file = a->file ? a->file : "";
    doc->dict = dict;
    doc->tracing = opt && opt->trace;
    doc->id = dy_arena_strndup(&doc->arena, a->id ? a->id : "", a->id ? strlen(a->id) : 0);
    const char *date = opt && opt->date && *opt->date ? opt->date : (a->date ? a->date : "");
    doc->pub_day = DY_NOCODE;
    char iso[11] = "";
    if (*date) {
        if (dyad_parse_date(date, strlen(date), iso) != DYAD_OK)
            return dy_fail(err, DYAD_ERR_DATE, file, a->line, -1, "document %s: bad date '%s'", doc->id ? doc->id : "", date);
        int32_t day;
        if (dy_date_to_days(iso, &day) == 0) {
            doc->pub_day = day;
            dy_civil_from_days(day, &doc->pub_y, &doc->pub_m, &doc->pub_d);
            doc->pub_wd = dy_weekday(day);
        }
    }
    doc->date = dy_arena_strndup(&doc->arena, iso, strlen(iso));
    doc->url = dy_arena_strndup(&doc->arena, a->url ? a->url : "", a->url ? strlen(a->url) : 0);
    doc->source = dy_arena_strndup(&doc->arena, a->source ? a->source : "", a->source ? strlen(a->source) : 0);
    doc->title = dy_arena_strndup(&doc->arena, a->title ? a->title : "", a->title ? strlen(a->title) : 0);
    if (!doc->title) return dy_fail(err, DYAD_ERR_NOMEM, file, a->line, -1, "out of memory");
    if (!doc->url || !doc->source) return dy_fail(err, DYAD_ERR_NOMEM, file, a->line, -1, "out of memory");
    size_t len = a->text ? a->text_len : 0;
    doc->orig = dy_arena_strndup(&doc->arena, a->text ? a->text : "", len);
    if (!doc->id || !doc->date || !doc->orig) return dy_fail(err, DYAD_ERR_NOMEM, file, a->line, -1, "out of memory");
    doc->orig_len = len;
    size_t start = a->body_start <= len ? a->body_start : len;
    if (dy_normalise(&doc->arena, doc->orig, len, start, &doc->text))
        return dy_fail(err, DYAD_ERR_NOMEM, file, a->line, -1, "out of memory");
    if (dy_segment(doc->text.text, doc->text.len, &doc->tokens, &doc->sentences))
        return dy_fail(err, DYAD_ERR_NOMEM, file, a->line, -1, "out of memory");
    size_t ns = doc->sentences.len;
    doc->sent_text = dy_arena_alloc(&doc->arena, (ns ? ns : 1) * sizeof *doc->sent_text);
    if (!doc->sent_text) return dy_fail(err, DYAD_ERR_NOMEM, file, a->line, -1, "out of memory");
    for (size_t i = 0; i < ns; i++) {
        const dy_sentence *s = &doc->sentences.items[i];
        doc->sent_text[i] = dy_arena_strndup(&doc->arena, doc->text.text + s->start, s->end - s->start);
        if (!doc->sent_text[i]) return dy_fail(err, DYAD_ERR_NOMEM, file, a->line, -1, "out of memory");
    }
    doc->frames_off = opt ? opt->frames_off : 0;
    int r = dy_find_actors(doc, dict);
    if (!r) r = dy_discourse(doc, dict);
    /* names the document introduced: find their later mentions, then read the discourse again */
    if (!r && dy_learn_names(doc, dict)) {
        doc->phrases.len = doc->entities.len = 0;
        int tracing = doc->tracing;
        doc->tracing = 0;            /* explain shows the final reading only */
        r = dy_find_actors(doc, dict);
        doc->tracing = tracing;
        if (!r) r = dy_discourse(doc, dict);
    }
    if (!r) r = dy_tag(doc, dict);
    if (!r) r = dy_find_events(doc, dict);
    if (!r) dy_tag_issues(doc, dict);
    if (!r) dy_locate_events(doc, dict);
    if (r) return dy_fail(err, DYAD_ERR_NOMEM, file, a->line, -1, "out of memory");
    return DYAD_OK;
}

const char *dyad_doc_id(const dyad_doc *doc) { return doc->id ? doc->id : ""; }
const char *dyad_doc_date(const dyad_doc *doc) { return doc->date ? doc->date : ""; }
const char *dyad_doc_text(const dyad_doc *doc, size_t *len) {
    if (len) *len = doc->orig_len;
    return doc->orig ? doc->orig : "";
}
size_t dyad_doc_sentence_count(const dyad_doc *doc) { return doc->sentences.len; }

dyad_span dyad_doc_sentence_span(const dyad_doc *doc, size_t i) {
    dyad_span sp = {0, 0};
    if (i >= doc->sentences.len) return sp;
    const dy_sentence *s = &doc->sentences.items[i];
    if (s->end <= s->start) return sp;
    sp = dy_orig_span(doc, s->start, s->end);
    return sp;
}

const char *dyad_doc_sentence_text(const dyad_doc *doc, size_t i) {
    return i < doc->sentences.len && doc->sent_text ? doc->sent_text[i] : "";
}

size_t dyad_doc_event_count(const dyad_doc *doc) { return doc->events.len; }
const dyad_event *dyad_doc_event(const dyad_doc *doc, size_t i) {
    return i < doc->events.len ? &doc->events.items[i] : NULL;
}
size_t dyad_doc_invalid_bytes(const dyad_doc *doc) { return doc->text.invalid; }
const char *dyad_doc_trace(const dyad_doc *doc) { return doc->trace.data ? doc->trace.data : ""; }
