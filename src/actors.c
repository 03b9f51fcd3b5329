/*
 * actors.c - the actor stage: word ids for every token, dictionary mentions, actor phrases with
 * their CAMEO codes for the document's date, compounds, pronouns and the document's main country.
 *
 * Algorithm, per sentence, all linear:
 *  1. mentions: at each token, the longest path in the phrase trie (actor or agent entry); an
 *     actor (a proper name) needs at least one capitalised word, `=` words need capitals;
 *  2. phrases: neighbouring mentions merge into one noun phrase when only name words (capitalised
 *     unknown words), a possessive 's, "of (the)" after an agent, or a short run of lower-case
 *     modifiers before an agent stand between them ("Ukrainian Defense Minister Rustem Umerov",
 *     "Trump's special envoy", "the government of Ivory Coast", "pro-regime gunmen");
 *  3. codes: a person at the head of the phrase gives its dated code; otherwise the country of the
 *     first actor mention plus the agent of the last agent mention; a phrase with only an agent
 *     takes the document's main country (the most frequent country of named actors);
 *  4. flags: locatives ("in Ukraine"), modifiers ("NATO membership"), compounds ("A and B", "A, B
 *     and C" share a group), and he/she/they resolved to the latest fitting actor.
 */
#include "engine.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct mention {
    uint32_t start, end;     /* tokens */
    int kind;                /* 1 actor, 2 agent */
    uint32_t index;
} mention;

static uint32_t tflags(const dyad_doc *doc, uint32_t i) { return doc->tokens.items[i].flags; }
static uint32_t wflags(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    return dy_lex_flags(d, doc->tokens.items[i].lex);
}

/* A name the document introduced earlier (discourse.c learns them): a capitalised word equal to
 * a learned name, at or after its introduction. Mention kind 3, index = the learned name. */
static int learned_mention(const dyad_doc *doc, uint32_t i, mention *m) {
    const dy_token *t = &doc->tokens.items[i];
    if (!doc->names.len || !(t->flags & (DY_TOK_CAP | DY_TOK_UPPER)) || !(t->flags & DY_TOK_WORD)) return 0;
    uint32_t n = t->end - t->start;
    for (size_t k = 0; k < doc->names.len; k++) {
        const dy_name *nm = &doc->names.items[k];
        if (nm->len == n && i >= nm->from_tok && !memcmp(doc->text.text + nm->start, doc->text.text + t->start, n)) {
            m->start = i;
            m->end = i + 1;
            m->kind = 3;
            m->index = (uint32_t)k;
            return 1;
        }
    }
    return 0;
}

/* The longest dictionary mention starting at token i (within [i, end)); 0 if none. */
static int longest_mention(const dyad_doc *doc, const dyad_dict *d, uint32_t i, uint32_t end, mention *m) {
    uint32_t node = 0, best_end = 0;
    const dy_trie_node *best = NULL;
    for (uint32_t k = i; k < end; k++) {
        uint32_t w = doc->tokens.items[k].lex;
        if (!w) break;
        node = dy_trie_child(d, node, w);
        if (!node) break;
        const dy_trie_node *t = &d->nodes[node];
        if (!t->kind) continue;
        int ok = 1;
        for (uint32_t b = 0; b < 32 && ok; b++)
            if ((t->upper_mask >> b & 1) && !(tflags(doc, i + b) & DY_TOK_UPPER)) ok = 0;
        if (ok && t->kind == 1) {
            /* a name: at least one capitalised word */
            int cap = 0;
            for (uint32_t q = i; q <= k; q++) cap |= (tflags(doc, q) & (DY_TOK_CAP | DY_TOK_UPPER)) != 0;
            ok = cap;
        }
        if (ok) { best = t; best_end = k + 1; }
    }
    if (!best) return learned_mention(doc, i, m);
    m->start = i;
    m->end = best_end;
    m->kind = best->kind;
    m->index = best->index;
    return 1;
}

static int is_name_word(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    uint32_t f = tflags(doc, i);
    if (!(f & DY_TOK_WORD) || !(f & DY_TOK_CAP)) return 0;
    if (f & DY_TOK_PARA) return 0;
    uint32_t w = wflags(doc, d, i);
    if (w & (DY_W_DET | DY_W_PREP | DY_W_PRON | DY_W_AUX | DY_W_MODAL | DY_W_CONJ | DY_W_SUB | DY_W_TIME | DY_W_POSS))
        return 0;
    uint32_t lex = doc->tokens.items[i].lex;
    if (lex && d->lex[lex].is_verb) return 0;
    return 1;
}

/* A lower-case word that may modify an agent noun ("armed", "pro-regime", "loyalist", "senior"). */
static int is_modifier_word(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    uint32_t f = tflags(doc, i);
    if (!(f & DY_TOK_WORD) || (f & DY_TOK_CAP)) return 0;
    uint32_t w = wflags(doc, d, i);
    if (w & (DY_W_DET | DY_W_PREP | DY_W_PRON | DY_W_AUX | DY_W_MODAL | DY_W_CONJ | DY_W_SUB | DY_W_NEG | DY_W_POSS))
        return 0;
    uint32_t lex = doc->tokens.items[i].lex;
    if (lex && d->lex[lex].is_verb) {
        /* past participles work as adjectives before a noun: "armed rebels" */
        size_t n;
        const char *s = dy_tok_text(doc, i, &n);
        return n > 2 && s[n - 1] == 'd' && s[n - 2] == 'e';
    }
    return 1;
}

typedef struct phrase_build {
    mention m[16];
    int nm;
    uint32_t start, end;
    int has_poss;            /* a possessive 's inside the phrase */
    uint32_t poss_after;     /* index of the first mention after the possessive */
} phrase_build;

/* Resolves a phrase's code from its mentions. Dictionary and learned names are both actors here:
 * a learned name (kind 3) has its dictionary entry, or the code its introduction gave. */
static void resolve_phrase(const dyad_doc *doc, const dyad_dict *d, const phrase_build *pb, int32_t day, dy_phrase *ph) {
    dy_actor_code lcodes[16];
    const dy_actor_code *first_actor = NULL, *head = NULL;
    const dy_actor_entry *first_entry = NULL, *head_entry = NULL;
    int first_k = -1, head_k = -1, head_person = 0, head_learned = 0;
    const char *agent = NULL;
    int agent_last = -1;
    ph->flags = 0;
    ph->entry = 0;
    for (int k = 0; k < pb->nm; k++) {
        const mention *m = &pb->m[k];
        if (m->kind == 2) {
            agent = d->agents[m->index].agent;
            agent_last = k;
            continue;
        }
        const dy_actor_entry *e = NULL;
        const dy_actor_code *c;
        int person;
        if (m->kind == 1 || doc->names.items[m->index].entry) {
            e = &d->actors[m->kind == 1 ? m->index : doc->names.items[m->index].entry - 1];
            c = dy_actor_code_on(d, e, day);
            if (!c) continue;
            person = e->person;
        } else {
            const dy_name *nm = &doc->names.items[m->index];
            memset(&lcodes[k], 0, sizeof lcodes[k]);
            snprintf(lcodes[k].code, sizeof lcodes[k].code, "%s", nm->code);
            lcodes[k].line = nm->rule_line;
            ph->rule_file = nm->rule_file;
            c = &lcodes[k];
            person = nm->person;
        }
        if (!first_actor) { first_actor = c; first_entry = e; first_k = k; }
        /* the head of an English noun phrase is its last noun: a name after the last title */
        if (!(pb->has_poss && (uint32_t)k < pb->poss_after)) {
            head = c; head_entry = e; head_k = k; head_person = person; head_learned = m->kind == 3;
        }
    }
    /* a head name must come after the last agent word ("President Xi", not "Xi's envoy") */
    if (head && head_k < agent_last) head = NULL;
    if (agent) ph->flags |= DY_PH_HAS_AGENT;
    int head_specific = head && (head_person || strlen(head->code) > 3 || dy_code_is_intl(head->code));
    if (head_specific && head != first_actor && agent == NULL && !head_person && strlen(head->code) <= 3)
        head_specific = 0;
    if (head_specific) {
        dy_code_cat(ph->code, head->code, 15, NULL);
        if (head_person) ph->flags |= DY_PH_PERSON;
        else if (!agent && pb->nm == 1) ph->flags |= DY_PH_NAME_ONLY; /* "Moscow", "the White House", "NATO" */
        if (head_learned) ph->flags |= DY_PH_LEARNED;
        if (head_entry) {
            ph->entry = (uint32_t)(head_entry - d->actors) + 1;
            ph->rule_file = head_entry->file;
        }
        ph->rule_line = head->line;
        return;
    }
    if (first_actor) {
        const char *c = first_actor->code;
        if (first_entry) ph->rule_file = first_entry->file;
        ph->rule_line = first_actor->line;
        if (!agent && !(head && head_person) && strlen(c) == 3) ph->flags |= DY_PH_NAME_ONLY;
        if (!agent && first_entry && first_entry->place) ph->flags |= DY_PH_PLACE | DY_PH_LOC;  /* "Lviv" */
        if (!agent && pb->nm == 1 && first_entry) ph->entry = (uint32_t)(first_entry - d->actors) + 1;
        if (pb->m[first_k].kind == 3) ph->flags |= DY_PH_LEARNED;
        /* "Hamas officials", "Taliban leaders", "opposition party spokesman": a group's own
         * officials are the group, not a government */
        int own_officials = agent && !strncmp(agent, "GOV", 3) && strlen(c) >= 6 &&
                            (!strncmp(c + 3, "REB", 3) || !strncmp(c + 3, "OPP", 3) || !strncmp(c + 3, "PTY", 3) ||
                             !strncmp(c + 3, "NGO", 3));
        if (!agent || dy_code_is_intl(c) || own_officials) {
            dy_code_cat(ph->code, c, 15, NULL);
        } else {
            dy_code_cat(ph->code, c, 3, agent);
        }
        return;
    }
    if (agent) {
        ph->flags |= DY_PH_AGENT_ONLY;
        dy_code_cat(ph->code, agent, 15, NULL);   /* country filled in later */
        const dy_agent_entry *ae = &d->agents[pb->m[agent_last].index];
        ph->rule_file = ae->file;
        ph->rule_line = ae->line;
    }
}

static int emit_phrase(dyad_doc *doc, const dyad_dict *d, const phrase_build *pb, uint32_t sent, int32_t day) {
    if (!pb->nm) return DYAD_OK;
    dy_phrase *ph = DY_PUSH(doc->phrases);
    if (!ph) return DYAD_ERR_NOMEM;
    ph->tok_start = pb->start;
    ph->tok_end = pb->end;
    ph->sentence = sent;
    ph->group = (uint32_t)doc->phrases.len;   /* own group until joined */
    resolve_phrase(doc, d, pb, day, ph);
    /* "ethnic Albanian rebels", "ethnic Russians": an ethnic group, not its kin state; the group
     * takes its country from the place or the document like any agent (civilians when bare) */
    const dy_sentence *se = &doc->sentences.items[sent];
    if (pb->start > se->tok_start && dy_tok_is(doc, pb->start - 1, "ethnic") && pb->m[0].kind == 1 &&
        !(ph->flags & DY_PH_PERSON) && strlen(ph->code) >= 3 && !dy_code_is_intl(ph->code) && strncmp(ph->code, "---", 3)) {
        char agent[16];
        snprintf(agent, sizeof agent, "%s", strlen(ph->code) > 3 ? ph->code + 3 : "CVL");
        snprintf(ph->code, sizeof ph->code, "%s", agent);
        ph->flags = (ph->flags & ~(uint32_t)(DY_PH_NAME_ONLY | DY_PH_PLACE | DY_PH_LOC)) | DY_PH_AGENT_ONLY | DY_PH_HAS_AGENT;
    }
    ph->entity = -1;
    ph->ante = -1;
    ph->why = NULL;
    if (!ph->code[0]) doc->phrases.len--;
    return DYAD_OK;
}

/* Can the tokens between two mentions (a.end .. b.start) be bridged inside one phrase? */
static int bridge(const dyad_doc *doc, const dyad_dict *d, const mention *a, const mention *b, int *poss) {
    uint32_t i = a->end, j = b->start;
    *poss = 0;
    if (i == j) return 1;
    /* possessive: A 's B */
    if (dy_tok_is(doc, i, "'s") || (dy_tok_is(doc, i, "'") && i + 1 == j)) {
        *poss = 1;
        i++;
        /* allow modifiers before an agent: "Trump's special envoy" */
        while (i < j && (is_modifier_word(doc, d, i) || is_name_word(doc, d, i))) i++;
        return i == j;
    }
    /* agent of (the) country: "the government of Ivory Coast" */
    if (a->kind == 2 && b->kind == 1 && dy_tok_is(doc, i, "of")) {
        i++;
        if (i < j && dy_tok_is(doc, i, "the")) i++;
        return i == j;
    }
    /* name words between: "President Vladimir Putin" when only Putin is known */
    uint32_t k = i;
    while (k < j && is_name_word(doc, d, k)) k++;
    if (k == j && j - i <= 3) return 1;
    /* lower-case modifiers before an agent: "Chinese military aircraft"? no; "Indian army personnel" */
    if (b->kind == 2) {
        k = i;
        /* between a name and a title, a verb form is a verb: "AP quoted state officials" */
        while (k < j && ((is_modifier_word(doc, d, k) && !(doc->tokens.items[k].lex &&
                                                           d->lex[doc->tokens.items[k].lex].is_verb)) ||
                         is_name_word(doc, d, k) ||
                         (dy_tok_is(doc, k, "-") && !(tflags(doc, k) & DY_TOK_SPACE))))
            k++;
        if (k == j && j - i <= 2) return 1;
    }
    return 0;
}

static int phrase_country_known(const dy_phrase *p) { return !(p->flags & (DY_PH_AGENT_ONLY | DY_PH_PRON)); }

/* A lower-case word that is not a closed-class word, not a verb form and not an adverb in -ly:
 * most likely a common noun or adjective. */
static int is_plain_noun(const dyad_doc *doc, const dyad_dict *d, uint32_t i) {
    uint32_t f = tflags(doc, i);
    if (!(f & DY_TOK_WORD) || (f & (DY_TOK_CAP | DY_TOK_UPPER))) return 0;
    uint32_t lex = doc->tokens.items[i].lex;
    if (dy_lex_flags(d, lex) & ~(uint32_t)DY_W_HEAD) return 0;
    if (lex && d->lex[lex].is_verb) return 0;
    size_t n;
    const char *s = dy_tok_text(doc, i, &n);
    if (n > 3 && s[n - 2] == 'l' && s[n - 1] == 'y') return 0;
    /* participles ("known", "based", "backed") start a reduced clause, they are not nouns */
    if (n >= 3 && ((s[n - 2] == 'e' && (s[n - 1] == 'd' || s[n - 1] == 'n')) || (s[n - 2] == 'w' && s[n - 1] == 'n')))
        return 0;
    return 1;
}

/* The pronoun at token i as phrase flags (DY_PH_PRON plus its kind), 0 if none: subject pronouns
 * (he she they it we I), object pronouns (him them us), possessives (his its their our my; "her"
 * before a noun). "It" before a form of "be" or "seems" is the empty subject, not a reference. */
static uint32_t pronoun_at(const dyad_doc *doc, const dyad_dict *d, uint32_t i, uint32_t end) {
    size_t n;
    const char *s = dy_tok_text(doc, i, &n);
    if (n > 5 || !(tflags(doc, i) & DY_TOK_WORD)) return 0;
    char w[6];
    for (size_t k = 0; k < n; k++) w[k] = (char)tolower((unsigned char)s[k]);
    w[n] = 0;
    if (!strcmp(w, "he") || !strcmp(w, "she") || !strcmp(w, "they")) return DY_PH_PRON;
    if (!strcmp(w, "him") || !strcmp(w, "them")) return DY_PH_PRON | DY_PH_OBJ_PRON;
    if (!strcmp(w, "his") || !strcmp(w, "its") || !strcmp(w, "their")) return DY_PH_PRON | DY_PH_POSS_PRON;
    if (!strcmp(w, "we") || (!strcmp(w, "i") && (tflags(doc, i) & DY_TOK_UPPER))) return DY_PH_PRON | DY_PH_FIRST;
    if (!strcmp(w, "us") && !(tflags(doc, i) & DY_TOK_UPPER)) return DY_PH_PRON | DY_PH_FIRST | DY_PH_OBJ_PRON;
    if (!strcmp(w, "our") || !strcmp(w, "my")) return DY_PH_PRON | DY_PH_FIRST | DY_PH_POSS_PRON;
    if (!strcmp(w, "her")) {
        /* a possessive before a word, an object before punctuation, a preposition or the end */
        if (i + 1 < end && (tflags(doc, i + 1) & DY_TOK_WORD) &&
            !(wflags(doc, d, i + 1) & (DY_W_PREP | DY_W_CONJ | DY_W_SUB | DY_W_DET)))
            return DY_PH_PRON | DY_PH_POSS_PRON;
        return DY_PH_PRON | DY_PH_OBJ_PRON;
    }
    if (!strcmp(w, "it")) {
        if (i + 1 < end && ((wflags(doc, d, i + 1) & DY_W_BE) || dy_tok_is(doc, i + 1, "seems") ||
                            dy_tok_is(doc, i + 1, "appears") || dy_tok_is(doc, i + 1, "remains") ||
                            dy_tok_is(doc, i + 1, "'s")))
            return 0;
        return DY_PH_PRON;
    }
    return 0;
}

typedef struct title_toks {
    const dyad_dict *d;
    uint32_t lex[64];
    uint16_t flags[64];
    int n;
} title_toks;

static void title_tok(void *ctx, const char *tok, size_t n, uint16_t flags) {
    title_toks *t = ctx;
    if (t->n < 64) {
        t->lex[t->n] = dy_lex_find(t->d, tok, n);
        t->flags[t->n++] = flags;
    }
}

/* The country codes of the names in the title (at most `max`). */
static int title_countries(const dyad_doc *doc, const dyad_dict *d, char out[][4], int max) {
    title_toks t;
    t.d = d;
    t.n = 0;
    if (!doc->title || !*doc->title) return 0;
    dy_tokenise(doc->title, strlen(doc->title), title_tok, &t);
    int found = 0;
    for (int i = 0; i < t.n && found < max;) {
        uint32_t node = 0;
        int best = -1;
        const dy_trie_node *bt = NULL;
        for (int k = i; k < t.n; k++) {
            node = dy_trie_child(d, node, t.lex[k]);
            if (!node) break;
            if (d->nodes[node].kind == 1) { best = k; bt = &d->nodes[node]; }
        }
        if (!bt) { i++; continue; }
        const dy_actor_code *c = dy_actor_code_on(d, &d->actors[bt->index], doc->pub_day);
        if (c && !dy_code_is_intl(c->code) && strncmp(c->code, "---", 3)) snprintf(out[found++], 4, "%.3s", c->code);
        i = best + 1;
    }
    return found;
}

/* The main country of a document: the country of named actors in the most sentences (once per
 * sentence), with the title's names counted four times and the first sentence's three times. */
static void pick_main_country(dyad_doc *doc, const dyad_dict *d) {
    char title[8][4];
    int nt = title_countries(doc, d, title, 8);
    /* count per distinct country: there are a few hundred country codes at most */
    enum { MAXC = 512 };
    char codes[MAXC][4];
    int counts[MAXC], nc = 0;
    uint32_t last[MAXC];
    for (size_t i = 0; i < doc->phrases.len + (size_t)nt; i++) {
        const char *code;
        int w;
        uint32_t sent = UINT32_MAX;
        if (i < doc->phrases.len) {
            const dy_phrase *p = &doc->phrases.items[i];
            if (!phrase_country_known(p) || dy_code_is_intl(p->code) || !strncmp(p->code, "---", 3)) continue;
            code = p->code;
            w = 1 + 2 * (p->sentence == 0);
            sent = p->sentence;
        } else {
            code = title[i - doc->phrases.len];
            w = 4;
        }
        int k = 0;
        while (k < nc && strncmp(codes[k], code, 3)) k++;
        if (k == nc) {
            if (nc == MAXC) continue;
            snprintf(codes[nc], 4, "%.3s", code);
            last[nc] = UINT32_MAX - 1;
            counts[nc++] = 0;
        }
        /* a country counts once per sentence: how much of the document is about it */
        if (sent != UINT32_MAX && last[k] == sent) continue;
        last[k] = sent;
        counts[k] += w;
    }
    int best = -1;
    for (int k = 0; k < nc; k++)
        if (best < 0 || counts[k] > counts[best]) best = k;
    snprintf(doc->main_country, sizeof doc->main_country, "%s", best >= 0 ? codes[best] : "");
}

/* A place name several countries share ("Victoria", "Hyderabad") has one code line per country,
 * the largest place first. Each such place takes the alternative whose country the document's
 * other named actors mention most (once per sentence); with none mentioned it keeps the first. */
static void resolve_place_alternatives(dyad_doc *doc, const dyad_dict *d) {
    enum { MAXC = 256 };
    char codes[MAXC][4];
    int counts[MAXC], nc = 0, any = 0;
    uint32_t last[MAXC];
    for (size_t i = 0; i < doc->phrases.len; i++) {
        const dy_phrase *p = &doc->phrases.items[i];
        const dy_actor_entry *e = p->entry ? &d->actors[p->entry - 1] : NULL;
        int ambiguous = (p->flags & DY_PH_PLACE) && e && e->place && e->code_count > 1;
        any |= ambiguous;
        /* the votes: every named actor and unambiguous place, once per sentence and country */
        if (ambiguous || (p->flags & (DY_PH_PRON | DY_PH_AGENT_ONLY)) || strlen(p->code) < 3 ||
            dy_code_is_intl(p->code) || !strncmp(p->code, "---", 3))
            continue;
        int k = 0;
        while (k < nc && strncmp(codes[k], p->code, 3)) k++;
        if (k == nc) {
            if (nc == MAXC) continue;
            snprintf(codes[nc], 4, "%.3s", p->code);
            counts[nc] = 0;
            last[nc++] = UINT32_MAX;
        }
        if (last[k] == p->sentence) continue;
        last[k] = p->sentence;
        counts[k]++;
    }
    if (!any) return;
    for (size_t i = 0; i < doc->phrases.len; i++) {
        dy_phrase *p = &doc->phrases.items[i];
        if (!(p->flags & DY_PH_PLACE) || !p->entry) continue;
        const dy_actor_entry *e = &d->actors[p->entry - 1];
        if (!e->place || e->code_count < 2) continue;
        int best = -1, best_n = 0;
        for (uint32_t k = 0; k < e->code_count; k++) {
            const char *cc = d->codes[e->code_start + k].code;
            for (int j = 0; j < nc; j++)
                if (!strncmp(codes[j], cc, 3) && counts[j] > best_n) { best_n = counts[j]; best = (int)k; }
        }
        if (best > 0) {
            const dy_actor_code *c = &d->codes[e->code_start + (uint32_t)best];
            snprintf(p->code, sizeof p->code, "%s", c->code);
            p->rule_line = c->line;
            p->why = "the place of the document's country";
        }
    }
}

int dy_find_actors(dyad_doc *doc, const dyad_dict *d) {
    /* 1. word ids (kept when the stage runs again for learned names) */
    for (size_t i = 0; i < doc->tokens.len && !doc->names.len; i++) {
        dy_token *t = &doc->tokens.items[i];
        t->lex = dy_lex_find(d, doc->text.text + t->start, t->end - t->start);
        if (!t->lex && t->end - t->start > 2 && doc->text.text[t->end - 1] == '.' && (t->flags & DY_TOK_ABBR)) {
            /* "Gen." -> "gen" */
            t->lex = dy_lex_find(d, doc->text.text + t->start, t->end - t->start - 1);
        }
    }
    /* 2. mentions and phrases, sentence by sentence; codes that depend on a date (a person's
     * tenure) are resolved for the sentence's own date ("yesterday", "on May 9") */
    for (size_t s = 0; s < doc->sentences.len; s++) {
        const dy_sentence *se = &doc->sentences.items[s];
        int32_t day = dy_sentence_day(doc, d, se->tok_start, se->tok_end, se->tok_start);
        phrase_build pb;
        memset(&pb, 0, sizeof pb);
        mention prev = {0, 0, 0, 0};
        for (uint32_t i = se->tok_start; i < se->tok_end;) {
            mention m;
            if (!longest_mention(doc, d, i, se->tok_end, &m)) {
                uint32_t pf = pronoun_at(doc, d, i, se->tok_end);
                if (pf) {
                    if (emit_phrase(doc, d, &pb, (uint32_t)s, day)) return DYAD_ERR_NOMEM;
                    memset(&pb, 0, sizeof pb);
                    dy_phrase *ph = DY_PUSH(doc->phrases);
                    if (!ph) return DYAD_ERR_NOMEM;
                    ph->tok_start = i;
                    ph->tok_end = i + 1;
                    ph->sentence = (uint32_t)s;
                    ph->group = (uint32_t)doc->phrases.len;
                    ph->flags = pf;
                    ph->ante = -1;
                    ph->entity = -1;
                    ph->entry = 0;
                    ph->why = NULL;
                    ph->rule_file = ph->rule_line = 0;
                    snprintf(ph->code, sizeof ph->code, "?");
                }
                i++;
                continue;
            }
            int poss = 0;
            if (pb.nm && pb.nm < 16 && bridge(doc, d, &prev, &m, &poss)) {
                if (poss && !pb.has_poss) { pb.has_poss = 1; pb.poss_after = (uint32_t)pb.nm; }
                pb.m[pb.nm++] = m;
                pb.end = m.end;
            } else {
                if (emit_phrase(doc, d, &pb, (uint32_t)s, day)) return DYAD_ERR_NOMEM;
                memset(&pb, 0, sizeof pb);
                pb.m[0] = m;
                pb.nm = 1;
                pb.start = m.start;
                pb.end = m.end;
                /* leading name words / title words before the first mention: "President Putin" */
                while (pb.start > se->tok_start && is_name_word(doc, d, pb.start - 1) &&
                       !(doc->phrases.len && doc->phrases.items[doc->phrases.len - 1].tok_end > pb.start - 1 &&
                         doc->phrases.items[doc->phrases.len - 1].sentence == s))
                    pb.start--;
                /* a determiner / modifier before an agent: "the rebels", "armed rebels" */
                if (m.kind == 2) {
                    uint32_t k = pb.start;
                    while (k > se->tok_start && k + 2 > pb.start && is_modifier_word(doc, d, k - 1)) {
                        /* "armed rebels", but not "Police attacked rebels": a verb form is an
                         * adjective only after a determiner, a preposition, a comma or at the start */
                        uint32_t lex = doc->tokens.items[k - 1].lex;
                        if (lex && d->lex[lex].is_verb && k - 1 > se->tok_start &&
                            !(wflags(doc, d, k - 2) & (DY_W_DET | DY_W_PREP | DY_W_CONJ | DY_W_POSS | DY_W_NUM)) &&
                            !dy_tok_is(doc, k - 2, ","))
                            break;
                        /* after a comma only in a list of adjectives ("masked, armed men"), not
                         * after a clause's subject ("police, backed by troops, attacked rebels") */
                        if (lex && d->lex[lex].is_verb && k - 1 > se->tok_start + 1 && dy_tok_is(doc, k - 2, ",") &&
                            doc->phrases.len && doc->phrases.items[doc->phrases.len - 1].sentence == s &&
                            doc->phrases.items[doc->phrases.len - 1].tok_end == k - 2)
                            break;
                        k--;
                    }
                    pb.start = k;
                }
            }
            prev = m;
            i = m.end;
        }
        if (emit_phrase(doc, d, &pb, (uint32_t)s, day)) return DYAD_ERR_NOMEM;
    }
    /* trailing name words after the last mention: "Defense Minister Rustem Umerov"; after a title
     * they name a person the dictionary does not know (discourse.c learns the name) */
    for (size_t i = 0; i < doc->phrases.len; i++) {
        dy_phrase *p = &doc->phrases.items[i];
        const dy_sentence *se = &doc->sentences.items[p->sentence];
        uint32_t limit = se->tok_end;
        if (i + 1 < doc->phrases.len && doc->phrases.items[i + 1].sentence == p->sentence)
            limit = doc->phrases.items[i + 1].tok_start;
        uint32_t e0 = p->tok_end;
        p->name_tok = 0;
        if (p->flags & DY_PH_PRON) continue;
        while (p->tok_end < limit && is_name_word(doc, d, p->tok_end)) p->tok_end++;
        if (p->tok_end > e0 && (p->flags & DY_PH_HAS_AGENT) && !(p->flags & DY_PH_PERSON)) {
            p->name_tok = e0 + 1;
            p->flags |= DY_PH_PERSON;
        }
    }
    resolve_place_alternatives(doc, d);
    pick_main_country(doc, d);
    /* 3. agent-only countries, pronouns, flags, compounds */
    for (size_t i = 0; i < doc->phrases.len; i++) {
        dy_phrase *p = &doc->phrases.items[i];
        if (p->flags & DY_PH_AGENT_ONLY) {
            char agent[8];
            memcpy(agent, p->code, 7);
            agent[7] = 0;
            const char *country = doc->main_country[0] ? doc->main_country : "---";
            /* "the country's militias": the country named last */
            uint32_t b = p->tok_start;
            if (b >= 2 && dy_tok_is(doc, b - 1, "'s") && (dy_tok_is(doc, b - 2, "country") || dy_tok_is(doc, b - 2, "nation"))) {
                for (size_t j = i; j-- > 0 && j + 32 > i;) {
                    const dy_phrase *q = &doc->phrases.items[j];
                    if (q->sentence + 2 < p->sentence) break;
                    if ((q->flags & (DY_PH_AGENT_ONLY | DY_PH_PRON)) || dy_code_is_intl(q->code) || !strncmp(q->code, "---", 3))
                        continue;
                    country = q->code;
                    p->flags |= DY_PH_FIXED;
                    p->why = "the country named last";
                    break;
                }
            }
            dy_code_cat(p->code, country, 3, agent);
        }
    }
    for (size_t i = 0; i < doc->phrases.len; i++) {
        dy_phrase *p = &doc->phrases.items[i];
        const dy_sentence *se = &doc->sentences.items[p->sentence];
        /* locative: in/at/near (the) PHRASE, when the phrase has no agent or person */
        uint32_t b = p->tok_start;
        for (int adj = 0; b > se->tok_start; b--) {
            if (wflags(doc, d, b - 1) & DY_W_DET) continue;
            if (adj < 2 && is_modifier_word(doc, d, b - 1)) { adj++; continue; }
            break;
        }
        if (b > se->tok_start && (wflags(doc, d, b - 1) & DY_W_LOCPREP) && (p->flags & DY_PH_NAME_ONLY))
            p->flags |= DY_PH_LOC;
        /* "in Accra, Ghana": a place's apposition is a place too */
        if (i > 0 && (p->flags & DY_PH_NAME_ONLY) && (doc->phrases.items[i - 1].flags & DY_PH_LOC) &&
            doc->phrases.items[i - 1].sentence == p->sentence && doc->phrases.items[i - 1].tok_end + 1 == p->tok_start &&
            dy_tok_is(doc, p->tok_start - 1, ","))
            p->flags |= DY_PH_LOC;
        /* modifier: a bare name followed by a lower-case noun ("NATO membership", "Russian territory") */
        uint32_t e = p->tok_end;
        /* an agent phrase takes a following plural noun as its head: "Chinese navy ships" */
        if ((p->flags & DY_PH_HAS_AGENT) && !(p->flags & DY_PH_PRON)) {
            uint32_t k = p->tok_end;
            /* an event noun ("military drills", "army operations") is what the agent does, not who */
            while (k < se->tok_end && k < p->tok_end + 2 && is_plain_noun(doc, d, k) &&
                   !(doc->tokens.items[k].lex && d->lex[doc->tokens.items[k].lex].verb_first))
                k++;
            if (k > p->tok_end) {
                size_t n;
                const char *t = dy_tok_text(doc, k - 1, &n);
                int next_free = !(i + 1 < doc->phrases.len && doc->phrases.items[i + 1].tok_start < k);
                if (n > 2 && t[n - 1] == 's' && next_free) p->tok_end = k;
            }
        }
        e = p->tok_end;
        if (e < se->tok_end && (p->flags & DY_PH_AGENT_ONLY) && is_plain_noun(doc, d, e)) {
            /* "military cooperation", "police station": the agent word is an adjective */
            p->flags |= DY_PH_MOD;
        }
        if (e < se->tok_end && (p->flags & DY_PH_NAME_ONLY)) {
            uint32_t f = tflags(doc, e);
            uint32_t w = wflags(doc, d, e);
            uint32_t lex = doc->tokens.items[e].lex;
            size_t n;
            const char *s = dy_tok_text(doc, e, &n);
            int ly = n > 3 && s[n - 2] == 'l' && s[n - 1] == 'y';
            if ((f & DY_TOK_WORD) && !(f & DY_TOK_CAP) && !w && !(lex && d->lex[lex].is_verb) && !ly)
                p->flags |= DY_PH_MOD;
            if ((f & DY_TOK_PUNCT) && dy_tok_is(doc, e, "-") && !(f & DY_TOK_SPACE)) p->flags |= DY_PH_MOD;
        }
        /* "pro-Russian": a name right after a hyphen is a modifier; "Iran-backed Houthi rebels"
         * are the rebels (the hyphen belongs to the participle before them) */
        if (p->tok_start > se->tok_start && dy_tok_is(doc, p->tok_start - 1, "-") &&
            !(tflags(doc, p->tok_start - 1) & DY_TOK_SPACE))
            p->flags |= DY_PH_MOD;
    }
    for (size_t i = 0; i < doc->phrases.len; i++) doc->phrases.items[i].group = (uint32_t)i + 1;
    for (size_t i = 0; i < doc->phrases.len; i++) {
        dy_phrase *p = &doc->phrases.items[i];
        const dy_sentence *se = &doc->sentences.items[p->sentence];
        /* compounds: previous phrase in the same sentence joined by "and" / "," */
        if (i > 0) {
            dy_phrase *q = &doc->phrases.items[i - 1];
            if (q->sentence == p->sentence && q->tok_end + 1 == p->tok_start && dy_tok_is(doc, q->tok_end, "-") &&
                !(tflags(doc, q->tok_end) & DY_TOK_SPACE) && !(p->flags & DY_PH_AGENT_ONLY) &&
                !(q->flags & DY_PH_AGENT_ONLY))
                p->group = q->group;
            else if (q->sentence == p->sentence && !(q->flags & DY_PH_MOD)) {
                uint32_t g = q->tok_end;
                int ok = 0;
                if (g < p->tok_start && (dy_tok_is(doc, g, "and") || dy_tok_is(doc, g, ","))) {
                    uint32_t k = g + 1;
                    if (k < p->tok_start && dy_tok_is(doc, k, "and")) k++;  /* ", and" */
                    while (k < p->tok_start && ((wflags(doc, d, k) & (DY_W_DET | DY_W_POSS | DY_W_NUM)) ||
                                                  (tflags(doc, k) & DY_TOK_NUM)))
                        k++;
                    ok = k == p->tok_start;
                    /* "Peru, Chile, and Bolivia": the Oxford comma's last item */
                    int oxford = ok && dy_tok_is(doc, g, ",") && g + 1 < p->tok_start && dy_tok_is(doc, g + 1, "and");
                    if (ok && !oxford && dy_tok_is(doc, g, ",")) {
                        /* a list needs an "and" right after this phrase's successor, or is an appositive */
                        ok = 0;
                        uint32_t e2 = p->tok_end;
                        if (e2 < se->tok_end && (dy_tok_is(doc, e2, "and") || dy_tok_is(doc, e2, ","))) ok = 1;
                        if (ok && dy_tok_is(doc, e2, ",") && !(e2 + 1 < se->tok_end && dy_tok_is(doc, e2 + 1, "and"))) ok = 0;
                        if (ok) {
                            /* and the item after "and" must be an actor */
                            ok = i + 1 < doc->phrases.len && doc->phrases.items[i + 1].sentence == p->sentence;
                        }
                    }
                }
                if (ok && !(p->flags & (DY_PH_LOC | DY_PH_MOD))) {
                    p->group = q->group;
                    /* "Indian and Chinese soldiers": the first adjective shares the agent */
                    if ((q->flags & DY_PH_NAME_ONLY) && (p->flags & DY_PH_HAS_AGENT) && strlen(q->code) == 3 &&
                        q->tok_end + 1 == p->tok_start && dy_tok_is(doc, q->tok_end, "and") && strlen(p->code) > 3 &&
                        !dy_code_is_intl(p->code)) {
                        char agent[16];
                        snprintf(agent, sizeof agent, "%s", p->code + 3);
                        snprintf(q->code + 3, sizeof q->code - 3, "%.12s", agent);
                        q->flags = (q->flags & ~(uint32_t)DY_PH_NAME_ONLY) | DY_PH_HAS_AGENT;
                    }
                }
            }
        }
    }
    /* an agent with no country in a compound takes the country of a named member; groups are
     * runs of neighbouring phrases, so one pass per group suffices */
    for (size_t i = 0; i < doc->phrases.len;) {
        size_t j = i;
        const dy_phrase *named = NULL;
        while (j < doc->phrases.len && doc->phrases.items[j].group == doc->phrases.items[i].group) {
            const dy_phrase *q = &doc->phrases.items[j];
            if (!named && !(q->flags & (DY_PH_AGENT_ONLY | DY_PH_PRON)) && !dy_code_is_intl(q->code) &&
                strncmp(q->code, "---", 3))
                named = q;
            j++;
        }
        for (size_t k = i; named && k < j; k++)
            if (doc->phrases.items[k].flags & DY_PH_AGENT_ONLY) {
                memcpy(doc->phrases.items[k].code, named->code, 3);
                doc->phrases.items[k].flags |= DY_PH_FIXED;
                doc->phrases.items[k].why = "the country of its compound";
            }
        i = j;
    }
    return DYAD_OK;
}
