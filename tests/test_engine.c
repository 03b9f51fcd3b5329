/*
 * test_engine.c - end-to-end coding through the public API (dyad_code on a dyad_article) with
 * small dictionaries written inline, so that these tests do not depend on the project's large
 * dictionaries: active and passive voice, compounds, symmetric codes, the name grammar
 * (adjective + title + name, possessives), dated person codes, modality, event dates, patterns,
 * event nouns, pronouns, the document's main country, locatives, invalid UTF-8, the trace,
 * pathological input, empty input, and the JSON Lines and Phoenix writers.
 *
 * Set DYAD_TEST_VERBOSE=1 to print the trace of every coded text.
 */
#include "internal.h"
#include "test.h"

#include <stdint.h>

/* ------------------------------------------------------------------ the test dictionaries */

static const char ACTORS[] =
    "RUSSIA [RUS]\n"                          /* 1 */
    "+RUSSIAN\n"
    "+RUSSIANS\n"
    "UKRAINE [UKR]\n"                         /* 4 */
    "+UKRAINIAN\n"
    "CHINA [CHN]\n"                           /* 6 */
    "+CHINESE\n"
    "INDIA [IND]\n"                           /* 8 */
    "+INDIAN\n"
    "UNITED_STATES [USA]\n"                   /* 10 */
    "+U.S.\n"
    "+AMERICAN\n"
    "MOSCOW [RUSGOV]\n"                       /* 13 */
    "KYIV [UKRGOV]\n"                         /* 14 */
    "DONALD_TRUMP\n"                          /* 15 */
    "+TRUMP\n"
    "    [USAELI <20170119]\n"                /* 17 */
    "    [USAGOV 20170120-20210120]\n"        /* 18 */
    "    [USAELI 20210121-20250119]\n"        /* 19 */
    "    [USAGOV >20250120]\n"                /* 20 */
    "VLADIMIR_PUTIN\n"                        /* 21 */
    "+PUTIN\n"
    "    [RUSELI <19991230]\n"                /* 23 */
    "    [RUSGOV >19991231]\n";               /* 24 */

static const char AGENTS[] =
    "PRESIDENT [~GOV]\n"                      /* 1 */
    "DEFENSE_MINISTER [~GOV]\n"               /* 2 */
    "ENVOY [~GOV]\n"                          /* 3 */
    "OFFICIAL [~GOV]\n"                       /* 4 */
    "TROOP [~MIL]\n"                          /* 5 */
    "POLICE [~COP]\n"                         /* 6 */
    "REBEL [~REB]\n";                         /* 7 */

static const char VERBS[] =
    "--- CRITICIZE [111] ---\n"               /* 1 */
    "CRITICIZE\n"                             /* 2 */
    "--- ATTACK [190] ---\n"                  /* 3 */
    "ATTACK\n"                                /* 4 */
    "--- MEET [040] ---\n"                    /* 5 */
    "MEET [040] {MET MEETS MEETING}\n"        /* 6 */
    "- * WITH +                [040]\n"       /* 7 */
    "CONFER [---] {CONFERRED CONFERS CONFERRING}\n" /* 8 */
    "- * WITH +                [040]\n"       /* 9 */
    "--- SIGN [057] ---\n"                    /* 10 */
    "SIGN\n"                                  /* 11 */
    "--- OTHER ---\n"                         /* 12 */
    "KILL [---]\n"                            /* 13 */
    "SAY [---] {SAID SAYS SAYING}\n"          /* 14 */
    "ARRIVE [---]\n"                          /* 15 */
    "@CLASH [190:mutual]\n"                   /* 16 */
    "- * WITH +                [190:mutual]\n"; /* 17 */

/* ------------------------------------------------------------------ helpers */

static dyad_dict *make_dict(const char *actors, const char *agents, const char *verbs) {
    static const char *const names[] = {"test.actors", "test.agents", "test.verbs"};
    const char *const texts[] = {actors, agents, verbs};
    return t_dict(names, texts, 3);
}

static dyad_dict *D;
static dyad_doc *DOC;
static const char *cur_text;

/* Codes `text` as one article published on `date` (NULL = no date); returns the status. */
static int code_full(const char *text, size_t len, const char *date, const char *title, int trace) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "t1";
    a.date = date ? date : "";
    a.title = title ? title : "";
    a.url = "https://example.org/t1";
    a.source = "Test Wire";
    a.text = text;
    a.text_len = len;
    a.file = "test";
    a.line = 1;
    dyad_options opt = {NULL, trace || getenv("DYAD_TEST_VERBOSE") != NULL, 0};
    dyad_error err = {0};
    cur_text = text;
    int rc = dyad_code(DOC, D, &a, &opt, &err);
    if (rc) fprintf(stderr, "%s: dyad_code: %s\n", t_cur_name, err.message);
    if (getenv("DYAD_TEST_VERBOSE") && len < 4000) fprintf(stderr, "--- %s\n%s", text, dyad_doc_trace(DOC));
    return rc;
}

static size_t code(const char *text, const char *date) {
    CHECK_INT(code_full(text, strlen(text), date, NULL, 0), DYAD_OK);
    return dyad_doc_event_count(DOC);
}

static void dump_events(void) {
    size_t n = dyad_doc_event_count(DOC);
    fprintf(stderr, "    text: %s\n    %zu events:\n", cur_text, n);
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(DOC, i);
        fprintf(stderr, "      %s %s %s %s %s %s:%u\n", e->source, e->code, e->target[0] ? e->target : "-",
                dyad_modality_name(e->modality), e->date[0] ? e->date : "-", e->rule_file, e->rule_line);
    }
}

/* The event (source, code, target) of the last coded text, NULL (and a dump) if absent. */
static const dyad_event *find_event(const char *src, const char *code_, const char *tgt) {
    size_t n = dyad_doc_event_count(DOC);
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(DOC, i);
        if (!strcmp(e->source, src) && !strcmp(e->code, code_) && !strcmp(e->target, tgt)) return e;
    }
    return NULL;
}

static const dyad_event *expect_event(const char *src, const char *code_, const char *tgt) {
    const dyad_event *e = find_event(src, code_, tgt);
    if (!e) {
        fprintf(stderr, "%s: expected event %s %s %s\n", t_cur_name, src, code_, tgt);
        dump_events();
    }
    CHECK(e != NULL);
    return e;
}

static void expect_count(size_t n) {
    size_t got = dyad_doc_event_count(DOC);
    CHECK_INT(got, n);
    if (got != n) dump_events();
}

/* Is there an event whose source or target is `code_`? */
static int mentions_actor(const char *code_) {
    for (size_t i = 0; i < dyad_doc_event_count(DOC); i++) {
        const dyad_event *e = dyad_doc_event(DOC, i);
        if (!strcmp(e->source, code_) || !strcmp(e->target, code_)) return 1;
    }
    return 0;
}

/* The text a span covers in the last coded text. */
static const char *span_text(dyad_span sp) {
    static char buf[8][256];
    static int k;
    char *b = buf[k++ & 7];
    size_t len = strlen(cur_text);
    if (sp.end < sp.start || sp.end > len || sp.end - sp.start >= 256) return "(bad span)";
    memcpy(b, cur_text + sp.start, sp.end - sp.start);
    b[sp.end - sp.start] = 0;
    return b;
}

#define CHECK_SPANS(e, SRC, VERB, TGT) do { if (e) { CHECK_STR(span_text((e)->source_span), SRC); \
    CHECK_STR(span_text((e)->verb_span), VERB); CHECK_STR(span_text((e)->target_span), TGT); } } while (0)

/* ------------------------------------------------------------------ voice and compounds */

static void test_active(void) {
    const char *t = "Russia criticized Ukraine.";
    code(t, "2025-02-14");
    expect_count(1);
    const dyad_event *e = expect_event("RUS", "111", "UKR");
    if (!e) return;
    CHECK_INT(e->sentence, 0);
    CHECK(e->cameo != NULL && !strcmp(e->cameo->code, "111"));
    CHECK_INT(e->modality, DYAD_ASSERTED);
    CHECK_STR(e->date, "2025-02-14");
    CHECK_STR(e->rule_file, "test.verbs");
    CHECK_INT(e->rule_line, 2);
    CHECK_SPANS(e, "Russia", "criticized", "Ukraine");
    CHECK_INT(e->source_span.start, 0);
    CHECK_INT(e->target_span.start, 18);
    CHECK_STR(dyad_doc_id(DOC), "t1");
    CHECK_STR(dyad_doc_date(DOC), "2025-02-14");
    CHECK_INT(dyad_doc_sentence_count(DOC), 1);
    CHECK_STR(dyad_doc_sentence_text(DOC, 0), "Russia criticized Ukraine.");
    size_t len = 0;
    CHECK_STR(dyad_doc_text(DOC, &len), t);
    CHECK_INT(len, strlen(t));

    /* spans are offsets in the original text, white space and all */
    t = "Notes.\n\n  Russia   criticized\n Ukraine on Friday.";
    code(t, "2025-02-14");
    e = expect_event("RUS", "111", "UKR");
    CHECK_SPANS(e, "Russia", "criticized", "Ukraine");
    if (e) CHECK_INT(e->sentence, 1);
    /* an article date in another form */
    code("Russia criticized Ukraine.", "14 February 2025");
    e = expect_event("RUS", "111", "UKR");
    if (e) CHECK_STR(e->date, "2025-02-14");
    /* no publication date: no event date */
    code("Russia criticized Ukraine.", NULL);
    e = expect_event("RUS", "111", "UKR");
    if (e) CHECK_STR(e->date, "");
    CHECK_STR(dyad_doc_date(DOC), "");
}

static void test_passive(void) {
    code("Ukraine was attacked by Russia.", "2025-02-14");
    expect_count(1);
    const dyad_event *e = expect_event("RUS", "190", "UKR");
    CHECK_SPANS(e, "Russia", "attacked", "Ukraine");
    if (e) CHECK_INT(e->rule_line, 4);
    /* the active voice of the same codes the same */
    code("Russia attacked Ukraine.", "2025-02-14");
    expect_count(1);
    expect_event("RUS", "190", "UKR");
}

static void test_compound_reciprocal(void) {
    code("Russia and China met.", "2025-02-14");
    expect_count(2);
    const dyad_event *e = expect_event("RUS", "040", "CHN");
    CHECK_SPANS(e, "Russia", "met", "China");
    if (e) { CHECK_STR(e->rule_file, "test.verbs"); CHECK_INT(e->rule_line, 6); }
    e = expect_event("CHN", "040", "RUS");
    CHECK_SPANS(e, "China", "met", "Russia");

    /* a compound source with a target: one event per member */
    code("Russia and China criticized Ukraine.", "2025-02-14");
    expect_count(2);
    expect_event("RUS", "111", "UKR");
    expect_event("CHN", "111", "UKR");
    /* a compound target */
    code("Russia criticized Ukraine and India.", "2025-02-14");
    expect_count(2);
    expect_event("RUS", "111", "UKR");
    expect_event("RUS", "111", "IND");
    /* a non-reciprocal code with a compound and no target codes nothing */
    code("Russia and China criticized.", "2025-02-14");
    expect_count(0);
    /* a compound agent in the passive */
    code("Ukraine was attacked by Russia and China.", "2025-02-14");
    expect_count(2);
    expect_event("RUS", "190", "UKR");
    expect_event("CHN", "190", "UKR");
    /* a planned meeting of a compound */
    code("Russia and China will meet.", "2025-02-14");
    expect_count(2);
    expect_event("RUS", "036", "CHN");
    expect_event("CHN", "036", "RUS");
    /* coordinated verbs share their subject */
    code("Russia criticized Ukraine and attacked China.", "2025-02-14");
    expect_count(2);
    expect_event("RUS", "111", "UKR");
    const dyad_event *e2 = expect_event("RUS", "190", "CHN");
    CHECK_SPANS(e2, "Russia", "attacked", "China");
    /* reported speech: the speaker is no actor of the reported event */
    code("China said Russia attacked Ukraine.", "2025-02-14");
    expect_count(1);
    expect_event("RUS", "190", "UKR");
}

static void test_symmetric(void) {
    /* 040 is symmetric: "X met Y" is coded both ways */
    code("Russia met China.", "2025-02-14");
    expect_count(2);
    const dyad_event *e = expect_event("RUS", "040", "CHN");
    CHECK_SPANS(e, "Russia", "met", "China");
    e = expect_event("CHN", "040", "RUS");
    CHECK_SPANS(e, "China", "met", "Russia");
    /* 111 is not */
    code("Russia criticized China.", "2025-02-14");
    expect_count(1);
    CHECK(find_event("CHN", "111", "RUS") == NULL);
}

/* ------------------------------------------------------------------ the name grammar */

static void test_adjective_title_name(void) {
    const char *t = "Ukrainian Defense Minister Rustem Umerov criticized Russia.";
    code(t, "2025-02-11");
    expect_count(1);
    const dyad_event *e = expect_event("UKRGOV", "111", "RUS");
    CHECK_SPANS(e, "Ukrainian Defense Minister Rustem Umerov", "criticized", "Russia");
    /* the title alone, with a country adjective */
    code("The Russian defense minister criticized Ukraine.", "2025-02-11");
    expect_event("RUSGOV", "111", "UKR");
    /* adjective + agent on both sides */
    code("Russian troops attacked Ukrainian rebels.", "2025-02-11");
    e = expect_event("RUSMIL", "190", "UKRREB");
    CHECK_SPANS(e, "Russian troops", "attacked", "Ukrainian rebels");
    /* an appositive title */
    code("Putin, the Russian president, criticized Ukraine.", "2025-02-11");
    expect_count(1);
    expect_event("RUSGOV", "111", "UKR");
    /* "President Putin": a person's own code, not country + agent */
    code("Russian President Vladimir Putin criticized Ukraine.", "2025-02-11");
    e = expect_event("RUSGOV", "111", "UKR");
    CHECK_SPANS(e, "Russian President Vladimir Putin", "criticized", "Ukraine");
}

static void test_possessive(void) {
    /* the envoy takes the country of Trump (USAELI in 2022) plus its own agent */
    const char *t = "Trump's special envoy criticized Russia.";
    code(t, "2022-06-01");
    expect_count(1);
    const dyad_event *e = expect_event("USAGOV", "111", "RUS");
    CHECK_SPANS(e, "Trump's special envoy", "criticized", "Russia");
    code(t, "2025-02-14");
    expect_event("USAGOV", "111", "RUS");
    /* a country's possessive */
    code("Russia's envoy criticized Ukraine.", "2025-02-14");
    e = expect_event("RUSGOV", "111", "UKR");
    CHECK_SPANS(e, "Russia's envoy", "criticized", "Ukraine");
    /* a possessive target */
    code("Russia criticized Ukraine's president.", "2025-02-14");
    e = expect_event("RUS", "111", "UKRGOV");
    CHECK_SPANS(e, "Russia", "criticized", "Ukraine's president");
}

static void test_tenure(void) {
    const char *t = "Trump criticized China.";
    code(t, "2023-06-01");
    const dyad_event *e = expect_event("USAELI", "111", "CHN");
    if (e) { CHECK_STR(e->rule_file, "test.verbs"); CHECK_STR(e->date, "2023-06-01"); }
    code(t, "2019-06-01");
    expect_event("USAGOV", "111", "CHN");
    code(t, "2016-06-01");
    expect_event("USAELI", "111", "CHN");
    code(t, "2025-02-14");
    expect_event("USAGOV", "111", "CHN");
    /* the boundaries of a tenure are inclusive */
    code(t, "2017-01-20");
    expect_event("USAGOV", "111", "CHN");
    code(t, "2017-01-19");
    expect_event("USAELI", "111", "CHN");
    /* the code is chosen by the event's date, not the publication date */
    code("Trump criticized China yesterday.", "2025-01-20");
    e = expect_event("USAELI", "111", "CHN");
    if (e) CHECK_STR(e->date, "2025-01-19");
}

/* ------------------------------------------------------------------ modality */

static void test_modality(void) {
    const dyad_event *e;
    /* a planned meeting is an expressed intent to meet */
    code("Russia will meet China.", "2025-02-14");
    e = expect_event("RUS", "036", "CHN");
    if (e) CHECK_INT(e->modality, DYAD_INTENDED);
    CHECK(find_event("RUS", "040", "CHN") == NULL);
    code("Russia is set to meet China.", "2025-02-14");
    e = expect_event("RUS", "036", "CHN");
    if (e) CHECK_INT(e->modality, DYAD_INTENDED);
    /* an intended attack keeps its code */
    code("Russia will attack Ukraine.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_INTENDED);
    /* hypothetical */
    code("Russia may attack Ukraine.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_HYPOTHETICAL);
    code("Russia could attack Ukraine.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_HYPOTHETICAL);
    code("If Russia attacks Ukraine, China will criticize Russia.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_HYPOTHETICAL);
    /* negated */
    code("Russia did not sign the agreement with Ukraine.", "2025-02-14");
    e = expect_event("RUS", "057", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_NEGATED);
    CHECK_SPANS(e, "Russia", "sign", "Ukraine");
    /* refusing a concession is the refusal's own code (data/modality-map.tsv: 057 -> 127), one side's */
    code("Russia refused to sign the agreement with Ukraine.", "2025-02-14");
    e = expect_event("RUS", "127", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_ASSERTED);
    CHECK(find_event("UKR", "127", "RUS") == NULL);
    code("Russia never attacked Ukraine.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_NEGATED);
    code("Ukraine was not attacked by Russia.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_NEGATED);
    code("Russia would not attack Ukraine.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_NEGATED);
    code("Russia did not meet China.", "2025-02-14");
    e = expect_event("RUS", "040", "CHN");
    if (e) CHECK_INT(e->modality, DYAD_NEGATED);
    code("Russia is expected to attack Ukraine.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_INTENDED);
    /* asserted */
    code("Russia has been attacking Ukraine.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_ASSERTED);
    code("Russia signed the agreement with Ukraine.", "2025-02-14");
    e = expect_event("RUS", "057", "UKR");
    if (e) CHECK_INT(e->modality, DYAD_ASSERTED);
    CHECK_STR(dyad_modality_name(DYAD_ASSERTED), "asserted");
    CHECK_STR(dyad_modality_name(DYAD_INTENDED), "intended");
    CHECK_STR(dyad_modality_name(DYAD_HYPOTHETICAL), "hypothetical");
    CHECK_STR(dyad_modality_name(DYAD_NEGATED), "negated");
}

/* ------------------------------------------------------------------ dates */

static void test_dates(void) {
    const dyad_event *e;
    /* 2025-02-14 is a Friday: "on Tuesday" is the 11th */
    code("Russia attacked Ukraine on Tuesday.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-02-11");
    /* published on a Tuesday: that very day */
    code("Russia attacked Ukraine on Tuesday.", "2025-02-11");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-02-11");
    /* published on a Monday: the week before */
    code("On Tuesday, Russia attacked Ukraine.", "2025-02-10");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-02-04");
    /* "last week": that week's Monday */
    code("Russia attacked Ukraine last week.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-02-03");
    code("Russia did not attack Ukraine on Tuesday, China said.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) { CHECK_STR(e->date, "2025-02-11"); CHECK_INT(e->modality, DYAD_NEGATED); }
    code("Russia attacked Ukraine yesterday.", "2025-03-01");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-02-28");
    code("Russia attacked Ukraine on May 9.", "2025-06-01");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-05-09");
    code("On 9 May Russia attacked Ukraine.", "2025-06-01");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-05-09");
    /* a month day after the publication date is last year's */
    code("Russia attacked Ukraine on May 9.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2024-05-09");
    /* no date expression: the publication date */
    code("Russia attacked Ukraine.", "2025-02-14");
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-02-14");
    /* a bad article date fails the document */
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "bad";
    a.date = "the 45th of Nevember";
    a.text = "Russia attacked Ukraine.";
    a.text_len = strlen(a.text);
    dyad_error err = {0};
    CHECK_INT(dyad_code(DOC, D, &a, NULL, &err), DYAD_ERR_DATE);
    /* options.date overrides the article's date */
    a.date = "2020-01-01";
    dyad_options opt = {"2025-02-14", 0, 0};
    CHECK_INT(dyad_code(DOC, D, &a, &opt, &err), DYAD_OK);
    cur_text = a.text;
    e = expect_event("RUS", "190", "UKR");
    if (e) CHECK_STR(e->date, "2025-02-14");
}

/* ------------------------------------------------------------------ patterns and nouns */

static void test_pattern(void) {
    /* CONFER codes nothing by itself; "- * WITH +" selects the actor after "with" as the target,
     * not the first actor after the verb */
    const char *t = "Russia conferred about Ukraine with China.";
    code(t, "2025-02-14");
    const dyad_event *e = expect_event("RUS", "040", "CHN");
    if (e) { CHECK_STR(e->rule_file, "test.verbs"); CHECK_INT(e->rule_line, 9); }
    CHECK_SPANS(e, "Russia", "conferred", "China");
    CHECK(find_event("RUS", "040", "UKR") == NULL);
    code("Russia conferred.", "2025-02-14");
    expect_count(0);
    code("Russia conferred about Ukraine.", "2025-02-14");
    expect_count(0);
    /* MEET's own pattern fires for "met with" */
    code("Russia met with China.", "2025-02-14");
    e = expect_event("RUS", "040", "CHN");
    if (e) CHECK_INT(e->rule_line, 7);
}

static void test_event_noun(void) {
    const char *t = "Indian troops were killed in a clash with Chinese troops.";
    code(t, "2020-06-16");
    expect_count(2);
    const dyad_event *e = expect_event("INDMIL", "190", "CHNMIL");
    CHECK_SPANS(e, "Indian troops", "clash", "Chinese troops");
    if (e) { CHECK_INT(e->rule_line, 17); CHECK_INT(e->modality, DYAD_ASSERTED); }
    e = expect_event("CHNMIL", "190", "INDMIL");
    CHECK_SPANS(e, "Chinese troops", "clash", "Indian troops");
}

/* ------------------------------------------------------------------ reference */

static void test_pronoun(void) {
    const char *t = "Putin met Chinese officials. He criticized Ukraine.";
    code(t, "2025-02-14");
    const dyad_event *e = expect_event("RUSGOV", "111", "UKR");
    CHECK_SPANS(e, "He", "criticized", "Ukraine");
    if (e) CHECK_INT(e->sentence, 1);
}

static void test_main_country(void) {
    /* agents with no country of their own take the document's main country */
    code("Ukraine said that police attacked the rebels.", "2025-02-14");
    const dyad_event *e = expect_event("UKRCOP", "190", "UKRREB");
    CHECK_SPANS(e, "police", "attacked", "rebels");
    /* no country anywhere: --- */
    code("Police attacked the rebels.", "2025-02-14");
    expect_event("---COP", "190", "---REB");
    /* the title counts */
    const char *t = "Police attacked the rebels.";
    CHECK_INT(code_full(t, strlen(t), "2025-02-14", "Unrest in India", 0), DYAD_OK);
    expect_event("INDCOP", "190", "INDREB");
    /* a past-tense verb between two agents is a verb, not an adjective ("armed rebels") */
    code("Police attacked rebels.", "2025-02-14");
    expect_event("---COP", "190", "---REB");
    code("Russian troops attacked rebels.", "2025-02-14");
    expect_event("RUSMIL", "190", "RUSREB");
}

static void test_locative(void) {
    code("China criticized Ukraine in Moscow.", "2025-02-14");
    expect_count(1);
    expect_event("CHN", "111", "UKR");
    code("Chinese officials met Indian officials in Moscow.", "2025-02-14");
    expect_event("CHNGOV", "040", "INDGOV");
    expect_event("INDGOV", "040", "CHNGOV");
    CHECK(!mentions_actor("RUSGOV"));
    /* a place is not a target even when it is the only actor after the verb */
    code("Chinese officials criticized the plan in Moscow.", "2025-02-14");
    expect_count(0);
    /* violence in a place is violence against its civilians (events.c), never its government */
    code("Chinese troops attacked in Moscow.", "2025-02-14");
    CHECK(!mentions_actor("RUSGOV"));
    const dyad_event *e = expect_event("CHNMIL", "190", "RUSCVL");
    CHECK_SPANS(e, "Chinese troops", "attacked", "Moscow");
}

/* ------------------------------------------------------------------ robustness */

static void test_invalid_utf8(void) {
    const char t[] = "Russia criticized Ukraine.\xff\xfe Russia \xc3(attacked Ukraine.\xe2\x82";
    CHECK_INT(code_full(t, sizeof t - 1, "2025-02-14", NULL, 0), DYAD_OK);
    CHECK(dyad_doc_invalid_bytes(DOC) >= 3);
    expect_event("RUS", "111", "UKR");
    /* valid text has none */
    code("Russia criticized Ukraine.", "2025-02-14");
    CHECK_INT(dyad_doc_invalid_bytes(DOC), 0);
    /* a NUL byte inside the text */
    const char z[] = "Russia criticized\0 Ukraine. China attacked India.";
    CHECK_INT(code_full(z, sizeof z - 1, "2025-02-14", NULL, 0), DYAD_OK);
    expect_event("CHN", "190", "IND");
}

static void test_trace(void) {
    CHECK_INT(code_full("Russia criticized Ukraine.", 26, "2025-02-14", NULL, 1), DYAD_OK);
    const char *tr = dyad_doc_trace(DOC);
    CHECK(tr != NULL && tr[0] != 0);
    CHECK(tr && strstr(tr, "EVENT") != NULL);
    CHECK(tr && strstr(tr, "RUS") != NULL);
    /* without the option, no trace */
    if (!getenv("DYAD_TEST_VERBOSE")) {
        CHECK_INT(code_full("Russia criticized Ukraine.", 26, "2025-02-14", NULL, 0), DYAD_OK);
        CHECK_STR(dyad_doc_trace(DOC), "");
    }
}

/* Pathological input must be coded in bounded time (no timing assert: it just has to finish):
 * 100,000 repetitions of each unit, which a quadratic step would turn into minutes. Every search
 * of the engine is bounded by a window, so each runs in well under a second.
 * DYAD_TEST_REPEAT=N changes the size. */
static void test_pathological(void) {
    static const char *const units[] = {"Russia and ", "Russia said that ", "Russia met China. ",
                                        "the the the ", "Russia, ", "- ", "\"", "Trump's "};
    const char *env = getenv("DYAD_TEST_REPEAT");
    size_t times = env && atol(env) > 0 ? (size_t)atol(env) : 100000;
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        char *s = t_repeat(units[u], times, "China met Ukraine.");
        CHECK(s != NULL);
        if (!s) continue;
        int rc = code_full(s, strlen(s), "2025-02-14", NULL, 0);
        CHECK_INT(rc, DYAD_OK);
        CHECK(dyad_doc_sentence_count(DOC) >= 1);
        free(s);
    }
    /* a very long word */
    char *w = t_repeat("x", 1000000, " Russia criticized Ukraine.");
    CHECK(w != NULL);
    if (w) {
        CHECK_INT(code_full(w, strlen(w), "2025-02-14", NULL, 0), DYAD_OK);
        expect_event("RUS", "111", "UKR");
        free(w);
    }
}

static void test_empty(void) {
    CHECK_INT(code_full("", 0, "2025-02-14", NULL, 0), DYAD_OK);
    CHECK_INT(dyad_doc_event_count(DOC), 0);
    CHECK_INT(dyad_doc_sentence_count(DOC), 0);
    CHECK(dyad_doc_event(DOC, 0) == NULL);
    CHECK_INT(code_full(" \n\t\r\n  \n", 8, "2025-02-14", NULL, 0), DYAD_OK);
    CHECK_INT(dyad_doc_event_count(DOC), 0);
    /* a NULL text */
    dyad_article a;
    memset(&a, 0, sizeof a);
    dyad_error err = {0};
    CHECK_INT(dyad_code(DOC, D, &a, NULL, &err), DYAD_OK);
    CHECK_INT(dyad_doc_event_count(DOC), 0);
    CHECK_INT(dyad_code(NULL, D, &a, NULL, &err), DYAD_ERR_ARG);
    CHECK_INT(dyad_code(DOC, NULL, &a, NULL, &err), DYAD_ERR_ARG);
    /* an empty buffer writes nothing */
    dyad_buf b = {0};
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_JSON, &b), DYAD_OK);
    CHECK_INT(b.len, 0);
    dyad_buf_free(&b);
    /* an empty dictionary codes nothing */
    dyad_dict *e = make_dict("", "", "");
    CHECK(e != NULL);
    if (e) {
        dyad_dict *save = D;
        D = e;
        code("Russia criticized Ukraine.", "2025-02-14");
        expect_count(0);
        D = save;
        dyad_dict_free(e);
    }
}

/* ------------------------------------------------------------------ writers */

static void test_write_json(void) {
    const char *t = "Background.\n\nRussia attacked Ukraine on Tuesday. \"Quote\" marks.";
    code(t, "2025-02-14");
    expect_count(1);
    dyad_buf b = {0};
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_JSON, &b), DYAD_OK);
    CHECK(b.len > 0 && b.data[b.len - 1] == '\n');
    size_t lines = 0;
    for (size_t i = 0; i < b.len; i++) lines += b.data[i] == '\n';
    CHECK_INT(lines, 1);
    dy_arena arena;
    dy_arena_init(&arena);
    dy_json_field f[64];
    size_t n = 0, off = 0;
    CHECK_INT(dy_json_parse_object(b.data, b.len - 1, &arena, f, 64, &n, &off), DYAD_OK);
#define FIELD(k) dy_json_get(f, n, k)
#define FSTR(k) (FIELD(k) ? FIELD(k)->val : "(missing)")
    CHECK_STR(FSTR("doc"), "t1");
    CHECK_STR(FSTR("sentence"), "1");
    CHECK_STR(FSTR("text"), "Russia attacked Ukraine on Tuesday.");
    CHECK_STR(FSTR("source"), "RUS");
    CHECK_STR(FSTR("target"), "UKR");
    CHECK_STR(FSTR("code"), "190");
    CHECK(FIELD("name") && FIELD("name")->type == DY_JSON_STRING && FIELD("name")->val[0]);
    CHECK_STR(FSTR("root"), "19");
    CHECK_STR(FSTR("quad"), "4");
    CHECK(FIELD("goldstein") && FIELD("goldstein")->type == DY_JSON_NUMBER);
    CHECK(FIELD("goldstein") && atof(FIELD("goldstein")->val) < 0);
    CHECK(FIELD("plover") && FIELD("plover")->type == DY_JSON_STRING);
    CHECK_STR(FSTR("modality"), "asserted");
    CHECK_STR(FSTR("date"), "2025-02-11");
    CHECK_STR(FSTR("pub_date"), "2025-02-14");
    CHECK_STR(FSTR("source_span"), "[13,19]");
    CHECK_STR(FSTR("source_text"), "Russia");
    CHECK_STR(FSTR("verb_span"), "[20,28]");
    CHECK_STR(FSTR("verb_text"), "attacked");
    CHECK_STR(FSTR("target_span"), "[29,36]");
    CHECK_STR(FSTR("target_text"), "Ukraine");
    CHECK_STR(FSTR("rule"), "test.verbs:4");
    if (FIELD("source_span")) CHECK_INT(FIELD("source_span")->type, DY_JSON_ARRAY);
    const dyad_cameo *c = dyad_cameo_find("190");
    CHECK(c != NULL);
    if (c) {
        char g[32];
        snprintf(g, sizeof g, "%.1f", c->goldstein);
        CHECK_STR(FSTR("goldstein"), g);
        CHECK_STR(FSTR("plover"), c->plover);
    }

    /* no date (null) and JSON escapes in the sentence text */
    dyad_buf_clear(&b);
    code("Russia criticized \"Ukraine\"\ttoday.", NULL);
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_JSON, &b), DYAD_OK);
    if (b.len) {
        dy_arena_reset(&arena);
        CHECK_INT(dy_json_parse_object(b.data, b.len - 1, &arena, f, 64, &n, &off), DYAD_OK);
        CHECK(FIELD("date") && FIELD("date")->type == DY_JSON_NULL);
        CHECK(strstr(FSTR("text"), "\"Ukraine\"") != NULL);
        CHECK_STR(FSTR("target_text"), "Ukraine");
    }
    /* the buffer is appended to */
    size_t before = b.len;
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_JSON, &b), DYAD_OK);
    CHECK_INT(b.len, 2 * before);
#undef FSTR
#undef FIELD
    dy_arena_free(&arena);
    dyad_buf_free(&b);
}

static int count_char(const char *s, size_t n, char c) {
    int k = 0;
    for (size_t i = 0; i < n; i++) k += s[i] == c;
    return k;
}

static void test_write_phoenix(void) {
    code("Russia and China met on Tuesday. Trump's envoy criticized Ukraine.", "2025-02-14");
    expect_count(3);
    dyad_buf b = {0};
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_PHOENIX, &b), DYAD_OK);
    const char *p = b.data ? b.data : "";
    int lines = 0;
    char cols[26][64];
    while (*p) {
        const char *nl = strchr(p, '\n');
        if (!nl) { CHECK(!"line without newline"); break; }
        CHECK_INT(count_char(p, (size_t)(nl - p), '\t'), 25);
        if (lines == 0) {
            /* split the first line into its columns */
            int c = 0;
            const char *q = p;
            while (c < 26 && q <= nl) {
                const char *t = q;
                while (t < nl && *t != '\t') t++;
                snprintf(cols[c], sizeof cols[c], "%.*s", (int)(t - q), q);
                c++;
                q = t + 1;
            }
            CHECK_INT(c, 26);
            CHECK_STR(cols[0], "t1-0-0");
            CHECK_STR(cols[1], "20250211");
            CHECK_STR(cols[2], "2025");
            CHECK_STR(cols[3], "2");
            CHECK_STR(cols[4], "11");
            CHECK_STR(cols[5], "RUS");
            CHECK_STR(cols[6], "RUS");
            CHECK_STR(cols[9], "CHN");
            CHECK_STR(cols[13], "040");
            CHECK_STR(cols[14], "04");
            CHECK_STR(cols[23], "t1_0");
            CHECK_STR(cols[24], "https://example.org/t1");
            CHECK_STR(cols[25], "Test Wire");
        }
        if (lines == 2) {
            /* USAGOV splits into entity and role */
            CHECK(strstr(p, "\tUSAGOV\tUSA\tGOV\t\tUKR\tUKR\t\t\t111\t11\t") != NULL);
        }
        lines++;
        p = nl + 1;
    }
    CHECK_INT(lines, 3);
    dyad_buf_free(&b);
}

/* Places: coordinates, shared names, and each event's location (locate.c). */
static const char PLACES[] =
    "KHARKIV [UKR] @49.99,36.23\n"            /* 1 */
    "+KHARKOV\n"
    "VICTORIA [AUS] @-37.81,144.96\n"         /* 3: the largest first */
    "[IND] @48.43,-123.37\n"                  /* 4 */
    "DONBAS [UKR]\n";                         /* 5: no coordinates */

static void test_places(void) {
    static const char *const names[] = {"test.actors", "test.agents", "test.verbs", "test.places"};
    const char *const texts[] = {ACTORS, AGENTS, VERBS, PLACES};
    dyad_dict *saved = D;
    D = t_dict(names, texts, 4);
    CHECK(D != NULL);
    if (!D) { D = saved; return; }
    /* the place inside the event's clause, its country and coordinates */
    code("Russian troops attacked Kharkov.", "2025-02-14");
    const dyad_event *e = expect_event("RUSMIL", "190", "UKRCVL");
    if (e) {
        CHECK_STR(span_text(e->place_span), "Kharkov");
        CHECK_STR(e->place_country, "UKR");
        CHECK_INT(e->lat, 4999000);
        CHECK_INT(e->lon, 3623000);
    }
    /* a passive verb of violence whose subject is a place hits its civilians */
    code("Kharkiv was attacked by Russian troops.", "2025-02-14");
    e = expect_event("RUSMIL", "190", "UKRCVL");
    if (e) CHECK_STR(span_text(e->place_span), "Kharkiv");
    /* a place after the clause's core, before a comma */
    code("Russia criticized Ukraine in Kharkiv, China said.", "2025-02-14");
    e = expect_event("RUS", "111", "UKR");
    if (e) CHECK_STR(span_text(e->place_span), "Kharkiv");
    /* a country after a locative preposition is a place without coordinates */
    code("Chinese officials met Indian officials in Moscow.", "2025-02-14");
    e = expect_event("CHNGOV", "040", "INDGOV");
    if (e) {
        CHECK_STR(span_text(e->place_span), "Moscow");
        CHECK_STR(e->place_country, "RUS");
        CHECK_INT(e->lat, DYAD_NOCOORD);
    }
    /* no place at all */
    code("Russia criticized Ukraine.", "2025-02-14");
    e = expect_event("RUS", "111", "UKR");
    if (e) {
        CHECK_INT(e->place_span.end - e->place_span.start, 0);
        CHECK_STR(e->place_country, "");
    }
    /* a shared name: the largest place, unless the document is about another of its countries */
    code("Russian troops attacked Victoria.", "2025-02-14");
    e = expect_event("RUSMIL", "190", "AUSCVL");
    if (e) CHECK_INT(e->lat, -3781000);
    code("India criticized China. Russian troops attacked Victoria.", "2025-02-14");
    e = expect_event("RUSMIL", "190", "INDCVL");
    if (e) {
        CHECK_STR(e->place_country, "IND");
        CHECK_INT(e->lon, -12337000);
    }
    /* the JSON and Phoenix writers carry the location */
    code("Russian troops attacked Kharkiv.", "2025-02-14");
    dyad_buf b = {0};
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_JSON, &b), DYAD_OK);
    CHECK(b.data && strstr(b.data, "\"place\":\"Kharkiv\",\"place_span\":[24,31],\"place_country\":\"UKR\",\"lat\":49.99,\"lon\":36.23"));
    b.len = 0;
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_PHOENIX, &b), DYAD_OK);
    CHECK(b.data && strstr(b.data, "\t49.99\t36.23\tKharkiv\t\tUKR\t"));
    dyad_buf_free(&b);
    /* malformed coordinates are an error with the line */
    dyad_dict *bad = dyad_dict_new();
    dyad_error err = {0};
    static const char BAD[] = "KHARKIV [UKR]\nLVIV [UKR] @49.8\n";
    CHECK_INT(dyad_dict_load_buffer(bad, "bad.places", BAD, strlen(BAD), DYAD_DICT_AUTO, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.line, 2);
    static const char BAD2[] = "LVIV [UKR] @95.1,24.0\n";
    CHECK_INT(dyad_dict_load_buffer(bad, "bad2.places", BAD2, strlen(BAD2), DYAD_DICT_AUTO, &err), DYAD_ERR_PARSE);
    dyad_dict_free(bad);
    dyad_dict_free(D);
    D = saved;
}

/* Issue topics on events, and discarded sentences (issues.c). */
static const char ISSUES[] =
    "CEASEFIRE [CEASEFIRE]\n"                 /* 1 */
    "+TRUCE\n"
    "SANCTIONS [SANCTIONS]\n"                 /* 3 */
    "NUCLEAR_PROGRAM [NUCLEAR]\n"             /* 4 */
    "+URANIUM\n"
    "PREMIER_LEAGUE [DISCARD]\n"              /* 6 */
    "+BOX_OFFICE\n";

static void test_issues(void) {
    static const char *const names[] = {"test.actors", "test.agents", "test.verbs", "test.issues"};
    const char *const texts[] = {ACTORS, AGENTS, VERBS, ISSUES};
    dyad_dict *saved = D;
    D = t_dict(names, texts, 4);
    CHECK(D != NULL);
    if (!D) { D = saved; return; }
    dyad_dict_stats st;
    dyad_dict_get_stats(D, &st);
    CHECK_INT(st.issue_topics, 3);
    CHECK_INT(st.issue_phrases, 7);
    CHECK_INT(st.discard_phrases, 2);
    /* the sentence's topics, in text order, with counts; the longest phrase wins */
    code("Russia criticized Ukraine over the truce, the sanctions and its nuclear program, and the ceasefire.", "2025-02-14");
    const dyad_event *e = expect_event("RUS", "111", "UKR");
    if (e) {
        CHECK_INT(e->nissues, 3);
        CHECK_STR(e->issues[0], "CEASEFIRE");
        CHECK_INT(e->issue_count[0], 2);
        CHECK_STR(e->issues[1], "SANCTIONS");
        CHECK_STR(e->issues[2], "NUCLEAR");
    }
    /* a topic of another sentence is not this event's */
    code("Russia criticized Ukraine. China met India about sanctions.", "2025-02-14");
    e = expect_event("RUS", "111", "UKR");
    if (e) CHECK_INT(e->nissues, 0);
    e = expect_event("CHN", "040", "IND");
    if (e) CHECK_INT(e->nissues, 1);
    /* discards: a game, a show; a score after violence, unless it is a vote */
    code("Russia attacked Ukraine in the Premier League.", "2025-02-14");
    expect_count(0);
    code("Russia attacked Ukraine 2-1 on Tuesday.", "2025-02-14");
    expect_count(0);
    code("Russia attacked Ukraine 3 - 0.", "2025-02-14");
    expect_count(0);
    code("Russia criticized Ukraine 2-1.", "2025-02-14");      /* not violence: kept */
    expect_count(1);
    code("Russia attacked Ukraine after a vote of 9-3.", "2025-02-14");
    expect_count(1);
    code("Russia attacked Ukraine. China met India at the box office.", "2025-02-14");
    expect_count(1);
    expect_event("RUS", "190", "UKR");
    /* the writers: a JSON array and the Phoenix Issues column */
    code("Russia criticized Ukraine over the truce and the sanctions.", "2025-02-14");
    dyad_buf b = {0};
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_JSON, &b), DYAD_OK);
    CHECK(b.data && strstr(b.data, "\"issues\":[\"CEASEFIRE\",\"SANCTIONS\"]"));
    b.len = 0;
    CHECK_INT(dyad_write_events(DOC, DYAD_FORMAT_PHOENIX, &b), DYAD_OK);
    CHECK(b.data && strstr(b.data, "\tCEASEFIRE,1;SANCTIONS,1\t"));
    dyad_buf_free(&b);
    /* malformed entries */
    dyad_dict *bad = dyad_dict_new();
    dyad_error err = {0};
    CHECK_INT(dyad_dict_load_buffer(bad, "b.issues", "TRUCE\n", 6, DYAD_DICT_AUTO, &err), DYAD_ERR_PARSE);
    CHECK_INT(dyad_dict_load_buffer(bad, "c.issues", "TRUCE [cease fire]\n", 19, DYAD_DICT_AUTO, &err), DYAD_ERR_PARSE);
    CHECK_INT(dyad_dict_load_buffer(bad, "d.issues", "+TRUCE\n", 7, DYAD_DICT_AUTO, &err), DYAD_ERR_PARSE);
    dyad_dict_free(bad);
    dyad_dict_free(D);
    D = saved;
}

/* Phrasal verbs: the particle may follow an object, but not across another phrase (match_form). */
static void test_phrasal(void) {
    static const char PV[] =
        "--- CALL [020] ---\n"
        "CALL [020] {CALLED CALLS CALLING}\n"
        "- * ON +                  [020]\n"
        "CALL_OFF [164]\n"
        "CALL_IN [---]\n"
        "--- DRIVE ---\n"
        "DRIVE [190] {DROVE DRIVES DRIVING DRIVEN}\n"
        "DRIVE_OFF [200] {DROVE_OFF DRIVES_OFF DRIVING_OFF DRIVEN_OFF}\n"
        "--- SEND ---\n"
        "SEND_HOME [1663] {SENT_HOME SENDS_HOME SENDING_HOME}\n";
    static const char WHO[] = "WORLD_HEALTH_ORGANIZATION [IGOUNOHLHWHO]\n+=WHO\n";
    static const char *const names[] = {"test.actors", "test.agents", "test.verbs", "phrasal.verbs", "who.actors"};
    const char *const texts[] = {ACTORS, AGENTS, VERBS, PV, WHO};
    dyad_dict *saved = D;
    D = t_dict(names, texts, 5);
    CHECK(D != NULL);
    if (!D) { D = saved; return; }
    code("Russia called off talks with Ukraine.", "2025-02-14");
    expect_event("RUS", "164", "UKR");
    code("Russia called Ukraine's talks off.", "2025-02-14");
    expect_event("RUS", "164", "UKR");
    /* "in" belongs to "in Moscow": the verb is "call" with its "on" pattern */
    code("Russia called on Ukraine in Moscow.", "2025-02-14");
    expect_event("RUS", "020", "UKR");
    /* "off the coast" is a preposition's phrase, not the particle of "kill off" */
    code("Russian troops drove Ukrainian troops off the coast.", "2025-02-14");
    expect_event("RUSMIL", "190", "UKRMIL");
    CHECK(find_event("RUSMIL", "200", "UKRMIL") == NULL);
    /* the particle after the object, at the end of the clause */
    code("Russia sent the Ukrainian envoys home.", "2025-02-14");
    expect_event("RUS", "1663", "UKRGOV");
    /* an actor written like a relative pronoun is still the subject */
    code("The WHO criticized China.", "2025-02-14");
    expect_event("IGOUNOHLHWHO", "111", "CHN");
    code("Russian troops who attacked Ukraine criticized China.", "2025-02-14");
    expect_event("RUSMIL", "190", "UKR");
    dyad_dict_free(D);
    D = saved;
}

/* The same dictionary serves two documents at once, and a document is reusable. */
static void test_reuse(void) {
    dyad_doc *other = dyad_doc_new();
    CHECK(other != NULL);
    if (!other) return;
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "o";
    a.date = "2025-02-14";
    a.text = "China attacked India.";
    a.text_len = strlen(a.text);
    dyad_error err = {0};
    CHECK_INT(dyad_code(other, D, &a, NULL, &err), DYAD_OK);
    code("Russia criticized Ukraine.", "2025-02-14");
    CHECK_INT(dyad_doc_event_count(other), 1);
    const dyad_event *e = dyad_doc_event(other, 0);
    CHECK(e && !strcmp(e->source, "CHN") && !strcmp(e->target, "IND"));
    expect_event("RUS", "111", "UKR");
    /* a longer document, then a shorter one: nothing left over */
    code("Russia criticized Ukraine. China attacked India. Russia met China.", "2025-02-14");
    expect_count(4);
    code("Russia criticized Ukraine.", "2025-02-14");
    expect_count(1);
    dyad_doc_free(other);
}

int main(void) {
    D = make_dict(ACTORS, AGENTS, VERBS);
    DOC = dyad_doc_new();
    if (!D || !DOC) {
        fprintf(stderr, "engine: cannot build the test dictionary\n");
        t_failed++;
        return test_summary("engine");
    }
    RUN(test_active);
    RUN(test_passive);
    RUN(test_compound_reciprocal);
    RUN(test_symmetric);
    RUN(test_adjective_title_name);
    RUN(test_possessive);
    RUN(test_tenure);
    RUN(test_modality);
    RUN(test_dates);
    RUN(test_pattern);
    RUN(test_event_noun);
    RUN(test_pronoun);
    RUN(test_main_country);
    RUN(test_locative);
    RUN(test_invalid_utf8);
    RUN(test_trace);
    RUN(test_pathological);
    RUN(test_empty);
    RUN(test_write_json);
    RUN(test_write_phoenix);
    RUN(test_reuse);
    RUN(test_places);
    RUN(test_issues);
    RUN(test_phrasal);
    dyad_doc_free(DOC);
    dyad_dict_free(D);
    return test_summary("engine");
}
