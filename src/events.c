/*
 * events.c - the event stage: verbs and their groups (voice, modality, negation), the verb
 * patterns of the dictionary, source and target, compounds, coreference of pronouns, event dates.
 *
 * Algorithm (a sparse parse in the manner of TABARI, with clause cues from closed-class words):
 *  1. verbs: a token whose word starts a verb form of the dictionary, with the form's particles
 *     following within GAP tokens, where the tagger (tagger.c) has tagged it a verb; where it
 *     has tagged it a noun, an event noun ('@' entries: "clash", "talks") is tried in its place;
 *  2. the verb group, read backwards over adverbs, negators, auxiliaries, modals and "to": passive
 *     (a form of "be" + past participle), modality (will -> intended, may/could/if -> hypothetical,
 *     not/never -> negated, "set/plans/agreed to" -> intended, "refused to" -> negated);
 *  3. patterns: each pattern of the entry is matched around the verb (literal words in order,
 *     gaps of up to GAP tokens, `$`/`+` binding actor phrases; a literal inside an actor phrase
 *     names the target); the matching pattern with most literal words wins, else the entry's code;
 *  4. source: the pattern's `$`, else the subject: the nearest actor phrase before the verb group
 *     that is not a place, a modifier or the object of a preposition (within SUBJECT_WINDOW
 *     tokens, not across a clause boundary or a quotation mark), the subject of a coordinated
 *     verb or of the verb an infinitive depends on (pronouns are phrases that discourse.c has
 *     resolved); in the passive the
 *     actor after "by" is the source and the subject the target. A noun's source is its
 *     possessor, else the subject of the verb whose object it is;
 *  5. target: the pattern's `+`, else the first actor phrase after the verb inside its clause
 *     (a modifier such as "a United Nations inquiry" only if nothing better); violence with no
 *     actor target but a place targets the place's civilians;
 *  6. events for every pair of a compound source and target (a compound with no target codes the
 *     reciprocal events among its members), both directions for mutual codes (meeting, signing,
 *     fighting), one per (source, code, target) per sentence, dated by the nearest date expression.
 * Every search is bounded by a window (GAP, SUBJECT_WINDOW, MAX_MEMBERS, MAX_SENTENCE_EVENTS), so
 * coding is linear in the length of the document whatever the input.
 */
#include "engine.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GAP 6

void dy_trace(dyad_doc *doc, const char *fmt, ...) {
    if (!doc->tracing) return;
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    dy_buf_append(&doc->trace, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static uint32_t wf(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    return dy_lex_flags(d, doc->tokens.items[i].lex);
}
static uint32_t tf(const dyad_doc *doc, uint32_t i) { return doc->tokens.items[i].flags; }

static int is_adverb(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    if (wf(doc, d, i) & DY_W_ADV) return 1;
    size_t n;
    const char *s = dy_tok_text(doc, i, &n);
    return n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y' && !(tf(doc, i) & DY_TOK_CAP);
}

/* phrase index covering token i, or -1 */
typedef struct sent_ctx {
    dyad_doc *doc;
    const dyad_dict *d;
    uint32_t s, ts, te;            /* sentence, token range */
    size_t p0, p1;                 /* phrases of the sentence [p0, p1) */
    int32_t *tok_phrase;           /* per token of the sentence: phrase index or -1 */
    uint8_t *verb_memo;            /* per token: verb_at's answer, 0 until asked */
    uint32_t first_if;             /* first "if"/"unless" token of the sentence (te if none) */
    uint32_t date_toks[DY_MAX_DATES];  /* the sentence's date expressions and their days */
    int32_t date_days[DY_MAX_DATES];
    size_t ndates;
    int32_t speaker;               /* the phrase of whoever the sentence reports speaking, or -1 */
    const char *frame;             /* the frame filling a role of the event being added, or NULL */
    struct pending_attack *pending; /* attacks waiting for an attacker (frame "attack") */
    size_t *npending;
} sent_ctx;

static int32_t phrase_at(const sent_ctx *c, uint32_t tok) {
    if (tok < c->ts || tok >= c->te) return -1;
    return c->tok_phrase[tok - c->ts];
}

/* Is token k one of `words`? */
static int word_is(const dyad_doc *doc, uint32_t k, const char *const *words) {
    for (int i = 0; words[i]; i++) if (dy_tok_is(doc, k, words[i])) return 1;
    return 0;
}

static int clause_stop(const sent_ctx *c, uint32_t i) {
    return dy_tok_is(c->doc, i, ";") || dy_tok_is(c->doc, i, ":");
}

/* ------------------------------------------------------------------ verbs */

typedef struct verb_hit {
    uint32_t tok, end;             /* first token, one past the last particle */
    const dy_verb_form *form;
} verb_hit;

/* Does a multi-word form (a phrasal verb "call off", "sent ... home") match at token i? Its words
 * come in order; an object may stand between them (at most GAP tokens: "called the strike off"),
 * but not a comma, another preposition, a conjunction or another verb: past those the particle
 * belongs to another phrase ("calls on the embassy in Pretoria" is not "call in"). A particle
 * separated from the verb that opens a noun phrase of its own is a preposition ("killed five
 * soldiers off the coast" is not "kill off"). */
static int match_form(const sent_ctx *c, uint32_t i, const dy_verb_form *f, uint32_t *end) {
    const dyad_dict *d = c->d;
    const dyad_doc *doc = c->doc;
    uint32_t k = i + 1;
    for (uint32_t w = 1; w < f->nwords; w++) {
        uint32_t want = d->words[f->word_start + w], lim = k + GAP, from = k;
        while (k < c->te && k < lim && doc->tokens.items[k].lex != want && !clause_stop(c, k)) {
            uint32_t fl = wf(doc, d, k);
            if (dy_tok_is(doc, k, ",") || (fl & (DY_W_PREP | DY_W_CONJ)) || doc->tokens.items[k].tag == DY_TAG_VERB)
                return 0;
            k++;
        }
        if (k >= c->te || k >= lim || doc->tokens.items[k].lex != want) return 0;
        if (k > from && w + 1 == (uint32_t)f->nwords && k + 1 < c->te &&
            (wf(doc, d, k + 1) & (DY_W_DET | DY_W_POSS | DY_W_NUM)))
            return 0;
        k++;
    }
    *end = k;
    return 1;
}

/* The longest verb form (noun = 0) or event-noun form (noun = 1) starting at token i. */
static int find_form(const sent_ctx *c, uint32_t i, int noun, verb_hit *h) {
    const dyad_dict *d = c->d;
    uint32_t lex = c->doc->tokens.items[i].lex;
    if (!lex || !d->lex[lex].verb_first) return 0;
    const dy_verb_form *best = NULL;
    uint32_t best_end = 0;
    for (uint32_t f = d->lex[lex].verb_first; f; f = d->forms[f - 1].next) {
        const dy_verb_form *vf = &d->forms[f - 1];
        if (d->verbs[vf->entry].noun != noun) continue;
        uint32_t end;
        if (match_form(c, i, vf, &end) && (!best || vf->nwords > best->nwords)) {
            best = vf;
            best_end = end;
        }
    }
    if (!best) return 0;
    h->tok = i;
    h->end = best_end;
    h->form = best;
    return 1;
}

static int find_verb(const sent_ctx *c, uint32_t i, verb_hit *h) { return find_form(c, i, 0, h); }

/* Is the verb form at token i used as a verb here? The tagger (tagger.c) has said so. */
static int verb_position(const sent_ctx *c, uint32_t i, const dy_verb_form *f) {
    return c->doc->tokens.items[i].tag == DY_TAG_VERB;
}

/* ------------------------------------------------------------------ verb group */

typedef struct vgroup {
    uint32_t start;                /* first token of the group (auxiliaries) */
    int passive;
    dyad_modality modality;
    int refusal;
    int will_not;                  /* will / would / shall not: a refusal when the action is a concession */
    int agreed;                    /* "agreed to": an agreement reached, not a plan announced */
    int habitual;                  /* "regularly carry out", "frequently mount": background, no event */
    int reduced;                   /* a participle with no "be" before "by": "police, backed by troops," */
} vgroup;

/* Adverbs that make an act a habit the article describes, not an event it reports. */
static int habitual_adverb(const dyad_doc *doc, uint32_t k) {
    static const char *const words[] = {"regularly", "frequently", "often", "routinely", "usually", "typically",
                                        "habitually", "customarily", "periodically", "sometimes", "occasionally",
                                        "generally", "traditionally", "normally", NULL};
    return word_is(doc, k, words);
}

static void verb_group(const sent_ctx *c, const verb_hit *v, vgroup *g) {
    dyad_doc *doc = c->doc;
    const dyad_dict *d = c->d;
    memset(g, 0, sizeof *g);
    g->modality = DYAD_ASSERTED;
    uint32_t i = v->tok;
    int saw_be = 0, saw_to = 0;
    int hypothetical = 0, intended = 0, negated = 0, future = 0;
    while (i > c->ts) {
        uint32_t p = i - 1;
        uint32_t w = wf(doc, d, p);
        if (w & DY_W_BE) { saw_be = 1; i = p; continue; }
        if (w & DY_W_HAVE) { i = p; continue; }
        if (w & DY_W_MODAL) {
            if (dy_tok_is(doc, p, "will") || dy_tok_is(doc, p, "shall") || dy_tok_is(doc, p, "'ll") || dy_tok_is(doc, p, "wo"))
                intended = future = 1;
            else if (dy_tok_is(doc, p, "would"))
                intended = future = 1;
            else if (dy_tok_is(doc, p, "must") || dy_tok_is(doc, p, "should"))
                intended = 1;
            else
                hypothetical = 1;
            i = p;
            continue;
        }
        if (w & DY_W_NEG) { negated = 1; i = p; continue; }
        if (dy_tok_is(doc, p, "do") || dy_tok_is(doc, p, "does") || dy_tok_is(doc, p, "did")) { i = p; continue; }
        if (habitual_adverb(doc, p)) { g->habitual = 1; i = p; continue; }
        if (is_adverb(doc, d, p)) { i = p; continue; }
        if (dy_tok_is(doc, p, "to")) {
            saw_to = 1;
            i = p;
            /* what governs the infinitive */
            if (p > c->ts) {
                uint32_t q = p - 1;
                uint32_t qw = wf(doc, d, q);
                if (qw & DY_W_REFUSE) { g->refusal = 1; negated = 1; }
                else if ((qw & DY_W_INTENT) || (qw & DY_W_BE)) intended = 1;
                if (dy_tok_is(doc, q, "agreed") || dy_tok_is(doc, q, "agree") || dy_tok_is(doc, q, "agrees") ||
                    dy_tok_is(doc, q, "agreeing"))
                    g->agreed = 1;
                if (qw & (DY_W_INTENT | DY_W_REFUSE | DY_W_BE)) {
                    i = q;
                    /* and its own auxiliaries: "is set to", "had agreed to", "did not want to" */
                    while (i > c->ts) {
                        uint32_t r = wf(doc, d, i - 1);
                        if (r & (DY_W_BE | DY_W_HAVE | DY_W_MODAL | DY_W_NEG) || is_adverb(doc, d, i - 1) ||
                            dy_tok_is(doc, i - 1, "did") || dy_tok_is(doc, i - 1, "does") || dy_tok_is(doc, i - 1, "do")) {
                            if (r & DY_W_NEG) negated = 1;
                            if (r & DY_W_MODAL) {
                                if (dy_tok_is(doc, i - 1, "may") || dy_tok_is(doc, i - 1, "might") ||
                                    dy_tok_is(doc, i - 1, "could"))
                                    hypothetical = 1;
                            }
                            i--;
                        } else {
                            break;
                        }
                    }
                    /* "set to" is a participle after a form of be */
                }
            }
            break;
        }
        break;
    }
    g->start = i;
    g->passive = saw_be && !saw_to && v->form->tense == DY_FORM_PAST;
    /* "if" / "unless" earlier in the sentence's clause */
    if (c->first_if < g->start) hypothetical = 1;
    g->will_not = negated && future && !hypothetical;
    if (negated && !g->refusal) g->modality = DYAD_NEGATED;
    else if (hypothetical) g->modality = DYAD_HYPOTHETICAL;
    else if (intended || g->refusal) g->modality = g->refusal ? DYAD_NEGATED : DYAD_INTENDED;
}

/* ------------------------------------------------------------------ patterns */

typedef struct binding {
    int32_t source, target, both;  /* phrase indices, -1 none */
    uint32_t last;                 /* last token used after the verb */
} binding;

/* Does the phrase starting near `from` (within GAP tokens) exist? Returns its index. */
static int32_t phrase_near(const sent_ctx *c, uint32_t from, uint32_t limit, int forward) {
    if (forward) {
        for (uint32_t k = from; k < c->te && k < from + GAP + 1 && k < limit; k++) {
            if (clause_stop(c, k) || (k > from && (tf(c->doc, k) & DY_TOK_QUOTE))) return -1;
            int32_t p = phrase_at(c, k);
            if (p >= 0 && c->doc->phrases.items[p].tok_start == k) {
                const dy_phrase *ph = &c->doc->phrases.items[p];
                /* '..., he said': the subject of a reporting clause is nobody's object */
                if (ph->tok_end < c->te && (wf(c->doc, c->d, ph->tok_end) & DY_W_SPEECH)) return -1;
                return p;
            }
        }
    } else {
        for (uint32_t k = from + 1; k > c->ts && k + GAP + 1 > from + 1 && k > limit; k--) {
            if (clause_stop(c, k - 1)) return -1;
            int32_t p = phrase_at(c, k - 1);
            if (p >= 0) return p;
        }
    }
    return -1;
}

static int words_at(const sent_ctx *c, uint32_t k, const dy_pat_opt *o) {
    for (uint32_t w = 0; w < o->nwords; w++) {
        if (k + w >= c->te) return 0;
        if (c->doc->tokens.items[k + w].lex != c->d->words[o->word_start + w]) return 0;
    }
    return 1;
}

static int usable(const dy_phrase *p) { return !(p->flags & (DY_PH_LOC | DY_PH_MOD)); }

static int match_pattern(const sent_ctx *c, const verb_hit *v, const vgroup *g, const dy_pattern *p, binding *b) {
    const dyad_dict *d = c->d;
    b->source = b->target = b->both = -1;
    b->last = v->end;
    const dy_pat_elem *el = d->elems + p->elem_start;
    uint32_t vi = 0;
    while (vi < p->elem_count && el[vi].type != DY_PE_VERB) vi++;
    /* forward */
    uint32_t k = v->end;
    for (uint32_t e = vi + 1; e < p->elem_count; e++) {
        const dy_pat_elem *x = &el[e];
        if (x->type == DY_PE_WORDS) {
            int found = 0;
            for (uint32_t q = k; q < c->te && q <= k + GAP && !found; q++) {
                if (clause_stop(c, q)) break;
                /* "met China, with Turkey joining": a comma after an object ends the skipping */
                if (q > k && dy_tok_is(c->doc, q, ",") && phrase_at(c, q - 1) >= 0 &&
                    usable(&c->doc->phrases.items[phrase_at(c, q - 1)]))
                    break;
                for (uint32_t o = 0; o < x->opt_count; o++) {
                    const dy_pat_opt *op = &d->opts[x->opt_start + o];
                    if (words_at(c, q, op)) {
                        k = q + op->nwords;
                        found = 1;
                        /* "expelling US diplomats": a literal inside an actor phrase names the target */
                        int32_t ph = phrase_at(c, q);
                        if (ph >= 0 && b->target < 0 && !(c->doc->phrases.items[ph].flags & (DY_PH_LOC | DY_PH_MOD))) {
                            b->target = ph;
                            if (c->doc->phrases.items[ph].tok_end > k) k = c->doc->phrases.items[ph].tok_end;
                        }
                        break;
                    }
                }
            }
            if (!found) return 0;
        } else {
            int32_t ph = phrase_near(c, k, c->te, 1);
            if (ph < 0) return 0;
            if (x->type == DY_PE_SOURCE) b->source = ph;
            else if (x->type == DY_PE_TARGET) b->target = ph;
            else b->both = ph;
            k = c->doc->phrases.items[ph].tok_end;
        }
    }
    b->last = k;
    /* backward: a literal right before the verb may stand inside the verb group ("sexually
     * abused", "forcibly displaced"), an actor only before it */
    k = vi > 0 && el[vi - 1].type == DY_PE_WORDS ? v->tok : g->start;
    for (uint32_t e = vi; e-- > 0;) {
        const dy_pat_elem *x = &el[e];
        if (x->type == DY_PE_WORDS) {
            int found = 0;
            for (uint32_t q = k; q > c->ts && q + GAP + 1 > k && !found; q--) {
                if (clause_stop(c, q - 1)) break;
                for (uint32_t o = 0; o < x->opt_count; o++) {
                    const dy_pat_opt *op = &d->opts[x->opt_start + o];
                    if (q >= op->nwords && q - op->nwords >= c->ts && words_at(c, q - op->nwords, op)) {
                        k = q - op->nwords;
                        found = 1;
                        break;
                    }
                }
            }
            if (!found) return 0;
        } else {
            int32_t ph = phrase_near(c, k == 0 ? 0 : k - 1, c->ts, 0);
            if (ph < 0) return 0;
            if (x->type == DY_PE_SOURCE) b->source = ph;
            else if (x->type == DY_PE_TARGET) b->target = ph;
            else b->both = ph;
            k = c->doc->phrases.items[ph].tok_start;
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ source and target */

static int prep_object(const sent_ctx *c, const dy_phrase *p) {
    uint32_t b = p->tok_start;
    while (b > c->ts && (wf(c->doc, c->d, b - 1) & (DY_W_DET | DY_W_NUM))) b--;
    if (b <= c->ts) return 0;
    uint32_t w = wf(c->doc, c->d, b - 1);
    return (w & DY_W_PREP) && !(w & DY_W_SUB);
}


/* The subject: the nearest usable phrase before `start` in the clause; after a relative pronoun
 * ("bases that host U.S. troops") only the phrase the pronoun follows. */
#define SUBJECT_WINDOW 48

static int verb_at(const sent_ctx *c, uint32_t k);

/* "the attack by Russian troops killed ...": a phrase after "by" that follows an event noun is
 * the noun's agent, and so the subject of the verb after it. */
static int by_agent_of_noun(const sent_ctx *c, const dy_phrase *p) {
    if (p->tok_start < c->ts + 2 || !dy_tok_is(c->doc, p->tok_start - 1, "by")) return 0;
    uint32_t lex = c->doc->tokens.items[p->tok_start - 2].lex;
    return lex && c->d->lex[lex].verb_first && !(tf(c->doc, p->tok_start - 2) & DY_TOK_CAP) &&
           !verb_at(c, p->tok_start - 2);
}

static int32_t find_subject(const sent_ctx *c, uint32_t start) {
    /* (a relative pronoun, not an actor written the same: "the WHO criticized") */
    if (start > c->ts && phrase_at(c, start - 1) < 0 &&
        (dy_tok_is(c->doc, start - 1, "that") || dy_tok_is(c->doc, start - 1, "which") ||
         dy_tok_is(c->doc, start - 1, "who"))) {
        uint32_t k = start - 1;
        if (k > c->ts && dy_tok_is(c->doc, k - 1, ",")) k--;
        int32_t p = k > c->ts ? phrase_at(c, k - 1) : -1;
        if (p >= 0 && usable(&c->doc->phrases.items[p])) return p;
        /* "women in Nairobi who were demonstrating": a place is no "who"; the phrase before its
         * preposition is */
        if (p >= 0 && dy_tok_is(c->doc, start - 1, "who") &&
            (c->doc->phrases.items[p].flags & (DY_PH_LOC | DY_PH_PLACE))) {
            uint32_t b = c->doc->phrases.items[p].tok_start;
            int32_t q = b >= c->ts + 2 && (wf(c->doc, c->d, b - 1) & DY_W_PREP) ? phrase_at(c, b - 2) : -1;
            if (q >= 0 && usable(&c->doc->phrases.items[q])) return q;
        }
        /* "a European Parliament resolution that criticised", "an Israeli strike that killed": the
         * name modifying the noun the clause is about is its agent */
        uint32_t q = k, words = 0;
        while (q > c->ts && words < 3 && phrase_at(c, q - 1) < 0 && (tf(c->doc, q - 1) & DY_TOK_WORD) &&
               !(tf(c->doc, q - 1) & DY_TOK_CAP) && c->doc->tokens.items[q - 1].tag != DY_TAG_VERB &&
               c->doc->tokens.items[q - 1].tag != DY_TAG_OTHER &&
               !(wf(c->doc, c->d, q - 1) & (DY_W_PREP | DY_W_DET | DY_W_POSS | DY_W_CONJ | DY_W_SUB | DY_W_PRON | DY_W_NUM))) {
            q--;
            words++;
        }
        p = words && q > c->ts ? phrase_at(c, q - 1) : -1;
        if (p >= 0 && !(c->doc->phrases.items[p].flags & DY_PH_LOC) && c->doc->phrases.items[p].code[0] != '?' &&
            ((c->doc->phrases.items[p].flags & DY_PH_MOD) || !prep_object(c, &c->doc->phrases.items[p])))
            return p;
        /* "that" after a speech verb starts a complement clause: its subject follows; else none */
        return -1;
    }
    /* the phrases before `start`, nearest first, within a bounded window (linear time) */
    uint32_t lo = start > c->ts + SUBJECT_WINDOW ? start - SUBJECT_WINDOW : c->ts;
    for (uint32_t t = start; t > lo;) {
        int32_t pi = phrase_at(c, t - 1);
        if (pi < 0) {
            /* a clause boundary or a quotation mark between the subject and its verb; a reporting
             * verb ("X said an attack wounded Y"): its speaker is not the subject of what it reports */
            if (clause_stop(c, t - 1) || (tf(c->doc, t - 1) & DY_TOK_QUOTE)) return -1;
            if ((wf(c->doc, c->d, t - 1) & DY_W_SPEECH) && c->doc->tokens.items[t - 1].tag == DY_TAG_VERB &&
                !(tf(c->doc, t - 1) & DY_TOK_INQUOTE) && !dy_tok_is(c->doc, t - 1, "according")) {
                /* "Russia said that it is expelling": a pronoun subject of the report is its speaker */
                int pron = 0;
                for (uint32_t q = t; q < start && !pron; q++)
                    pron = (wf(c->doc, c->d, q) & DY_W_PRON) && phrase_at(c, q) < 0;
                if (!pron) return -1;
            }
            t--;
            continue;
        }
        size_t i = (size_t)pi;
        const dy_phrase *p = &c->doc->phrases.items[i];
        t = p->tok_start;
        if ((p->flags & DY_PH_MOD) && !(p->flags & DY_PH_LOC) && !prep_object(c, p)) {
            /* a name modifying the subject noun: "a USAID disaster specialist arrived" */
            uint32_t k = p->tok_end;
            while (k < start && (tf(c->doc, k) & DY_TOK_WORD) && !(tf(c->doc, k) & DY_TOK_CAP) &&
                   !wf(c->doc, c->d, k))
                k++;
            if (k == start && k > p->tok_end) return (int32_t)i;
        }
        if (!usable(p)) continue;
        /* "a phalanx of riot police barricaded": an of-phrase right before the verb is its subject */
        if (prep_object(c, p) && !(p->tok_end == start && p->tok_start > c->ts + 1 &&
                                   (dy_tok_is(c->doc, p->tok_start - 1, "of") || by_agent_of_noun(c, p) ||
                                    (dy_tok_is(c->doc, p->tok_start - 2, "of") &&
                                     (wf(c->doc, c->d, p->tok_start - 1) & DY_W_DET)))))
            continue;
        return (int32_t)i;
    }
    return -1;
}

/* Is token k a verb in verb position? Asked by several searches about the same tokens, so the
 * answer is kept per sentence (0 unknown, 1 no, 2 yes). */
static int verb_at(const sent_ctx *c, uint32_t k) {
    uint8_t *m = &c->verb_memo[k - c->ts];
    if (!*m) {
        verb_hit h;
        *m = find_verb(c, k, &h) && verb_position(c, k, h.form) ? 2 : 1;
    }
    return *m == 2;
}

/* The object: the first usable phrase after the verb, before the next clause (a subordinator, a
 * speech verb or another verb); a modifier ("a United Nations inquiry") only if nothing better.
 * With after_by, the phrase after "by" (the agent of a passive). */
static int32_t find_object(const sent_ctx *c, uint32_t from, int after_by) {
    dyad_doc *doc = c->doc;
    if (after_by) {
        for (uint32_t k = from; k < c->te && k < from + 8; k++) {
            if (clause_stop(c, k)) return -1;
            if (dy_tok_is(doc, k, "by")) return phrase_near(c, k + 1, c->te, 1);
        }
        return -1;
    }
    int32_t fallback = -1;
    for (uint32_t k = from; k < c->te && k < from + 16; k++) {
        if (clause_stop(c, k) || (tf(doc, k) & DY_TOK_DASH)) break;
        uint32_t w = wf(doc, c->d, k);
        if (k > from && (w & (DY_W_SUB | DY_W_SPEECH)) && phrase_at(c, k) < 0) break;
        int32_t p = phrase_at(c, k);
        if (p < 0) {
            /* another verb ends the clause, unless it is an infinitive of purpose ("to stop") */
            if (k > from && verb_at(c, k) && !dy_tok_is(doc, k - 1, "to")) break;
            continue;
        }
        const dy_phrase *ph = &doc->phrases.items[p];
        if (ph->tok_start != k) continue;
        /* "..., Palestinian officials said": the subject of a reporting clause ends the search */
        if (ph->tok_end < c->te && (wf(doc, c->d, ph->tok_end) & DY_W_SPEECH)) break;
        if (ph->flags & DY_PH_MOD) {
            /* "a United Nations inquiry" names who is asked; "the sidelines of the BRICS summit" does not */
            uint32_t b = ph->tok_start;
            while (b > c->ts && (wf(doc, c->d, b - 1) & DY_W_DET)) b--;
            int of = b > c->ts && dy_tok_is(doc, b - 1, "of");
            if (fallback < 0 && (ph->flags & DY_PH_NAME_ONLY) && !(ph->flags & DY_PH_PLACE) && !of) fallback = p;
        } else if (!(ph->flags & DY_PH_LOC)) {
            return p;
        }
        k = ph->tok_end - 1;
    }
    return fallback;
}

static int32_t sentence_date(const sent_ctx *c, uint32_t verb) {
    return dy_nearest_day(c->doc, c->date_toks, c->date_days, c->ndates, verb);
}

/* ------------------------------------------------------------------ events */

static int reciprocal(const char *code) {
    static const char *const codes[] = {"030", "031", "0311", "0312", "0356", "036", "037", "040", "043", "046",
                                        "050", "057", "061", "062", "064", "0871", "190", "182", NULL};
    for (int i = 0; codes[i]; i++) if (!strcmp(codes[i], code)) return 1;
    return 0;
}

static dyad_span phrase_span(const dyad_doc *doc, uint32_t ts, uint32_t te) {
    dyad_span sp = {0, 0};
    if (te <= ts) return sp;
    return dy_orig_span(doc, doc->tokens.items[ts].start, doc->tokens.items[te - 1].end);
}

/* A sentence codes at most this many events (a bound that keeps pathological lists linear). */
#define MAX_SENTENCE_EVENTS 64

/* The agent part of an actor code ("COP" of "KENCOP"), "" if none. */
static const char *agent_of(const char *code) { return strlen(code) >= 6 ? code + 3 : ""; }

/* Kinds of agent: 'f' the armed forces and police (MIL, COP), 's' the state (GOV, MIL, COP, SPY,
 * JUD), 'p' the people (CVL, OPP). Is the agent of `code` of kind k? */
static int agent_kind(const char *code, int k) {
    static const char *const forces[] = {"MIL", "COP", NULL}, *const state[] = {"GOV", "MIL", "COP", "SPY", "JUD", NULL},
                             *const people[] = {"CVL", "OPP", NULL};
    const char *const *list = k == 'f' ? forces : k == 's' ? state : people;
    const char *a = agent_of(code);
    for (int i = 0; list[i]; i++)
        if (!strncmp(a, list[i], 3)) return 1;
    return 0;
}

/* Clashes between a state's security forces and its own people are, in the codebook, a violent
 * protest by the people (145) and violent repression by the forces (175), not fighting (190). */
static const char *clash_code(const char *code, const dy_phrase *src, const dy_phrase *tgt) {
    if (!tgt || strcmp(code, "190") || strncmp(src->code, tgt->code, 3)) return code;
    if (agent_kind(src->code, 'p') && agent_kind(tgt->code, 'f')) return "145";
    if (agent_kind(src->code, 'f') && agent_kind(tgt->code, 'p')) return "175";
    return code;
}

static int add_event(const sent_ctx *c, const dy_phrase *src, const dy_phrase *tgt, const char *code,
                     dyad_modality mod, int32_t day, const verb_hit *v, uint16_t rule_file, uint32_t rule_line,
                     size_t first_event) {
    dyad_doc *doc = c->doc;
    code = clash_code(code, src, tgt);
    const dyad_cameo *cam = dyad_cameo_find(code);
    if (!cam) {
        dy_trace(doc, "    no event: code %s is not a CAMEO code\n", code);
        return DYAD_OK;
    }
    const char *tcode = tgt ? tgt->code : "";
    if (tgt && !strcmp(src->code, tcode)) {
        dy_trace(doc, "    no event: source and target are both %s\n", tcode);
        return DYAD_OK;
    }
    if (doc->events.len - first_event >= MAX_SENTENCE_EVENTS) {
        dy_trace(doc, "    no event: more than %d events in one sentence\n", MAX_SENTENCE_EVENTS);
        return DYAD_OK;
    }
    for (size_t i = first_event; i < doc->events.len; i++) {
        const dyad_event *e = &doc->events.items[i];
        if (!strcmp(e->source, src->code) && !strcmp(e->target, tcode) && !strcmp(e->code, code)) return DYAD_OK;
    }
    dyad_event *e = DY_PUSH(doc->events);
    if (!e) return DYAD_ERR_NOMEM;
    e->sentence = c->s;
    dy_code_cat(e->source, src->code, 15, NULL);
    dy_code_cat(e->target, tcode, 15, NULL);
    snprintf(e->code, sizeof e->code, "%s", code);
    e->cameo = cam;
    e->modality = mod;
    if (day != DY_NOCODE) dy_days_to_date(day, e->date);
    e->source_span = phrase_span(doc, src->tok_start, src->tok_end);
    e->verb_span = phrase_span(doc, v->tok, v->tok + 1);
    if (tgt) e->target_span = phrase_span(doc, tgt->tok_start, tgt->tok_end);
    e->rule_file = c->d->files[rule_file];
    e->rule_line = rule_line;
    e->confidence = dy_rule_confidence(c->d, rule_file, rule_line);
    e->frame = c->frame;
    if (c->speaker >= 0) {
        const dy_phrase *sp = &doc->phrases.items[c->speaker];
        dy_code_cat(e->speaker, sp->code, 15, NULL);
        e->speaker_span = phrase_span(doc, sp->tok_start, sp->tok_end);
    }
    e->quoted = (tf(doc, v->tok) & DY_TOK_INQUOTE) != 0;
    dy_trace(doc, "    EVENT %s %s %s (%s, %s, %s:%u)\n", e->source, e->code, e->target[0] ? e->target : "-",
             dyad_modality_name(mod), e->date, e->rule_file, rule_line);
    return DYAD_OK;
}

static void trace_phrase(dyad_doc *doc, const char *what, const dy_phrase *p) {
    if (!doc->tracing || !p) return;
    if (p->tok_end <= p->tok_start || p->tok_end > doc->tokens.len) {
        /* a phrase the document gives (a frame's, a claim's): no words of its own */
        dy_trace(doc, "    %s: %s\n", what, p->code);
        return;
    }
    const dy_token *a = &doc->tokens.items[p->tok_start], *b = &doc->tokens.items[p->tok_end - 1];
    dy_trace(doc, "    %s: \"%.*s\" = %s\n", what, (int)(b->end - a->start), doc->text.text + a->start, p->code);
}

/* Is the event noun at token i used as a noun here (not a verb after a subject or auxiliary)? The
 * tagger (tagger.c) has said so. */
static int noun_position(const sent_ctx *c, uint32_t i) {
    return c->doc->tokens.items[i].tag == DY_TAG_NOUN;
}

/* The start of the noun phrase an event noun heads: back over adjectives, nouns, numbers and
 * hyphens ("the last ceasefire accord", "a long and detailed conversation"). */
static int verb_at(const sent_ctx *c, uint32_t k);

static uint32_t noun_phrase_start(const sent_ctx *c, uint32_t i) {
    dyad_doc *doc = c->doc;
    uint32_t k = i, steps = 0;
    while (k > c->ts && steps < 6) {
        uint32_t p = k - 1;
        uint32_t w = wf(doc, c->d, p);
        uint32_t f = tf(doc, p);
        if (phrase_at(c, p) >= 0) break;
        if (verb_at(c, p)) break;
        if ((f & DY_TOK_WORD) && !(f & DY_TOK_CAP) &&
            !(w & (DY_W_PREP | DY_W_PRON | DY_W_AUX | DY_W_MODAL | DY_W_SUB | DY_W_CONJ | DY_W_SPEECH | DY_W_POSS)) &&
            !(w & DY_W_DET)) { k = p; steps++; continue; }
        if (dy_tok_is(doc, p, "-") && !(f & DY_TOK_SPACE)) { k = p; steps++; continue; }
        if ((f & DY_TOK_NUM) || (w & DY_W_NUM)) { k = p; steps++; continue; }
        if (dy_tok_is(doc, p, "and") && k > c->ts + 1 && steps) { k = p; steps++; continue; }
        break;
    }
    return k;
}

/* "Trump's call", "Pakistan's second assault", "the Zelensky-Vance meeting": the possessor or the
 * name modifying the noun phrase that starts at `np`. */
static int32_t possessor(const sent_ctx *c, uint32_t np) {
    dyad_doc *doc = c->doc;
    uint32_t k = np;
    if (k > c->ts && (dy_tok_is(doc, k - 1, "'s") || dy_tok_is(doc, k - 1, "'"))) k--;
    else if (k > c->ts && (wf(doc, c->d, k - 1) & DY_W_DET)) return -1;
    if (k <= c->ts) return -1;
    int32_t p = phrase_at(c, k - 1);
    if (p < 0) return -1;
    const dy_phrase *ph = &doc->phrases.items[p];
    if (ph->flags & DY_PH_LOC) return -1;
    /* "military aid", "police brutality": an agent word as an adjective says what kind, not whose */
    if ((ph->flags & DY_PH_AGENT_ONLY) && (ph->flags & DY_PH_MOD) && ph->tok_end == np) return -1;
    return p;
}

/* The civilians of `country`, as a phrase spanning tokens [ts, te): the target of violence or
 * coercion against a place. */
static void civilians_of(dy_phrase *out, const char *country, uint32_t ts, uint32_t te) {
    memset(out, 0, sizeof *out);
    snprintf(out->code, sizeof out->code, "%.3sCVL", country);
    out->tok_start = ts;
    out->tok_end = te;
    out->group = UINT32_MAX;
}

/* A place after the verb in its clause (a place name, or a noun such as "area", "market",
 * "villages"): fills `out` with a target standing for its civilians. */
static int place_target(const sent_ctx *c, uint32_t from, dy_phrase *out) {
    dyad_doc *doc = c->doc;
    const char *country = NULL;
    uint32_t ts = 0, te = 0;
    for (uint32_t k = from; k < c->te && k < from + 12 && !country; k++) {
        if (clause_stop(c, k) || (tf(doc, k) & DY_TOK_DASH)) break;
        if (k > from && (wf(doc, c->d, k) & DY_W_SUB)) break;
        int32_t p = phrase_at(c, k);
        if (k > from && (wf(doc, c->d, k) & DY_W_SPEECH)) break;
        if (p >= 0 && ((doc->phrases.items[p].flags & DY_PH_LOC) ||
                       ((doc->phrases.items[p].flags & DY_PH_NAME_ONLY) && strlen(doc->phrases.items[p].code) == 3)) &&
            !dy_code_is_intl(doc->phrases.items[p].code) && strncmp(doc->phrases.items[p].code, "---", 3)) {
            country = doc->phrases.items[p].code;
            ts = doc->phrases.items[p].tok_start;
            te = doc->phrases.items[p].tok_end;
        } else if (p < 0 && (wf(doc, c->d, k) & DY_W_PLACE) && doc->main_country[0]) {
            country = doc->main_country;
            ts = k;
            te = k + 1;
        }
    }
    if (!country) return 0;
    civilians_of(out, country, ts, te);
    return 1;
}

static void virtual_phrase(dy_phrase *out, const char *code);
static const char *place_country(const sent_ctx *c, uint32_t near, const char **why, const dy_phrase *fallback);

/* The object of a coercive act (17x) when it is a place ("raided several houses", "searched the
 * village"): a place word or place phrase within three tokens of the verb, over determiners,
 * numbers and adjectives; the target is the civilians of the country of the nearest place the
 * sentence names (else the document's main country). */
static int coerced_place(const sent_ctx *c, uint32_t from, uint32_t verb, dy_phrase *out) {
    dyad_doc *doc = c->doc;
    for (uint32_t k = from; k < c->te && k < from + 4; k++) {
        int32_t p = phrase_at(c, k);
        int place = (p < 0 && (wf(doc, c->d, k) & DY_W_PLACE)) ||
                    (p >= 0 && (doc->phrases.items[p].flags & (DY_PH_LOC | DY_PH_PLACE)) &&
                     !dy_code_is_intl(doc->phrases.items[p].code) && strncmp(doc->phrases.items[p].code, "---", 3));
        if (place) {
            const char *why;
            const char *ctry = p >= 0 ? doc->phrases.items[p].code : place_country(c, verb, &why, NULL);
            if (!ctry || strlen(ctry) < 3) return 0;
            civilians_of(out, ctry, k, k + 1);
            return 1;
        }
        if (p >= 0 || !(tf(doc, k) & DY_TOK_WORD)) return 0;
        if (!(wf(doc, c->d, k) & (DY_W_DET | DY_W_NUM)) && doc->tokens.items[k].tag != DY_TAG_ADJ) return 0;
    }
    return 0;
}


/* The subject of a passive verb of violence when it is a place ("Kharkiv was shelled", "the
 * town of Bakhmut was hit"): a place phrase ending at most three words before the verb group,
 * with no comma between; fills `out` with its civilians. */
static int passive_place(const sent_ctx *c, uint32_t group_start, dy_phrase *out) {
    dyad_doc *doc = c->doc;
    for (uint32_t k = group_start; k > c->ts && k + 4 > group_start; k--) {
        uint32_t t = k - 1;
        if (dy_tok_is(doc, t, ",") || clause_stop(c, t) || (tf(doc, t) & DY_TOK_DASH)) return 0;
        int32_t p = phrase_at(c, t);
        if (p < 0) continue;
        const dy_phrase *ph = &doc->phrases.items[p];
        if (!(ph->flags & (DY_PH_LOC | DY_PH_PLACE)) || dy_code_is_intl(ph->code) || strlen(ph->code) < 3 ||
            !strncmp(ph->code, "---", 3) || ph->code[0] == '?')
            return 0;
        civilians_of(out, ph->code, ph->tok_start, ph->tok_end);
        return 1;
    }
    return 0;
}

/* Is t the source's own armed forces or police, named by an agent noun only ("troops", "its
 * forces", "Russian soldiers" after Russia), or with `envoys` its own diplomats ("withdrew its
 * ambassador to Argentina")? */
static int own_force(const sent_ctx *c, const dy_phrase *s, const dy_phrase *t, int envoys) {
    if (strlen(t->code) < 6 || strncmp(s->code, t->code, 3) || !strncmp(s->code, "---", 3)) return 0;
    if (envoys) {
        static const char *const nouns[] = {"ambassador", "ambassadors", "envoy", "envoys", "diplomats", "diplomat",
                                            "embassy", "staff", NULL};
        if (!(t->flags & DY_PH_AGENT_ONLY) || t->tok_end == 0) return 0;
        for (int i = 0; nouns[i]; i++)
            if (dy_tok_is(c->doc, t->tok_end - 1, nouns[i])) return 1;
        return 0;
    }
    /* the state moves its forces; rebels and protesters face them */
    if (strlen(s->code) > 3 && !agent_kind(s->code, 'f') && strncmp(s->code + 3, "GOV", 3)) return 0;
    if (!agent_kind(t->code, 'f')) return 0;
    return (t->flags & DY_PH_AGENT_ONLY) != 0;
}

/* The place forces are sent to: the phrase after "to", "into", "toward(s)" or "in" right after
 * them (a determiner between), of a country other than the source's; -1 if none. */
static int32_t destination(const sent_ctx *c, uint32_t from, const dy_phrase *src) {
    dyad_doc *doc = c->doc;
    uint32_t k = from;
    if (k >= c->te || !(dy_tok_is(doc, k, "to") || dy_tok_is(doc, k, "into") || dy_tok_is(doc, k, "toward") ||
                        dy_tok_is(doc, k, "towards") || dy_tok_is(doc, k, "in")))
        return -1;
    k++;
    while (k < c->te && (wf(doc, c->d, k) & DY_W_DET)) k++;
    int32_t p = phrase_at(c, k);
    if (p < 0 || doc->phrases.items[p].tok_start != k) return -1;
    const dy_phrase *q = &doc->phrases.items[p];
    if (q->code[0] == '?' || strlen(q->code) < 3 || !strncmp(q->code, src->code, 3) || !strncmp(q->code, "---", 3))
        return -1;
    return p;
}

/* A show of force with no target ("held drills around Taiwan", "sent warships off the coast of
 * Japan"): the country of the place after the verb, when it is not the source's own. */
static int force_place_target(const sent_ctx *c, uint32_t from, const dy_phrase *src, dy_phrase *out) {
    dyad_doc *doc = c->doc;
    for (uint32_t k = from; k < c->te && k < from + 12; k++) {
        if (clause_stop(c, k) || (tf(doc, k) & DY_TOK_DASH)) break;
        if (k > from && (wf(doc, c->d, k) & (DY_W_SUB | DY_W_SPEECH))) break;
        int32_t p = phrase_at(c, k);
        if (p < 0) continue;
        const dy_phrase *q = &doc->phrases.items[p];
        if ((q->flags & (DY_PH_LOC | DY_PH_PLACE)) && strlen(q->code) >= 3 && !dy_code_is_intl(q->code) &&
            strncmp(q->code, "---", 3) && strncmp(q->code, src->code, 3)) {
            virtual_phrase(out, "");
            snprintf(out->code, sizeof out->code, "%.3s", q->code);
            out->tok_start = q->tok_start;
            out->tok_end = q->tok_end;
            return 1;
        }
        k = q->tok_end - 1;
    }
    return 0;
}

#define MAX_MEMBERS 16

static size_t group_members(const sent_ctx *c, size_t p, size_t out[MAX_MEMBERS]);

/* ", with X and Y joining" (participating, taking part, attending) after the target: X and Y are
 * parties too; appended to T (n members, MAX_MEMBERS at most); returns the new count. */
static size_t joining_parties(const sent_ctx *c, uint32_t from, const dy_phrase **T, size_t n) {
    static const char *const joining[] = {"joining", "participating", "taking", "attending", "joined", NULL};
    dyad_doc *doc = c->doc;
    uint32_t k = from;
    if (k < c->te && dy_tok_is(doc, k, ",")) k++;
    if (k + 2 >= c->te || !dy_tok_is(doc, k, "with")) return n;
    int32_t p = phrase_at(c, k + 1);
    if (p < 0 || doc->phrases.items[p].tok_start != k + 1 || !usable(&doc->phrases.items[p])) return n;
    size_t m[MAX_MEMBERS];
    size_t nm = group_members(c, (size_t)p, m);
    uint32_t end = doc->phrases.items[m[nm - 1]].tok_end;
    int ok = 0;
    for (int i = 0; joining[i] && end < c->te; i++) ok |= dy_tok_is(doc, end, joining[i]);
    if (!ok) return n;
    for (size_t i = 0; i < nm && n < MAX_MEMBERS; i++) T[n++] = &doc->phrases.items[m[i]];
    return n;
}

/* The phrases of phrase p's compound group (at most MAX_MEMBERS, p's neighbours first). */
static size_t group_members(const sent_ctx *c, size_t p, size_t out[MAX_MEMBERS]) {
    const dy_phrase *P = c->doc->phrases.items;
    size_t a = p, b = p + 1;
    while (a > c->p0 && P[a - 1].group == P[p].group && p - a + 1 < MAX_MEMBERS) a--;
    while (b < c->p1 && P[b].group == P[p].group && b - a < MAX_MEMBERS) b++;
    size_t n = 0;
    for (size_t i = a; i < b; i++) out[n++] = i;
    return n;
}

/* Is phrase p a member of a compound of at least two different countries? */
static int compound_of_countries(const sent_ctx *c, size_t p) {
    size_t m[MAX_MEMBERS];
    size_t n = group_members(c, p, m);
    for (size_t i = 1; i < n; i++)
        if (strncmp(c->doc->phrases.items[m[i]].code, c->doc->phrases.items[m[0]].code, 3)) return 1;
    return 0;
}


/* "Israel faced criticism from Turkey", "the plan drew condemnation from Paris", "met with
 * criticism in France", "came under attack from rebels": an event noun that the subject of a verb
 * of receiving (DY_M_RECEIVE, over determiners, adjectives, adverbs and "with"/"under") gets. The
 * agent after the noun ("from", "by", "among", or a country after "in") is its source and the
 * receiver its target. Returns 1 and sets both, else 0 (the noun's other rules decide). */
static int received_noun(const sent_ctx *c, uint32_t np, uint32_t end, int32_t *src, int32_t *tgt) {
    dyad_doc *doc = c->doc;
    const dyad_dict *d = c->d;
    uint32_t k = np, skipped = 0;
    int under = 0;
    while (k > c->ts && skipped < 4 && phrase_at(c, k - 1) < 0 &&
           ((wf(doc, d, k - 1) & (DY_W_DET | DY_W_ADV)) || doc->tokens.items[k - 1].tag == DY_TAG_ADJ ||
            is_adverb(doc, d, k - 1) || dy_tok_is(doc, k - 1, "with") || dy_tok_is(doc, k - 1, "under"))) {
        under |= dy_tok_is(doc, k - 1, "under");
        k--;
        skipped++;
    }
    if (k <= c->ts) return 0;
    uint32_t w = k - 1;
    if (!(dy_lex_marks(d, doc->tokens.items[w].lex) & DY_M_RECEIVE) || doc->tokens.items[w].tag != DY_TAG_VERB) return 0;
    size_t n;
    const char *t = dy_tok_text(doc, w, &n);
    if ((t[0] == 'c' || t[0] == 'C') && !under) return 0; /* "came" only in "came under" */
    if ((t[0] == 'm' || t[0] == 'M') && !dy_tok_is(doc, w + 1, "with")) return 0; /* "met with" */
    int32_t from = -1;
    for (uint32_t q = end; q < c->te && q < end + 3 && from < 0; q++) {
        int in = dy_tok_is(doc, q, "in");
        if (!in && !dy_tok_is(doc, q, "from") && !dy_tok_is(doc, q, "by") && !dy_tok_is(doc, q, "among")) continue;
        uint32_t a = q + 1;
        while (a < c->te && (wf(doc, d, a) & DY_W_DET)) a++;
        int32_t p = a < c->te ? phrase_at(c, a) : -1;
        if (p < 0 || doc->phrases.items[p].tok_start != a) break;
        const dy_phrase *ph = &doc->phrases.items[p];
        if (in ? strlen(ph->code) != 3 || dy_code_is_intl(ph->code) : !usable(ph)) break;
        from = p;
    }
    if (from < 0) return 0;
    uint32_t b = w;
    while (b > c->ts && ((wf(doc, d, b - 1) & (DY_W_AUX | DY_W_MODAL | DY_W_NEG)) || is_adverb(doc, d, b - 1))) b--;
    int32_t r = find_subject(c, b);
    /* "Mali's use of Wagner has met with criticism": the possessor that opens the subject noun
     * phrase receives it, not the name nearest the verb */
    for (uint32_t q = b; r >= 0 && q > c->ts && !clause_stop(c, q - 1); q--) {
        int32_t p = phrase_at(c, q - 1);
        if (p >= 0 && doc->phrases.items[p].tok_end < b &&
            (dy_tok_is(doc, doc->phrases.items[p].tok_end, "'s") || dy_tok_is(doc, doc->phrases.items[p].tok_end, "'")) &&
            usable(&doc->phrases.items[p]) &&
            (doc->phrases.items[p].tok_start == c->ts || clause_stop(c, doc->phrases.items[p].tok_start - 1) ||
             (wf(doc, d, doc->phrases.items[p].tok_start - 1) & DY_W_DET)))
            r = p;
    }
    if (r < 0 || r == from) return 0;
    *src = from;
    *tgt = r;
    return 1;
}

/* Sources of an event noun the dictionary gives no verb for: "X and Y [have] witnessed signing
 * ceremonies" (one unknown verb-like word between the subject and the noun phrase), or a fronted
 * phrase "After a one hour talk, X and Y ..." (the subject after the comma). */
static int32_t noun_subject_fallback(const sent_ctx *c, uint32_t np, uint32_t noun_end) {
    dyad_doc *doc = c->doc;
    const dyad_dict *d = c->d;
    uint32_t k = np;
    while (k > c->ts && (wf(doc, d, k - 1) & (DY_W_DET | DY_W_POSS))) k--;
    if (k > c->ts + 1) {
        uint32_t w = k - 1;
        size_t n;
        const char *t = dy_tok_text(doc, w, &n);
        uint32_t lex = doc->tokens.items[w].lex;
        int verbish = (tf(doc, w) & DY_TOK_WORD) && !(tf(doc, w) & DY_TOK_CAP) && !wf(doc, d, w) &&
                      !(lex && d->lex[lex].verb_first) && n > 3 && t[n - 2] == 'e' && t[n - 1] == 'd';
        if (verbish) {
            uint32_t q = w;
            while (q > c->ts && ((wf(doc, d, q - 1) & (DY_W_AUX | DY_W_ADV)) || is_adverb(doc, d, q - 1))) q--;
            int32_t p = q > c->ts ? phrase_at(c, q - 1) : -1;
            if (p >= 0 && usable(&doc->phrases.items[p]) && !prep_object(c, &doc->phrases.items[p])) return p;
        }
    }
    /* fronted: the noun's phrase is followed by a comma and then the clause's subject */
    if (np <= c->ts + 2 || (wf(doc, d, c->ts) & DY_W_PREP) || (wf(doc, d, c->ts) & DY_W_SUB)) {
        for (uint32_t q = noun_end; q < c->te && q < noun_end + 8; q++) {
            if (verb_at(c, q) || clause_stop(c, q)) break;
            if (dy_tok_is(doc, q, ",")) {
                int32_t p = q + 1 < c->te ? phrase_at(c, q + 1) : -1;
                if (p >= 0 && doc->phrases.items[p].tok_start == q + 1 && usable(&doc->phrases.items[p])) return p;
                break;
            }
        }
    }
    return -1;
}

/* ------------------------------------------------------------------ implicit roles (frames) */

/* "urged Russia to withdraw", "called on Israel to stop", "allowed Somali troops to attack": a
 * verb of appeal or causing (DY_M_APPEAL, DY_M_CAUSE) with an object (over "on"/"upon" and a
 * compound) right before "to": the object is the one meant to do what follows. Returns the
 * object's phrase and sets *to, or -1. */
static int32_t control_object(const sent_ctx *c, const verb_hit *v, uint32_t *to) {
    dyad_doc *doc = c->doc;
    uint32_t k = v->end;
    if (k < c->te && (dy_tok_is(doc, k, "on") || dy_tok_is(doc, k, "upon"))) k++;
    while (k < c->te && (wf(doc, c->d, k) & DY_W_DET)) k++;
    int32_t p = phrase_at(c, k);
    if (p < 0 || doc->phrases.items[p].tok_start != k || !usable(&doc->phrases.items[p])) return -1;
    /* over the compound the object heads: "both the army and the RSF" */
    uint32_t e = doc->phrases.items[p].tok_end;
    for (size_t q = (size_t)p + 1; q < c->p1 && doc->phrases.items[q].group == doc->phrases.items[p].group; q++)
        e = doc->phrases.items[q].tok_end;
    if (e >= c->te || !dy_tok_is(doc, e, "to")) return -1;
    *to = e;
    return p;
}

/* The end of what an appeal asks for, from "to": the next comma, colon or semicolon, or a
 * coordinator followed by a named actor (a new clause). */
static uint32_t appeal_end(const sent_ctx *c, uint32_t from) {
    for (uint32_t k = from; k < c->te; k++) {
        if (clause_stop(c, k) || dy_tok_is(c->doc, k, ",")) return k;
        if ((dy_tok_is(c->doc, k, "and") || dy_tok_is(c->doc, k, "but")) && phrase_at(c, k + 1) >= 0) return k;
    }
    return c->te;
}


/* The other party of an act the sentence names none for (the recipient of aid, the country whose
 * ties are cut): the document's main country when the actor is another, else the other member of
 * the document's main pair; NULL if neither. */
static const char *main_partner(const sent_ctx *c, const dy_phrase *donor, const char **why) {
    const dyad_doc *doc = c->doc;
    if (doc->main_country[0] && strncmp(donor->code, doc->main_country, 3)) {
        *why = "the document's main country";
        return doc->main_country;
    }
    for (int k = 0; k < 2 && doc->main_pair[0][0]; k++)
        if (!strncmp(doc->main_pair[k], donor->code, 3) && strncmp(doc->main_pair[1 - k], donor->code, 3)) {
            *why = "the donor's partner in the document's main pair";
            return doc->main_pair[1 - k];
        }
    return NULL;
}


/* The country of the place where the sentence's event happens: the nearest place phrase (a
 * locative or a gazetteer place) to token `near`, else the document's main country; NULL if none. */
static const char *place_country(const sent_ctx *c, uint32_t near, const char **why, const dy_phrase *fallback) {
    const dy_phrase *best = NULL;
    uint32_t best_d = UINT32_MAX;
    for (size_t p = c->p0; p < c->p1; p++) {
        const dy_phrase *ph = &c->doc->phrases.items[p];
        if (!(ph->flags & (DY_PH_LOC | DY_PH_PLACE)) || dy_code_is_intl(ph->code) || !strncmp(ph->code, "---", 3) ||
            strlen(ph->code) < 3)
            continue;
        uint32_t dd = ph->tok_start > near ? ph->tok_start - near : near - ph->tok_start;
        if (dd < best_d) { best_d = dd; best = ph; }
    }
    if (best) { *why = "the place of the event"; return best->code; }
    if (fallback && strlen(fallback->code) >= 3 && !dy_code_is_intl(fallback->code) && strncmp(fallback->code, "---", 3)) {
        *why = "the country of the person it happens to";
        return fallback->code;
    }
    if (c->doc->main_country[0]) { *why = "the document's main country"; return c->doc->main_country; }
    return NULL;
}

/* A phrase that stands for an actor the document gives (a frame's, a claim's, an event's author):
 * no tokens of its own unless set, a group of its own. */
static void virtual_phrase(dy_phrase *out, const char *code) {
    memset(out, 0, sizeof *out);
    dy_code_cat(out->code, code, 15, NULL);
    out->group = UINT32_MAX;
    out->entity = -1;
    out->ante = -1;
}

static void frame_phrase(dy_phrase *out, const char *country, const char *agent) {
    virtual_phrase(out, "");
    dy_code_cat(out->code, country, 3, agent);
}

/* Is the verb entry's base form one of these words? */
static int verb_is(const dyad_dict *d, const dy_verb_entry *ve, const char *const *words) {
    const char *name = d->strings + ve->name;
    for (int i = 0; words[i]; i++) if (!strcasecmp(name, words[i])) return 1;
    return 0;
}

/* A deferred attack with no attacker, coded at the end of the document if the document names the
 * attacker of the same target elsewhere (frame "attack"). */
typedef struct pending_attack {
    uint32_t sentence;
    char code[8], target[16];
    dyad_modality mod;
    int32_t day;
    dyad_span verb_span, target_span;
    uint16_t rule_file;
    uint32_t rule_line;
} pending_attack;
#define MAX_PENDING 256

/* Codes the codebook allows with no target and that news rarely gives one: declarations of
 * martial law, curfews and emergencies (1721-1724), investigations (090-094). Military posture
 * (15x) is left out: news mostly says whom it is aimed at, and a posture with no target is kept
 * for the issue that makes targetless events a mechanism of their own. A claim of responsibility (015) is for an attack: see
 * claimed_target. */
static int targetless(const char *code) {
    static const char *const prefixes[] = {"1721", "1722", "1723", "1724", "09", NULL};
    for (int i = 0; prefixes[i]; i++)
        if (!strncmp(code, prefixes[i], strlen(prefixes[i]))) return 1;
    return 0;
}

/* A claim of responsibility names no victim: how far back the attack it claims may be. */
#define CLAIM_SENTENCES 3

/* The target of the attack a claim of responsibility is for: the target of the latest violence
 * (18x-20x) coded in this sentence or the three before it. */
static int claimed_target(const sent_ctx *c, dy_phrase *out) {
    const dyad_doc *doc = c->doc;
    /* the latest attack coded within CLAIM_SENTENCES, or one still waiting for its attacker */
    uint32_t best_s = 0;
    const char *best = NULL;
    for (size_t i = doc->events.len; i-- > 0;) {
        const dyad_event *e = &doc->events.items[i];
        if (e->sentence + CLAIM_SENTENCES < c->s) break;
        if (!e->target[0] || !(!strncmp(e->code, "18", 2) || !strncmp(e->code, "19", 2) || !strncmp(e->code, "20", 2)))
            continue;
        best = e->target;
        best_s = e->sentence;
        break;
    }
    for (size_t i = c->npending ? *c->npending : 0; i-- > 0;) {
        const pending_attack *pa = &c->pending[i];
        if (pa->sentence + CLAIM_SENTENCES < c->s || pa->sentence > c->s) continue;
        if (!best || pa->sentence > best_s) { best = pa->target; best_s = pa->sentence; }
        break;
    }
    if (!best) return 0;
    virtual_phrase(out, best);
    return 1;
}

/* Does the event noun ending before token `end` head the subject of a verb ("the truce held",
 * "the talks had been held") rather than a complement ("led negotiations", "died in fighting")? */
static int noun_is_subject(const sent_ctx *c, uint32_t end) {
    uint32_t k = end;
    /* "the talks in Geneva on Monday were ...": a short complement of the noun */
    for (uint32_t n = 0; k < c->te && n < 5 && !verb_at(c, k) && !(wf(c->doc, c->d, k) & (DY_W_BE | DY_W_HAVE | DY_W_MODAL));
         k++, n++)
        if (clause_stop(c, k) || dy_tok_is(c->doc, k, ",")) return 0;
    if (k >= c->te) return 0;
    /* and the noun phrase starts its clause: nothing but a determiner or adjectives before it */
    return verb_at(c, k) || (wf(c->doc, c->d, k) & (DY_W_BE | DY_W_HAVE | DY_W_MODAL));
}

/* Were both actors of the document's main pair named in this sentence or the three before it? */
static int pair_in_focus(const sent_ctx *c) {
    const dyad_doc *doc = c->doc;
    int seen[2] = {0, 0};
    for (size_t p = c->p1; p-- > 0;) {
        const dy_phrase *q = &doc->phrases.items[p];
        if (q->sentence + 3 < c->s) break;
        for (int k = 0; k < 2; k++)
            if (!strncmp(q->code, doc->main_pair[k], strlen(doc->main_pair[k]))) seen[k] = 1;
    }
    return seen[0] && seen[1];
}

/* Verbal conflict: disapproval, rejection, threats, demands (10x-13x). */
static int verbal_conflict(const char *code) {
    return !strncmp(code, "10", 2) || !strncmp(code, "11", 2) || !strncmp(code, "12", 2) || !strncmp(code, "13", 2);
}

/* "condemned the coup", "rejected the move", "criticised the strikes": when the object of a verb
 * of verbal conflict is a noun naming an event, the target is the source of the latest event of
 * that kind coded in this sentence or the three before (not the speaker itself). */
static int referred_event_source(const sent_ctx *c, uint32_t from, const dy_phrase *speaker, dy_phrase *out) {
    static const struct { const char *noun; const char *roots; } kinds[] = {
        {"attack", "181920"}, {"attacks", "181920"}, {"strike", "181920"}, {"strikes", "181920"},
        {"airstrike", "181920"}, {"airstrikes", "181920"}, {"invasion", "181920"}, {"killing", "181920"},
        {"killings", "181920"}, {"bombing", "181920"}, {"shelling", "181920"}, {"offensive", "181920"},
        {"aggression", "181920"}, {"coup", "181920"}, {"crackdown", "1718"}, {"arrest", "17"}, {"arrests", "17"},
        {"detention", "17"}, {"expulsion", "1617"}, {"sanctions", "16"}, {"ban", "16"}, {"decision", "*"},
        {"move", "*"}, {"action", "*"}, {"actions", "*"}, {"step", "*"}, {"remarks", "0111121310"},
        {"comments", "0111121310"}, {"statement", "0111121310"}, {"statements", "0111121310"},
        {"invitation", "020304"}, {"invitations", "020304"}, {"offer", "0305"}, {"offers", "0305"},
        {"proposal", "0203"}, {"proposals", "0203"}, {"call", "02"}, {"calls", "02"}, {"appeal", "02"},
        {"request", "02"}, {"demand", "10"}, {"demands", "10"}, {"ultimatum", "1013"}, {"threat", "13"},
        {"threats", "13"}, {NULL, NULL}};
    const dyad_doc *doc = c->doc;
    uint32_t k = from;
    while (k < c->te && k < from + 4 && ((wf(doc, c->d, k) & (DY_W_DET | DY_W_POSS)) || is_adverb(doc, c->d, k) ||
                                         ((tf(doc, k) & DY_TOK_WORD) && !(tf(doc, k) & DY_TOK_CAP) && !wf(doc, c->d, k) &&
                                          phrase_at(c, k) < 0 && k + 1 < c->te && (tf(doc, k + 1) & DY_TOK_WORD))))
        k++;
    if (k >= c->te) return 0;
    int32_t mp = phrase_at(c, k);
    if (mp >= 0) {
        /* "condemned the military coup", "denounced the rebel offensive": the modifier did it */
        const dy_phrase *m = &doc->phrases.items[mp];
        if (!(m->flags & DY_PH_MOD) || (m->flags & DY_PH_LOC) || m->code[0] == '?' || m->tok_start != k || m->tok_end >= c->te ||
            !strncmp(m->code, speaker->code, 3))
            return 0;
        for (int i = 0; kinds[i].noun; i++)
            if (kinds[i].roots[0] != '*' && dy_tok_is(doc, m->tok_end, kinds[i].noun)) {
                *out = *m;
                return 1;
            }
        return 0;
    }
    const char *roots = NULL;
    for (int i = 0; kinds[i].noun && !roots; i++)
        if (dy_tok_is(doc, k, kinds[i].noun)) roots = kinds[i].roots;
    if (!roots) return 0;
    for (size_t i = doc->events.len; i-- > 0;) {
        const dyad_event *e = &doc->events.items[i];
        if (e->sentence + 3 < c->s) break;
        if (!e->source[0] || !strcmp(e->source, speaker->code)) continue;
        int ok = roots[0] == '*';
        for (const char *r = roots; !ok && r[0] && r[1]; r += 2) ok = !strncmp(e->code, r, 2);
        if (!ok) continue;
        virtual_phrase(out, e->source);
        out->tok_start = k;
        out->tok_end = k + 1;
        return 1;
    }
    return 0;
}

/* Is the event noun of [np, end) one that is planned: "upcoming", "planned", "proposed",
 * "scheduled", "expected", "next week's", "future" in its phrase, or "scheduled"/"due"/"set"
 * right after it ("talks, which are scheduled to", "a summit due next month")? */
static int planned_noun(const sent_ctx *c, uint32_t np, uint32_t end) {
    static const char *const before[] = {"upcoming", "planned", "proposed", "scheduled", "expected", "future",
                                         "next", "forthcoming", "prospective", "possible", "potential", NULL};
    static const char *const after[] = {"scheduled", "planned", "due", "set", "expected", NULL};
    const dyad_doc *doc = c->doc;
    uint32_t b = np;
    /* "next week's talks": the possessive time phrase before the noun phrase */
    if (b >= c->ts + 2 && dy_tok_is(doc, b - 1, "'s") && (dy_tok_is(doc, b - 2, "week") || dy_tok_is(doc, b - 2, "month") ||
                                                       dy_tok_is(doc, b - 2, "year")))
        b = b - 3 >= c->ts ? b - 3 : c->ts;
    for (uint32_t k = b; k < end; k++)
        for (int i = 0; before[i]; i++) if (dy_tok_is(doc, k, before[i])) return 1;
    for (uint32_t k = end; k < c->te && k < end + 4; k++) {
        if (clause_stop(c, k)) break;
        for (int i = 0; after[i]; i++) if (dy_tok_is(doc, k, after[i])) return 1;
    }
    return 0;
}

/* The codes of the talks frame: consultations, negotiations, agreements, truces, and fighting
 * where the entry says it is mutual ("clashes", "fighting"; not "attack"). */
static int talks_code(const char *code, int entry_mutual) {
    static const char *const codes[] = {"040", "043", "046", "057", "0871", "0872", "0873", "0874", NULL};
    for (int i = 0; codes[i]; i++) if (!strcmp(code, codes[i])) return 1;
    return entry_mutual && !strncmp(code, "19", 2);
}

static int symmetric(const char *code) {
    static const char *const codes[] = {"040", "046", "057", "062", NULL};
    for (int i = 0; codes[i]; i++) if (!strcmp(codes[i], code)) return 1;
    return 0;
}

/* ------------------------------------------------------------------ statements */

/* The speaker of sentence c->s: the speaker of its quotation (discourse.c), else the actor next to
 * its reporting verb ("X said", "said X", "according to X"); -1 if none. */
static int32_t statement_speaker(const sent_ctx *c) {
    dyad_doc *doc = c->doc;
    const dyad_dict *d = c->d;
    if (doc->speaker && doc->speaker[c->s] >= 0) return doc->speaker[c->s];
    for (uint32_t k = c->ts; k < c->te; k++) {
        if (!(wf(doc, d, k) & DY_W_SPEECH) || (tf(doc, k) & DY_TOK_INQUOTE) || phrase_at(c, k) >= 0) continue;
        if (dy_tok_is(doc, k, "according")) {
            int32_t p = k + 2 < c->te && dy_tok_is(doc, k + 1, "to") ? phrase_at(c, k + 2) : -1;
            if (p >= 0 && usable(&doc->phrases.items[p])) return p;
            continue;
        }
        uint32_t b = k;
        while (b > c->ts && ((wf(doc, d, b - 1) & (DY_W_AUX | DY_W_ADV | DY_W_MODAL | DY_W_HAVE)) || is_adverb(doc, d, b - 1))) b--;
        int32_t p = b > c->ts ? phrase_at(c, b - 1) : -1;
        if (p >= 0 && usable(&doc->phrases.items[p])) return p;
        /* "said X" names the speaker; "told X" the one spoken to */
        if (dy_tell_at(doc, k)) continue;
        p = phrase_at(c, k + 1 < c->te ? k + 1 : k);
        if (p >= 0 && usable(&doc->phrases.items[p]) && doc->phrases.items[p].tok_start == k + 1) return p;
    }
    return -1;
}

/* "The United States is deeply saddened by ...", "Kenya was alarmed": a cue that is a feeling
 * after a form of "be" (adverbs between) is voiced by the copula's subject. */
static int32_t feeling_subject(const sent_ctx *c, uint32_t cue) {
    dyad_doc *doc = c->doc;
    uint32_t k = cue;
    while (k > c->ts && k + 3 > cue && is_adverb(doc, c->d, k - 1)) k--;
    if (k <= c->ts || !(wf(doc, c->d, k - 1) & DY_W_BE)) return -1;
    int32_t p = find_subject(c, k - 1);
    return p >= 0 && usable(&doc->phrases.items[p]) && !(doc->phrases.items[p].flags & DY_PH_LOC) ? p : -1;
}

/* "Poland described the crisis as a hybrid attack", "China signalled its displeasure", "the
 * president called them fascist vandals": a cue after a verb that voices a judgement or a feeling
 * (DY_M_EVAL, within a few words of the cue and in its clause) is voiced by that verb's subject;
 * *verb is set to the verb's token. The statement is about an actor between the verb and the cue
 * or just after the cue ("displeasure with X"), not any actor of the sentence. */
static int32_t evaluator(const sent_ctx *c, uint32_t cue, uint32_t *verb) {
    dyad_doc *doc = c->doc;
    const dyad_dict *d = c->d;
    uint32_t lo = cue > c->ts + 16 ? cue - 16 : c->ts;
    for (uint32_t k = cue; k > lo; k--) {
        uint32_t w = k - 1;
        if (clause_stop(c, w) || ((wf(doc, d, w) & DY_W_SUB) && !dy_tok_is(doc, w, "as"))) return -1;
        if (!(dy_lex_marks(d, doc->tokens.items[w].lex) & DY_M_EVAL) || doc->tokens.items[w].tag != DY_TAG_VERB) continue;
        /* "called for", "called on": an appeal, coded as a verb */
        if (w + 1 < c->te && (dy_tok_is(doc, w + 1, "for") || dy_tok_is(doc, w + 1, "on"))) return -1;
        uint32_t b = w;
        while (b > c->ts && ((wf(doc, d, b - 1) & (DY_W_AUX | DY_W_MODAL | DY_W_NEG | DY_W_HAVE)) || is_adverb(doc, d, b - 1)))
            b--;
        int32_t p = find_subject(c, b);
        /* "sparked by Milei calling X corrupt": the name right before an -ing judging verb is its
         * subject, even after a preposition */
        size_t n;
        const char *t = dy_tok_text(doc, w, &n);
        int32_t before = w > c->ts ? phrase_at(c, w - 1) : -1;
        if (n > 4 && !memcmp(t + n - 3, "ing", 3) && before >= 0 && doc->phrases.items[before].tok_end == w &&
            !(doc->phrases.items[before].flags & (DY_PH_LOC | DY_PH_PLACE)) && doc->phrases.items[before].code[0] != '?')
            p = before;
        *verb = w;
        return p >= 0 && (usable(&doc->phrases.items[p]) || p == before) ? p : -1;
    }
    return -1;
}

/* A statement: a sentence that reports what an actor said, whose words carry a cue of the
 * codebook's verbal acts ('~' entries: "absurd" criticises, "concern" is pessimism, "condolences"
 * sympathy), codes the statement from the speaker toward the one actor it is about. No cue, no
 * speaker, or more than one possible target: no event. */
/* The rank of a statement cue's code when a sentence has several (lower wins): a threat in words
 * is the act of a sentence that also criticises ("hostile actions will receive a decisive
 * response"); other cues are equal, and the first of them is coded. */
static int cue_rank(const char *code) { return strncmp(code, "13", 2) ? 1 : 0; }

static int code_statement(sent_ctx *c, size_t first_event) {
    dyad_doc *doc = c->doc;
    const dyad_dict *d = c->d;
    int32_t sp = -1;
    /* the cue to code: the best ranked, the first of equals */
    uint32_t chosen = UINT32_MAX;
    int chosen_rank = 99;
    for (uint32_t k = c->ts; k < c->te; k++) {
        uint32_t lex = doc->tokens.items[k].lex;
        if (!lex || !d->lex[lex].cue_first || phrase_at(c, k) >= 0) continue;
        if (k > c->ts && (wf(doc, d, k - 1) & DY_W_NEG)) continue;
        for (uint32_t f = d->lex[lex].cue_first; f; f = d->forms[f - 1].next) {
            uint32_t e;
            int r = cue_rank(d->verbs[d->forms[f - 1].entry].code);
            if (r < chosen_rank && match_form(c, k, &d->forms[f - 1], &e)) { chosen = k; chosen_rank = r; }
        }
    }
    for (uint32_t k = c->ts; k < c->te; k++) {
        if (chosen != UINT32_MAX && k < chosen) continue;
        uint32_t lex = doc->tokens.items[k].lex;
        if (!lex || !d->lex[lex].cue_first) continue;
        int32_t in = phrase_at(c, k);
        if (in >= 0) continue;
        const dy_verb_form *best = NULL;
        uint32_t end = 0;
        for (uint32_t f = d->lex[lex].cue_first; f; f = d->forms[f - 1].next) {
            const dy_verb_form *vf = &d->forms[f - 1];
            uint32_t e;
            if (match_form(c, k, vf, &e) && (!best || vf->nwords > best->nwords)) { best = vf; end = e; }
        }
        if (!best) continue;
        /* "not acceptable", "no concern": a negated cue says the opposite; leave it */
        if (k > c->ts && (wf(doc, d, k - 1) & DY_W_NEG)) continue;
        if (sp < 0) sp = c->speaker;
        if (sp < 0) sp = feeling_subject(c, k);
        uint32_t t_lo = c->ts, t_hi = c->te, ev_verb;
        if (sp < 0 && (sp = evaluator(c, k, &ev_verb)) >= 0) {
            t_lo = ev_verb + 1;
            t_hi = end < c->te && (wf(doc, d, end) & DY_W_PREP) ? (end + 4 < c->te ? end + 4 : c->te) : end;
        }
        if (sp < 0) {
            dy_trace(doc, "  statement cue \"%s\": no speaker\n", d->strings + d->verbs[best->entry].name);
            return DYAD_OK;
        }
        const dy_phrase *S = &doc->phrases.items[sp];
        const dy_verb_entry *ve = &d->verbs[best->entry];
        /* the target: the actor the statement is about, other than the speaker; the nearest to the
         * cue when at most two countries are named, none when more */
        int32_t tgt = -1;
        uint32_t best_d = UINT32_MAX;
        int best_rank = 3;
        char countries[3][4];
        int nc = 0;
        for (size_t p = c->p0; p < c->p1; p++) {
            const dy_phrase *q = &doc->phrases.items[p];
            if ((int32_t)p == sp || (q->flags & DY_PH_EACH) || q->code[0] == '?' || !strcmp(q->code, S->code) ||
                (q->flags & DY_PH_FIRST) || q->tok_start < t_lo || q->tok_start >= t_hi)
                continue;
            /* a country does not speak about itself: its bare name is no target of its own statement */
            if (strlen(q->code) == 3 && !strncmp(q->code, S->code, 3)) continue;
            /* rank: another state's actor, then one of the speaker's own, then a place it is about
             * ("the situation in Niger"): a place is the target only when no actor is */
            int place = (q->flags & (DY_PH_LOC | DY_PH_PLACE)) != 0;
            if (place && strlen(q->code) != 3) continue;
            int rank = place ? 2 : !strncmp(q->code, S->code, 3) ? 1 : 0;
            if (!place) {
                int known = 0;
                for (int x = 0; x < nc; x++) known |= !strncmp(countries[x], q->code, 3);
                if (!known && nc < 3) snprintf(countries[nc++], 4, "%.3s", q->code);
            }
            uint32_t dd = q->tok_start > k ? q->tok_start - k : k - q->tok_end;
            if (rank < best_rank || (rank == best_rank && dd < best_d)) { best_rank = rank; best_d = dd; tgt = (int32_t)p; }
        }
        verb_hit v = {k, end, best};
        dy_trace(doc, "  statement cue \"%s\" (%s:%u, %s) spoken by \"%s\" = %s\n", d->strings + ve->name,
                 d->files[ve->file], ve->line, ve->code, "", S->code);
        if (tgt < 0 || nc > 2) {
            dy_trace(doc, "    no event: %s\n", tgt < 0 ? "no actor the statement is about" : "no clear target");
            return DYAD_OK;
        }
        int32_t day = sentence_date(c, k);
        /* the judging verb's subject speaks ("Putin described the plan as absurd") */
        int32_t said_by = c->speaker;
        if (c->speaker < 0) c->speaker = sp;
        int rc = add_event(c, S, &doc->phrases.items[tgt], ve->code, DYAD_ASSERTED, day, &v, ve->file, ve->line,
                           first_event);
        c->speaker = said_by;
        return rc;
    }
    return DYAD_OK;
}

/* The verb of an infinitive complement right after token `from` ("agreed [on Friday] to restore"):
 * its token, or 0 when none. */
static uint32_t to_complement(const sent_ctx *c, uint32_t from) {
    dyad_doc *doc = c->doc;
    uint32_t k = from, skipped = 0;
    while (k < c->te && skipped < 3 &&
           (is_adverb(doc, c->d, k) || (wf(doc, c->d, k) & DY_W_TIME) || dy_tok_is(doc, k, "on"))) {
        k++;
        skipped++;
    }
    if (k + 1 < c->te && dy_tok_is(doc, k, "to") && verb_at(c, k + 1)) return k + 1;
    return 0;
}

/* Drops a commitment verb's generic 03x events when its complement coded an event of its own
 * ("agreed to impose sanctions" is the sanctions, 163; "pledged to provide aid" the intent to
 * give aid, 033): kept otherwise ("agreed to it"). Ranges are removed from the last, so the
 * earlier ones keep their indices. */
typedef struct { size_t ev0, ev1; uint32_t comp; } carried_range;

static void drop_carried_commitments(sent_ctx *c, const carried_range *r, size_t n) {
    dyad_doc *doc = c->doc;
    for (size_t k = n; k-- > 0;) {
        dyad_span cs = phrase_span(doc, r[k].comp, r[k].comp + 1);
        int coded = 0;
        for (size_t e = r[k].ev1; e < doc->events.len && !coded; e++)
            coded = doc->events.items[e].verb_span.start == cs.start;
        if (!coded) continue;
        dy_trace(doc, "  the commitment's own events dropped: its complement codes the act\n");
        size_t gap = r[k].ev1 - r[k].ev0;
        memmove(&doc->events.items[r[k].ev0], &doc->events.items[r[k].ev1],
                (doc->events.len - r[k].ev1) * sizeof doc->events.items[0]);
        doc->events.len -= gap;
    }
}

static int code_sentence(sent_ctx *c) {
    dyad_doc *doc = c->doc;
    const dyad_dict *d = c->d;
    size_t first_event = doc->events.len;
    int32_t last_subject = -1;
    uint32_t last_verb_end = 0;
    int last_passive = 0;
    int last_reaction = 0;           /* the last verb speaks about, asks for or promises an event */
    int last_habitual = 0;           /* the last verb is a habit ("regularly carry out"): so is its object */
    dyad_modality last_mod = DYAD_ASSERTED;
    /* the generic commitments of "agreed to impose sanctions", "pledged to provide aid": dropped
     * when the complement codes the act itself (carried[k]: events [ev0, ev1) and the complement) */
    carried_range carried[8];
    size_t ncarried = 0;
    uint32_t promised = 0;           /* the complement of a commitment: "promised to investigate" */
    /* the object of a verb of appeal or causing and the span of what it is meant to do */
    int32_t ctl_obj = -1;
    uint32_t ctl_from = 0, ctl_end = 0;
    int ctl_appeal = 0;
    for (uint32_t i = c->ts; i < c->te; i++) {
        verb_hit v, vn;
        int is_verb = find_verb(c, i, &v), is_noun = 0;
        if (is_verb && !verb_position(c, i, v.form)) {
            dy_trace(doc, "  verb? \"%s\" at token %u: not in a verb position (noun or name)\n",
                     d->strings + d->verbs[v.form->entry].name, i - c->ts);
            is_verb = 0;
        }
        if (!is_verb && find_form(c, i, 1, &vn) && noun_position(c, i)) {
            /* "ceasefire talks", "peace deal negotiations": a noun modifying another event noun is
             * what the event is about; the head codes it */
            verb_hit h2;
            if (vn.end == vn.tok + vn.form->nwords && vn.end < c->te && find_form(c, vn.end, 1, &h2)) {
                dy_trace(doc, "  event noun \"%s\" modifies the event noun after it\n",
                         d->strings + d->verbs[vn.form->entry].name);
                continue;
            }
            v = vn;
            is_noun = 1;
        }
        if (!is_verb && !is_noun) continue;
        const dy_verb_entry *ve = &d->verbs[v.form->entry];
        vgroup g;
        if (is_noun) {
            memset(&g, 0, sizeof g);
            g.start = noun_phrase_start(c, i);
            g.modality = DYAD_ASSERTED;
        } else {
            verb_group(c, &v, &g);
            /* a reduced passive: "police, backed by troops,", "rebels led by X", "forces, supported
             * by artillery strikes,": a participle right after its noun and before "by" */
            static const char *const means[] = {"phone", "telephone", "video", "videolink", "air", "land", "sea",
                                                "road", "rail", "train", "car", "plane", "boat", "foot", "email",
                                                "letter", "far", "force", NULL};
            if (!g.passive && v.form->tense == DY_FORM_PAST && v.end + 1 < c->te && dy_tok_is(doc, v.end, "by") &&
                !word_is(doc, v.end + 1, means) && g.start == v.tok && v.tok > c->ts &&
                (dy_tok_is(doc, v.tok - 1, ",") || phrase_at(c, v.tok - 1) >= 0 ||
                 doc->tokens.items[v.tok - 1].tag == DY_TAG_NOUN))
                g.passive = g.reduced = 1;
        }
        dy_trace(doc, "  %s \"%s\" (%s:%u, default %s)%s, %s\n", is_noun ? "event noun" : "verb", d->strings + ve->name,
                 d->files[ve->file], ve->line, ve->code[0] ? ve->code : "---", g.passive ? ", passive" : "",
                 dyad_modality_name(g.modality));
        /* patterns */
        const dy_pattern *best = NULL;
        binding bb = {-1, -1, -1, 0};
        for (uint32_t k = 0; k < ve->pat_count; k++) {
            const dy_pattern *p = &d->patterns[ve->pat_start + k];
            binding b;
            int ok = match_pattern(c, &v, &g, p, &b);
            dy_trace(doc, "    pattern %s:%u [%s] %s\n", d->files[p->file], p->line, p->code[0] ? p->code : "---",
                     ok ? "matches" : "does not match");
            if (ok && (!best || p->nliteral > best->nliteral)) { best = p; bb = b; }
        }
        const char *code = best ? best->code : ve->code;
        uint16_t rf = best ? best->file : ve->file;
        uint32_t rl = best ? best->line : ve->line;
        dyad_modality mod = g.modality;
        if (best && best->modality >= 0) mod = (dyad_modality)best->modality;
        else if (!best && ve->modality >= 0) mod = (dyad_modality)ve->modality;
        /* a noun of a planned event ("next week's talks", "the proposed truce") is an intention,
         * and so is a purpose infinitive after a planned act ("will send a delegation to consult") */
        int noun_planned = is_noun && mod == DYAD_ASSERTED && planned_noun(c, g.start, v.end);
        if (noun_planned) mod = DYAD_INTENDED;
        if (!is_noun && mod == DYAD_ASSERTED && g.start < c->te && dy_tok_is(doc, g.start, "to") && last_verb_end &&
            last_verb_end <= g.start && last_mod == DYAD_INTENDED)
            mod = DYAD_INTENDED;
        /* subject, for coordination even when this verb codes nothing */
        int32_t subj = -1, received = -1;
        if (is_noun) {
            /* a noun's source is its possessor, or the subject of the verb it is the object of;
             * a noun the subject receives ("faced criticism from X") has X as its source */
            if (received_noun(c, g.start, v.end, &subj, &received)) {
                trace_phrase(doc, "source (the noun is received from it)", &doc->phrases.items[subj]);
                trace_phrase(doc, "target (it receives the noun)", &doc->phrases.items[received]);
            }
            if (subj < 0) subj = possessor(c, g.start);
            int noun_mutual = ((best ? best->mutual : ve->mutual) & DY_MUTUAL) != 0;
            /* "X launched an attack": X attacks; "X condemned the attack": X is no attacker */
            if (subj < 0 && last_verb_end && last_verb_end <= g.start && (!last_passive || noun_mutual) && !last_reaction) {
                int open = 1;
                for (uint32_t k = last_verb_end; k < g.start && open; k++)
                    if (clause_stop(c, k) || (wf(doc, d, k) & DY_W_SUB) || (tf(doc, k) & DY_TOK_DASH)) open = 0;
                if (open) subj = last_subject;
                /* "frequently mount raids": the noun is the habit too */
                if (open && last_habitual) g.habitual = 1;
            }
            /* "Russia is in talks with China", "the army is on high alert": the copula's subject */
            if (subj < 0 && g.start >= c->ts + 2 &&
                (dy_tok_is(doc, g.start - 1, "in") || dy_tok_is(doc, g.start - 1, "on")) &&
                (wf(doc, d, g.start - 2) & DY_W_BE))
                subj = find_subject(c, g.start - 2);
            /* "attacks by gang members", "the arrest by police": the agent after "by" */
            if (subj < 0 && v.end + 1 < c->te && dy_tok_is(doc, v.end, "by")) {
                int32_t p = phrase_at(c, v.end + 1);
                if (p >= 0 && doc->phrases.items[p].tok_start == v.end + 1 && usable(&doc->phrases.items[p])) subj = p;
            }
            /* "a meeting of Russia and China": the parties, a compound after "of" */
            if (subj < 0 && v.end + 1 < c->te && dy_tok_is(doc, v.end, "of")) {
                uint32_t k = v.end + 1;
                while (k < c->te && (wf(doc, d, k) & DY_W_DET)) k++;
                int32_t p = phrase_at(c, k);
                size_t members[MAX_MEMBERS];
                if (p >= 0 && doc->phrases.items[p].tok_start == k && usable(&doc->phrases.items[p]) &&
                    group_members(c, (size_t)p, members) > 1)
                    subj = p;
            }
            if (subj < 0) subj = noun_subject_fallback(c, g.start, v.end);
        } else {
            subj = find_subject(c, g.start);
        }
        /* an infinitive of purpose has the subject of the verb before it ("began firing to disperse") */
        if (!is_noun && g.start < c->te && dy_tok_is(doc, g.start, "to") && last_subject >= 0 &&
            last_verb_end <= g.start) {
            subj = last_subject;
            g.habitual |= last_habitual; /* "frequently mount raids to detain militants" */
        }
        /* what an appeal asks of its object is not done ("urged Russia to withdraw"); what a verb
         * of causing makes its object do is the object's act ("allowed Somali troops to attack") */
        if (!is_noun && ctl_obj >= 0 && v.tok > ctl_from && v.tok < ctl_end) {
            if (ctl_appeal) {
                dy_trace(doc, "    no event: what an appeal asks of \"%.*s\"\n",
                         (int)(doc->tokens.items[doc->phrases.items[ctl_obj].tok_end - 1].end -
                               doc->tokens.items[doc->phrases.items[ctl_obj].tok_start].start),
                         doc->text.text + doc->tokens.items[doc->phrases.items[ctl_obj].tok_start].start);
                i = v.end - 1;
                continue;
            }
            subj = ctl_obj;
        }
        if (!is_noun && (dy_lex_marks(d, doc->tokens.items[v.tok].lex) & (DY_M_APPEAL | DY_M_CAUSE))) {
            uint32_t to;
            int32_t o = control_object(c, &v, &to);
            if (o >= 0) {
                ctl_obj = o;
                ctl_from = to;
                ctl_appeal = (dy_lex_marks(d, doc->tokens.items[v.tok].lex) & DY_M_APPEAL) != 0;
                ctl_end = ctl_appeal ? appeal_end(c, to) : to + 3 < c->te ? to + 3 : c->te;
            }
        }
        int coordinated = !is_noun && g.start > c->ts && (dy_tok_is(doc, g.start - 1, "and") || dy_tok_is(doc, g.start - 1, ",")) &&
                          last_subject >= 0 && last_verb_end <= g.start;
        if (coordinated) subj = last_subject;
        /* "volunteered to go and talk", "will travel and meet": a coordinated verb shares the plan */
        if (coordinated && mod == DYAD_ASSERTED && last_mod == DYAD_INTENDED) mod = DYAD_INTENDED;
        int mutual = symmetric(code) || ((best ? best->mutual : ve->mutual) & DY_MUTUAL);
        int alone = ((best ? best->mutual : ve->mutual) & DY_ALONE) != 0;
        /* intentions and refusals as the codebook codes them (data/modality-map.tsv): "will meet"
         * is 036, "refused to withdraw" and "will not withdraw" are 1246 */
        int was_reciprocal = reciprocal(code);
        /* "promised to investigate", "volunteered to speak": the act is an intention */
        if (!is_noun && v.tok == promised && mod == DYAD_ASSERTED) mod = DYAD_INTENDED;
        if ((!is_noun || noun_planned) && code[0] && !(best && best->modality >= 0)) {
            const char *mapped = NULL;
            /* "agreed to restore relations" reports an agreement: the act keeps its code */
            if (mod == DYAD_INTENDED && !g.agreed && (mapped = dy_intent_code(code))) {
                dy_trace(doc, "    intended %s: coded as the intention %s\n", code, mapped);
                code = mapped;
            } else if ((g.refusal || g.will_not) && (mapped = dy_refusal_code(code))) {
                dy_trace(doc, "    refused %s: coded as the refusal %s\n", code, mapped);
                code = mapped;
                mod = DYAD_ASSERTED;
                mutual = was_reciprocal = 0;       /* a refusal is one side's */
            }
        }
        /* "Modi and Xi spoke", "the two leaders talked": a conversation of a compound subject of
         * two countries, with nothing after it that codes, is a consultation (040) */
        if (!code[0] && !is_noun && !best && subj >= 0 && !g.habitual &&
            (dy_lex_marks(d, doc->tokens.items[v.tok].lex) & DY_M_TALK) && compound_of_countries(c, (size_t)subj)) {
            dy_trace(doc, "    a conversation of the compound subject: consultation\n");
            code = "040";
        }
        if (code[0] && g.habitual) {
            dy_trace(doc, "    no event: a habit the article describes (\"regularly\", \"often\"), not an event\n");
            code = "";
        }
        if (!code[0]) {
            if (!g.habitual) dy_trace(doc, "    no event: the verb codes nothing without a pattern\n");
            if (subj >= 0 && !is_noun) last_subject = subj;
            if (!is_noun) {
                last_verb_end = v.end;
                last_passive = g.passive;
                last_reaction = 0;
                last_mod = mod;
                last_habitual = g.habitual;
            }
            i = v.end - 1;
            continue;
        }
        int32_t src = bb.source, tgt = bb.target;
        if (received >= 0 && src < 0 && tgt < 0) { src = subj; tgt = received; }
        if (bb.both >= 0) { if (src < 0) src = bb.both; else if (tgt < 0) tgt = bb.both; }
        if (g.passive) {
            int32_t by = find_object(c, v.end, 1);
            /* a reduced passive's agent is the name right after "by" ("supported by artillery
             * strikes into Karabakh" has none) */
            if (g.reduced && by >= 0) {
                uint32_t a = v.end + 1;
                while (a < c->te && a < v.end + 3 && phrase_at(c, a) < 0 && (wf(doc, d, a) & DY_W_DET)) a++;
                if (doc->phrases.items[by].tok_start != a) by = -1;
            }
            if (src < 0) src = by;
            /* "Hamas is funded by Iran": a pattern's target after the verb is the agent of a passive */
            if (tgt >= 0 && tgt == by && src == by) tgt = -1;
            if (tgt < 0 && subj >= 0 && subj != src) tgt = subj;
        } else {
            /* a pattern that names the source ("welcomed support from $", "came under pressure
             * from $") makes the subject the target */
            if (bb.source >= 0 && tgt < 0 && !is_noun && subj >= 0 && subj != bb.source) tgt = subj;
            if (src < 0) src = subj;
            if (tgt < 0 && !is_noun && best && best->nliteral && bb.last > v.end) {
                /* a double object: "sent Ukraine weapons", "gave Kenya aid": the name between the
                 * verb and the words of the pattern receives them */
                int32_t io = phrase_at(c, v.end);
                const dy_phrase *iop = io >= 0 ? &doc->phrases.items[io] : NULL;
                if (iop && io != src && iop->tok_start == v.end && iop->tok_end < bb.last &&
                    !(iop->flags & (DY_PH_LOC | DY_PH_PRON)) && iop->code[0] != '?' &&
                    !dy_tok_is(doc, iop->tok_end, "'s") && !dy_tok_is(doc, iop->tok_end, "'"))
                    tgt = io;
            }
            if (tgt < 0 && !is_noun && v.end > v.tok + v.form->nwords) {
                /* a phrasal verb split by its object ("sent the envoys home", "called the strike
                 * off"): the object is between the verb and its particle */
                int32_t o = find_object(c, v.tok + 1, 0);
                if (o >= 0 && o != src && doc->phrases.items[o].tok_end <= v.end) tgt = o;
            }
            if (tgt < 0 && (!is_noun || best)) {
                tgt = find_object(c, best ? bb.last : v.end, 0);
                if (tgt >= 0 && tgt == src) tgt = -1;
            }
        }
        /* an event that needs no target (":alone"), shown over or in the source's own capital or
         * country ("staged fly pasts over Cairo"): no target */
        if (alone && tgt >= 0 && src >= 0 && (doc->phrases.items[tgt].flags & DY_PH_NAME_ONLY) &&
            !(doc->phrases.items[tgt].flags & DY_PH_PERSON) &&
            !strncmp(doc->phrases.items[tgt].code, doc->phrases.items[src].code, 3)) {
            trace_phrase(doc, "no target (the source's own place)", &doc->phrases.items[tgt]);
            tgt = -1;
        }
        /* martial law, a curfew, a state of emergency: imposed on a country, not on whoever the
         * sentence names next ("declared martial law, arrested rebel negotiators") */
        if (tgt >= 0 && bb.target < 0 && bb.both < 0 && !strncmp(code, "172", 3) && code[3] >= '1' && code[3] <= '4') {
            trace_phrase(doc, "no target for the measure (not its object)", &doc->phrases.items[tgt]);
            tgt = -1;
        }
        /* "deployed troops to Belarus", "sent its forces into Syria": the source's own forces
         * are what it moves; the target is where they go, and none when they go nowhere named */
        int own_forces = 0;
        if (tgt >= 0 && src >= 0 && !is_noun && (!strncmp(code, "15", 2) || !strncmp(code, "16", 2)) &&
            own_force(c, &doc->phrases.items[src], &doc->phrases.items[tgt], !strncmp(code, "16", 2))) {
            int32_t dest = destination(c, doc->phrases.items[tgt].tok_end, &doc->phrases.items[src]);
            trace_phrase(doc, "the source's own forces, not its target", &doc->phrases.items[tgt]);
            tgt = dest;
            own_forces = dest < 0;
        }
        if (subj >= 0 && !is_noun) last_subject = subj;
        if (!is_noun) {
            last_verb_end = v.end;
            last_passive = g.passive;
            last_mod = mod;
            last_habitual = 0;
            /* speaking about an event or promising it is not doing it: "condemned the attack",
             * "pledged aid"; agreeing to it is ("agreed to a truce") */
            static const char *const agree[] = {"agree", NULL};
            last_reaction = !strncmp(code, "01", 2) || (!strncmp(code, "03", 2) && !verb_is(d, ve, agree)) ||
                            !strncmp(code, "051", 3) || !strncmp(code, "052", 3) || verbal_conflict(code);
        }
        const dy_phrase *sp = src >= 0 ? &doc->phrases.items[src] : NULL;
        const dy_phrase *tp = tgt >= 0 ? &doc->phrases.items[tgt] : NULL;
        /* "each other", "one another": the source's members act on each other */
        int each = tp && (tp->flags & DY_PH_EACH);
        if (each) tp = NULL;
        if (sp && (sp->flags & DY_PH_EACH)) sp = NULL;
        trace_phrase(doc, "source", sp);
        trace_phrase(doc, "target", tp);
        int32_t day = sentence_date(c, v.tok);
        /* implicit roles: a frame fills a role the sentence leaves out, from the document */
        dy_phrase fsrc, ftgt[2];
        size_t nft = 0;
        const char *fwhy = NULL;
        c->frame = NULL;
        unsigned off = doc->frames_off;
        const char *ctry_protest = NULL, *partner = NULL;
        int violent = !strncmp(code, "18", 2) || !strncmp(code, "19", 2) || !strncmp(code, "20", 2);
        if (!sp && tp && g.passive && !(off & DYAD_FRAME_ARREST) && (!strncmp(code, "173", 3) || !strncmp(code, "174", 3))) {
            /* "the former minister was arrested": the police (the courts, for a trial) of the place */
            static const char *const judicial[] = {"sentence", "convict", "try", "charge", "indict", "prosecute",
                                                   "jail", "imprison", NULL};
            const char *ctry = place_country(c, v.tok, &fwhy, tp);
            if (ctry) {
                frame_phrase(&fsrc, ctry, !strncmp(code, "174", 3) ? "GOV" : verb_is(d, ve, judicial) ? "JUD" : "COP");
                sp = &fsrc;
                c->frame = "arrest";
            }
        } else if (!strncmp(code, "14", 2) && !sp && tp && !(off & DYAD_FRAME_PROTEST) &&
                   (ctry_protest = place_country(c, v.tok, &fwhy, tp)) != NULL) {
            /* "protests against the government erupted", "thousands protested against it": the
             * unnamed protesters are the civilians of the place */
            frame_phrase(&fsrc, ctry_protest, "CVL");
            sp = &fsrc;
            c->frame = "protest";
        } else if (!strncmp(code, "14", 2) && !tp && !(off & DYAD_FRAME_PROTEST)) {
            /* a protest or strike with no target is against the government of the place */
            const char *ctry = place_country(c, v.tok, &fwhy, NULL);
            /* the state's own agents do not protest against it */
            int state = sp && agent_kind(sp->code, 's');
            if (ctry && (!sp || (!strncmp(ctry, sp->code, 3) && !state))) {
                /* "the protest", "the protests": one the article has reported, not a new event;
                 * "protests erupted", "a protest" are */
                int definite = is_noun && g.start > c->ts &&
                               (dy_tok_is(doc, g.start - 1, "the") || dy_tok_is(doc, g.start - 1, "this") ||
                                dy_tok_is(doc, g.start - 1, "these") || dy_tok_is(doc, g.start - 1, "those"));
                if (!sp && is_noun && definite) {
                    dy_trace(doc, "    no event: a protest named before (a definite noun with no actor)\n");
                } else if (!sp && is_noun) {
                    frame_phrase(&fsrc, ctry, "CVL");
                    sp = &fsrc;
                }
                if (sp) {
                    /* a riot where another state's troops or police are: against them ("troops
                     * opened fire during a violent riot" in occupied land) */
                    const dy_phrase *foreign = NULL;
                    for (size_t q = c->p0; q < c->p1 && !foreign; q++) {
                        const dy_phrase *ph = &doc->phrases.items[q];
                        if ((!strncmp(ph->code + 3, "MIL", 3) || !strncmp(ph->code + 3, "COP", 3)) &&
                            strlen(ph->code) >= 6 && strncmp(ph->code, ctry, 3) && strncmp(ph->code, "---", 3) &&
                            !dy_code_is_intl(ph->code) && !(ph->flags & DY_PH_LOC) && ph->code[0] != '?')
                            foreign = ph;
                    }
                    if (foreign) ftgt[nft++] = *foreign;
                    else frame_phrase(&ftgt[nft++], ctry, "GOV");
                    c->frame = "protest";
                }
            }
        } else if (!strncmp(code, "16", 2) && sp && !tp && !(off & DYAD_FRAME_AID) && doc->main_pair[0][0] &&
                   (partner = main_partner(c, sp, &fwhy)) != NULL &&
                   (!strncmp(partner, doc->main_pair[0], 3) || !strncmp(partner, doc->main_pair[1], 3))) {
            /* "would recall its ambassador", "cut ties": relations with the other side of the
             * article's main pair */
            frame_phrase(&ftgt[nft++], partner, "");
            fwhy = "the other side of the document's main pair";
        } else if ((!strncmp(code, "07", 2) || !strncmp(code, "033", 3)) && sp && !tp && !(off & DYAD_FRAME_AID) &&
                   (partner = main_partner(c, sp, &fwhy)) != NULL) {
            /* aid with no recipient goes to the country the article is about, or to the donor's
             * partner in the article's main pair when the donor is that country */
            frame_phrase(&ftgt[nft++], partner, "");
            c->frame = "aid";
        } else if (!(off & DYAD_FRAME_TALKS) && doc->main_pair[0][0] && !tp &&
                   ((!sp && (is_noun ? noun_is_subject(c, v.end) && !strncmp(code, "04", 2) : g.passive) &&
                     pair_in_focus(c) &&
                     talks_code(code, ((best ? best->mutual : ve->mutual) & DY_MUTUAL) != 0)) ||
                    (sp && !strcmp(code, "045")))) {
            /* talks, truces, agreements, clashes with unnamed parties: the document's main pair;
             * a mediator with no parties named mediates between them */
            if (!sp) {
                virtual_phrase(&fsrc, doc->main_pair[0]);
                sp = &fsrc;
                virtual_phrase(&ftgt[nft++], doc->main_pair[1]);
                mutual = 1;
            } else {
                for (int k = 0; k < 2; k++)
                    if (strncmp(doc->main_pair[k], sp->code, 3)) virtual_phrase(&ftgt[nft++], doc->main_pair[k]);
            }
            if (nft) { fwhy = "the document's main pair"; c->frame = "talks"; }
        } else if (!sp && tp && violent && !(off & DYAD_FRAME_ATTACK) && c->npending && *c->npending < MAX_PENDING) {
            /* an attack with no attacker: kept until the end of the document, which may name one */
            pending_attack *pa = &c->pending[(*c->npending)++];
            memset(pa, 0, sizeof *pa);
            pa->sentence = c->s;
            snprintf(pa->code, sizeof pa->code, "%s", code);
            snprintf(pa->target, sizeof pa->target, "%s", tp->code);
            pa->mod = mod;
            pa->day = day;
            pa->verb_span = phrase_span(doc, v.tok, v.tok + 1);
            pa->target_span = phrase_span(doc, tp->tok_start, tp->tok_end);
            pa->rule_file = rf;
            pa->rule_line = rl;
            dy_trace(doc, "    no source actor yet: the attack frame looks for the attacker elsewhere in the document\n");
            i = v.end - 1;
            continue;
        }
        if (c->frame) {
            if (sp == &fsrc) dy_trace(doc, "    frame %s: source %s (%s)\n", c->frame, fsrc.code, fwhy);
            for (size_t k = 0; k < nft; k++) dy_trace(doc, "    frame %s: target %s (%s)\n", c->frame, ftgt[k].code, fwhy);
        }
        if (!sp) {
            dy_trace(doc, "    no event: no source actor\n");
            i = v.end - 1;
            continue;
        }
        dy_phrase place;
        /* compounds: the members of the source's and the target's groups (groups are runs of
         * neighbouring phrases; a list longer than MAX_MEMBERS codes its first members only) */
        const dy_phrase *P = doc->phrases.items;
        size_t ev_before = doc->events.len;
        const dy_phrase *S[MAX_MEMBERS], *T[MAX_MEMBERS];
        size_t sm[MAX_MEMBERS], tm[MAX_MEMBERS], ns, nt;
        if (sp == &fsrc) { S[0] = sp; ns = 1; }
        else { ns = group_members(c, (size_t)src, sm); for (size_t k = 0; k < ns; k++) S[k] = &P[sm[k]]; }
        if (nft) { for (size_t k = 0; k < nft; k++) T[k] = &ftgt[k]; nt = nft; tp = T[0]; }
        else if (tp) {
            nt = group_members(c, (size_t)tgt, tm);
            for (size_t k = 0; k < nt; k++) T[k] = &P[tm[k]];
            /* "held talks with Japan, with South Korea and Australia joining": more parties */
            nt = joining_parties(c, tp->tok_end, T, nt);
        }
        else nt = 0;
        int src_compound = ns > 1;
        if (!tp && src_compound && !strncmp(code, "15", 2)) {
            /* several states showing force together exercise jointly: military cooperation */
            code = "062";
            mutual = 1;
        }
        if (!tp && src_compound && (each || (is_noun ? mutual : was_reciprocal || reciprocal(code) || mutual))) {
            for (size_t a = 0; a < ns; a++)
                for (size_t b = 0; b < ns; b++)
                    if (a != b && add_event(c, S[a], S[b], code, mod, day, &v, rf, rl, first_event))
                        return DYAD_ERR_NOMEM;
        } else if (tp) {
            for (size_t a = 0; a < ns; a++) {
                for (size_t b = 0; b < nt; b++) {
                    if (S[a] == T[b]) continue;
                    if (add_event(c, S[a], T[b], code, mod, day, &v, rf, rl, first_event))
                        return DYAD_ERR_NOMEM;
                    /* meeting, signing, exercising and fighting are mutual: code both directions */
                    if (mutual && add_event(c, T[b], S[a], code, mod, day, &v, rf, rl, first_event))
                        return DYAD_ERR_NOMEM;
                }
            }
        } else if (!is_noun && violent && place_target(c, best ? bb.last : v.end, &place)) {
            /* violence against a place ("shelled the area", "struck a market in Baghdad") hits its
             * civilians: the place's country (or the document's) + CVL */
            trace_phrase(doc, "target (civilians of the place)", &place);
            for (size_t a = 0; a < ns; a++)
                if (add_event(c, S[a], &place, code, mod, day, &v, rf, rl, first_event)) return DYAD_ERR_NOMEM;
        } else if (!is_noun && violent && g.passive && passive_place(c, g.start, &place)) {
            /* "Kharkiv was pummelled by Russian missiles": the passive subject is a place */
            trace_phrase(doc, "target (civilians of the place)", &place);
            for (size_t a = 0; a < ns; a++)
                if (add_event(c, S[a], &place, code, mod, day, &v, rf, rl, first_event)) return DYAD_ERR_NOMEM;
        } else if (!is_noun && !strncmp(code, "17", 2) && coerced_place(c, best ? bb.last : v.end, v.tok, &place)) {
            /* "raided several houses", "stormed the village": the place's civilians */
            trace_phrase(doc, "target (civilians of the place)", &place);
            for (size_t a = 0; a < ns; a++)
                if (add_event(c, S[a], &place, code, mod, day, &v, rf, rl, first_event)) return DYAD_ERR_NOMEM;
        } else if ((verbal_conflict(code) || !strncmp(code, "03", 2) || !strncmp(code, "05", 2)) &&
                   (referred_event_source(c, best ? bb.last : v.end, S[0], &place) ||
                    (best && referred_event_source(c, v.end, S[0], &place)))) {
            /* (a pattern may have read the noun itself: "accepted the invitation") */
            /* "condemned the coup", "rejected the move": toward whoever did what the noun names */
            trace_phrase(doc, "target (the author of the event referred to)", &place);
            for (size_t a = 0; a < ns; a++)
                if (add_event(c, S[a], &place, code, mod, day, &v, rf, rl, first_event)) return DYAD_ERR_NOMEM;
        } else if (!strcmp(code, "015") && claimed_target(c, &place)) {
            /* "claimed responsibility for the attack": toward the attack's target */
            trace_phrase(doc, "target (of the attack claimed)", &place);
            for (size_t a = 0; a < ns; a++)
                if (add_event(c, S[a], &place, code, mod, day, &v, rf, rl, first_event)) return DYAD_ERR_NOMEM;
        } else if (!strncmp(code, "15", 2) && force_place_target(c, best ? bb.last : v.end, S[0], &place)) {
            trace_phrase(doc, "target (the country of the place shown force)", &place);
            for (size_t a = 0; a < ns; a++)
                if (add_event(c, S[a], &place, code, mod, day, &v, rf, rl, first_event)) return DYAD_ERR_NOMEM;
        } else if (targetless(code) || alone || (own_forces && !strncmp(code, "15", 2))) {
            /* martial law, a curfew, a mobilisation, a test, a resignation: an event with no target */
            for (size_t a = 0; a < ns; a++)
                if (add_event(c, S[a], NULL, code, mod, day, &v, rf, rl, first_event)) return DYAD_ERR_NOMEM;
        } else {
            dy_trace(doc, "    no event: no target actor\n");
        }
        c->frame = NULL;
        uint32_t comp;
        if (!best && !is_noun && !strncmp(code, "03", 2) && (comp = to_complement(c, v.end))) {
            if (doc->events.len > ev_before && ncarried < 8) {
                carried[ncarried].ev0 = ev_before;
                carried[ncarried].ev1 = doc->events.len;
                carried[ncarried++].comp = comp;
            }
            static const char *const agree[] = {"agree", NULL};
            if (!verb_is(d, ve, agree)) promised = comp;
        }
        /* words a pattern used after the verb are not events of their own ("lifted their siege") */
        i = (best && best->nliteral && bb.last > v.end ? bb.last : v.end) - 1;
    }
    drop_carried_commitments(c, carried, ncarried);
    return code_statement(c, first_event);
}

/* The attack frame: an attack the sentence gives no attacker takes the attacker that the document
 * names for violence against the same target's country elsewhere (the most frequent one); events
 * are then put back in sentence order. */
static int resolve_pending(dyad_doc *doc, const dyad_dict *d, const pending_attack *pa, size_t n) {
    size_t before = doc->events.len;
    for (size_t k = 0; k < n; k++) {
        /* the attackers of the target's country, counted in one pass (at most 32 distinct) */
        enum { MAXA = 32 };
        const char *who[MAXA];
        int cnt[MAXA], na = 0;
        for (size_t i = 0; i < before; i++) {
            const dyad_event *e = &doc->events.items[i];
            const char *r = e->code;
            /* civilians are no attackers the document names */
            if (!e->source[0] || strncmp(e->target, pa[k].target, 3) || e->frame || strstr(e->source + 3, "CVL") ||
                !(!strncmp(r, "18", 2) || !strncmp(r, "19", 2) || !strncmp(r, "20", 2)))
                continue;
            int a = 0;
            while (a < na && strcmp(who[a], e->source)) a++;
            if (a == na) {
                if (na == MAXA) continue;
                who[na] = e->source;
                cnt[na++] = 0;
            }
            cnt[a]++;
        }
        const char *best = NULL;
        int best_n = 0;
        for (int a = 0; a < na; a++)
            if (cnt[a] > best_n) { best_n = cnt[a]; best = who[a]; }
        if (!best || !strncmp(best, pa[k].target, 3)) continue;
        int dup = 0;
        for (size_t i = 0; i < doc->events.len && !dup; i++) {
            const dyad_event *e = &doc->events.items[i];
            dup = e->sentence == pa[k].sentence && !strcmp(e->source, best) && !strcmp(e->target, pa[k].target) &&
                  !strcmp(e->code, pa[k].code);
        }
        if (dup) continue;
        char src[16];
        snprintf(src, sizeof src, "%s", best);
        dyad_event *e = DY_PUSH(doc->events);
        if (!e) return DYAD_ERR_NOMEM;
        memset(e, 0, sizeof *e);
        e->sentence = pa[k].sentence;
        snprintf(e->source, sizeof e->source, "%s", src);
        snprintf(e->target, sizeof e->target, "%s", pa[k].target);
        snprintf(e->code, sizeof e->code, "%s", pa[k].code);
        e->cameo = dyad_cameo_find(pa[k].code);
        e->modality = pa[k].mod;
        if (pa[k].day != DY_NOCODE) dy_days_to_date(pa[k].day, e->date);
        e->verb_span = pa[k].verb_span;
        e->target_span = pa[k].target_span;
        e->rule_file = d->files[pa[k].rule_file];
        e->rule_line = pa[k].rule_line;
        e->frame = "attack";
        dy_trace(doc, "frame attack: sentence %u: %s %s %s (the attacker the document names elsewhere)\n", e->sentence,
                 e->source, e->code, e->target);
        if (!e->cameo) doc->events.len--;
    }
    /* insertion of the few appended events into sentence order (stable) */
    for (size_t i = before; i < doc->events.len; i++) {
        dyad_event tmp = doc->events.items[i];
        size_t j = i;
        while (j > 0 && doc->events.items[j - 1].sentence > tmp.sentence) {
            doc->events.items[j] = doc->events.items[j - 1];
            j--;
        }
        doc->events.items[j] = tmp;
    }
    return DYAD_OK;
}

int dy_find_events(dyad_doc *doc, const dyad_dict *d) {
    size_t pi = 0;
    dy_trace(doc, "main country: %s\n", doc->main_country[0] ? doc->main_country : "(none)");
    int32_t *map = NULL;
    uint8_t *memo = NULL;
    size_t map_cap = 0;
    pending_attack *pending = dy_arena_alloc(&doc->arena, MAX_PENDING * sizeof *pending);
    size_t npending = 0;
    if (!pending) return DYAD_ERR_NOMEM;
    for (uint32_t s = 0; s < doc->sentences.len; s++) {
        const dy_sentence *se = &doc->sentences.items[s];
        sent_ctx c;
        c.doc = doc;
        c.d = d;
        c.s = s;
        c.ts = se->tok_start;
        c.te = se->tok_end;
        while (pi < doc->phrases.len && doc->phrases.items[pi].sentence < s) pi++;
        c.p0 = pi;
        size_t pe = pi;
        while (pe < doc->phrases.len && doc->phrases.items[pe].sentence == s) pe++;
        c.p1 = pe;
        size_t nt = c.te - c.ts;
        if (nt > map_cap) {
            map_cap = nt * 2;
            map = dy_arena_alloc(&doc->arena, map_cap * sizeof *map);
            memo = dy_arena_alloc(&doc->arena, map_cap);
            if (!map || !memo) return DYAD_ERR_NOMEM;
        }
        for (size_t k = 0; k < nt; k++) map[k] = -1;
        memset(memo, 0, nt);
        c.verb_memo = memo;
        for (size_t p = c.p0; p < c.p1; p++)
            for (uint32_t k = doc->phrases.items[p].tok_start; k < doc->phrases.items[p].tok_end; k++)
                map[k - c.ts] = (int32_t)p;
        c.tok_phrase = map;
        c.frame = NULL;
        c.pending = pending;
        c.npending = &npending;
        c.ndates = dy_sentence_dates(doc, d, c.ts, c.te, c.date_toks, c.date_days, DY_MAX_DATES);
        c.first_if = c.te;
        c.speaker = statement_speaker(&c);
        for (uint32_t k = c.ts; k < c.te; k++)
            if (dy_tok_is(doc, k, "if") || dy_tok_is(doc, k, "unless")) { c.first_if = k; break; }
        if (doc->tracing) {
            const char *st = doc->sent_text ? doc->sent_text[s] : "";
            dy_trace(doc, "sentence %u: %s\n  tokens:", s, st);
            for (uint32_t k = c.ts; k < c.te; k++) {
                size_t n;
                const char *t = dy_tok_text(doc, k, &n);
                dy_trace(doc, " %.*s", (int)n, t);
            }
            dy_trace(doc, "\n");
            for (size_t p = c.p0; p < c.p1; p++) {
                const dy_phrase *ph = &doc->phrases.items[p];
                const dy_token *a = &doc->tokens.items[ph->tok_start], *b = &doc->tokens.items[ph->tok_end - 1];
                dy_trace(doc, "  actor \"%.*s\" = %s%s%s%s (%s:%u)\n", (int)(b->end - a->start), doc->text.text + a->start,
                         ph->code, ph->flags & DY_PH_LOC ? " [place]" : "", ph->flags & DY_PH_MOD ? " [modifier]" : "",
                         (p > c.p0 && doc->phrases.items[p - 1].group == ph->group) ||
                                 (p + 1 < c.p1 && doc->phrases.items[p + 1].group == ph->group) ? " [compound]" : "",
                         d->files[ph->rule_file], ph->rule_line);
            }
        }
        int r = code_sentence(&c);
        if (r) return r;
    }
    return npending ? resolve_pending(doc, d, pending, npending) : DYAD_OK;
}
