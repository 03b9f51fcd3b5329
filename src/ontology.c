/*
 * ontology.c - look-ups in the CAMEO event code and actor code tables (with their PLOVER types).
 *
 * The tables themselves are static const data generated from data/cameo-events.tsv and
 * data/cameo-actors.tsv by tools/gen_ontology.py into src/ontology_data.inc, which is #included
 * here (and is not a translation unit of its own, so it is compiled once). Both arrays are sorted
 * by code in strcmp order, so a look-up is a binary search: O(log n) string comparisons, no
 * allocation, no mutable state, and therefore safe from any number of threads at once.
 */
#include "internal.h"

#include <string.h>

#include "ontology_data.inc"

_Static_assert(sizeof dy_cameo_table / sizeof dy_cameo_table[0] == DY_CAMEO_COUNT,
               "ontology_data.inc: event table length does not match DY_CAMEO_COUNT");
_Static_assert(sizeof dy_actor_table / sizeof dy_actor_table[0] == DY_ACTOR_COUNT,
               "ontology_data.inc: actor table length does not match DY_ACTOR_COUNT");

/* Binary search over a table sorted by strcmp of its `code` member: sets `found` to the matching
 * entry or leaves it NULL. A macro so both tables keep their own types. */
#define DY_BSEARCH(table, n, key, found) do {                        \
        size_t lo_ = 0, hi_ = (n);                                   \
        while (lo_ < hi_) {                                          \
            size_t mid_ = lo_ + (hi_ - lo_) / 2;                     \
            int c_ = strcmp((key), (table)[mid_].code);              \
            if (c_ == 0) { (found) = &(table)[mid_]; break; }        \
            if (c_ < 0) hi_ = mid_; else lo_ = mid_ + 1;             \
        }                                                            \
    } while (0)

/* Exact code only ("042", "0311", "19"); no trimming, padding or case folding. NULL when `code`
 * is NULL or unknown. */
const dyad_cameo *dyad_cameo_find(const char *code) {
    if (!code)
        return NULL;
    const dyad_cameo *found = NULL;
    DY_BSEARCH(dy_cameo_table, DY_CAMEO_COUNT, code, found);
    return found;
}

size_t dyad_cameo_count(void) {
    return DY_CAMEO_COUNT;
}

/* The i-th code in code order; NULL when i >= dyad_cameo_count(). */
const dyad_cameo *dyad_cameo_at(size_t i) {
    return i < DY_CAMEO_COUNT ? &dy_cameo_table[i] : NULL;
}

/* Exact, upper-case code only ("USA", "GOV", "IGOUNO"): a composite actor code such as
 * "USAGOV" is not found; split it into its 3-letter groups first. NULL when NULL or unknown. */
const dyad_actor_code *dyad_actor_code_find(const char *code) {
    if (!code)
        return NULL;
    const dyad_actor_code *found = NULL;
    DY_BSEARCH(dy_actor_table, DY_ACTOR_COUNT, code, found);
    return found;
}

size_t dyad_actor_code_count(void) {
    return DY_ACTOR_COUNT;
}

/* The i-th actor code in code order; NULL when i >= dyad_actor_code_count(). */
const dyad_actor_code *dyad_actor_code_at(size_t i) {
    return i < DY_ACTOR_COUNT ? &dy_actor_table[i] : NULL;
}

/* The row of data/modality-map.tsv whose action is the longest prefix of `code`, or NULL. */
static const struct dy_modality_row *modality_row(const char *code) {
    const struct dy_modality_row *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; code && i < DY_MODALITY_COUNT; i++) {
        size_t n = strlen(dy_modality_table[i].action);
        if (n > best_n && !strncmp(code, dy_modality_table[i].action, n)) { best = &dy_modality_table[i]; best_n = n; }
    }
    return best;
}

const char *dy_intent_code(const char *code) {
    const struct dy_modality_row *r = modality_row(code);
    return r && r->intent[0] ? r->intent : NULL;
}

const char *dy_refusal_code(const char *code) {
    const struct dy_modality_row *r = modality_row(code);
    return r && r->refusal[0] ? r->refusal : NULL;
}
