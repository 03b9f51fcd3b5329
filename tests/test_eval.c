/*
 * test_eval.c - scoring coded events against gold events (src/eval.c): exact tp/fp/fn at the three
 * levels, sentence alignment across different segmentation, duplicates, null targets, the country
 * mapping of IGO and "---" codes, per-root scores, malformed lines, events of documents outside the
 * gold, the report, and (when ../shared is present) the development gold scored against itself.
 */
#include "test.h"

#include "dyad.h"

#include <math.h>
#include <unistd.h>

/* ------------------------------------------------------------------ helpers */

static char *tmp_paths[64];
static size_t n_tmp;

/* Writes `content` to a new file in /tmp and returns its path (removed by cleanup()). */
static const char *write_tmp(const char *content) {
    char path[] = "/tmp/dyad_eval_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return "/nonexistent/mkstemp-failed";
    size_t len = strlen(content), off = 0;
    while (off < len) {
        ssize_t w = write(fd, content + off, len - off);
        if (w <= 0) break;
        off += (size_t)w;
    }
    close(fd);
    char *p = malloc(sizeof path);
    if (!p || n_tmp >= sizeof tmp_paths / sizeof *tmp_paths) { unlink(path); free(p); return "/nonexistent"; }
    memcpy(p, path, sizeof path);
    tmp_paths[n_tmp++] = p;
    return p;
}

static void cleanup(void) {
    for (size_t i = 0; i < n_tmp; i++) {
        unlink(tmp_paths[i]);
        free(tmp_paths[i]);
    }
    n_tmp = 0;
}

/* A new evaluation with the given gold and events (either may be NULL). */
static dyad_eval *make_eval(const char *gold, const char *events) {
    dyad_eval *ev = dyad_eval_new();
    dyad_error err = {0};
    if (!ev) return NULL;
    if (gold && dyad_eval_load_gold(ev, write_tmp(gold), &err) != DYAD_OK)
        fprintf(stderr, "gold: %s:%ld: %s\n", err.file, err.line, err.message);
    if (events && dyad_eval_load_events(ev, write_tmp(events), &err) != DYAD_OK)
        fprintf(stderr, "events: %s:%ld: %s\n", err.file, err.line, err.message);
    return ev;
}

#define CHECK_SCORE(ev, level, root, TP, FP, FN) do { \
    dyad_score _s = dyad_eval_score((ev), (level), (root)); \
    CHECK_INT(_s.tp, TP); CHECK_INT(_s.fp, FP); CHECK_INT(_s.fn, FN); } while (0)

#define CHECK_NEAR(a, b) CHECK(fabs((double)(a) - (double)(b)) < 1e-9)

/* The per-root row of a report: gold, events, tp. 0 when the row is missing. */
static int report_row(const char *report, const char *root, size_t *gold, size_t *events, size_t *tp) {
    char pat[8];
    snprintf(pat, sizeof pat, "\n%s ", root);
    const char *p = strstr(report, pat);
    if (!p) return 0;
    return sscanf(p + 1, "%*s %zu %zu %zu", gold, events, tp) == 3;
}

/* ------------------------------------------------------------------ data */

#define S1 "Russia and Ukraine held talks in Geneva on Monday."
#define S2 "Russian troops shelled Kharkiv overnight, Ukrainian officials said."

static const char GOLD_A[] =
    "{\"doc\": \"a\", \"sent\": \"" S1 "\", \"source\": \"RUSGOV\", \"code\": \"043\", \"target\": \"UKRGOV\", "
    "\"date\": \"2024-03-04\", \"modality\": \"asserted\"}\n"
    "{\"doc\": \"a\", \"sent\": \"" S2 "\", \"source\": \"RUSMIL\", \"code\": \"190\", \"target\": \"UKR\", "
    "\"date\": \"2024-03-05\", \"modality\": \"asserted\"}\n"
    "{\"doc\": \"a\", \"sent\": \"" S2 "\", \"source\": \"RUSMIL\", \"code\": \"1823\", \"target\": \"UKRCVL\", "
    "\"date\": \"2024-03-05\", \"modality\": \"asserted\"}\n";

static const char EVENTS_A[] =
    "{\"doc\": \"a\", \"sentence\": 0, \"text\": \"" S1 "\", \"source\": \"RUSGOV\", \"target\": \"UKRGOV\", "
    "\"code\": \"043\", \"root\": \"04\", \"date\": \"2024-03-04\", \"modality\": \"asserted\", \"extra\": [1, {\"x\": 2}]}\n"
    "{\"doc\": \"a\", \"sentence\": 1, \"text\": \"" S2 "\", \"source\": \"RUS\", \"target\": \"UKRMIL\", "
    "\"code\": \"195\", \"root\": \"19\", \"date\": \"2024-03-04\", \"modality\": \"intended\"}\n"
    "{\"doc\": \"a\", \"sentence\": 1, \"text\": \"" S2 "\", \"source\": \"RUSGOV\", \"target\": \"UKR\", "
    "\"code\": \"042\", \"root\": \"04\", \"date\": \"2024-03-05\", \"modality\": \"asserted\"}\n"
    "{\"doc\": \"a\", \"sentence\": 0, \"text\": \"" S1 "\", \"source\": \"UKRGOV\", \"target\": \"RUSGOV\", "
    "\"code\": \"043\", \"root\": \"04\", \"date\": \"2024-03-04\", \"modality\": \"asserted\"}\n";

/* ------------------------------------------------------------------ tests */

static void test_by_rule(void) {
    /* EVENTS_A with rules: e1 (tp) and e4 (fp) from x.verbs:1, e2 (tp) from x.verbs:2, e3 (fp) from none */
    static const char EV[] =
        "{\"doc\": \"a\", \"text\": \"" S1 "\", \"source\": \"RUSGOV\", \"target\": \"UKRGOV\", \"code\": \"043\", \"rule\": \"x.verbs:1\"}\n"
        "{\"doc\": \"a\", \"text\": \"" S2 "\", \"source\": \"RUS\", \"target\": \"UKRMIL\", \"code\": \"195\", \"rule\": \"x.verbs:2\"}\n"
        "{\"doc\": \"a\", \"text\": \"" S2 "\", \"source\": \"RUSGOV\", \"target\": \"UKR\", \"code\": \"042\"}\n"
        "{\"doc\": \"a\", \"text\": \"" S1 "\", \"source\": \"UKRGOV\", \"target\": \"RUSGOV\", \"code\": \"043\", \"rule\": \"x.verbs:1\"}\n";
    dyad_eval *ev = make_eval(GOLD_A, EV);
    CHECK(ev != NULL);
    if (!ev) return;
    dyad_rule_score rs[8];
    size_t n = dyad_eval_rules(ev, rs, 8);
    CHECK_INT(n, 3);
    if (n == 3) {
        /* worst first: one fp each for x.verbs:1 (1 tp) and none (0 tp): fewer tp first */
        CHECK_STR(rs[0].rule, "");
        CHECK_INT(rs[0].fp, 1);
        CHECK_STR(rs[1].rule, "x.verbs:1");
        CHECK_INT(rs[1].events, 2);
        CHECK_INT(rs[1].tp, 1);
        CHECK_INT(rs[1].fp, 1);
        CHECK_STR(rs[2].rule, "x.verbs:2");
        CHECK_INT(rs[2].tp, 1);
        CHECK_INT(rs[2].fp, 0);
    }
    CHECK_INT(dyad_eval_rules(ev, NULL, 0), 3);
    dyad_buf out = {0};
    dyad_eval_report_rules(ev, &out);
    CHECK(out.data && strstr(out.data, "x.verbs:1") && strstr(out.data, "(none)"));
    dyad_buf_free(&out);
    dyad_eval_free(ev);
}

static void test_levels(void) {
    dyad_eval *ev = make_eval(GOLD_A, EVENTS_A);
    CHECK(ev != NULL);
    if (!ev) return;
    /* country-root: g1-e1, g2-e2 (RUS, UKR, 19); e3 (04 in S2) and e4 (UKR->RUS) unmatched; g3 missed */
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 2, 2, 1);
    /* full: only g1-e1 */
    CHECK_SCORE(ev, DYAD_EVAL_FULL, NULL, 1, 3, 2);
    /* root only: g1 with one of e1/e4, g2-e2 */
    CHECK_SCORE(ev, DYAD_EVAL_ROOT_ONLY, NULL, 2, 2, 1);
    dyad_score s = dyad_eval_score(ev, DYAD_EVAL_COUNTRY_ROOT, NULL);
    CHECK_NEAR(s.precision, 0.5);
    CHECK_NEAR(s.recall, 2.0 / 3.0);
    CHECK_NEAR(s.f1, 2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0));
    /* scoring twice gives the same result */
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 2, 2, 1);
    dyad_eval_free(ev);
}

static void test_per_root(void) {
    dyad_eval *ev = make_eval(GOLD_A, EVENTS_A);
    if (!ev) { CHECK(0); return; }
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, "19", 1, 0, 0);
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, "04", 1, 2, 0);
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, "18", 0, 0, 1);
    CHECK_SCORE(ev, DYAD_EVAL_FULL, "19", 0, 1, 1);
    CHECK_SCORE(ev, DYAD_EVAL_ROOT_ONLY, "04", 1, 2, 0);
    dyad_score z = dyad_eval_score(ev, DYAD_EVAL_COUNTRY_ROOT, "20");
    CHECK_INT(z.tp + z.fp + z.fn, 0);
    CHECK_NEAR(z.precision, 0);
    CHECK_NEAR(z.recall, 0);
    CHECK_NEAR(z.f1, 0);
    dyad_score r18 = dyad_eval_score(ev, DYAD_EVAL_COUNTRY_ROOT, "18");
    CHECK_NEAR(r18.precision, 0);
    CHECK_NEAR(r18.f1, 0);
    /* "" means all roots, like NULL */
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, "", 2, 2, 1);
    dyad_eval_free(ev);
}

#define GADIO_G "Mr. Diallo says the accord obliges both camps to stop shooting from Saturday at dawn."
#define GADIO_E "Diallo says the accord obliges both camps to stop shooting from Saturday at dawn."
#define REBELS_G "The insurgents have also promised to settle later disputes through regular meetings with the ministers of the interim cabinet."
#define REBELS_E "the INSURGENTS have also promised to settle later disputes   through regular meetings with the ministers of the interim cabinet"
#define FM_G "Foreign Minister Diallo and Senegal's President have led the latest mediation efforts; talks resume today."
#define FM_E "Foreign Minister Diallo and Senegal's President have led the latest mediation efforts, officials in Dakar said."
#define BOUAKE_G "Rebels attacked a police post in Bouake."
#define MAN_E "Government forces attacked rebel positions near Man."
#define LOME_G "He said the rebels will meet government envoys in Lome next week."
#define SAID_E "He said."

static void test_alignment(void) {
    const char *gold =
        "{\"doc\": \"b\", \"sent\": \"" GADIO_G "\", \"source\": \"CIVGOV\", \"code\": \"0871\", \"target\": \"CIVREB\", \"date\": \"2002-10-18\", \"modality\": \"intended\"}\n"
        "{\"doc\": \"b\", \"sent\": \"" REBELS_G "\", \"source\": \"CIVREB\", \"code\": \"036\", \"target\": \"CIVGOV\", \"date\": \"2002-10-17\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"b\", \"sent\": \"" FM_G "\", \"source\": \"SENGOV\", \"code\": \"045\", \"target\": \"CIVGOV\", \"date\": \"2002-10-17\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"b\", \"sent\": \"" BOUAKE_G "\", \"source\": \"CIVREB\", \"code\": \"190\", \"target\": \"CIVCOP\", \"date\": \"2002-10-17\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"b\", \"sent\": \"" LOME_G "\", \"source\": \"CIVREB\", \"code\": \"036\", \"target\": \"CIVGOV\", \"date\": \"2002-10-24\", \"modality\": \"intended\"}\n";
    const char *events =
        "{\"doc\": \"b\", \"sentence\": 3, \"text\": \"" GADIO_E "\", \"source\": \"CIVGOV\", \"target\": \"CIVREB\", \"code\": \"0871\"}\n"
        "{\"doc\": \"b\", \"sentence\": 4, \"text\": \"" REBELS_E "\", \"source\": \"CIVREB\", \"target\": \"CIVGOV\", \"code\": \"036\"}\n"
        "{\"doc\": \"b\", \"sentence\": 5, \"text\": \"" FM_E "\", \"source\": \"SENGOV\", \"target\": \"CIVGOV\", \"code\": \"045\"}\n"
        "{\"doc\": \"b\", \"sentence\": 6, \"text\": \"" MAN_E "\", \"source\": \"CIVREB\", \"target\": \"CIVCOP\", \"code\": \"190\"}\n"
        "{\"doc\": \"b\", \"sentence\": 7, \"text\": \"" SAID_E "\", \"source\": \"CIVREB\", \"target\": \"CIVGOV\", \"code\": \"036\"}\n";
    dyad_eval *ev = make_eval(gold, events);
    if (!ev) { CHECK(0); return; }
    /* contained (split after "Mr."), equal after normalisation, same first 40 characters: matched;
     * another sentence, and "He said." (too short to align by containment): not matched */
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 3, 2, 2);
    CHECK_SCORE(ev, DYAD_EVAL_FULL, NULL, 3, 2, 2);
    CHECK_SCORE(ev, DYAD_EVAL_ROOT_ONLY, NULL, 3, 2, 2);
    dyad_buf rep = {0};
    dyad_eval_report(ev, &rep);
    CHECK(rep.data != NULL);
    if (rep.data) {
        const char *dl = strstr(rep.data, "document-level");
        CHECK(dl != NULL);
        /* the document-level comparison ignores sentences: everything matches */
        CHECK(dl && strstr(dl, "(tp=5 fp=0 fn=0)") != NULL);
    }
    dyad_buf_free(&rep);
    dyad_eval_free(ev);
}

#define WAR_X "Warplanes struck targets in Gaza City."
#define WAR_Y "After dark, warplanes struck targets in Gaza City, the army said."

/* An exactly equal sentence is preferred to one that merely contains the event's sentence. */
static void test_alignment_prefers_exact(void) {
    const char *gold =
        "{\"doc\": \"g\", \"sent\": \"" WAR_Y "\", \"source\": \"ISRMIL\", \"code\": \"190\", \"target\": \"PSE\", \"date\": \"2024-01-05\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"g\", \"sent\": \"" WAR_X "\", \"source\": \"ISRMIL\", \"code\": \"190\", \"target\": \"PSE\", \"date\": \"2024-01-02\", \"modality\": \"asserted\"}\n";
    const char *events =
        "{\"doc\": \"g\", \"sentence\": 0, \"text\": \"" WAR_X "\", \"source\": \"ISRMIL\", \"target\": \"PSE\", \"code\": \"190\", \"date\": \"2024-01-02\", \"modality\": \"asserted\"}\n";
    dyad_eval *ev = make_eval(gold, events);
    if (!ev) { CHECK(0); return; }
    CHECK_SCORE(ev, DYAD_EVAL_FULL, NULL, 1, 0, 1);
    dyad_buf rep = {0};
    dyad_eval_report(ev, &rep);
    CHECK(rep.data && strstr(rep.data, "date agrees 1.000 (1/1)") != NULL);
    dyad_buf_free(&rep);
    dyad_eval_free(ev);
}

#define CCS "Protesters clashed with police in Caracas on Saturday."
#define CCS2 "Police arrested dozens of protesters in Caracas."

static void test_duplicates(void) {
    const char *gold =
        "{\"doc\": \"c\", \"sent\": \"" CCS "\", \"source\": \"VENOPP\", \"code\": \"145\", \"target\": \"VENCOP\", \"date\": \"\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"c\", \"sent\": \"" CCS "\", \"source\": \"VENOPP\", \"code\": \"145\", \"target\": \"VENCOP\", \"date\": \"\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"c\", \"sent\": \"" CCS2 "\", \"source\": \"VENCOP\", \"code\": \"173\", \"target\": \"VENOPP\", \"date\": \"\", \"modality\": \"asserted\"}\n";
    const char *events =
        "{\"doc\": \"c\", \"sentence\": 0, \"text\": \"" CCS "\", \"source\": \"VENOPP\", \"target\": \"VENCOP\", \"code\": \"145\"}\n"
        "{\"doc\": \"c\", \"sentence\": 1, \"text\": \"" CCS2 "\", \"source\": \"VENCOP\", \"target\": \"VENOPP\", \"code\": \"173\"}\n"
        "{\"doc\": \"c\", \"sentence\": 1, \"text\": \"" CCS2 "\", \"source\": \"VENCOP\", \"target\": \"VENOPP\", \"code\": \"173\"}\n";
    dyad_eval *ev = make_eval(gold, events);
    if (!ev) { CHECK(0); return; }
    /* two gold, one event: one pair and a miss; one gold, two events: one pair and a false alarm */
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 2, 1, 1);
    CHECK_SCORE(ev, DYAD_EVAL_FULL, NULL, 2, 1, 1);
    CHECK_SCORE(ev, DYAD_EVAL_ROOT_ONLY, NULL, 2, 1, 1);
    dyad_eval_free(ev);
}

#define PK1 "The Pakistani army said it would continue its operations."
#define PK2 "Islamabad condemned the bombing in the strongest terms."
#define PK3 "The foreign ministry summoned a senior diplomat on Tuesday."
#define PK4 "Officials promised a full investigation into the attack."

static void test_null_targets(void) {
    const char *gold =
        "{\"doc\": \"n\", \"sent\": \"" PK1 "\", \"source\": \"PAKMIL\", \"code\": \"010\", \"target\": null, \"date\": \"2024-05-01\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"n\", \"sent\": \"" PK2 "\", \"source\": \"PAKGOV\", \"code\": \"111\", \"target\": null, \"date\": \"2024-05-01\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"n\", \"sent\": \"" PK3 "\", \"source\": \"PAKGOV\", \"code\": \"112\", \"target\": null, \"date\": \"2024-05-01\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"n\", \"sent\": \"" PK4 "\", \"source\": \"PAKGOV\", \"code\": \"018\", \"target\": null, \"date\": \"2024-05-01\", \"modality\": \"intended\"}\n";
    const char *events =
        "{\"doc\": \"n\", \"sentence\": 0, \"text\": \"" PK1 "\", \"source\": \"PAKMIL\", \"target\": \"\", \"code\": \"010\"}\n"
        "{\"doc\": \"n\", \"sentence\": 1, \"text\": \"" PK2 "\", \"source\": \"PAKGOV\", \"target\": null, \"code\": \"111\"}\n"
        "{\"doc\": \"n\", \"sentence\": 2, \"text\": \"" PK3 "\", \"source\": \"PAKGOV\", \"target\": \"USA\", \"code\": \"112\"}\n"
        "{\"doc\": \"n\", \"sentence\": 3, \"text\": \"" PK4 "\", \"source\": \"PAKGOV\", \"code\": \"018\"}\n";
    dyad_eval *ev = make_eval(gold, events);
    if (!ev) { CHECK(0); return; }
    /* "" , null and an absent target all mean "no target"; "USA" does not */
    CHECK_SCORE(ev, DYAD_EVAL_FULL, NULL, 3, 1, 1);
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 3, 1, 1);
    CHECK_SCORE(ev, DYAD_EVAL_ROOT_ONLY, NULL, 4, 0, 0);
    dyad_eval_free(ev);
}

#define IG1 "ECOWAS mediators urged the government to return to talks."
#define IG2 "Rebel fighters ambushed an army convoy near Aleppo."
#define IG3 "The United Nations appealed to Washington for more aid."

static void test_country_mapping(void) {
    const char *gold =
        "{\"doc\": \"i\", \"sent\": \"" IG1 "\", \"source\": \"---IGO\", \"code\": \"045\", \"target\": \"CIVGOV\", \"date\": \"\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"i\", \"sent\": \"" IG2 "\", \"source\": \"---REB\", \"code\": \"190\", \"target\": \"SYRMIL\", \"date\": \"\", \"modality\": \"asserted\"}\n"
        "{\"doc\": \"i\", \"sent\": \"" IG3 "\", \"source\": \"IGOUNO\", \"code\": \"020\", \"target\": \"USA\", \"date\": \"\", \"modality\": \"asserted\"}\n";
    const char *events =
        "{\"doc\": \"i\", \"sentence\": 0, \"text\": \"" IG1 "\", \"source\": \"IGOUNO\", \"target\": \"CIVGOV\", \"code\": \"045\"}\n"
        "{\"doc\": \"i\", \"sentence\": 1, \"text\": \"" IG2 "\", \"source\": \"---MIL\", \"target\": \"SYR\", \"code\": \"190\"}\n"
        "{\"doc\": \"i\", \"sentence\": 2, \"text\": \"" IG3 "\", \"source\": \"NGOXYZ\", \"target\": \"USAGOV\", \"code\": \"020\"}\n";
    dyad_eval *ev = make_eval(gold, events);
    if (!ev) { CHECK(0); return; }
    /* ---IGO ~ IGOUNO (both IGO); ---REB ~ ---MIL (both ---); IGOUNO is not NGOXYZ */
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 2, 1, 1);
    CHECK_SCORE(ev, DYAD_EVAL_FULL, NULL, 0, 3, 3);
    CHECK_SCORE(ev, DYAD_EVAL_ROOT_ONLY, NULL, 3, 0, 0);
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, "04", 1, 0, 0);
    dyad_eval_free(ev);

    /* ---IGO is not ---REB */
    const char *g2 =
        "{\"doc\": \"j\", \"sent\": \"" IG1 "\", \"source\": \"---IGO\", \"code\": \"045\", \"target\": \"CIVGOV\"}\n";
    const char *e2 =
        "{\"doc\": \"j\", \"text\": \"" IG1 "\", \"source\": \"---REB\", \"target\": \"CIVGOV\", \"code\": \"045\"}\n";
    ev = make_eval(g2, e2);
    if (!ev) { CHECK(0); return; }
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 0, 1, 1);
    dyad_eval_free(ev);
}

static void test_other_docs_ignored(void) {
    char events[8192];
    snprintf(events, sizeof events, "%s%s", EVENTS_A,
             "{\"doc\": \"z\", \"sentence\": 0, \"text\": \"" S1 "\", \"source\": \"RUSGOV\", \"target\": \"UKRGOV\", \"code\": \"043\"}\n"
             "{\"doc\": \"z\", \"sentence\": 1, \"text\": \"" S2 "\", \"source\": \"RUSMIL\", \"target\": \"UKRCVL\", \"code\": \"1823\"}\n"
             "{\"doc\": \"y\", \"sentence\": 0, \"text\": \"" S1 "\", \"source\": \"UKRGOV\", \"target\": \"RUSGOV\", \"code\": \"043\"}\n");
    dyad_eval *ev = make_eval(GOLD_A, events);
    if (!ev) { CHECK(0); return; }
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 2, 2, 1);
    CHECK_SCORE(ev, DYAD_EVAL_FULL, NULL, 1, 3, 2);
    CHECK_SCORE(ev, DYAD_EVAL_ROOT_ONLY, NULL, 2, 2, 1);
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, "04", 1, 2, 0);
    dyad_buf rep = {0};
    dyad_eval_report(ev, &rep);
    CHECK(rep.data && strstr(rep.data, "4 events considered") != NULL);
    CHECK(rep.data && strstr(rep.data, "3 more from 2 documents not in the gold ignored") != NULL);
    dyad_buf_free(&rep);

    /* gold loaded after the events works the same way; a second gold file adds doc z */
    dyad_eval *ev2 = make_eval(NULL, events);
    dyad_error err = {0};
    if (!ev2) { CHECK(0); dyad_eval_free(ev); return; }
    CHECK_INT(dyad_eval_load_gold(ev2, write_tmp(GOLD_A), &err), DYAD_OK);
    CHECK_SCORE(ev2, DYAD_EVAL_COUNTRY_ROOT, NULL, 2, 2, 1);
    CHECK_INT(dyad_eval_load_gold(ev2, write_tmp(
        "{\"doc\": \"z\", \"sent\": \"" S2 "\", \"source\": \"RUSMIL\", \"code\": \"1823\", \"target\": \"UKRCVL\"}\n"), &err), DYAD_OK);
    /* doc z: its S2 event matches, its S1 event is a false alarm */
    CHECK_SCORE(ev2, DYAD_EVAL_COUNTRY_ROOT, NULL, 3, 3, 1);
    dyad_eval_free(ev2);
    dyad_eval_free(ev);
}

static void test_malformed(void) {
    dyad_eval *ev = make_eval(GOLD_A, NULL);
    if (!ev) { CHECK(0); return; }
    dyad_error err = {0};

    /* unterminated object on line 3 (line 2 is blank) */
    const char *bad = write_tmp(
        "{\"doc\": \"a\", \"text\": \"" S1 "\", \"source\": \"RUSGOV\", \"target\": \"UKRGOV\", \"code\": \"043\"}\n"
        "\n"
        "{\"doc\": \"a\", \"text\": \"" S1 "\", \"code\": \"043\"\n");
    CHECK_INT(dyad_eval_load_events(ev, bad, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.code, DYAD_ERR_PARSE);
    CHECK_INT(err.line, 3);
    CHECK_STR(err.file, bad);
    /* the file's good first line was dropped with it */
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 0, 0, 3);

    /* missing code on line 2, with CRLF line ends */
    memset(&err, 0, sizeof err);
    const char *nocode = write_tmp(
        "{\"doc\": \"a\", \"text\": \"" S1 "\", \"source\": \"RUSGOV\", \"target\": \"UKRGOV\", \"code\": \"043\"}\r\n"
        "{\"doc\": \"a\", \"text\": \"" S1 "\", \"source\": \"RUSGOV\"}\r\n");
    CHECK_INT(dyad_eval_load_events(ev, nocode, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.line, 2);
    CHECK(strstr(err.message, "code") != NULL);

    /* a target that is not a string */
    memset(&err, 0, sizeof err);
    CHECK_INT(dyad_eval_load_events(ev, write_tmp(
        "{\"doc\": \"a\", \"text\": \"" S1 "\", \"source\": \"RUSGOV\", \"target\": 5, \"code\": \"043\"}\n"), &err),
        DYAD_ERR_PARSE);
    CHECK_INT(err.line, 1);

    /* a gold line that is not JSON; a gold record without its sentence */
    memset(&err, 0, sizeof err);
    CHECK_INT(dyad_eval_load_gold(ev, write_tmp("{\"doc\": \"q\", \"sent\": \"x\", \"code\": \"010\"}\nnot json\n"), &err),
              DYAD_ERR_PARSE);
    CHECK_INT(err.line, 2);
    memset(&err, 0, sizeof err);
    CHECK_INT(dyad_eval_load_gold(ev, write_tmp("{\"doc\": \"q\", \"code\": \"010\"}\n"), &err), DYAD_ERR_PARSE);
    CHECK_INT(err.line, 1);
    CHECK(strstr(err.message, "sent") != NULL);

    /* a missing file */
    memset(&err, 0, sizeof err);
    CHECK_INT(dyad_eval_load_events(ev, "/nonexistent/dyad-events.jsonl", &err), DYAD_ERR_IO);

    /* nothing was kept from the failed files; a good file still loads (CRLF and blank lines) */
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 0, 0, 3);
    memset(&err, 0, sizeof err);
    const char *good = write_tmp(
        "\r\n{\"doc\": \"a\", \"text\": \"" S1 "\", \"source\": \"RUSGOV\", \"target\": \"UKRGOV\", \"code\": \"043\"}\r\n  \n");
    CHECK_INT(dyad_eval_load_events(ev, good, &err), DYAD_OK);
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 1, 0, 2);
    dyad_eval_free(ev);
}

static void test_report(void) {
    dyad_eval *ev = make_eval(GOLD_A, EVENTS_A);
    if (!ev) { CHECK(0); return; }
    dyad_buf rep = {0};
    dyad_eval_report(ev, &rep);
    const char *r = rep.data ? rep.data : "";
    CHECK(strstr(r, "3 gold records in 1 documents") != NULL);
    CHECK(strstr(r, "4 events considered") != NULL);
    CHECK(strstr(r, "ignored") == NULL || strstr(r, "not in the gold") != NULL);
    const char *cr = strstr(r, "country-root");
    CHECK(cr && strstr(cr, "P=0.500 R=0.667 F1=0.571 (tp=2 fp=2 fn=1)") != NULL);
    const char *full = strstr(r, "\nfull");
    CHECK(full && strstr(full, "P=0.250 R=0.333 F1=0.286 (tp=1 fp=3 fn=2)") != NULL);
    CHECK(strstr(r, "\nroot-only") != NULL);
    CHECK(strstr(r, "document-level") != NULL);
    size_t g = 9, e = 9, tp = 9;
    CHECK(report_row(r, "19", &g, &e, &tp));
    CHECK_INT(g, 1); CHECK_INT(e, 1); CHECK_INT(tp, 1);
    CHECK(report_row(r, "04", &g, &e, &tp));
    CHECK_INT(g, 1); CHECK_INT(e, 3); CHECK_INT(tp, 1);
    CHECK(report_row(r, "18", &g, &e, &tp));
    CHECK_INT(g, 1); CHECK_INT(e, 0); CHECK_INT(tp, 0);
    CHECK(report_row(r, "01", &g, &e, &tp));
    CHECK(report_row(r, "20", &g, &e, &tp));
    /* matched country-root pairs: g1-e1 agree on both; g2-e2 on neither */
    CHECK(strstr(r, "modality agrees 0.500 (1/2)") != NULL);
    CHECK(strstr(r, "date agrees 0.500 (1/2)") != NULL);
    /* the report appends */
    size_t len = rep.len;
    dyad_eval_report(ev, &rep);
    CHECK_INT(rep.len, 2 * len);
    dyad_buf_free(&rep);
    dyad_eval_free(ev);
}

static void test_empty(void) {
    dyad_eval *ev = make_eval(NULL, NULL);
    if (!ev) { CHECK(0); return; }
    CHECK_SCORE(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 0, 0, 0);
    dyad_buf rep = {0};
    dyad_eval_report(ev, &rep);
    CHECK(rep.data && strstr(rep.data, "0 gold records") != NULL);
    dyad_buf_free(&rep);
    dyad_eval_free(ev);

    ev = make_eval(GOLD_A, "\n");
    if (!ev) { CHECK(0); return; }
    dyad_score s = dyad_eval_score(ev, DYAD_EVAL_FULL, NULL);
    CHECK_INT(s.tp, 0); CHECK_INT(s.fp, 0); CHECK_INT(s.fn, 3);
    CHECK_NEAR(s.precision, 0); CHECK_NEAR(s.recall, 0); CHECK_NEAR(s.f1, 0);
    dyad_eval_free(ev);
    dyad_eval_free(NULL);
}

/* The development gold scored against itself: perfect at every level and for every root. */
static void test_shared_gold_self(void) {
    SKIP_IF_NO_SHARED();
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/dev.gold.jsonl", SHARED_DIR());
    struct stat st;
    if (stat(path, &st) != 0) {
        t_skipped++;
        fprintf(stderr, "%s: skipped: %s not present\n", t_cur_name, path);
        return;
    }
    dyad_eval *ev = dyad_eval_new();
    dyad_error err = {0};
    if (!ev) { CHECK(0); return; }
    CHECK_INT(dyad_eval_load_gold(ev, path, &err), DYAD_OK);
    CHECK_INT(dyad_eval_load_events(ev, path, &err), DYAD_OK);
    static const dyad_eval_level lv[] = {DYAD_EVAL_COUNTRY_ROOT, DYAD_EVAL_FULL, DYAD_EVAL_ROOT_ONLY};
    for (size_t i = 0; i < 3; i++) {
        dyad_score s = dyad_eval_score(ev, lv[i], NULL);
        CHECK(s.tp > 0);
        CHECK_INT(s.fp, 0);
        CHECK_INT(s.fn, 0);
        CHECK_NEAR(s.f1, 1.0);
    }
    for (int r = 1; r <= 20; r++) {
        char root[3] = {(char)('0' + r / 10), (char)('0' + r % 10), '\0'};
        dyad_score s = dyad_eval_score(ev, DYAD_EVAL_COUNTRY_ROOT, root);
        CHECK(s.fp == 0 && s.fn == 0);
    }
    dyad_buf rep = {0};
    dyad_eval_report(ev, &rep);
    CHECK(rep.data && strstr(rep.data, "modality agrees 1.000") != NULL);
    CHECK(rep.data && strstr(rep.data, "date agrees 1.000") != NULL);
    dyad_buf_free(&rep);
    dyad_eval_free(ev);
}

int main(void) {
    RUN(test_levels);
    RUN(test_per_root);
    RUN(test_alignment);
    RUN(test_alignment_prefers_exact);
    RUN(test_duplicates);
    RUN(test_null_targets);
    RUN(test_country_mapping);
    RUN(test_other_docs_ignored);
    RUN(test_malformed);
    RUN(test_report);
    RUN(test_by_rule);
    RUN(test_empty);
    RUN(test_shared_gold_self);
    cleanup();
    return test_summary("eval");
}
