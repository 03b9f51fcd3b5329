/*
 * test_ontology.c - unit tests of the CAMEO/PLOVER ontology tables (ontology.c).
 *
 * Checks a few known entries against the CAMEO 1.1b3 codebook and the 2021 CAMEO-to-PLOVER
 * crosswalk, the derived root/QuadClass/PentaClass, and whole-table invariants: sorted unique
 * codes (which the binary search relies on), every code's root and parent present, every entry
 * found by its own code, Goldstein values in range, and actor codes of the right shape.
 */
#include "dyad.h"
#include "test.h"

#include <ctype.h>

static void test_known_events(void) {
    const dyad_cameo *c = dyad_cameo_find("042");
    CHECK(c != NULL);
    if (!c)
        return;
    CHECK_STR(c->code, "042");
    CHECK_STR(c->name, "Make a visit");
    CHECK(c->goldstein > 1.89 && c->goldstein < 1.91);
    CHECK_STR(c->root, "04");
    CHECK_INT(c->quad, 1);
    CHECK_INT(c->penta, 1);
    CHECK_STR(c->plover, "CONSULT");
    CHECK_STR(c->plover_mode, "visit");

    c = dyad_cameo_find("190");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->root, "19");
        CHECK_INT(c->quad, 4);
        CHECK_INT(c->penta, 4);
        CHECK(c->goldstein == -10.0);
        CHECK_STR(c->plover, "ASSAULT");
        CHECK_STR(c->plover_mode, "");
    }

    c = dyad_cameo_find("0311");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->name, "Express intent to cooperate economically");
        CHECK_STR(c->root, "03");
        CHECK_INT(c->quad, 1);
        CHECK_INT(c->penta, 1);
        CHECK_STR(c->plover, "AGREE");
    }

    c = dyad_cameo_find("19");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->root, "19");
        CHECK_INT(c->quad, 4);
    }
}

static void test_classes(void) {
    /* Boundaries of QuadClass (01-05, 06-08, 09-13, 14-20) and PentaClass (01-02, 03-04, 05-08,
     * 09-13, 14-20). */
    static const struct { const char *code; int quad, penta; } cases[] = {
        {"010", 1, 0}, {"020", 1, 0}, {"030", 1, 1}, {"040", 1, 1}, {"050", 1, 2},
        {"060", 2, 2}, {"080", 2, 2}, {"090", 3, 3}, {"130", 3, 3}, {"140", 4, 4},
        {"200", 4, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const dyad_cameo *c = dyad_cameo_find(cases[i].code);
        CHECK(c != NULL);
        if (!c)
            continue;
        CHECK_INT(c->quad, cases[i].quad);
        CHECK_INT(c->penta, cases[i].penta);
    }
}

static void test_plover_types(void) {
    static const struct { const char *code, *type, *mode; } cases[] = {
        {"010", "", ""},                /* statements: dropped by PLOVER */
        {"020", "", ""},                /* appeals: dropped by PLOVER */
        {"036", "AGREE", ""},
        {"041", "CONSULT", "phone"},
        {"057", "SUPPORT", ""},
        {"073", "AID", ""},
        {"08", "CONCEDE", ""},          /* the root takes the type of 080 */
        {"0841", "RETREAT", "release"},
        {"0871", "RETREAT", "ceasefire"},
        {"091", "ACCUSE", "investigate"},
        {"1041", "REQUEST", "change"},
        {"112", "ACCUSE", "disapprove"},
        {"125", "REJECT", "meet"},
        {"138", "THREATEN", "violence"},
        {"141", "PROTEST", "demo"},
        {"154", "MOBILIZE", "troops"},
        {"163", "COERCE", "restrict"},  /* crosswalk moves sanctions out of SANCTION */
        {"173", "COERCE", "arrest"},
        {"1712", "ASSAULT", "seize"},
        {"182", "ASSAULT", "beat"},
        {"191", "COERCE", "restrict"},
        {"193", "ASSAULT", "firearms"},
        {"2041", "ASSAULT", "unconventional"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const dyad_cameo *c = dyad_cameo_find(cases[i].code);
        CHECK(c != NULL);
        if (!c)
            continue;
        CHECK_STR(c->plover, cases[i].type);
        CHECK_STR(c->plover_mode, cases[i].mode);
    }
}

static void test_unknown_events(void) {
    CHECK(dyad_cameo_find("999") == NULL);
    CHECK(dyad_cameo_find("") == NULL);
    CHECK(dyad_cameo_find(NULL) == NULL);
    CHECK(dyad_cameo_find("00") == NULL);
    CHECK(dyad_cameo_find("21") == NULL);
    CHECK(dyad_cameo_find(" 042") == NULL);    /* exact code only */
    CHECK(dyad_cameo_find("042 ") == NULL);
    CHECK(dyad_cameo_find("42") == NULL);
    CHECK(dyad_cameo_find("1214") == NULL);    /* not a CAMEO 1.1b3 code */
    CHECK(dyad_cameo_at(dyad_cameo_count()) == NULL);
}

static void test_event_table(void) {
    size_t n = dyad_cameo_count();
    CHECK(n >= 300 && n <= 320);
    size_t roots = 0, bad_order = 0, bad_find = 0, bad_root = 0, bad_parent = 0, bad_field = 0;
    for (size_t i = 0; i < n; i++) {
        const dyad_cameo *c = dyad_cameo_at(i);
        if (!c) {
            bad_field++;
            continue;
        }
        size_t len = strlen(c->code);
        if (len == 2)
            roots++;
        if (i > 0 && strcmp(dyad_cameo_at(i - 1)->code, c->code) >= 0)
            bad_order++;
        if (dyad_cameo_find(c->code) != c)
            bad_find++;
        const dyad_cameo *r = dyad_cameo_find(c->root);
        if (!r || strlen(c->root) != 2 || strncmp(c->code, c->root, 2) != 0 ||
            r->quad != c->quad || r->penta != c->penta)
            bad_root++;
        if (len == 4) {
            char parent[4] = {c->code[0], c->code[1], c->code[2], 0};
            if (!dyad_cameo_find(parent))
                bad_parent++;
        }
        if (len < 2 || len > 4 || !c->name || !*c->name || c->goldstein < -10.0 ||
            c->goldstein > 10.0 || c->quad < 1 || c->quad > 4 || c->penta < 0 || c->penta > 4 ||
            !c->plover || !c->plover_mode || (!*c->plover && *c->plover_mode))
            bad_field++;
        for (size_t k = 0; k < len; k++)
            if (!isdigit((unsigned char)c->code[k]))
                bad_field++;
    }
    CHECK_INT(roots, 20);
    CHECK_INT(bad_order, 0);
    CHECK_INT(bad_find, 0);
    CHECK_INT(bad_root, 0);
    CHECK_INT(bad_parent, 0);
    CHECK_INT(bad_field, 0);
    CHECK_STR(dyad_cameo_at(0)->code, "01");
    CHECK_STR(dyad_cameo_at(n - 1)->code, "2042");
}

static void test_actor_codes(void) {
    const dyad_actor_code *a = dyad_actor_code_find("USA");
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->name, "United States");
        CHECK_INT(a->kind, 0);
    }
    a = dyad_actor_code_find("GOV");
    CHECK(a != NULL);
    if (a)
        CHECK_INT(a->kind, 2);
    a = dyad_actor_code_find("IGOUNO");
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->name, "United Nations");
        CHECK_INT(a->kind, 3);
    }
    a = dyad_actor_code_find("WAF");
    CHECK(a != NULL);
    if (a)
        CHECK_INT(a->kind, 1);
    static const char *const present[] = {
        "AFR", "ASA", "EUR", "MEA", "ROM", "TMP", "PSE", "KSV", "USR", "MIL", "REB", "OPP", "PTY",
        "COP", "JUD", "SPY", "LEG", "MED", "EDU", "BUS", "CRM", "CVL", "ELI", "HLH", "HRI", "LAB",
        "REF", "AGR", "ENV", "IGO", "NGO", "NGM", "INS", "UAF", "SEP", "IMG", "IGOWSTNAT",
        "IGOEUREEC",
    };
    for (size_t i = 0; i < sizeof present / sizeof present[0]; i++) {
        if (!dyad_actor_code_find(present[i])) {
            fprintf(stderr, "missing actor code %s\n", present[i]);
            CHECK(0);
        }
    }
    CHECK(dyad_actor_code_find("usa") == NULL);
    CHECK(dyad_actor_code_find("USAGOV") == NULL);
    CHECK(dyad_actor_code_find("XYZ") == NULL);
    CHECK(dyad_actor_code_find("") == NULL);
    CHECK(dyad_actor_code_find(NULL) == NULL);
    CHECK(dyad_actor_code_at(dyad_actor_code_count()) == NULL);
}

static void test_actor_table(void) {
    size_t n = dyad_actor_code_count();
    CHECK(n > 250);
    size_t bad_order = 0, bad_find = 0, bad_shape = 0, kinds[4] = {0};
    for (size_t i = 0; i < n; i++) {
        const dyad_actor_code *a = dyad_actor_code_at(i);
        if (!a) {
            bad_shape++;
            continue;
        }
        if (i > 0 && strcmp(dyad_actor_code_at(i - 1)->code, a->code) >= 0)
            bad_order++;
        if (dyad_actor_code_find(a->code) != a)
            bad_find++;
        size_t len = strlen(a->code);
        int upper = 1;
        for (size_t k = 0; k < len; k++)
            if (!isupper((unsigned char)a->code[k]))
                upper = 0;
        if (a->kind < 0 || a->kind > 3 || !upper || !a->name || !*a->name) {
            bad_shape++;
            continue;
        }
        kinds[a->kind]++;
        if (a->kind == 3 ? (len < 6 || len > 15 || len % 3 != 0 || strncmp(a->code, "IGO", 3) != 0)
                         : len != 3)
            bad_shape++;
    }
    CHECK_INT(bad_order, 0);
    CHECK_INT(bad_find, 0);
    CHECK_INT(bad_shape, 0);
    CHECK(kinds[0] > 200);
    CHECK(kinds[1] >= 25);
    CHECK(kinds[2] >= 30);
    CHECK(kinds[3] >= 20);
}

int main(void) {
    RUN(test_known_events);
    RUN(test_classes);
    RUN(test_plover_types);
    RUN(test_unknown_events);
    RUN(test_event_table);
    RUN(test_actor_codes);
    RUN(test_actor_table);
    return test_summary("ontology");
}
