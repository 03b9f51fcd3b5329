/*
 * discourse.c - the discourse stage: the document read as a whole. Between the actor stage (which
 * finds the phrases of each sentence) and the event stage (which reads actors from the phrases).
 *
 * Algorithm, all in text order and bounded windows, so linear in the document:
 *  1. names learned (dy_learn_names): a title followed by a name the dictionary does not know
 *     ("Zambian President Hakainde Hichilema") teaches the surname with the phrase's code; a known
 *     person's full name ("Viktor Orban") teaches the surname alone; a phrase followed by an acronym
 *     in brackets ("Rapid Support Forces (RSF)") teaches the acronym. The actor stage then runs again
 *     and finds the learned names as mentions of their own (actors.c, mention kind 3);
 *  2. quotations: quote marks are paired across the sentences of a paragraph and every token inside
 *     is flagged; a sentence's speaker is the phrase next to a reporting verb outside the quote
 *     ("..., he said", "X told reporters: ..."), else the speaker of the quote it continues, else the
 *     speaker of the previous paragraph when that paragraph's quote runs on;
 *  3. references, phrase by phrase: he/she/him/his/her to the nearest person (a speaker clause
 *     first, then the nearest in the same sentence, then the subject - the first fitting phrase -
 *     of the nearest earlier sentence, within three sentences, with gender agreement); it/its to a
 *     country, organisation or group; they/them/their to a compound (which it then stands for as a
 *     whole), a plural collective or a group; we/us/our/I inside a quotation to the speaker;
 *     "the two sides", "both countries", "the two leaders" to the last two parties named together;
 *     "each other" is kept for the event stage (the source's members code each other);
 *  4. an agent with no country of its own takes, in this order: the referent of its possessive
 *     pronoun ("its army"), a place in the same sentence ("police in Lviv"), for a definite
 *     description ("the government", "the rebels") the latest entity with the same agent, and only
 *     then the document's main country, which explain reports as a last resort;
 *  5. entities: every phrase becomes a mention of an entity (same dictionary entry, same learned
 *     name, or same code), with kind, number and gender; explain prints the table;
 *  6. the phrase array is rebuilt once: unresolved pronouns dropped, phrases that stand for several
 *     parties ("they", "the two sides") expanded into one phrase per party, sharing a group, so the
 *     event stage codes them like a compound.
 */
#include "engine.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define REF_SENTENCES 3      /* how far back a pronoun looks */
#define DEF_SENTENCES 5      /* how far back a definite description looks */
#define PAIR_SENTENCES 6     /* how far back "the two sides" looks */
#define MAX_NAMES 64
#define MAX_EXPAND 4096

static uint32_t tfl(const dyad_doc *doc, uint32_t i) { return doc->tokens.items[i].flags; }
static uint32_t wfl(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    return dy_lex_flags(d, doc->tokens.items[i].lex);
}

/* ------------------------------------------------------------------ names learned from the text */

/* Does a dictionary phrase start at token i and end right after it? */
static int word_is_known(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    uint32_t lex = doc->tokens.items[i].lex;
    if (!lex) return 0;
    uint32_t node = dy_trie_child(d, 0, lex);
    return node && d->nodes[node].kind;
}

static int add_name(dyad_doc *doc, uint32_t tok, uint32_t entry, const dy_phrase *p) {
    const dy_token *t = &doc->tokens.items[tok];
    uint32_t n = t->end - t->start;
    if (n < 2 || doc->names.len >= MAX_NAMES) return 0;
    for (size_t k = 0; k < doc->names.len; k++) {
        const dy_name *o = &doc->names.items[k];
        if (o->len == n && !memcmp(doc->text.text + o->start, doc->text.text + t->start, n)) return 0;
    }
    dy_name *nm = DY_PUSH(doc->names);
    if (!nm) return 0;
    nm->start = t->start;
    nm->len = n;
    nm->from_tok = tok;
    nm->entry = entry;
    snprintf(nm->code, sizeof nm->code, "%s", p->code);
    nm->person = (p->flags & DY_PH_PERSON) != 0;
    nm->rule_file = (uint16_t)p->rule_file;
    nm->rule_line = p->rule_line;
    return 1;
}

/* A capitalised word that can be part of a person's name: unknown to the dictionary, no
 * closed-class word, no verb. */
static int name_word(const dyad_doc *doc, const dyad_dict *d, uint32_t k) {
    const dy_token *t = &doc->tokens.items[k];
    if (!(t->flags & DY_TOK_WORD) || !(t->flags & DY_TOK_CAP) || (t->flags & DY_TOK_UPPER && t->end - t->start > 1 &&
                                                                     !(t->flags & DY_TOK_ABBR)))
        return 0;
    if (t->lex && (d->lex[t->lex].flags || d->lex[t->lex].is_verb || word_is_known(doc, d, k))) {
        /* "Jan", "May" are first names too when a name follows ("Jan Novacek", not "Jan. 5") */
        if (d->lex[t->lex].flags == DY_W_TIME && !word_is_known(doc, d, k) && k + 1 < doc->tokens.len &&
            !(t->flags & DY_TOK_ABBR) && (doc->tokens.items[k + 1].flags & DY_TOK_CAP) &&
            !doc->tokens.items[k + 1].lex)
            return 1;
        return 0;
    }
    return 1;
}

/* "Nikola Dimitrov, national security adviser to ...", "Russia's ambassador, Vassily Nebenzia,":
 * a name of 1-4 unknown capitalised words next to an agent phrase across a comma is that agent;
 * returns the surname's token + 1 (0 if none). */
static uint32_t apposed_name(const dyad_doc *doc, const dyad_dict *d, const dy_phrase *p) {
    const dy_sentence *se = &doc->sentences.items[p->sentence];
    uint32_t b = p->tok_start;
    if (b > se->tok_start && (wfl(doc, d, b - 1) & DY_W_DET)) b--;
    if (b >= se->tok_start + 2 && dy_tok_is(doc, b - 1, ",") && name_word(doc, d, b - 2)) {
        uint32_t k = b - 2, n = 1;
        while (k > se->tok_start && n < 4 && name_word(doc, d, k - 1)) { k--; n++; }
        int starts = k == se->tok_start || !name_word(doc, d, k - 1);
        if (starts && n >= 2) return b - 1;          /* "Nikola Dimitrov, ..." : a full name */
    }
    uint32_t e = p->tok_end;
    if (e + 2 < se->tok_end && dy_tok_is(doc, e, ",") && name_word(doc, d, e + 1)) {
        uint32_t k = e + 1, n = 0;
        while (k < se->tok_end && n < 4 && name_word(doc, d, k)) { k++; n++; }
        if (n >= 2 && (k == se->tok_end || dy_tok_is(doc, k, ",") || (wfl(doc, d, k) & DY_W_SPEECH))) return k;
    }
    return 0;
}

/* Countries whose people's names are written family name first in English news. */
static int family_name_first(const char *code) {
    static const char *const first[] = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", NULL};
    for (int i = 0; first[i]; i++)
        if (!strncmp(code, first[i], 3)) return 1;
    return 0;
}

size_t dy_learn_names(dyad_doc *doc, const dyad_dict *d) {
    size_t before = doc->names.len;
    for (size_t i = 0; i < doc->phrases.len; i++) {
        const dy_phrase *p = &doc->phrases.items[i];
        if (p->flags & (DY_PH_PRON | DY_PH_PAIR | DY_PH_EACH | DY_PH_LOC | DY_PH_MOD | DY_PH_PLACE)) continue;
        if (p->code[0] == '?' || !strncmp(p->code, "---", 3)) continue;
        uint32_t last = p->tok_end - 1;
        const dy_token *lt = &doc->tokens.items[last];
        int capword = (lt->flags & DY_TOK_WORD) && (lt->flags & DY_TOK_CAP) && lt->end - lt->start >= 3;
        /* a title and a name the dictionary does not know: the surname has the phrase's code */
        if (p->name_tok && capword && !word_is_known(doc, d, last) && last + 1 > p->name_tok)
            add_name(doc, last, 0, p);
        /* a known person's full name: the surname alone means the same person from here on */
        else if ((p->flags & DY_PH_PERSON) && p->entry && capword && p->tok_end - p->tok_start >= 2 &&
                 !word_is_known(doc, d, last) && !(p->flags & DY_PH_LEARNED))
            add_name(doc, last, p->entry, p);
        /* Chinese and Korean names put the family name first ("Lai Ching-te" is "Lai", "Xi
         * Jinping" "Xi", "Kim Jong Un" "Kim"): the first word of the name teaches it too */
        int titled = p->name_tok && capword && !word_is_known(doc, d, last);
        if ((((p->flags & DY_PH_PERSON) && p->entry) || titled) && !(p->flags & DY_PH_LEARNED) &&
            p->tok_end - p->tok_start >= 2 && family_name_first(p->code)) {
            /* the name is the run of words after the last title or nationality ("South Korean
             * President Yoon Suk Yeol"), hyphenated parts included ("Ching-te") */
            uint32_t k = p->tok_end - 1;
            while (k > p->tok_start && !word_is_known(doc, d, k - 1) &&
                   ((tfl(doc, k - 1) & DY_TOK_CAP) || dy_tok_is(doc, k - 1, "-")))
                k--;
            (void)titled;
            const dy_token *ft = &doc->tokens.items[k];
            if (k + 1 < p->tok_end && (ft->flags & DY_TOK_WORD) && (ft->flags & DY_TOK_CAP) && !(ft->flags & DY_TOK_UPPER))
                add_name(doc, k, p->entry, p);
        }
        /* a name in apposition to a title: a person with the title's code */
        if ((p->flags & DY_PH_HAS_AGENT) && !(p->flags & DY_PH_PERSON) && !p->name_tok) {
            uint32_t sn = apposed_name(doc, d, p);
            if (sn && add_name(doc, sn - 1, 0, p)) doc->names.items[doc->names.len - 1].person = 1;
        }
        /* an acronym in brackets after a named actor: "the Rapid Support Forces (RSF)" */
        uint32_t e = p->tok_end;
        const dy_sentence *se = &doc->sentences.items[p->sentence];
        if (e + 2 < se->tok_end && dy_tok_is(doc, e, "(") && dy_tok_is(doc, e + 2, ")") &&
            (tfl(doc, e + 1) & DY_TOK_UPPER) && !word_is_known(doc, d, e + 1) && !(p->flags & DY_PH_AGENT_ONLY))
            add_name(doc, e + 1, p->entry && !(p->flags & DY_PH_LEARNED) ? p->entry : 0, p);
    }
    return doc->names.len - before;
}

/* ------------------------------------------------------------------ quotations and speakers */

/* Flags the tokens inside quotations (quote marks pair up within a paragraph). */
static void mark_quotes(dyad_doc *doc) {
    int open = 0;
    for (size_t i = 0; i < doc->tokens.len; i++) {
        dy_token *t = &doc->tokens.items[i];
        if (t->flags & DY_TOK_PARA) open = 0;
        if (t->flags & DY_TOK_QUOTE) {
            open = !open;
            t->flags &= (uint16_t)~DY_TOK_INQUOTE;
            continue;
        }
        if (open) t->flags |= DY_TOK_INQUOTE;
        else t->flags &= (uint16_t)~DY_TOK_INQUOTE;
    }
}

static int usable_actor(const dy_phrase *p) {
    return !(p->flags & (DY_PH_LOC | DY_PH_MOD | DY_PH_PLACE | DY_PH_EACH)) && p->code[0] != '?';
}

/* The speaker of sentence s: a phrase next to a reporting verb outside the quotation. */
static int32_t sentence_speaker(const dyad_doc *doc, const dyad_dict *d, uint32_t s, size_t p0, size_t p1) {
    for (size_t i = p0; i < p1; i++) {
        const dy_phrase *p = &doc->phrases.items[i];
        if (!usable_actor(p) || (tfl(doc, p->tok_start) & DY_TOK_INQUOTE)) continue;
        const dy_sentence *se = &doc->sentences.items[s];
        uint32_t k = p->tok_end;
        while (k < se->tok_end && (wfl(doc, d, k) & (DY_W_ADV | DY_W_AUX))) k++;
        if (k < se->tok_end && (wfl(doc, d, k) & DY_W_SPEECH) && !dy_tok_is(doc, k, "according")) return (int32_t)i;
        /* "said X" / "according to X" */
        uint32_t b = p->tok_start;
        while (b > se->tok_start && (wfl(doc, d, b - 1) & DY_W_DET)) b--;
        if (b > se->tok_start && (wfl(doc, d, b - 1) & DY_W_SPEECH) && !(tfl(doc, b - 1) & DY_TOK_INQUOTE) &&
            !dy_tell_at(doc, b - 1))
            return (int32_t)i;
        if (b > se->tok_start + 1 && dy_tok_is(doc, b - 1, "to") && dy_tok_is(doc, b - 2, "according")) return (int32_t)i;
    }
    return -1;
}

static int has_quote(const dyad_doc *doc, const dy_sentence *se) {
    for (uint32_t k = se->tok_start; k < se->tok_end; k++)
        if (tfl(doc, k) & (DY_TOK_INQUOTE | DY_TOK_QUOTE)) return 1;
    return 0;
}

static void find_speakers(dyad_doc *doc, const dyad_dict *d) {
    size_t ns = doc->sentences.len;
    size_t pi = 0;
    int32_t prev_para_speaker = -1, para_speaker = -1;
    uint32_t para = UINT32_MAX;
    for (uint32_t s = 0; s < ns; s++) {
        const dy_sentence *se = &doc->sentences.items[s];
        while (pi < doc->phrases.len && doc->phrases.items[pi].sentence < s) pi++;
        size_t pe = pi;
        while (pe < doc->phrases.len && doc->phrases.items[pe].sentence == s) pe++;
        if (se->paragraph != para) {
            /* a quote that ran on to the end of the previous paragraph continues here */
            int ran_on = s > 0 && se->tok_end > se->tok_start && (tfl(doc, se->tok_start) & DY_TOK_QUOTE) &&
                         (tfl(doc, doc->sentences.items[s - 1].tok_end - 1) & DY_TOK_INQUOTE);
            prev_para_speaker = ran_on ? para_speaker : -1;
            para_speaker = -1;
            para = se->paragraph;
        }
        doc->speaker[s] = -1;
        if (!has_quote(doc, se)) continue;
        int32_t sp = sentence_speaker(doc, d, s, pi, pe);
        if (sp < 0) {
            /* the attribution later in the paragraph: "... . We will," he said. */
            for (uint32_t t = s + 1; t < ns && t < s + 4 && sp < 0; t++) {
                if (doc->sentences.items[t].paragraph != se->paragraph) break;
                size_t a = pe, b = pe;
                while (a < doc->phrases.len && doc->phrases.items[a].sentence < t) a++;
                b = a;
                while (b < doc->phrases.len && doc->phrases.items[b].sentence == t) b++;
                sp = sentence_speaker(doc, d, t, a, b);
            }
        }
        if (sp < 0) sp = para_speaker >= 0 ? para_speaker : prev_para_speaker;
        doc->speaker[s] = sp;
        if (sp >= 0) para_speaker = sp;
    }
}

/* ------------------------------------------------------------------ entities */

static int person_title(const dyad_doc *doc, uint32_t k);

static int phrase_kind(const dy_phrase *p, int *plural, const dyad_doc *doc) {
    *plural = 0;
    if (p->flags & DY_PH_PERSON) return DY_EN_PERSON;
    if (p->flags & (DY_PH_PLACE | DY_PH_LOC)) return DY_EN_PLACE;
    /* "the acting president", "the Kenyan foreign minister": one person, whom "he" or "she" can mean */
    if ((p->flags & (DY_PH_AGENT_ONLY | DY_PH_HAS_AGENT)) && person_title(doc, p->tok_end - 1)) return DY_EN_PERSON;
    if (dy_code_is_intl(p->code)) return DY_EN_ORG;
    if (p->flags & DY_PH_AGENT_ONLY) {
        size_t n;
        const char *t = dy_tok_text(doc, p->tok_end - 1, &n);
        *plural = n > 2 && t[n - 1] == 's';
        return DY_EN_COLLECTIVE;
    }
    if ((p->flags & DY_PH_NAME_ONLY) && strlen(p->code) == 3) return DY_EN_COUNTRY;
    const char *ag = strlen(p->code) > 3 ? p->code + 3 : "";
    if (!strncmp(ag, "REB", 3) || !strncmp(ag, "OPP", 3) || !strncmp(ag, "PTY", 3) || !strncmp(ag, "NGO", 3) ||
        !strncmp(ag, "BUS", 3) || !strncmp(ag, "MED", 3)) {
        if (p->flags & DY_PH_HAS_AGENT) {
            size_t n;
            const char *t = dy_tok_text(doc, p->tok_end - 1, &n);
            *plural = n > 2 && t[n - 1] == 's';
            if (*plural) return DY_EN_COLLECTIVE;
        }
        return DY_EN_GROUP;
    }
    return DY_EN_ORG;
}

/* The gender a title in the phrase gives (1 male, 2 female, 0 unknown). */
static int phrase_gender(const dyad_doc *doc, const dy_phrase *p) {
    static const char *const male[] = {"mr", "mr.", "sir", "king", "prince", "sheikh", "emir", "he", "him", "his", NULL};
    static const char *const female[] = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "queen", "princess",
                                         "lady", "dame", "she", "her", "hers", NULL};
    /* a title may stand just before the phrase ("Mr Putin" at the start of a paragraph) */
    for (uint32_t k = p->tok_start ? p->tok_start - 1 : 0; k < p->tok_end; k++) {
        for (int i = 0; male[i]; i++) if (dy_tok_is(doc, k, male[i])) return 1;
        for (int i = 0; female[i]; i++) if (dy_tok_is(doc, k, female[i])) return 2;
    }
    return 0;
}

/* The entity phrase i mentions: the one with the same dictionary entry (persons, organisations),
 * the same learned name, or the same code and kind; a new one otherwise. */
static int32_t entity_of(dyad_doc *doc, size_t i) {
    dy_phrase *p = &doc->phrases.items[i];
    if (p->flags & DY_PH_PRON && p->ante >= 0) return doc->phrases.items[p->ante].entity;
    int plural;
    int kind = phrase_kind(p, &plural, doc);
    for (size_t k = doc->entities.len; k-- > 0 && k + 256 > doc->entities.len;) {
        dy_entity *e = &doc->entities.items[k];
        if (strcmp(e->code, p->code) || e->kind != kind) continue;
        if (kind == DY_EN_PERSON && e->entry && p->entry && e->entry != p->entry) continue;
        return (int32_t)k;
    }
    dy_entity *e = DY_PUSH(doc->entities);
    if (!e) return -1;
    memset(e, 0, sizeof *e);
    dy_code_cat(e->code, p->code, 15, NULL);
    e->kind = (uint8_t)kind;
    e->plural = (uint8_t)plural;
    e->gender = kind == DY_EN_PERSON ? (uint8_t)phrase_gender(doc, p) : 0;
    e->entry = p->entry;
    e->learned = (p->flags & DY_PH_LEARNED) != 0;
    e->first = (uint32_t)i;
    return (int32_t)(doc->entities.len - 1);
}

static void mention(dyad_doc *doc, size_t i) {
    dy_phrase *p = &doc->phrases.items[i];
    if (p->code[0] == '?' || (p->flags & DY_PH_EACH)) { p->entity = -1; return; }
    p->entity = entity_of(doc, i);
    if (p->entity < 0) return;
    dy_entity *e = &doc->entities.items[p->entity];
    e->last = (uint32_t)i;
    e->mentions++;
    if (!e->gender && e->kind == DY_EN_PERSON) e->gender = (uint8_t)phrase_gender(doc, p);
}

/* ------------------------------------------------------------------ references */

typedef struct expansion {
    uint32_t phrase;               /* the phrase it follows */
    int32_t from;                  /* the phrase whose code it takes */
} expansion;

typedef struct dctx {
    dyad_doc *doc;
    const dyad_dict *d;
    uint8_t *drop;                 /* per phrase */
    expansion *exp;
    size_t nexp, exp_cap;
} dctx;

static int add_expansion(dctx *c, uint32_t phrase, int32_t from) {
    if (c->nexp >= c->exp_cap) return 0;
    c->exp[c->nexp].phrase = phrase;
    c->exp[c->nexp++].from = from;
    return 1;
}

/* Does candidate q fit a pronoun wanting `want` (1 person, 2 it, 3 they)? */
static int fits(const dyad_doc *doc, const dy_phrase *q, int want, int gender) {
    if (!usable_actor(q) || (q->flags & DY_PH_FIRST)) return 0;
    int plural;
    int kind = phrase_kind(q, &plural, doc);
    if (want == 1) {
        if (kind != DY_EN_PERSON) return 0;
        int g = q->entity >= 0 ? doc->entities.items[q->entity].gender : 0;
        return !(g && gender && g != gender);
    }
    if (want == 2) return kind == DY_EN_COUNTRY || kind == DY_EN_ORG || kind == DY_EN_GROUP ||
                          (kind == DY_EN_COLLECTIVE && !plural);
    return kind == DY_EN_COLLECTIVE || kind == DY_EN_GROUP || kind == DY_EN_ORG;
}

static int in_compound(const dyad_doc *doc, size_t j) {
    const dy_phrase *P = doc->phrases.items;
    return (P[j].flags & DY_PH_PAIR) || (j > 0 && P[j - 1].group == P[j].group) ||
           (j + 1 < doc->phrases.len && P[j + 1].group == P[j].group);
}

/* The antecedent of the third-person pronoun phrase i, or -1; sets *why. */
static int32_t antecedent(dctx *c, size_t i, const char **why) {
    dyad_doc *doc = c->doc;
    const dyad_dict *d = c->d;
    const dy_phrase *p = &doc->phrases.items[i];
    uint32_t t = p->tok_start;
    int want, gender = 0;
    if (dy_tok_is(doc, t, "he") || dy_tok_is(doc, t, "him") || dy_tok_is(doc, t, "his")) { want = 1; gender = 1; }
    else if (dy_tok_is(doc, t, "she") || dy_tok_is(doc, t, "her")) { want = 1; gender = 2; }
    else if (dy_tok_is(doc, t, "it") || dy_tok_is(doc, t, "its")) want = 2;
    else want = 3;
    /* "Trump announced that ... he would": the speaker of the clause the pronoun is in */
    for (size_t j = i; j-- > 0 && i - j < 64;) {
        const dy_phrase *q = &doc->phrases.items[j];
        if (q->sentence != p->sentence) break;
        if (!fits(doc, q, want, gender) && !(want == 3 && in_compound(doc, j) && usable_actor(q))) continue;
        uint32_t k = q->tok_end;
        while (k < p->tok_start && (wfl(doc, d, k) & DY_W_ADV)) k++;
        if (k < p->tok_start && (wfl(doc, d, k) & DY_W_SPEECH)) { *why = "the speaker of its clause"; return (int32_t)j; }
    }
    /* the nearest in the same sentence */
    for (size_t j = i; j-- > 0 && i - j < 64;) {
        const dy_phrase *q = &doc->phrases.items[j];
        if (q->sentence != p->sentence) break;
        if (want == 3 && in_compound(doc, j) && usable_actor(q)) { *why = "the compound before it"; return (int32_t)j; }
        if (fits(doc, q, want, gender)) { *why = "the nearest fitting actor in its sentence"; return (int32_t)j; }
    }
    /* the subject (first fitting phrase) of the nearest earlier sentence that has one */
    for (size_t j = i; j-- > 0 && i - j < 256;) {
        const dy_phrase *q = &doc->phrases.items[j];
        if (q->sentence == p->sentence) continue;
        if (q->sentence + REF_SENTENCES < p->sentence) break;
        int ok = fits(doc, q, want, gender) || (want == 3 && in_compound(doc, j) && usable_actor(q));
        if (!ok) continue;
        /* earliest fitting phrase of sentence q->sentence */
        size_t best = j;
        for (size_t k = j; k-- > 0 && doc->phrases.items[k].sentence == q->sentence;) {
            const dy_phrase *r = &doc->phrases.items[k];
            if (fits(doc, r, want, gender) || (want == 3 && in_compound(doc, k) && usable_actor(r))) best = k;
        }
        *why = "the subject of an earlier sentence";
        return (int32_t)best;
    }
    return -1;
}

static void copy_ref(dy_phrase *p, const dy_phrase *q, int32_t qi, const char *why) {
    memcpy(p->code, q->code, sizeof p->code);
    p->flags = (p->flags & (DY_PH_PRON | DY_PH_POSS_PRON | DY_PH_OBJ_PRON | DY_PH_FIRST | DY_PH_PAIR | DY_PH_DEF)) |
               (q->flags & (DY_PH_PERSON | DY_PH_HAS_AGENT | DY_PH_NAME_ONLY));
    /* "his office", "their positions": a possessive modifies its noun, it is no subject or object */
    if (p->flags & DY_PH_POSS_PRON) p->flags |= DY_PH_MOD;
    p->ante = qi;
    p->entry = q->entry;
    p->rule_file = q->rule_file;
    p->rule_line = q->rule_line;
    p->why = why;
}

/* "they" standing for a compound: the pronoun takes the first member's code and one expansion per
 * further member. */
static void refer_to_compound(dctx *c, size_t i, int32_t j, const char *why) {
    dyad_doc *doc = c->doc;
    const dy_phrase *P = doc->phrases.items;
    size_t a = (size_t)j, b = (size_t)j + 1;
    while (a > 0 && P[a - 1].group == P[j].group && (size_t)j - a < 8) a--;
    while (b < doc->phrases.len && P[b].group == P[j].group && b - a < 8) b++;
    int first = 1;
    for (size_t k = a; k < b; k++) {
        if (!usable_actor(&P[k])) continue;
        if (first) { copy_ref(&doc->phrases.items[i], &P[k], (int32_t)k, why); first = 0; }
        else add_expansion(c, (uint32_t)i, (int32_t)k);
        /* a phrase standing for several parties ("the two sides") brings its other parties */
        for (size_t e = c->nexp; e-- > 0 && c->exp[e].phrase >= k;)
            if (c->exp[e].phrase == k) add_expansion(c, (uint32_t)i, c->exp[e].from);
    }
}

/* The place nearest to phrase i in its sentence (within 8 tokens), or -1. */
static int32_t place_near(const dyad_doc *doc, size_t i) {
    const dy_phrase *p = &doc->phrases.items[i];
    int32_t best = -1;
    uint32_t best_dist = 9;
    for (size_t j = i; j-- > 0 && doc->phrases.items[j].sentence == p->sentence;) {
        const dy_phrase *q = &doc->phrases.items[j];
        uint32_t dist = p->tok_start - q->tok_end;
        if (dist >= best_dist) break;
        if ((q->flags & (DY_PH_LOC | DY_PH_PLACE)) && strlen(q->code) >= 3 && !dy_code_is_intl(q->code) &&
            strncmp(q->code, "---", 3)) { best = (int32_t)j; best_dist = dist; }
    }
    for (size_t j = i + 1; j < doc->phrases.len && doc->phrases.items[j].sentence == p->sentence; j++) {
        const dy_phrase *q = &doc->phrases.items[j];
        uint32_t dist = q->tok_start - p->tok_end;
        if (dist >= best_dist) break;
        if ((q->flags & (DY_PH_LOC | DY_PH_PLACE)) && strlen(q->code) >= 3 && !dy_code_is_intl(q->code) &&
            strncmp(q->code, "---", 3)) {
            best = (int32_t)j;
            best_dist = dist;
        }
    }
    return best;
}

/* Is token k a title that names one person ("president", "minister", "spokesman")? */
static int person_title(const dyad_doc *doc, uint32_t k) {
    static const char *const titles[] = {"president", "minister", "premier", "chancellor", "leader", "king",
                                         "queen", "emir", "spokesman", "spokeswoman", "spokesperson", "ambassador",
                                         "envoy", "secretary", "general", "commander", "chief", "governor", "mayor",
                                         "senator", "prince", "sultan", "monarch", "head", "chairman", NULL};
    for (int i = 0; titles[i]; i++) if (dy_tok_is(doc, k, titles[i])) return 1;
    return 0;
}

static void set_country(dy_phrase *p, const char *country, const char *why) {
    char agent[16], ctry[16];
    dy_code_cat(agent, p->code + 3, 12, NULL);
    dy_code_cat(ctry, country, 3, NULL);
    dy_code_cat(p->code, ctry, 3, agent);
    p->why = why;
}

static int word_in(const dyad_doc *doc, uint32_t k, const char *const *words);

static const char *const envoy_nouns[] = {"ambassador", "ambassadors", "envoy", "envoys", "emissary", "delegation",
                                          "delegations", "representative", "representatives", "mission", NULL};

/* An agent with no country: its possessive pronoun, a place, the latest entity with the same
 * agent (definite descriptions), else the main country (already in its code). */
static void agent_country(dctx *c, size_t i) {
    dyad_doc *doc = c->doc;
    dy_phrase *p = &doc->phrases.items[i];
    const dy_sentence *se = &doc->sentences.items[p->sentence];
    uint32_t b = p->tok_start;
    /* "west of the capital", "in the capital": the city, not its government */
    if (dy_tok_is(doc, p->tok_end - 1, "capital")) {
        uint32_t k = b;
        while (k > se->tok_start && (wfl(doc, c->d, k - 1) & DY_W_DET)) k--;
        if (k > se->tok_start && (dy_tok_is(doc, k - 1, "of") || (wfl(doc, c->d, k - 1) & DY_W_LOCPREP)))
            p->flags |= DY_PH_LOC;
    }
    /* "its army", "their forces": the possessive pronoun right before */
    if (i > 0 && (doc->phrases.items[i - 1].flags & DY_PH_POSS_PRON) && doc->phrases.items[i - 1].tok_end == b &&
        doc->phrases.items[i - 1].sentence == p->sentence) {
        dy_phrase *q = &doc->phrases.items[i - 1];
        c->drop[i - 1] = 1;
        if (q->code[0] != '?' && !dy_code_is_intl(q->code) && strncmp(q->code, "---", 3)) {
            set_country(p, q->code, "the referent of its possessive pronoun");
            return;
        }
    }
    /* "adviser to President X", "spokesman for the ministry": the one the title serves (not an
     * ambassador or envoy to a country, who comes from elsewhere) */
    uint32_t e = p->tok_end;
    /* forces go to a place, they do not serve it: "troops to Belarus" */
    int forces = !strncmp(p->code + 3, "MIL", 3) || !strncmp(p->code + 3, "COP", 3);
    if (e + 1 < se->tok_end && (dy_tok_is(doc, e, "to") || dy_tok_is(doc, e, "for")) && !forces &&
        !word_in(doc, e - 1, envoy_nouns) && i + 1 < doc->phrases.len) {
        const dy_phrase *q = &doc->phrases.items[i + 1];
        uint32_t k = e + 1;
        while (k < q->tok_start && (wfl(doc, c->d, k) & DY_W_DET)) k++;
        if (q->sentence == p->sentence && q->tok_start == k && usable_actor(q) && q->code[0] != '?' &&
            strlen(q->code) >= 3 && !dy_code_is_intl(q->code) && strncmp(q->code, "---", 3) &&
            !(q->flags & DY_PH_AGENT_ONLY)) {
            set_country(p, q->code, "the one its title serves");
            return;
        }
    }
    int32_t pl = place_near(doc, i);
    if (pl >= 0) {
        set_country(p, doc->phrases.items[pl].code, "a place in its sentence");
        return;
    }
    int definite = b > se->tok_start && (dy_tok_is(doc, b - 1, "the") || dy_tok_is(doc, b - 1, "this") ||
                                        dy_tok_is(doc, b - 1, "that"));
    if (definite) {
        const char *agent = p->code + 3;
        /* "the president" is a person, "the government" is not: the referent is of the same sort */
        int title = person_title(doc, p->tok_end - 1);
        for (size_t j = i; j-- > 0;) {
            const dy_phrase *q = &doc->phrases.items[j];
            if (q->sentence + DEF_SENTENCES < p->sentence) break;
            if (!usable_actor(q) || (q->flags & DY_PH_PRON) || strlen(q->code) <= 3 || dy_code_is_intl(q->code) ||
                !strncmp(q->code, "---", 3))
                continue;
            if (title != !!(q->flags & DY_PH_PERSON)) continue;
            if (!strcmp(q->code + 3, agent) && !((q->flags & DY_PH_AGENT_ONLY) && !(q->flags & DY_PH_FIXED) && !q->why)) {
                set_country(p, q->code, "the latest actor with the same agent");
                return;
            }
        }
    }
    /* "human rights groups", "aid agencies": an NGO that neither a place nor a title ties to a
     * country is international (---NGO), not the main country's */
    if (!strcmp(p->code + 3, "NGO")) {
        set_country(p, "---", "an NGO of no named country");
        return;
    }
    p->why = doc->main_country[0] ? "the document's main country (last resort)" : "no country known";
}

/* "the two sides", "both countries", "the two leaders": the last two parties named together: in
 * the nearest sentence (this one before the phrase, then earlier ones) that names two different
 * actors, the members of a compound if it has one, else its first two actors. */
static void resolve_pair(dctx *c, size_t i) {
    dyad_doc *doc = c->doc;
    dy_phrase *p = &doc->phrases.items[i];
    /* the document's main pair, when both were named before: "the two sides" of the story */
    if (doc->main_pair[0][0]) {
        int32_t m[2] = {-1, -1};
        for (size_t j = i; j-- > 0 && (m[0] < 0 || m[1] < 0);)
            for (int k = 0; k < 2; k++)
                if (m[k] < 0 && usable_actor(&doc->phrases.items[j]) && !(doc->phrases.items[j].flags & DY_PH_FIRST) &&
                    !strncmp(doc->phrases.items[j].code, doc->main_pair[k], strlen(doc->main_pair[k])))
                    m[k] = (int32_t)j;
        if (m[0] >= 0 && m[1] >= 0) {
            copy_ref(p, &doc->phrases.items[m[0]], m[0], "the document's main pair");
            add_expansion(c, (uint32_t)i, m[1]);
            return;
        }
    }
    size_t j = i;
    while (j > 0) {
        uint32_t s = doc->phrases.items[j - 1].sentence;
        if (s + PAIR_SENTENCES < p->sentence) break;
        size_t a = j;
        while (a > 0 && doc->phrases.items[a - 1].sentence == s && j - a < 64) a--;
        int32_t first = -1, second = -1, cfirst = -1, csecond = -1;
        for (size_t k = a; k < j; k++) {
            const dy_phrase *q = &doc->phrases.items[k];
            if (!usable_actor(q) || (q->flags & DY_PH_FIRST)) continue;
            if (first < 0) first = (int32_t)k;
            else if (second < 0 && strcmp(doc->phrases.items[first].code, q->code)) second = (int32_t)k;
            if (in_compound(doc, k)) {
                if (cfirst < 0) cfirst = (int32_t)k;
                else if (csecond < 0 && doc->phrases.items[cfirst].group == q->group &&
                         strcmp(doc->phrases.items[cfirst].code, q->code))
                    csecond = (int32_t)k;
            }
        }
        if (csecond >= 0) { first = cfirst; second = csecond; }
        if (second >= 0) {
            copy_ref(p, &doc->phrases.items[first], first, "the last two parties named together");
            add_expansion(c, (uint32_t)i, second);
            return;
        }
        j = a;
    }
    c->drop[i] = 1;
}

/* ------------------------------------------------------------------ pair and reciprocal phrases */

static const char *const pair_nouns[] = {"sides", "countries", "nations", "leaders", "governments", "parties",
                                         "men", "presidents", "neighbours", "neighbors", "states", "delegations",
                                         "armies", "rivals", "foes", "ministers", "allies", "groups", "factions",
                                         "militias", "movements", "camps", NULL};
static const char *const each_nouns[] = {"side", "country", "nation", "party", "government", "leader", NULL};

/* Token length of a pair expression at k ("the two sides", "both countries", "each side"), 0 if
 * none. */
static uint32_t pair_at(const dyad_doc *doc, uint32_t k, uint32_t end) {
    uint32_t n = 0;
    const char *const *nouns = pair_nouns;
    if (k + 2 < end && dy_tok_is(doc, k, "the") && dy_tok_is(doc, k + 1, "two")) n = 2;
    else if (k + 1 < end && dy_tok_is(doc, k, "both")) n = 1;
    else if (k + 1 < end && (dy_tok_is(doc, k, "each") || dy_tok_is(doc, k, "either"))) { n = 1; nouns = each_nouns; }
    if (!n) return 0;
    /* up to two describing words before the noun: "the two Central Asian nations", "both
     * neighbouring countries" */
    for (uint32_t skip = 0; skip < 3 && k + n + skip < end; skip++) {
        for (int i = 0; nouns[i]; i++)
            if (dy_tok_is(doc, k + n + skip, nouns[i])) return n + skip + 1;
        uint32_t w = k + n + skip;
        if (nouns == each_nouns || !(tfl(doc, w) & DY_TOK_WORD) || wfl(doc, doc->dict, w)) return 0;
    }
    return 0;
}

/* "each other", "one another"; "the other" after "each side" ("each side accused the other"). */
static uint32_t each_at(const dyad_doc *doc, uint32_t k, uint32_t end, int after_each) {
    if (k + 1 < end && ((dy_tok_is(doc, k, "each") && dy_tok_is(doc, k + 1, "other")) ||
                        (dy_tok_is(doc, k, "one") && dy_tok_is(doc, k + 1, "another"))))
        return 2;
    if (after_each && k + 1 < end && dy_tok_is(doc, k, "the") && dy_tok_is(doc, k + 1, "other") &&
        !(k + 2 < end && (tfl(doc, k + 2) & DY_TOK_WORD) && !(wfl(doc, doc->dict, k + 2) & DY_W_PREP)))
        return 2;
    return 0;
}

/* Definite descriptions that no dictionary phrase covers: "the bloc", "the alliance" (an
 * organisation), "the group", "the movement" (a group), "the country", "the nation" (a country).
 * The head must be written in lower case ("the Council of Europe" is a name). */
static const char *const def_org[] = {"bloc", "alliance", "union", "organisation", "organization", "council",
                                      "coalition", "body", "commission", NULL};
static const char *const def_group[] = {"group", "movement", "faction", "party", "organisation", "organization", NULL};
static const char *const def_country[] = {"country", "nation", "kingdom", "republic", NULL};

static int word_in(const dyad_doc *doc, uint32_t k, const char *const *words) {
    for (int i = 0; words[i]; i++) if (dy_tok_is(doc, k, words[i])) return 1;
    return 0;
}

static int def_at(const dyad_doc *doc, uint32_t k, uint32_t end) {
    if (k + 1 >= end || !dy_tok_is(doc, k, "the") || (tfl(doc, k + 1) & (DY_TOK_CAP | DY_TOK_UPPER))) return 0;
    if (!word_in(doc, k + 1, def_org) && !word_in(doc, k + 1, def_group) && !word_in(doc, k + 1, def_country)) return 0;
    /* "the country's militias" is the actor stage's; "the group of states", "the country director" are not */
    if (k + 2 < end && (tfl(doc, k + 2) & DY_TOK_WORD) && !(wfl(doc, doc->dict, k + 2) & ~(uint32_t)DY_W_HEAD) &&
        !(tfl(doc, k + 2) & (DY_TOK_CAP | DY_TOK_UPPER))) {
        uint32_t lex = doc->tokens.items[k + 2].lex;
        size_t n;
        const char *t = dy_tok_text(doc, k + 2, &n);
        int verb = lex && doc->dict->lex[lex].is_verb;
        int adverb = n > 3 && t[n - 2] == 'l' && t[n - 1] == 'y';
        if (!verb && !adverb) return 0;       /* a noun compound: "the country director" */
    }
    if (k + 2 < end && (dy_tok_is(doc, k + 2, "of") || dy_tok_is(doc, k + 2, "'s"))) return 0;
    return 1;
}

/* The antecedent of a definite description, or -1. */
static int32_t def_antecedent(dctx *c, size_t i) {
    dyad_doc *doc = c->doc;
    const dy_phrase *p = &doc->phrases.items[i];
    uint32_t head = p->tok_start + 1;
    int want_org = word_in(doc, head, def_org), want_group = word_in(doc, head, def_group),
        want_country = word_in(doc, head, def_country);
    for (size_t j = i; j-- > 0;) {
        const dy_phrase *q = &doc->phrases.items[j];
        if (q->sentence + DEF_SENTENCES < p->sentence) break;
        if (!usable_actor(q) || (q->flags & DY_PH_FIRST) || q->code[0] == '?') continue;
        int plural;
        int kind = phrase_kind(q, &plural, doc);
        if ((want_org && kind == DY_EN_ORG && !(q->flags & DY_PH_AGENT_ONLY)) || (want_group && kind == DY_EN_GROUP) ||
            (want_country && kind == DY_EN_COUNTRY))
            return (int32_t)j;
    }
    return -1;
}

/* Adds phrases for pair and reciprocal expressions, replacing phrases they overlap. */
static int add_pair_phrases(dyad_doc *doc) {
    dy_phrase_vec *out = &doc->scratch;
    out->len = 0;
    size_t pi = 0;
    int added = 0;
    for (uint32_t s = 0; s < doc->sentences.len; s++) {
        const dy_sentence *se = &doc->sentences.items[s];
        int after_each = 0;
        for (uint32_t k = se->tok_start; k < se->tok_end; k++) {
            /* every expression starts with the, both, each, either or one: a cheap first test */
            char c0 = (char)(doc->text.text[doc->tokens.items[k].start] | 0x20);
            int cand = c0 == 't' || c0 == 'b' || c0 == 'e' || c0 == 'o';
            uint32_t n = cand ? pair_at(doc, k, se->tok_end) : 0, flag = DY_PH_PAIR | DY_PH_PRON;
            if (n && (dy_tok_is(doc, k, "each") || dy_tok_is(doc, k, "either"))) after_each = 1;
            if (!n && cand) { n = each_at(doc, k, se->tok_end, after_each); flag = DY_PH_EACH; }
            if (!n && cand && def_at(doc, k, se->tok_end)) { n = 2; flag = DY_PH_DEF | DY_PH_PRON; }
            /* phrases before this token */
            while (pi < doc->phrases.len && (doc->phrases.items[pi].sentence < s ||
                                             (doc->phrases.items[pi].sentence == s && doc->phrases.items[pi].tok_end <= k))) {
                dy_phrase *q = DY_PUSH(*out);
                if (!q) return DYAD_ERR_NOMEM;
                *q = doc->phrases.items[pi++];
            }
            if (!n) continue;
            /* phrases overlapping the expression are replaced by it */
            while (pi < doc->phrases.len && doc->phrases.items[pi].sentence == s && doc->phrases.items[pi].tok_start < k + n)
                pi++;
            dy_phrase *q = DY_PUSH(*out);
            if (!q) return DYAD_ERR_NOMEM;
            memset(q, 0, sizeof *q);
            q->tok_start = k;
            q->tok_end = k + n;
            q->sentence = s;
            q->flags = flag;
            q->ante = -1;
            q->entity = -1;
            snprintf(q->code, sizeof q->code, flag == DY_PH_EACH ? "*" : "?");
            added = 1;
            k += n - 1;
        }
    }
    if (!added) return DYAD_OK;
    while (pi < doc->phrases.len) {
        dy_phrase *q = DY_PUSH(*out);
        if (!q) return DYAD_ERR_NOMEM;
        *q = doc->phrases.items[pi++];
    }
    /* swap the arrays (both keep their memory) */
    dy_phrase_vec tmp = doc->phrases;
    doc->phrases = *out;
    *out = tmp;
    /* groups: a fresh one for every phrase that is not in a compound with its neighbour */
    uint32_t g = 0, prev = UINT32_MAX;
    for (size_t i = 0; i < doc->phrases.len; i++) {
        dy_phrase *p = &doc->phrases.items[i];
        uint32_t orig = p->group;
        if (!(i > 0 && orig == prev && orig)) g++;
        prev = orig;
        p->group = g;
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------------ the dateline */

/* "MOSCOW, May 2 --", "BOGOTA, Colombia (AP) -", "JAKARTA:": a place in capitals that opens the
 * document and a dash or colon within a few tokens is where the story was filed, not an actor. */
static void mark_dateline(dyad_doc *doc) {
    if (!doc->sentences.len || !doc->phrases.len) return;
    const dy_sentence *se = &doc->sentences.items[0];
    const dy_phrase *p = &doc->phrases.items[0];
    if (p->sentence != 0 || p->tok_start != se->tok_start || !(tfl(doc, p->tok_start) & DY_TOK_UPPER)) return;
    uint32_t end = 0;
    for (uint32_t k = p->tok_end; k < se->tok_end && k < p->tok_end + 12; k++) {
        if ((tfl(doc, k) & DY_TOK_DASH) || dy_tok_is(doc, k, "-") || dy_tok_is(doc, k, ":") ||
            dy_tok_is(doc, k, "--")) { end = k; break; }
        if (!(tfl(doc, k) & (DY_TOK_CAP | DY_TOK_UPPER | DY_TOK_NUM | DY_TOK_PUNCT))) return;  /* a lower-case word */
    }
    if (!end) return;
    for (size_t i = 0; i < doc->phrases.len && doc->phrases.items[i].tok_end <= end; i++) {
        doc->phrases.items[i].flags |= DY_PH_LOC;
        doc->phrases.items[i].why = "the dateline";
    }
}

static void pick_main_pair(dyad_doc *doc, const dyad_dict *d);

/* ------------------------------------------------------------------ the pass */

static int rebuild(dctx *c) {
    dyad_doc *doc = c->doc;
    size_t n = doc->phrases.len;
    int32_t *map = dy_arena_alloc(&doc->arena, (n ? n : 1) * sizeof *map);
    if (!map) return DYAD_ERR_NOMEM;
    dy_phrase_vec *out = &doc->scratch;
    out->len = 0;
    size_t e = 0;
    for (size_t i = 0; i < n; i++) {
        map[i] = -1;
        if (c->drop[i]) { while (e < c->nexp && c->exp[e].phrase == i) e++; continue; }
        dy_phrase *q = DY_PUSH(*out);
        if (!q) return DYAD_ERR_NOMEM;
        *q = doc->phrases.items[i];
        map[i] = (int32_t)(out->len - 1);
        for (; e < c->nexp && c->exp[e].phrase == i; e++) {
            dy_phrase *x = DY_PUSH(*out);
            if (!x) return DYAD_ERR_NOMEM;
            *x = doc->phrases.items[i];
            const dy_phrase *from = &doc->phrases.items[c->exp[e].from];
            copy_ref(x, from, c->exp[e].from, x->why);
            x->entity = from->entity;
            x->flags |= DY_PH_PAIR;
        }
    }
    for (size_t i = 0; i < out->len; i++) {
        dy_phrase *p = &out->items[i];
        if (p->ante >= 0) p->ante = map[p->ante];
    }
    for (size_t k = 0; k < doc->entities.len; k++) {
        dy_entity *en = &doc->entities.items[k];
        int32_t f = map[en->first], l = map[en->last];
        en->first = f >= 0 ? (uint32_t)f : 0;
        en->last = l >= 0 ? (uint32_t)l : en->first;
    }
    for (size_t s = 0; s < doc->sentences.len; s++)
        if (doc->speaker[s] >= 0) doc->speaker[s] = map[doc->speaker[s]];
    dy_phrase_vec tmp = doc->phrases;
    doc->phrases = *out;
    *out = tmp;
    return DYAD_OK;
}

static void trace_tokens(dyad_doc *doc, const dy_phrase *p, char *buf, size_t cap) {
    const dy_token *a = &doc->tokens.items[p->tok_start], *b = &doc->tokens.items[p->tok_end - 1];
    snprintf(buf, cap, "%.*s", (int)(b->end - a->start), doc->text.text + a->start);
}

static void trace_discourse(dyad_doc *doc) {
    if (!doc->tracing) return;
    static const char *const kinds[] = {"?", "person", "country", "organisation", "group", "collective", "place"};
    char buf[160];
    if (doc->main_pair[0][0]) dy_trace(doc, "main pair: %s %s\n", doc->main_pair[0], doc->main_pair[1]);
    dy_trace(doc, "entities:\n");
    for (size_t k = 0; k < doc->entities.len; k++) {
        const dy_entity *e = &doc->entities.items[k];
        if (e->kind == DY_EN_PLACE) continue;
        trace_tokens(doc, &doc->phrases.items[e->first], buf, sizeof buf);
        dy_trace(doc, "  E%zu %s %s%s%s%s, %u mention%s, first \"%s\" (sentence %u)\n", k, e->code, kinds[e->kind],
                 e->plural ? " plural" : "", e->gender == 1 ? " male" : e->gender == 2 ? " female" : "",
                 e->learned ? " learned" : "", e->mentions, e->mentions == 1 ? "" : "s", buf,
                 doc->phrases.items[e->first].sentence);
    }
    for (size_t i = 0; i < doc->names.len; i++) {
        const dy_name *nm = &doc->names.items[i];
        dy_trace(doc, "  learned name \"%.*s\" = %s%s\n", (int)nm->len, doc->text.text + nm->start, nm->code,
                 nm->entry ? " (a dictionary person)" : "");
    }
    dy_trace(doc, "references:\n");
    for (size_t i = 0; i < doc->phrases.len; i++) {
        const dy_phrase *p = &doc->phrases.items[i];
        if (!p->why) continue;
        trace_tokens(doc, p, buf, sizeof buf);
        if (p->ante >= 0) {
            char ab[160];
            trace_tokens(doc, &doc->phrases.items[p->ante], ab, sizeof ab);
            dy_trace(doc, "  sentence %u \"%s\" -> \"%s\" (sentence %u) = %s: %s\n", p->sentence, buf, ab,
                     doc->phrases.items[p->ante].sentence, p->code, p->why);
        } else {
            dy_trace(doc, "  sentence %u \"%s\" = %s: %s\n", p->sentence, buf, p->code, p->why);
        }
    }
    for (size_t s = 0; s < doc->sentences.len; s++)
        if (doc->speaker[s] >= 0) {
            trace_tokens(doc, &doc->phrases.items[doc->speaker[s]], buf, sizeof buf);
            dy_trace(doc, "  sentence %zu quotes \"%s\" = %s\n", s, buf, doc->phrases.items[doc->speaker[s]].code);
        }
}

/* Is the word `id` one of tokens [a, b)? */
static int word_between(const dyad_doc *doc, uint32_t a, uint32_t b, uint32_t id) {
    for (uint32_t k = a; k < b; k++)
        if (id && doc->tokens.items[k].lex == id) return 1;
    return 0;
}

/* Is phrase p a go-between: "X-mediated", "brokered by X", "the X mediator", "X envoy", "X,
 * which mediated", "X has agreed to mediate"? Such a third party is no side of the main pair.
 * The go-between words are marked in the lexicon (DY_M_BROKER): a flag test per token. */
static int mediator_phrase(const dyad_doc *doc, const dyad_dict *d, const dy_phrase *p) {
    const dy_sentence *se = &doc->sentences.items[p->sentence];
    uint32_t a = p->tok_start, b = p->tok_end;
    uint32_t before = a > se->tok_start + 3 ? a - 3 : se->tok_start;
    uint32_t after = b + 6 < se->tok_end ? b + 6 : se->tok_end;
    /* before the phrase: "brokered by", "mediation by", "the mediator," */
    for (uint32_t k = before; k < a; k++)
        if (dy_lex_marks(d, doc->tokens.items[k].lex) & DY_M_BROKER) return 1;
    /* after it, before any other name or clause boundary */
    for (uint32_t k = b; k < after; k++) {
        if ((tfl(doc, k) & DY_TOK_CAP) || dy_tok_is(doc, k, ",") || dy_tok_is(doc, k, "between")) {
            if (dy_tok_is(doc, k, ",") && k == b) continue;
            break;
        }
        if (dy_lex_marks(d, doc->tokens.items[k].lex) & DY_M_BROKER) return 1;
    }
    return 0;
}

/* The main pair: the two actors (code up to 6 letters, no "---") that most often share a
 * sentence; "between A and B" counts three times; a go-between (mediator_phrase) is a side only
 * when no pair without one shares a sentence. */
static void pick_main_pair(dyad_doc *doc, const dyad_dict *d) {
    const uint32_t between_id = dy_lex_find(d, "between", 7), and_id = dy_lex_find(d, "and", 3);
    enum { MAXC = 48 };
    char codes[MAXC][8];
    uint16_t count[MAXC][MAXC];
    uint8_t mediator[MAXC];
    int nc = 0;
    memset(count, 0, sizeof count);
    memset(mediator, 0, sizeof mediator);
    size_t i = 0;
    while (i < doc->phrases.len) {
        uint32_t s = doc->phrases.items[i].sentence;
        int in[MAXC], nin = 0;
        int between = -1;            /* the key of the phrase after "between", waiting for its "and" */
        uint32_t between_end = 0;    /* and the token after it */
        for (; i < doc->phrases.len && doc->phrases.items[i].sentence == s; i++) {
            const dy_phrase *p = &doc->phrases.items[i];
            if (!usable_actor(p) || !strncmp(p->code, "---", 3) || strlen(p->code) < 3) continue;
            /* an agent whose country is still a guess ("his rival", before "his" is resolved) */
            if ((p->flags & DY_PH_AGENT_ONLY) && !(p->flags & DY_PH_FIXED) && !p->why) continue;
            char key[8];
            size_t kl = strnlen(p->code, 6);
            memcpy(key, p->code, kl);
            key[kl] = 0;
            int k = 0;
            while (k < nc && strcmp(codes[k], key)) k++;
            if (k == nc) {
                if (nc == MAXC) continue;
                memcpy(codes[nc++], key, sizeof key);
            }
            if (!mediator[k] && mediator_phrase(doc, d, p)) mediator[k] = 1;
            /* "talks between A and B": the two sides, named as such */
            /* "between [the] A", "between the president, A": up to five words back, no "and" */
            int after_between = 0;
            for (uint32_t b = p->tok_start, steps = 0; b > doc->sentences.items[s].tok_start && steps < 5; b--, steps++) {
                uint32_t lex = doc->tokens.items[b - 1].lex;
                if (lex && lex == between_id) { after_between = 1; break; }
                if ((lex && lex == and_id) || !((tfl(doc, b - 1) & DY_TOK_WORD) || dy_tok_is(doc, b - 1, ","))) break;
            }
            if (after_between && (between < 0 || p->tok_start <= between_end + 6)) {
                between = k;
                between_end = p->tok_end;
            } else if (between >= 0 && between != k && p->tok_start > between_end &&
                       p->tok_start <= between_end + 8 && word_between(doc, between_end, p->tok_start, and_id)) {
                /* with the sentence's own count below: three */
                if (count[between][k] < UINT16_MAX - 2) count[between][k] += 2;
                if (count[k][between] < UINT16_MAX - 2) count[k][between] += 2;
                between = -1;
            }
            int seen = 0;
            for (int q = 0; q < nin; q++) seen |= in[q] == k;
            if (!seen && nin < MAXC) in[nin++] = k;
        }
        for (int a = 0; a < nin; a++)
            for (int b = 0; b < nin; b++)
                if (a != b && count[in[a]][in[b]] < UINT16_MAX) count[in[a]][in[b]]++;
    }
    int ba = -1, bb = -1, best = 1;
    for (int pass = 0; pass < 2 && ba < 0; pass++)
        for (int a = 0; a < nc; a++)
            for (int b = a + 1; b < nc; b++) {
                if (!pass && (mediator[a] || mediator[b])) continue;
                int n = count[a][b];
                int better = n > best || (n == best && ba >= 0 && !strncmp(codes[ba], codes[bb], 3) && strncmp(codes[a], codes[b], 3));
                if (better) { best = n; ba = a; bb = b; }
            }
    if (ba < 0) return;
    snprintf(doc->main_pair[0], sizeof doc->main_pair[0], "%s", codes[ba]);
    snprintf(doc->main_pair[1], sizeof doc->main_pair[1], "%s", codes[bb]);
}

int dy_discourse(dyad_doc *doc, const dyad_dict *d) {
    doc->entities.len = 0;
    if (add_pair_phrases(doc)) return DYAD_ERR_NOMEM;
    size_t n = doc->phrases.len;
    dctx c;
    c.doc = doc;
    c.d = d;
    c.drop = dy_arena_calloc(&doc->arena, n ? n : 1);
    c.exp_cap = n * 2 + 8 < MAX_EXPAND ? n * 2 + 8 : MAX_EXPAND;
    c.exp = dy_arena_alloc(&doc->arena, c.exp_cap * sizeof *c.exp);
    c.nexp = 0;
    doc->speaker = dy_arena_alloc(&doc->arena, (doc->sentences.len ? doc->sentences.len : 1) * sizeof *doc->speaker);
    if (!c.drop || !c.exp || !doc->speaker) return DYAD_ERR_NOMEM;
    mark_quotes(doc);
    mark_dateline(doc);
    doc->main_pair[0][0] = doc->main_pair[1][0] = 0;
    pick_main_pair(doc, d);                 /* from the named actors; again below with references */
    /* third-person references and agents' countries, in text order */
    for (size_t i = 0; i < n; i++) {
        dy_phrase *p = &doc->phrases.items[i];
        if (p->flags & DY_PH_PAIR) {
            resolve_pair(&c, i);
        } else if (p->flags & DY_PH_DEF) {
            int32_t j = def_antecedent(&c, i);
            if (j < 0) c.drop[i] = 1;
            else copy_ref(p, &doc->phrases.items[j], j, "the latest actor of the kind its noun names");
            /* "across the country", "the north of the country": a place, not an actor */
            uint32_t b = p->tok_start;
            if (b > doc->sentences.items[p->sentence].tok_start &&
                ((wfl(doc, d, b - 1) & DY_W_LOCPREP) || dy_tok_is(doc, b - 1, "of")))
                p->flags |= DY_PH_LOC;
        } else if ((p->flags & DY_PH_PRON) && !(p->flags & DY_PH_FIRST)) {
            const char *why = NULL;
            int32_t j = antecedent(&c, i, &why);
            if (j < 0) c.drop[i] = 1;
            else if (dy_tok_is(doc, p->tok_start, "they") || dy_tok_is(doc, p->tok_start, "them") ||
                     dy_tok_is(doc, p->tok_start, "their")) {
                if (in_compound(doc, (size_t)j)) refer_to_compound(&c, i, j, why);
                else copy_ref(p, &doc->phrases.items[j], j, why);
            } else {
                copy_ref(p, &doc->phrases.items[j], j, why);
            }
        } else if ((p->flags & DY_PH_AGENT_ONLY) && !(p->flags & DY_PH_FIXED)) {
            agent_country(&c, i);
        }
        if (!c.drop[i] && !(p->flags & DY_PH_FIRST)) mention(doc, i);
    }
    /* quotations: we, us, our, I inside a quotation are its speaker */
    find_speakers(doc, d);
    for (size_t i = 0; i < n; i++) {
        dy_phrase *p = &doc->phrases.items[i];
        if (!(p->flags & DY_PH_FIRST)) continue;
        int32_t sp = doc->speaker[p->sentence];
        if (!(tfl(doc, p->tok_start) & DY_TOK_INQUOTE) || sp < 0 || doc->phrases.items[sp].code[0] == '?') {
            /* "our" before an agent noun still lets agent_country see the noun; nothing else */
            c.drop[i] = 1;
            continue;
        }
        copy_ref(p, &doc->phrases.items[sp], sp, "the speaker of the quotation");
        mention(doc, i);
    }
    /* a dropped possessive pronoun before an agent cannot stay: agents took their country above */
    if (rebuild(&c)) return DYAD_ERR_NOMEM;
    doc->main_pair[0][0] = doc->main_pair[1][0] = 0;
    pick_main_pair(doc, d);
    trace_discourse(doc);
    return DYAD_OK;
}

/* ------------------------------------------------------------------ frame names */

static const char *const frame_names[] = {"arrest", "protest", "aid", "talks", "attack", NULL};

const char *dyad_frame_name(unsigned f) {
    for (int i = 0; frame_names[i]; i++)
        if (f == 1u << i) return frame_names[i];
    return NULL;
}

unsigned dyad_frame_bit(const char *name) {
    for (int i = 0; name && frame_names[i]; i++)
        if (!strcmp(name, frame_names[i])) return 1u << i;
    return 0;
}
