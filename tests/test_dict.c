/*
 * test_dict.c - the dictionary reader and linter (src/dict.c): actors with synonyms and dated codes
 * in every form (>date, <date, d1-d2, open ends, six-digit TABARI dates), agents with generated
 * plurals, verbs with listed and generated forms, multi-word verbs, patterns, '@' event nouns and
 * code suffixes; malformed lines (file name and line number in the error), the statistics,
 * dyad_dict_check's findings with file:line, and the project's own dict/ directory.
 *
 * Every dictionary here is written for these tests (inline strings). The compiled tables are
 * inspected through engine.h (the trie, the lexicon and the verb forms), so the tests say exactly
 * which phrase and which inflection the reader produced.
 */
#include "engine.h"
#include "test.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ helpers */

/* A new dictionary with one buffer loaded (kind from the name's extension); NULL if it failed,
 * with the error printed. */
static dyad_dict *load1(const char *name, const char *text) {
    dyad_dict *d = dyad_dict_new();
    dyad_error err = {0};
    if (!d) return NULL;
    if (dyad_dict_load_buffer(d, name, text, strlen(text), DYAD_DICT_AUTO, &err) != DYAD_OK) {
        fprintf(stderr, "%s: load failed: %s:%ld: %s\n", t_cur_name, err.file, err.line, err.message);
        dyad_dict_free(d);
        return NULL;
    }
    if (dyad_dict_compile(d, &err) != DYAD_OK) {
        dyad_dict_free(d);
        return NULL;
    }
    return d;
}

/* Loads `text` expecting a parse error; fills err and returns the status. */
static int load_bad(const char *name, const char *text, dyad_error *err, dyad_dict_stats *st) {
    dyad_dict *d = dyad_dict_new();
    memset(err, 0, sizeof *err);
    if (!d) return DYAD_ERR_NOMEM;
    int rc = dyad_dict_load_buffer(d, name, text, strlen(text), DYAD_DICT_AUTO, err);
    if (st) dyad_dict_get_stats(d, st);
    dyad_dict_free(d);
    return rc;
}

typedef struct walk {
    const dyad_dict *d;
    uint32_t node;
    uint32_t ids[32];
    int n, dead;
} walk;

static void walk_tok(void *ctx, const char *tok, size_t n, uint16_t flags) {
    (void)flags;
    walk *w = ctx;
    uint32_t id = dy_lex_find(w->d, tok, n);
    if (w->n < 32) w->ids[w->n++] = id;
    if (w->dead) return;
    w->node = id ? dy_trie_child(w->d, w->node, id) : 0;
    if (!w->node) w->dead = 1;
}

/* The trie node of a phrase written as text ("foreign ministers"), NULL if not a phrase. */
static const dy_trie_node *phrase(const dyad_dict *d, const char *text) {
    walk w;
    memset(&w, 0, sizeof w);
    w.d = d;
    dy_tokenise(text, strlen(text), walk_tok, &w);
    if (w.dead || !w.n || !d->nodes[w.node].kind) return NULL;
    return &d->nodes[w.node];
}

/* The name (first phrase) of the actor entry a phrase belongs to, or "" if none. */
static const char *actor_of(const dyad_dict *d, const char *text) {
    const dy_trie_node *t = phrase(d, text);
    if (!t || t->kind != 1) return "";
    return d->strings + d->actors[t->index].name;
}

/* The agent code a phrase maps to, or "" if it is no agent phrase. */
static const char *agent_of(const dyad_dict *d, const char *text) {
    const dy_trie_node *t = phrase(d, text);
    if (!t || t->kind != 2) return "";
    return d->agents[t->index].agent;
}

/* The actor code of the entry of `text` on a day ("YYYY-MM-DD", or NULL = no date). */
static const char *code_on(const dyad_dict *d, const char *text, const char *ymd) {
    const dy_trie_node *t = phrase(d, text);
    if (!t || t->kind != 1) return "(no actor)";
    int32_t day = DY_NOCODE;
    if (ymd && dy_date_to_days(ymd, &day) != 0) return "(bad date)";
    const dy_actor_code *c = dy_actor_code_on(d, &d->actors[t->index], day);
    return c ? c->code : "(no code)";
}

/* The verb form written as text ("ruled out"): its verb entry's base name, or "" if none; the
 * form's tense in *tense and the entry in *entry. */
static const char *verb_form(const dyad_dict *d, const char *text, int *tense, const dy_verb_entry **entry) {
    walk w;
    memset(&w, 0, sizeof w);
    w.d = d;
    dy_tokenise(text, strlen(text), walk_tok, &w);
    if (!w.n || !w.ids[0]) return "";
    for (uint32_t f = d->lex[w.ids[0]].verb_first; f; f = d->forms[f - 1].next) {
        const dy_verb_form *vf = &d->forms[f - 1];
        if (vf->nwords != w.n || memcmp(d->words + vf->word_start, w.ids, (size_t)w.n * sizeof(uint32_t)))
            continue;
        if (tense) *tense = vf->tense;
        if (entry) *entry = &d->verbs[vf->entry];
        return d->strings + d->verbs[vf->entry].name;
    }
    return "";
}

static int has_form(const dyad_dict *d, const char *text, int tense) {
    int t = -1;
    return verb_form(d, text, &t, NULL)[0] && t == tense;
}

/* ------------------------------------------------------------------ actors */

static const char actors_text[] =
    "# test actors\n"
    "RUSSIA [RUS]\n"
    "+RUSSIAN\n"
    "+RUSSIAN_FEDERATION   # a comment after a synonym\n"
    "UNITED_STATES [USA]\n"
    "+U.S.\n"
    "+=US\n"
    "+AMERICA\n"
    "KREMLIN [RUSGOV] ; a TABARI comment\n"
    "\n"
    "DONALD_TRUMP\n"
    "+TRUMP\n"
    "+PRESIDENT_TRUMP\n"
    "    [USAELI <20170119]\n"
    "    [USAGOV 20170120-20210120]  # 45th\n"
    "    [USAELI 20210121-20250119]\n"
    "    [USAGOV >20250120]\n"
    "JACQUES_CHIRAC\n"
    "    [FRAGOV 950517-070516]\n"
    "    [FRAELI 070517-]\n"
    "    [FRA]\n"
    "ANGELA_MERKEL\n"
    "+MERKEL\n"
    "\t[DEUELI -20051121]\n"
    "\t[DEUGOV 20051122-20211208]\n"
    "AL-QAEDA [---REB]\n";

static void test_actor_entries(void) {
    dyad_dict *d = load1("test.actors", actors_text);
    CHECK(d != NULL);
    if (!d) return;
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    CHECK_INT(st.files, 1);
    CHECK_INT(st.actor_entries, 7);
    CHECK_INT(st.actor_phrases, 15);
    CHECK_INT(st.actor_codes, 13);
    CHECK_INT(st.agent_phrases, 0);
    CHECK_INT(st.verb_entries, 0);
    CHECK_INT(st.patterns, 0);
    CHECK(st.words > 10);

    /* synonyms belong to their entry; matching is case-insensitive */
    CHECK_STR(actor_of(d, "Russia"), "RUSSIA");
    CHECK_STR(actor_of(d, "russian"), "RUSSIA");
    CHECK_STR(actor_of(d, "Russian Federation"), "RUSSIA");
    CHECK_STR(actor_of(d, "U.S."), "UNITED_STATES");
    CHECK_STR(actor_of(d, "America"), "UNITED_STATES");
    CHECK_STR(actor_of(d, "United States"), "UNITED_STATES");
    CHECK_STR(actor_of(d, "President Trump"), "DONALD_TRUMP");
    CHECK_STR(actor_of(d, "Merkel"), "ANGELA_MERKEL");
    CHECK_STR(actor_of(d, "Russian Fed"), "");
    CHECK_STR(actor_of(d, "Federation"), "");
    /* the comment after a code is not a synonym */
    CHECK_STR(actor_of(d, "a TABARI comment"), "");
    /* AL-QAEDA is tokenised as the text is: al - qaeda */
    CHECK_STR(actor_of(d, "al-Qaeda"), "AL-QAEDA");
    CHECK_STR(code_on(d, "al-Qaeda", NULL), "---REB");
    /* '=' words must be written in capitals: only the first word's bit is set */
    const dy_trie_node *us = phrase(d, "US");
    CHECK(us != NULL);
    if (us) CHECK_INT(us->upper_mask, 1);
    const dy_trie_node *usa = phrase(d, "United States");
    CHECK(usa != NULL);
    if (usa) CHECK_INT(usa->upper_mask, 0);
    /* undated codes */
    CHECK_STR(code_on(d, "Russia", "2024-01-01"), "RUS");
    CHECK_STR(code_on(d, "Kremlin", NULL), "RUSGOV");
    /* a person entry is marked as such, a country is not */
    const dy_trie_node *t = phrase(d, "Trump");
    CHECK(t && d->actors[t->index].person);
    t = phrase(d, "Russia");
    CHECK(t && !d->actors[t->index].person);
    /* entries remember their line */
    t = phrase(d, "Kremlin");
    CHECK(t && d->actors[t->index].line == 9);
    dyad_dict_free(d);
}

static void test_actor_dates(void) {
    dyad_dict *d = load1("test.actors", actors_text);
    CHECK(d != NULL);
    if (!d) return;
    /* <date: up to and including the date */
    CHECK_STR(code_on(d, "Trump", "2010-06-01"), "USAELI");
    CHECK_STR(code_on(d, "Trump", "2017-01-19"), "USAELI");
    /* d1-d2 inclusive at both ends */
    CHECK_STR(code_on(d, "Trump", "2017-01-20"), "USAGOV");
    CHECK_STR(code_on(d, "Trump", "2019-07-04"), "USAGOV");
    CHECK_STR(code_on(d, "Trump", "2021-01-20"), "USAGOV");
    CHECK_STR(code_on(d, "Trump", "2021-01-21"), "USAELI");
    CHECK_STR(code_on(d, "Trump", "2025-01-19"), "USAELI");
    /* >date: from the date on */
    CHECK_STR(code_on(d, "Trump", "2025-01-20"), "USAGOV");
    CHECK_STR(code_on(d, "President Trump", "2025-02-14"), "USAGOV");
    /* no date: the open-ended (current) code */
    CHECK_STR(code_on(d, "Trump", NULL), "USAGOV");

    /* six-digit TABARI dates: 95 -> 1995, 07 -> 2007; an open end "070517-" */
    CHECK_STR(code_on(d, "Jacques Chirac", "1995-05-16"), "FRA");
    CHECK_STR(code_on(d, "Jacques Chirac", "1995-05-17"), "FRAGOV");
    CHECK_STR(code_on(d, "Jacques Chirac", "2007-05-16"), "FRAGOV");
    CHECK_STR(code_on(d, "Jacques Chirac", "2007-05-17"), "FRAELI");
    CHECK_STR(code_on(d, "Jacques Chirac", "2019-09-26"), "FRAELI");
    /* the undated code applies when no dated code does, and with no date at all */
    CHECK_STR(code_on(d, "Jacques Chirac", "1980-01-01"), "FRA");
    CHECK_STR(code_on(d, "Jacques Chirac", NULL), "FRA");

    /* an open start "-20051121" */
    CHECK_STR(code_on(d, "Merkel", "1999-01-01"), "DEUELI");
    CHECK_STR(code_on(d, "Merkel", "2005-11-21"), "DEUELI");
    CHECK_STR(code_on(d, "Merkel", "2005-11-22"), "DEUGOV");
    CHECK_STR(code_on(d, "Merkel", "2021-12-08"), "DEUGOV");
    /* after the last range with no undated code: the nearest range */
    CHECK_STR(code_on(d, "Angela Merkel", "2023-05-01"), "DEUGOV");

    /* the code lines' ranges as stored */
    const dy_trie_node *t = phrase(d, "Merkel");
    CHECK(t != NULL);
    if (t) {
        const dy_actor_entry *e = &d->actors[t->index];
        CHECK_INT(e->code_count, 2);
        const dy_actor_code *c = &d->codes[e->code_start];
        int32_t day;
        CHECK_INT(c[0].from, INT32_MIN);
        CHECK(dy_date_to_days("2005-11-21", &day) == 0 && c[0].to == day);
        CHECK(dy_date_to_days("2005-11-22", &day) == 0 && c[1].from == day);
        CHECK_INT(c[0].line, 24);
        CHECK_INT(c[1].line, 25);
    }
    /* the most specific (shortest) range wins when two apply */
    dyad_dict *d2 = load1("spec.actors",
                          "SOMEONE\n"
                          "    [GBRELI 20000101-20301231]\n"
                          "    [GBRGOV 20100101-20101231]\n");
    CHECK(d2 != NULL);
    if (d2) {
        CHECK_STR(code_on(d2, "Someone", "2010-06-01"), "GBRGOV");
        CHECK_STR(code_on(d2, "Someone", "2011-06-01"), "GBRELI");
        dyad_dict_free(d2);
    }
    dyad_dict_free(d);
}

/* ------------------------------------------------------------------ agents */

static const char agents_text[] =
    "PRESIDENT [~GOV]\n"
    "FOREIGN_MINISTER [~GOV]\n"
    "REBEL [~REB]\n"
    "+INSURGENT\n"
    "MILITIA [~REB]\n"
    "POLICEMAN [~COP]\n"
    "COUNTRY [~GOV]\n"
    "BOSS [~BUS]\n"
    "CHURCH [~REL]\n"
    "TROOPS [~MIL]\n"
    "PEOPLE [~CVL]\n"
    "+CHILD\n"
    "+CHILDREN\n";

static void test_agents(void) {
    dyad_dict *d = load1("test.agents", agents_text);
    CHECK(d != NULL);
    if (!d) return;
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    CHECK_INT(st.actor_entries, 0);
    /* only written phrases are counted, not the generated plurals */
    CHECK_INT(st.agent_phrases, 13);
    CHECK_STR(agent_of(d, "president"), "GOV");
    CHECK_STR(agent_of(d, "presidents"), "GOV");
    CHECK_STR(agent_of(d, "foreign minister"), "GOV");
    CHECK_STR(agent_of(d, "foreign ministers"), "GOV");
    CHECK_STR(agent_of(d, "Foreign Ministers"), "GOV");
    CHECK_STR(agent_of(d, "ministers"), "");
    CHECK_STR(agent_of(d, "rebel"), "REB");
    CHECK_STR(agent_of(d, "rebels"), "REB");
    CHECK_STR(agent_of(d, "insurgents"), "REB");     /* synonyms get plurals too */
    CHECK_STR(agent_of(d, "militia"), "REB");
    CHECK_STR(agent_of(d, "militias"), "REB");
    CHECK_STR(agent_of(d, "policeman"), "COP");
    CHECK_STR(agent_of(d, "policemen"), "COP");
    CHECK_STR(agent_of(d, "country"), "GOV");
    CHECK_STR(agent_of(d, "countries"), "GOV");
    CHECK_STR(agent_of(d, "countrys"), "");
    CHECK_STR(agent_of(d, "boss"), "BUS");
    CHECK_STR(agent_of(d, "bosses"), "BUS");
    CHECK_STR(agent_of(d, "church"), "REL");
    CHECK_STR(agent_of(d, "churches"), "REL");
    CHECK_STR(agent_of(d, "troops"), "MIL");
    CHECK_STR(agent_of(d, "children"), "CVL");
    /* agent phrases are not actors */
    CHECK_STR(actor_of(d, "rebels"), "");
    dyad_dict_free(d);
}

/* ------------------------------------------------------------------ verbs */

static const char verbs_text[] =
    "# test verbs\n"                                       /* 1 */
    "--- MEET [040] ---\n"                                 /* 2 */
    "MEET [040] {MET MEETS MEETING}\n"                     /* 3 */
    "- * WITH +              [040]\n"                      /* 4 */
    "- $ AND + *             [040]\n"                      /* 5 */
    "- * TO {DISCUSS|TALK_ABOUT} +  [036:intended]\n"     /* 6 */
    "+CONFER\n"                                            /* 7 */
    "--- CRITICIZE [111] ---\n"                            /* 8 */
    "CRITICIZE\n"                                          /* 9 */
    "+CRITICISE\n"                                         /* 10 */
    "ACCUSE [112]\n"                                       /* 11 */
    "DENY [---]\n"                                         /* 12 */
    "- * CHARGES            [---]\n"                       /* 13 */
    "SEE [---]\n"                                          /* 14 */
    "PUSH [---]\n"                                         /* 15 */
    "ATTACK [190]\n"                                       /* 16 */
    "PLAY [---]\n"                                         /* 17 */
    "RULE_OUT [125] {RULED_OUT RULES_OUT RULING_OUT}\n"   /* 18 */
    "CALL_ON [---]\n"                                      /* 19 */
    "- * % TO SIGN          [057]\n"                       /* 20 */
    "--- NOUNS ---\n"                                      /* 21 */
    "@CLASH [190:mutual]\n"                                /* 22 */
    "- * WITH +             [190:mutual]\n"                /* 23 */
    "@TALKS [043]\n"                                       /* 24 */
    "@PARTY [---]\n"                                       /* 25 */
    "FIGHT [190:mutual] {FOUGHT FIGHTS FIGHTING}\n";      /* 26 */

static void test_verb_forms(void) {
    dyad_dict *d = load1("test.verbs", verbs_text);
    CHECK(d != NULL);
    if (!d) return;
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    CHECK_INT(st.verb_entries, 16);
    /* 4 listed (meet) + 4 x 9 generated + 4 listed (rule out) + 4 (call on) + 2 + 1 + 2 (nouns) + 4 (fight) */
    CHECK_INT(st.verb_forms, 4 + 4 * 9 + 4 + 4 + 2 + 1 + 2 + 4);
    CHECK_INT(st.patterns, 6);
    CHECK_INT(st.actor_entries, 0);

    /* listed forms, with their tense guessed from the spelling */
    CHECK(has_form(d, "meet", DY_FORM_BASE));
    CHECK(has_form(d, "met", DY_FORM_PAST));
    CHECK(has_form(d, "meets", DY_FORM_S));
    CHECK(has_form(d, "meeting", DY_FORM_ING));
    CHECK_STR(verb_form(d, "meeted", NULL, NULL), "");  /* listed forms replace the regular ones */
    /* the '+' synonym of a block, with the block's code */
    const dy_verb_entry *e = NULL;
    CHECK_STR(verb_form(d, "conferred", NULL, &e), "");  /* no consonant doubling: write it out */
    CHECK_STR(verb_form(d, "confers", NULL, &e), "confer");
    CHECK(e && !strcmp(e->code, "040"));
    /* regular forms: -s, -ed, -ing, with the silent e dropped */
    CHECK(has_form(d, "criticize", DY_FORM_BASE));
    CHECK(has_form(d, "criticizes", DY_FORM_S));
    CHECK(has_form(d, "criticized", DY_FORM_PAST));
    CHECK(has_form(d, "criticizing", DY_FORM_ING));
    CHECK_STR(verb_form(d, "criticizeing", NULL, NULL), "");
    CHECK_STR(verb_form(d, "criticised", NULL, &e), "criticise");
    CHECK(e && !strcmp(e->code, "111"));            /* the block's code */
    CHECK(has_form(d, "accuses", DY_FORM_S));
    CHECK(has_form(d, "accused", DY_FORM_PAST));
    CHECK(has_form(d, "accusing", DY_FORM_ING));
    CHECK_STR(verb_form(d, "accused", NULL, &e), "accuse");
    CHECK(e && !strcmp(e->code, "112"));
    /* -y after a consonant: denies, denied; after a vowel: plays, played */
    CHECK(has_form(d, "denies", DY_FORM_S));
    CHECK(has_form(d, "denied", DY_FORM_PAST));
    CHECK(has_form(d, "denying", DY_FORM_ING));
    CHECK(has_form(d, "plays", DY_FORM_S));
    CHECK(has_form(d, "played", DY_FORM_PAST));
    /* -ee keeps its e: sees, seeing */
    CHECK(has_form(d, "sees", DY_FORM_S));
    CHECK(has_form(d, "seeing", DY_FORM_ING));
    /* -sh takes -es */
    CHECK(has_form(d, "pushes", DY_FORM_S));
    CHECK(has_form(d, "pushed", DY_FORM_PAST));
    CHECK(has_form(d, "attacks", DY_FORM_S));
    CHECK(has_form(d, "attacked", DY_FORM_PAST));
    CHECK(has_form(d, "attacking", DY_FORM_ING));
    /* "[---]" means no default code */
    CHECK_STR(verb_form(d, "denied", NULL, &e), "deny");
    CHECK(e && e->code[0] == 0);

    /* multi-word verbs: listed forms and generated ones keep the particle */
    CHECK(has_form(d, "rule out", DY_FORM_BASE));
    CHECK(has_form(d, "ruled out", DY_FORM_PAST));
    CHECK(has_form(d, "rules out", DY_FORM_S));
    CHECK(has_form(d, "ruling out", DY_FORM_ING));
    CHECK_STR(verb_form(d, "ruled out", NULL, &e), "rule_out");
    CHECK(e && !strcmp(e->code, "125"));
    CHECK(has_form(d, "calls on", DY_FORM_S));
    CHECK(has_form(d, "called on", DY_FORM_PAST));
    CHECK(has_form(d, "calling on", DY_FORM_ING));
    CHECK_STR(verb_form(d, "called", NULL, NULL), "");  /* the particle is part of the form */

    /* event nouns: flagged, with a generated plural unless already plural */
    CHECK_STR(verb_form(d, "clash", NULL, &e), "clash");
    CHECK(e && e->noun && e->mutual && !strcmp(e->code, "190"));
    CHECK(has_form(d, "clashes", DY_FORM_S));
    CHECK_STR(verb_form(d, "talks", NULL, &e), "talks");
    CHECK(e && e->noun && !e->mutual && !strcmp(e->code, "043"));
    CHECK_STR(verb_form(d, "talkses", NULL, NULL), "");
    CHECK(has_form(d, "parties", DY_FORM_S));
    /* an ordinary verb is not a noun; ':mutual' on a verb entry */
    CHECK_STR(verb_form(d, "fought", NULL, &e), "fight");
    CHECK(e && !e->noun && e->mutual && !strcmp(e->code, "190"));
    CHECK_STR(verb_form(d, "met", NULL, &e), "meet");
    CHECK(e && !e->noun && !e->mutual && e->line == 3);
    dyad_dict_free(d);
}

static void test_patterns(void) {
    dyad_dict *d = load1("test.verbs", verbs_text);
    CHECK(d != NULL);
    if (!d) return;
    const dy_verb_entry *e = NULL;
    CHECK_STR(verb_form(d, "meet", NULL, &e), "meet");
    CHECK(e != NULL);
    if (!e) { dyad_dict_free(d); return; }
    CHECK_INT(e->pat_count, 3);
    const dy_pattern *p = &d->patterns[e->pat_start];
    /* - * WITH + [040] */
    CHECK_STR(p[0].code, "040");
    CHECK_INT(p[0].line, 4);
    CHECK_INT(p[0].elem_count, 3);
    CHECK_INT(p[0].nliteral, 1);
    CHECK_INT(p[0].modality, -1);
    CHECK_INT(p[0].mutual, 0);
    CHECK_STR(d->files[p[0].file], "test.verbs");
    const dy_pat_elem *el = &d->elems[p[0].elem_start];
    CHECK_INT(el[0].type, DY_PE_VERB);
    CHECK_INT(el[1].type, DY_PE_WORDS);
    CHECK_INT(el[2].type, DY_PE_TARGET);
    CHECK_INT(el[1].opt_count, 1);
    const dy_pat_opt *o = &d->opts[el[1].opt_start];
    CHECK_INT(o->nwords, 1);
    CHECK_STR(dy_lex_str(d, d->words[o->word_start]), "with");
    /* - $ AND + * [040]: elements before the verb */
    el = &d->elems[p[1].elem_start];
    CHECK_INT(p[1].elem_count, 4);
    CHECK_INT(el[0].type, DY_PE_SOURCE);
    CHECK_INT(el[1].type, DY_PE_WORDS);
    CHECK_INT(el[2].type, DY_PE_TARGET);
    CHECK_INT(el[3].type, DY_PE_VERB);
    /* - * TO {DISCUSS|TALK_ABOUT} + [036:intended]: alternatives, a two-word option, a modality */
    CHECK_STR(p[2].code, "036");
    CHECK_INT(p[2].modality, DYAD_INTENDED);
    CHECK_INT(p[2].nliteral, 2);
    el = &d->elems[p[2].elem_start];
    CHECK_INT(el[2].type, DY_PE_WORDS);
    CHECK_INT(el[2].opt_count, 2);
    o = &d->opts[el[2].opt_start];
    CHECK_INT(o[0].nwords, 1);
    CHECK_INT(o[1].nwords, 2);
    CHECK_STR(dy_lex_str(d, d->words[o[1].word_start + 1]), "about");
    /* a pattern coded [---] */
    CHECK_STR(verb_form(d, "deny", NULL, &e), "deny");
    CHECK(e && e->pat_count == 1 && d->patterns[e->pat_start].code[0] == 0);
    /* '%' and a ':mutual' pattern */
    CHECK_STR(verb_form(d, "call on", NULL, &e), "call_on");
    CHECK(e && e->pat_count == 1);
    if (e && e->pat_count == 1) CHECK_INT(d->elems[d->patterns[e->pat_start].elem_start + 1].type, DY_PE_BOTH);
    CHECK_STR(verb_form(d, "clash", NULL, &e), "clash");
    CHECK(e && e->pat_count == 1 && d->patterns[e->pat_start].mutual == 1);
    dyad_dict_free(d);
}

/* Several files into one dictionary; a later entry replaces an earlier one. */
static void test_several_buffers(void) {
    dyad_dict *d = dyad_dict_new();
    dyad_error err = {0};
    CHECK(d != NULL);
    if (!d) return;
    const char *a = "RUSSIA [RUS]\nGEORGIA [GEO]\n";
    CHECK_INT(dyad_dict_load_buffer(d, "a.actors", a, strlen(a), DYAD_DICT_AUTO, &err), DYAD_OK);
    /* an explicit kind overrides the name */
    const char *ag = "SOLDIER [~MIL]\n";
    CHECK_INT(dyad_dict_load_buffer(d, "extra.txt", ag, strlen(ag), DYAD_DICT_AGENTS, &err), DYAD_OK);
    const char *b = "GEORGIA [USA]  # the US state\n";
    CHECK_INT(dyad_dict_load_buffer(d, "b.actors", b, strlen(b), DYAD_DICT_AUTO, &err), DYAD_OK);
    /* unknown kind */
    CHECK_INT(dyad_dict_load_buffer(d, "notes.txt", "X", 1, DYAD_DICT_AUTO, &err), DYAD_ERR_ARG);
    CHECK_INT(dyad_dict_compile(d, &err), DYAD_OK);
    /* loading after compile is an error */
    CHECK_INT(dyad_dict_load_buffer(d, "c.actors", "CHINA [CHN]\n", strlen("CHINA [CHN]\n"), DYAD_DICT_AUTO, &err), DYAD_ERR_ARG);
    CHECK_STR(code_on(d, "China", NULL), "(no actor)");
    CHECK_STR(code_on(d, "Georgia", NULL), "USA");
    CHECK_STR(agent_of(d, "soldiers"), "MIL");
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    CHECK_INT(st.files, 3);
    CHECK_INT(st.actor_entries, 3);
    CHECK_INT(st.agent_phrases, 1);
    /* the replacement is reported by the linter, with the file and line of the new entry */
    dyad_buf rep = {0};
    size_t n = dyad_dict_check(d, &rep);
    CHECK_INT(n, 1);
    CHECK(rep.data && strstr(rep.data, "b.actors:1:") != NULL);
    CHECK(rep.data && strstr(rep.data, "already defined") != NULL);
    dyad_buf_free(&rep);
    dyad_dict_free(d);
    /* NULL arguments */
    CHECK_INT(dyad_dict_load_buffer(NULL, "x.actors", "A [USA]", 7, DYAD_DICT_AUTO, &err), DYAD_ERR_ARG);
}

/* ------------------------------------------------------------------ malformed lines */

#define CHECK_BAD(NAME, TEXT, CODE, LINE) do { dyad_error _e; \
    CHECK_INT(load_bad((NAME), (TEXT), &_e, NULL), (CODE)); \
    CHECK_STR(_e.file, (NAME)); CHECK_INT(_e.line, (LINE)); CHECK(_e.message[0] != 0); } while (0)

static void test_malformed(void) {
    /* a pattern with two '*' */
    CHECK_BAD("two.verbs", "MEET [040]\n- * WITH +  [040]\n- * * WITH + [040]\n", DYAD_ERR_PARSE, 3);
    /* a pattern with no '*' */
    CHECK_BAD("none.verbs", "# c\nMEET [040]\n- $ WITH + [040]\n", DYAD_ERR_PARSE, 3);
    /* a pattern before any verb, a pattern without a code, a bad event code */
    CHECK_BAD("first.verbs", "\n- * WITH + [040]\n", DYAD_ERR_PARSE, 2);
    CHECK_BAD("nocode.verbs", "MEET [040]\n- * WITH +\n", DYAD_ERR_PARSE, 2);
    CHECK_BAD("badcode.verbs", "MEET [040]\nSIGN [05X]\n", DYAD_ERR_PARSE, 2);
    CHECK_BAD("suffix.verbs", "MEET [040:sometimes]\n", DYAD_ERR_PARSE, 1);
    CHECK_BAD("brace.verbs", "MEET [040]\n\nGO [---] {WENT GOES\n", DYAD_ERR_PARSE, 3);
    CHECK_BAD("block.verbs", "--- MEET [0x0] ---\n", DYAD_ERR_PARSE, 1);
    /* a code line before any entry */
    CHECK_BAD("early.actors", "# people\n    [USAGOV >20250120]\nTRUMP\n", DYAD_ERR_PARSE, 2);
    /* a synonym before any entry */
    CHECK_BAD("syn.actors", "+RUSSIAN\nRUSSIA [RUS]\n", DYAD_ERR_PARSE, 1);
    /* an agent without [~CODE] */
    CHECK_BAD("plain.agents", "PRESIDENT [~GOV]\nREBEL\n", DYAD_ERR_PARSE, 2);
    CHECK_BAD("tilde.agents", "PRESIDENT [~GOV]\n\n\nREBEL [REB]\n", DYAD_ERR_PARSE, 4);
    /* a code line in an agents file */
    CHECK_BAD("code.agents", "PRESIDENT [~GOV]\n  [~ELI]\n", DYAD_ERR_PARSE, 2);
    /* bad date ranges: reversed, impossible day, wrong length, no operator */
    CHECK_BAD("rev.actors", "SOMEONE\n  [USAGOV 20250101-20240101]\n", DYAD_ERR_PARSE, 2);
    CHECK_BAD("day.actors", "SOMEONE\n  [USAGOV >20250230]\n", DYAD_ERR_PARSE, 2);
    CHECK_BAD("month.actors", "SOMEONE [USAGOV <20251301]\n", DYAD_ERR_PARSE, 1);
    CHECK_BAD("len.actors", "SOMEONE\n  [USAGOV 2025011-]\n", DYAD_ERR_PARSE, 2);
    CHECK_BAD("op.actors", "SOMEONE\n  [USAGOV 20250101]\n", DYAD_ERR_PARSE, 2);
    CHECK_BAD("six.actors", "SOMEONE\n  [USAGOV 991301-]\n", DYAD_ERR_PARSE, 2);
    /* a lower-case code, a missing bracket */
    CHECK_BAD("lower.actors", "RUSSIA [rus]\n", DYAD_ERR_PARSE, 1);
    CHECK_BAD("bracket.actors", "SOMEONE\n  [USAGOV >20250120\n", DYAD_ERR_PARSE, 2);

    /* entries read before the bad line are kept */
    dyad_error e;
    dyad_dict_stats st;
    CHECK_INT(load_bad("kept.actors", "RUSSIA [RUS]\nCHINA [CHN]\n+CHINESE\nX\n  [BAD 1-2]\n", &e, &st), DYAD_ERR_PARSE);
    CHECK_INT(e.line, 5);
    CHECK_INT(st.actor_entries, 3);
    CHECK_INT(st.actor_phrases, 4);
    /* the file name in the error is the name given, path and all */
    CHECK_INT(load_bad("dicts/sub/p.verbs", "MEET\n- * * [040]\n", &e, NULL), DYAD_ERR_PARSE);
    CHECK_STR(e.file, "dicts/sub/p.verbs");
    CHECK_INT(e.line, 2);
    /* CRLF line ends and a last line without a newline are fine */
    dyad_dict *d = load1("crlf.actors", "RUSSIA [RUS]\r\n+RUSSIAN\r\nCHINA [CHN]");
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(code_on(d, "Russian", NULL), "RUS");
        CHECK_STR(code_on(d, "China", NULL), "CHN");
        dyad_dict_free(d);
    }
    /* a file that cannot be read */
    dyad_dict *d2 = dyad_dict_new();
    CHECK_INT(dyad_dict_load_file(d2, "/nonexistent/dyad/x.actors", DYAD_DICT_AUTO, &e), DYAD_ERR_IO);
    CHECK_INT(dyad_dict_load_dir(d2, "/nonexistent/dyad", &e), DYAD_ERR_IO);
    dyad_dict_free(d2);
}

/* ------------------------------------------------------------------ the linter */

static void test_check(void) {
    dyad_dict *d = dyad_dict_new();
    dyad_error err = {0};
    CHECK(d != NULL);
    if (!d) return;
    const char *actors =
        "RUSSIA [RUS]\n"                      /* 1 */
        "ATLANTIS [XYZ]\n"                    /* 2: unknown actor code */
        "SOMEONE\n"                           /* 3 */
        "    [USAGOV 20170120-20210120]\n"   /* 4 */
        "    [USAELI >20210101]\n"            /* 5: overlaps line 4 */
        "MOSCOW [RUSGOV]\n"                   /* 6 */
        "+RUSSIA\n"                           /* 7: duplicate phrase */
        "NOBODY\n";                           /* 8: no code */
    const char *agents =
        "REBEL [~REB]\n"                      /* 1 */
        "WIZARD [~WIZ]\n";                    /* 2: unknown agent code */
    const char *verbs =
        "MEET [040]\n"                        /* 1 */
        "- * WITH + [040]\n"                  /* 2 */
        "FROB [999]\n"                        /* 3: unknown CAMEO code */
        "HOLD [---]\n"                        /* 4 */
        "- * TALKS [0999]\n"                  /* 5: unknown CAMEO code in a pattern */
        "ATTACK [190]\n";                     /* 6 */
    CHECK_INT(dyad_dict_load_buffer(d, "lint.actors", actors, strlen(actors), DYAD_DICT_AUTO, &err), DYAD_OK);
    CHECK_INT(dyad_dict_load_buffer(d, "lint.agents", agents, strlen(agents), DYAD_DICT_AUTO, &err), DYAD_OK);
    CHECK_INT(dyad_dict_load_buffer(d, "lint.verbs", verbs, strlen(verbs), DYAD_DICT_AUTO, &err), DYAD_OK);
    CHECK_INT(dyad_dict_compile(d, &err), DYAD_OK);
    dyad_buf rep = {0};
    size_t n = dyad_dict_check(d, &rep);
    const char *r = rep.data ? rep.data : "";
    CHECK_INT(n, 7);
    size_t lines = 0;
    for (const char *p = r; *p; p++) lines += *p == '\n';
    CHECK_INT(lines, n);
    CHECK(strstr(r, "lint.actors:2: unknown actor code 'XYZ'") != NULL);
    CHECK(strstr(r, "lint.actors:5: tenure overlaps the one on line 4") != NULL);
    CHECK(strstr(r, "lint.actors:7: phrase 'russia' is already defined") != NULL);
    CHECK(strstr(r, "lint.actors:8: entry 'NOBODY' has no code") != NULL);
    CHECK(strstr(r, "lint.agents:2: unknown agent code 'WIZ'") != NULL);
    CHECK(strstr(r, "lint.verbs:3: unknown CAMEO event code '999'") != NULL);
    CHECK(strstr(r, "lint.verbs:5: unknown CAMEO event code '0999'") != NULL);
    /* what is fine is not reported */
    CHECK(strstr(r, "lint.verbs:1:") == NULL);
    CHECK(strstr(r, "lint.verbs:6:") == NULL);
    CHECK(strstr(r, "lint.actors:1:") == NULL);
    CHECK(strstr(r, "lint.agents:1:") == NULL);
    /* the duplicate replaced the earlier entry */
    CHECK_STR(code_on(d, "Russia", NULL), "RUSGOV");
    /* check appends: a second run doubles the report */
    size_t len1 = rep.len;
    CHECK_INT(dyad_dict_check(d, &rep), 7);
    CHECK_INT(rep.len, 2 * len1);
    dyad_buf_free(&rep);
    dyad_dict_free(d);

    /* a clean dictionary has no findings; adjoining tenures do not overlap */
    dyad_dict *c = load1("clean.actors",
                         "UNITED_STATES [USA]\n+AMERICA\n"
                         "DONALD_TRUMP\n  [USAELI <20170119]\n  [USAGOV 20170120-20210120]\n"
                         "  [USAELI 20210121-20250119]\n  [USAGOV >20250120]\n"
                         "UN [IGOUNO]\nAL-SHABAAB [SOMREB]\nISLAMIC_STATE [---REB]\n");
    CHECK(c != NULL);
    if (c) {
        dyad_buf r2 = {0};
        CHECK_INT(dyad_dict_check(c, &r2), 0);
        CHECK_INT(r2.len, 0);
        dyad_buf_free(&r2);
        dyad_dict_free(c);
    }
}

/* ------------------------------------------------------------------ the project's dictionaries */

static void test_project_dict(void) {
    dyad_dict *d = dyad_dict_new();
    dyad_error err = {0};
    CHECK(d != NULL);
    if (!d) return;
    int rc = dyad_dict_load_dir(d, "dict", &err);
    CHECK_INT(rc, DYAD_OK);
    if (rc != DYAD_OK) {
        fprintf(stderr, "%s: %s:%ld: %s\n", t_cur_name, err.file, err.line, err.message);
        dyad_dict_free(d);
        return;
    }
    CHECK_INT(dyad_dict_compile(d, &err), DYAD_OK);
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    CHECK(st.files >= 5);
    CHECK(st.actor_entries > 1000);
    CHECK(st.actor_phrases > st.actor_entries);
    CHECK(st.actor_codes >= st.actor_entries);
    CHECK(st.agent_phrases > 300);
    CHECK(st.verb_entries > 300);
    CHECK(st.verb_forms > 3 * st.verb_entries / 2);
    CHECK(st.patterns > 500);
    CHECK(st.words > 3000);
    CHECK(st.issue_topics >= 40);
    CHECK(st.discard_phrases >= 50);
    dyad_buf rep = {0};
    size_t n = dyad_dict_check(d, &rep);
    CHECK_INT(n, 0);
    if (n) fprintf(stderr, "%s: dyad_dict_check findings in dict/:\n%s", t_cur_name, rep.data ? rep.data : "");
    dyad_buf_free(&rep);
    /* a few well-known entries, so that a broken load is noticed */
    CHECK_STR(code_on(d, "Russia", "2025-02-14"), "RUS");
    CHECK_STR(code_on(d, "Donald Trump", "2025-02-14"), "USAGOV");
    CHECK_STR(code_on(d, "Donald Trump", "2023-06-01"), "USAELI");
    CHECK_STR(agent_of(d, "rebels"), "REB");
    /* a country's leaders are its government; a kind of group's leaders take its role */
    CHECK_STR(agent_of(d, "leaders"), "GOV");
    CHECK_STR(agent_of(d, "military leaders"), "MIL");
    CHECK_STR(agent_of(d, "rebel leader"), "REB");
    CHECK_STR(agent_of(d, "indigenous leaders"), "CVL");
    CHECK_STR(verb_form(d, "met", NULL, NULL), "meet");
    dyad_dict_free(d);
}

/* Words are matched without regard to case, including the accented capitals of Latin-1. */
static void test_case_folding(void) {
    dyad_dict *d = load1("fold.actors", "C\xc3\x94TE_D'IVOIRE [CIV]\nT\xc3\x9cRKIYE [TUR]\n");
    CHECK(d != NULL);
    if (!d) return;
    uint32_t a = dy_lex_find(d, "c\xc3\xb4te", 5), b = dy_lex_find(d, "C\xc3\x94TE", 5);
    CHECK(a != 0);
    CHECK_INT(a, b);
    CHECK(dy_lex_find(d, "T\xc3\xbcrkiye", 8) != 0);
    CHECK_INT(dy_lex_find(d, "turkiye", 7), 0); /* folding keeps the accent */
    dyad_dict_free(d);
    /* Latin Extended-A capitals: ERDOĞAN / Erdoğan, WAŁĘSA / Wałęsa, ŠEFČOVIČ / Šefčovič, Ÿ */
    d = load1("fold2.actors", "RECEP_ERDO\xc4\x9e" "AN [TURGOV]\nLECH_WA\xc5\x81\xc4\x98SA [POLELI]\n"
                              "MARO\xc5\xa0_\xc5\xa0" "EF\xc4\x8c" "OVI\xc4\x8c [IGOEU]\n");
    CHECK(d != NULL);
    if (!d) return;
    CHECK(dy_lex_find(d, "Erdo\xc4\x9f" "an", 8) != 0);
    CHECK(dy_lex_find(d, "Wa\xc5\x82\xc4\x99sa", 8) != 0);
    CHECK_INT(dy_lex_find(d, "Wa\xc5\x82\xc4\x99sa", 8), dy_lex_find(d, "WA\xc5\x81\xc4\x98SA", 8));
    CHECK(dy_lex_find(d, "\xc5\xa1" "ef\xc4\x8d" "ovi\xc4\x8d", 11) != 0);
    CHECK_INT(dy_lex_find(d, "Erdogan", 7), 0);  /* an accent is still a different letter */
    dyad_dict_free(d);
}

/* The rule-confidence table (src/confidence.c): rows resolved to the verbs file loaded beside it,
 * whatever the order of loading; the default row for rules never measured; DY_CONF_DEFAULT with
 * no table; malformed rows refused with their line; rows naming no rule reported by the check. */
/* Code suffixes: ":mutual" and ":alone" are flags of the entry or the pattern. */
static void test_code_flags(void) {
    static const char text[] =
        "QUIT [0831:alone]\n"
        "- * OFFICE [0831:alone:intended]\n"
        "CLASH [190:mutual]\n"
        "MEET [040]\n";
    dyad_dict *d = load1("flags.verbs", text);
    CHECK(d != NULL);
    if (!d) return;
    CHECK_INT(d->nverbs, 3);
    CHECK_INT(d->verbs[0].mutual, DY_ALONE);
    CHECK_INT(d->patterns[0].mutual, DY_ALONE);
    CHECK_INT(d->patterns[0].modality, DYAD_INTENDED);
    CHECK_INT(d->verbs[1].mutual, DY_MUTUAL);
    CHECK_INT(d->verbs[2].mutual, 0);
    dyad_dict_free(d);
    dyad_error err;
    CHECK_INT(load_bad("bad.verbs", "QUIT [0831:lonely]\n", &err, NULL), DYAD_ERR_PARSE);
}

static void test_confidence(void) {
    static const char table[] =
        "# measured\n"
        "default 0.40 100 40 60\n"
        "test.verbs:11\t0.900\t8\t8\t0\n"
        "test.verbs:4 0.25\n"
        "test.verbs:5 0.75 # a comment\n"
        "\n"
        "other.verbs:3 0.10\n"
        "test.verbs:2 0.33\n";
    dyad_dict *d = dyad_dict_new();
    dyad_error err = {0};
    CHECK_INT(dyad_dict_load_buffer(d, "rules.confidence", table, strlen(table), DYAD_DICT_AUTO, &err), DYAD_OK);
    CHECK_INT(dyad_dict_load_buffer(d, "test.verbs", verbs_text, strlen(verbs_text), DYAD_DICT_AUTO, &err), DYAD_OK);
    CHECK_INT(dyad_dict_compile(d, &err), DYAD_OK);
    CHECK(dy_rule_confidence(d, 0, 11) > 0.899f && dy_rule_confidence(d, 0, 11) < 0.901f);
    CHECK(dy_rule_confidence(d, 0, 4) > 0.249f && dy_rule_confidence(d, 0, 4) < 0.251f);
    CHECK(dy_rule_confidence(d, 0, 5) > 0.749f && dy_rule_confidence(d, 0, 5) < 0.751f);
    /* a rule the table does not list: the default row */
    CHECK(dy_rule_confidence(d, 0, 16) > 0.399f && dy_rule_confidence(d, 0, 16) < 0.401f);
    /* other.verbs is not loaded, and line 2 is a block header, not a rule: both reported */
    dyad_buf rep = {0};
    size_t n = dyad_dict_check(d, &rep);
    CHECK(n >= 2);
    CHECK(rep.data && strstr(rep.data, "other.verbs:3: no dictionary file"));
    CHECK(rep.data && strstr(rep.data, "test.verbs:2: not a rule"));
    CHECK(rep.data && !strstr(rep.data, "test.verbs:11:"));
    dyad_buf_free(&rep);
    dyad_dict_free(d);

    /* no table: the documented default */
    d = load1("test.verbs", verbs_text);
    CHECK(d != NULL);
    if (d) {
        CHECK(dy_rule_confidence(d, 0, 11) > DY_CONF_DEFAULT - 0.001f && dy_rule_confidence(d, 0, 11) < DY_CONF_DEFAULT + 0.001f);
        dyad_dict_free(d);
    }

    /* a row with its rule's signature finds the rule after lines move, and is stale when the
     * rule's text changes */
    {
        char row[160];
        const char *rule = "ACCUSE [112]";   /* line 11 of verbs_text */
        snprintf(row, sizeof row, "test.verbs:11 0.9 8 8 0 %08x\n", (unsigned)dy_line_sig(rule, strlen(rule)));
        char moved[2048];
        snprintf(moved, sizeof moved, "# one more line\n# and another\n%s", verbs_text);
        dyad_dict *m = dyad_dict_new();
        CHECK_INT(dyad_dict_load_buffer(m, "rules.confidence", row, strlen(row), DYAD_DICT_AUTO, &err), DYAD_OK);
        CHECK_INT(dyad_dict_load_buffer(m, "test.verbs", moved, strlen(moved), DYAD_DICT_AUTO, &err), DYAD_OK);
        CHECK_INT(dyad_dict_compile(m, &err), DYAD_OK);
        CHECK(dy_rule_confidence(m, 0, 13) > 0.899f && dy_rule_confidence(m, 0, 13) < 0.901f);
        dyad_buf r2 = {0};
        CHECK_INT((int)dyad_dict_check(m, &r2), 0);
        dyad_buf_free(&r2);
        dyad_dict_free(m);
        /* the rule's text changed: stale, and the default applies */
        char changed[2048];
        snprintf(changed, sizeof changed, "%s", verbs_text);
        char *at = strstr(changed, "ACCUSE [112]");
        if (at) memcpy(at, "ACCUSE [111]", 12);
        m = dyad_dict_new();
        CHECK_INT(dyad_dict_load_buffer(m, "rules.confidence", row, strlen(row), DYAD_DICT_AUTO, &err), DYAD_OK);
        CHECK_INT(dyad_dict_load_buffer(m, "test.verbs", changed, strlen(changed), DYAD_DICT_AUTO, &err), DYAD_OK);
        CHECK_INT(dyad_dict_compile(m, &err), DYAD_OK);
        CHECK(dy_rule_confidence(m, 0, 11) > DY_CONF_DEFAULT - 0.001f && dy_rule_confidence(m, 0, 11) < DY_CONF_DEFAULT + 0.001f);
        r2.len = 0;
        CHECK_INT((int)dyad_dict_check(m, &r2), 1);
        CHECK(r2.data && strstr(r2.data, "text changed"));
        dyad_buf_free(&r2);
        dyad_dict_free(m);
    }

    /* malformed rows: the line is reported */
    CHECK_INT(load_bad("x.confidence", "default 0.4\ncameo.verbs 0.5\n", &err, NULL), DYAD_ERR_PARSE);
    CHECK_INT((int)err.line, 2);
    CHECK_INT(load_bad("x.confidence", "cameo.verbs:12 1.5\n", &err, NULL), DYAD_ERR_PARSE);
    CHECK_INT(load_bad("x.confidence", "cameo.verbs:0 0.5\n", &err, NULL), DYAD_ERR_PARSE);
    CHECK_INT(load_bad("x.confidence", "cameo.verbs:12x 0.5\n", &err, NULL), DYAD_ERR_PARSE);
    CHECK_INT(load_bad("x.confidence", "cameo.verbs:12\n", &err, NULL), DYAD_ERR_PARSE);
}

/* ------------------------------------------------------------------ compiled dictionaries */

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(n > 0 ? (size_t)n : 1);
    if (b && n > 0 && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    fclose(f);
    *len = n > 0 ? (size_t)n : 0;
    return b;
}

static int spit(const char *path, const char *b, size_t len) {
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    int ok = fwrite(b, 1, len, f) == len;
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* The events of one short article coded with `d`, as JSON Lines (caller frees). */
static char *code_json(const dyad_dict *d, const char *text) {
    dyad_doc *doc = dyad_doc_new();
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "c";
    a.date = "2024-05-01";
    a.text = text;
    a.text_len = strlen(text);
    dyad_error err = {0};
    dyad_buf b = {0};
    if (doc && dyad_code(doc, d, &a, NULL, &err) == DYAD_OK) dyad_write_events(doc, DYAD_FORMAT_JSON, &b);
    dyad_doc_free(doc);
    dy_buf_putc(&b, 0);
    return b.data;
}

static const char ARTICLE[] =
    "Russian troops shelled Kharkiv on Monday, and Ukraine accused Moscow of war crimes. "
    "President Trump met Chinese President Xi Jinping in Beijing. Police arrested 20 protesters in Lviv. "
    "Iran rejected the proposal, while Israel threatened to strike Hezbollah.";

static void test_compiled(void) {
    char dir[] = "/tmp/dyad_dictfile_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256], bad[256];
    snprintf(path, sizeof path, "%s/d.dyc", dir);
    snprintf(bad, sizeof bad, "%s/bad.dyc", dir);
    dyad_error err = {0};
    dyad_dict *d = dyad_dict_new();
    CHECK_INT(dyad_dict_load_dir(d, "dict", &err), DYAD_OK);
    CHECK_INT(dyad_dict_save(d, path, &err), DYAD_ERR_ARG);   /* not compiled yet */
    CHECK_INT(dyad_dict_compile(d, &err), DYAD_OK);
    CHECK_INT(dyad_dict_save(d, path, &err), DYAD_OK);
    /* the compiled file reads back as the same dictionary and codes the same events */
    dyad_dict *c = dyad_dict_new();
    int rc = dyad_dict_load_compiled(c, path, &err);
    CHECK_INT(rc, DYAD_OK);
    if (rc) fprintf(stderr, "%s: %s\n", t_cur_name, err.message);
    dyad_dict_stats s1, s2;
    dyad_dict_get_stats(d, &s1);
    dyad_dict_get_stats(c, &s2);
    CHECK(!memcmp(&s1, &s2, sizeof s1));
    CHECK_STR(code_on(c, "Donald Trump", "2025-02-14"), "USAGOV");
    CHECK_STR(verb_form(c, "met", NULL, NULL), "meet");
    char *j1 = code_json(d, ARTICLE), *j2 = code_json(c, ARTICLE);
    CHECK(j1 && j2 && strlen(j1) > 200 && !strcmp(j1, j2));
    free(j1);
    free(j2);
    dyad_buf r1 = {0}, r2 = {0};
    CHECK_INT(dyad_dict_check(d, &r1), dyad_dict_check(c, &r2));
    dyad_buf_free(&r1);
    dyad_buf_free(&r2);
    /* loading into a dictionary that is not fresh, or a compiled one, is refused */
    CHECK_INT(dyad_dict_load_compiled(c, path, &err), DYAD_ERR_ARG);
    CHECK_INT(dyad_dict_load_buffer(c, "x.actors", "X [USA]\n", 8, DYAD_DICT_AUTO, &err), DYAD_ERR_ARG);
    dyad_dict_free(c);
    size_t len;
    char *file = slurp(path, &len);
    CHECK(file != NULL && len > 4096);
    if (!file) { dyad_dict_free(d); return; }
    char *copy = malloc(len);
    /* damaged files: an error with the file's name, never a crash */
    struct { size_t at, trunc; const char *why; } cases[] = {
        {0, 0, "bad magic"}, {8, 0, "another version"}, {len / 2, 0, "checksum"}, {len - 1, 0, "checksum"},
        {0, 100, "too short"}, {0, len - 8, "size differs"}, {0, len / 2, "size differs"}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        memcpy(copy, file, len);
        size_t n = cases[k].trunc ? cases[k].trunc : len;
        if (!cases[k].trunc) copy[cases[k].at] ^= 0x5a;
        CHECK(spit(bad, copy, n) == 0);
        c = dyad_dict_new();
        memset(&err, 0, sizeof err);
        CHECK_INT(dyad_dict_load_compiled(c, bad, &err), DYAD_ERR_DICT);
        if (!strstr(err.message, cases[k].why)) fprintf(stderr, "%s: case %zu: '%s'\n", t_cur_name, k, err.message);
        CHECK(strstr(err.message, cases[k].why) != NULL);
        CHECK(strstr(err.file, "bad.dyc") != NULL);
        /* the refused dictionary is still a usable, empty one */
        CHECK_INT(dyad_dict_load_buffer(c, "x.actors", "X [USA]\n", 8, DYAD_DICT_AUTO, &err), DYAD_OK);
        dyad_dict_free(c);
    }
    CHECK_INT(dyad_dict_load_compiled(c = dyad_dict_new(), "/nonexistent/d.dyc", &err), DYAD_ERR_IO);
    dyad_dict_free(c);
    /* corruption that passes the checksum (resealed): the index validation refuses what points
     * outside its array; whatever it accepts codes without a crash (ASan builds check this) */
    uint32_t seed = 12345;
    int refused = 0, accepted = 0;
    for (int round = 0; round < 60; round++) {
        memcpy(copy, file, len);
        for (int k = 0; k < 1 + round % 4; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = 1024 + (seed >> 4) % (len - 1024);
            copy[at] = (char)(0xff ^ (seed >> 24));
        }
        dy_dictfile_reseal(copy, len);
        CHECK(spit(bad, copy, len) == 0);
        c = dyad_dict_new();
        rc = dyad_dict_load_compiled(c, bad, &err);
        CHECK(rc == DYAD_OK || rc == DYAD_ERR_DICT);
        if (rc == DYAD_OK) {
            accepted++;
            char *j = code_json(c, ARTICLE);
            free(j);
        } else {
            refused++;
        }
        dyad_dict_free(c);
    }
    CHECK(refused > 0);
    CHECK(accepted + refused == 60);
    free(copy);
    free(file);
    remove(bad);
    remove(path);
    dyad_dict_free(d);
    rmdir(dir);
}

/* The cache: a directory compiled once, served from the cache while its files are unchanged. */
static void test_dict_cache(void) {
    char root[] = "/tmp/dyad_cache_XXXXXX";
    CHECK(mkdtemp(root) != NULL);
    char ddir[128], cdir[160], f1[160], f2[160];
    snprintf(ddir, sizeof ddir, "%s/dict", root);
    snprintf(cdir, sizeof cdir, "%s/cache/sub", root);
    snprintf(f1, sizeof f1, "%s/a.actors", ddir);
    snprintf(f2, sizeof f2, "%s/b.verbs", ddir);
    CHECK(mkdir(ddir, 0755) == 0);
    static const char A1[] = "RUSSIA [RUS]\nUKRAINE [UKR]\n", A2[] = "RUSSIA [RUS]\nUKRAINE [UKR]\nCHINA [CHN]\n";
    static const char V[] = "--- ATTACK [190] ---\nATTACK\n";
    CHECK(spit(f1, A1, strlen(A1)) == 0 && spit(f2, V, strlen(V)) == 0);
    char h1[17], h2[17];
    dyad_error err = {0};
    CHECK_INT(dyad_dict_dir_hash(ddir, h1, &err), DYAD_OK);
    CHECK_INT((int)strlen(h1), 16);
    for (int round = 0; round < 3; round++) {
        if (round == 2) CHECK(spit(f1, A2, strlen(A2)) == 0);   /* an edit: a new hash, a rebuild */
        dyad_dict *d = dyad_dict_new();
        int hit = -1;
        CHECK_INT(dyad_dict_load_dir_cached(d, ddir, cdir, &hit, &err), DYAD_OK);
        CHECK_INT(hit, round == 1);
        CHECK_STR(code_on(d, "Ukraine", NULL), "UKR");
        CHECK_STR(code_on(d, "China", NULL), round == 2 ? "CHN" : "(no actor)");
        char *j = code_json(d, "Russia attacked Ukraine.");
        CHECK(j && strstr(j, "\"code\":\"190\""));
        free(j);
        dyad_dict_free(d);
    }
    CHECK_INT(dyad_dict_dir_hash(ddir, h2, &err), DYAD_OK);
    CHECK(strcmp(h1, h2) != 0);
    /* no cache directory: a plain load */
    dyad_dict *d = dyad_dict_new();
    int hit = -1;
    CHECK_INT(dyad_dict_load_dir_cached(d, ddir, NULL, &hit, &err), DYAD_OK);
    CHECK_INT(hit, 0);
    dyad_dict_free(d);
    /* a directory with no dictionary files is an error, as without the cache */
    d = dyad_dict_new();
    CHECK_INT(dyad_dict_load_dir_cached(d, cdir, cdir, &hit, &err), DYAD_ERR_IO);
    dyad_dict_free(d);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
}

int main(void) {
    RUN(test_case_folding);
    RUN(test_actor_entries);
    RUN(test_actor_dates);
    RUN(test_agents);
    RUN(test_verb_forms);
    RUN(test_patterns);
    RUN(test_several_buffers);
    RUN(test_malformed);
    RUN(test_check);
    RUN(test_project_dict);
    RUN(test_confidence);
    RUN(test_code_flags);
    RUN(test_compiled);
    RUN(test_dict_cache);
    return test_summary("dict");
}
