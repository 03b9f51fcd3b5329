/*
 * eval.c - scores coded events against hand-coded gold events: precision, recall and F1 at three
 * levels of detail, per CAMEO root, plus agreement of modality and date on matched events.
 *
 * Algorithm: both files are read as JSON Lines into flat record arrays (strings in an arena).
 * Before scoring, the records are prepared once: the distinct gold documents are sorted, and only
 * events of those documents are considered (a run over more documents than the gold covers is
 * scored fairly). Within each document the records of each side are sorted by their sentence's
 * normalised form (lower-case ASCII letters and digits only) and grouped into sentences. A gold
 * sentence and an event sentence *align* when their normalised forms are equal, or one contains
 * the other, or both share their first 40 normalised characters (segmentation may differ
 * slightly); containment needs the shorter form to have at least 16 characters and an empty form
 * aligns with nothing, so "He said." does not align with every sentence containing those words.
 * The aligned sentence pairs of a document are listed exact pairs first. Scoring a level walks
 * these pairs in order: the still unused gold records and events of the pair (restricted to one
 * root if asked) are sorted by their key at that level and merged, each equal key pairing one gold
 * record with one event (greedy one-to-one; duplicates count separately). tp = pairs, fp = events
 * left over, fn = gold records left over. The document-level comparison does the same with one
 * pair per document holding all its records. Cost: O(n log n) for the sorts plus, per document,
 * one string test per (gold sentence, event sentence) pair of sentences that carry records.
 *
 * Keys: COUNTRY_ROOT (country(source), country(target), root(code)), where country("") = "",
 * country("---IGO...") = "IGO", country("---xxx") = "---", and otherwise the first three characters
 * ("IGOUNO" -> "IGO", "NGO..." -> "NGO", "USAGOV" -> "USA"); root = the first two characters of the
 * code. FULL (source, target, code) exactly. ROOT_ONLY root(code).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EV_PREFIX 40        /* sentences sharing this many normalised characters align */
#define EV_MIN_CONTAIN 16   /* the shorter sentence must have this many to align by containment */
#define EV_MAX_FIELDS 64
#define EV_NONE UINT32_MAX
#define EV_SEP "\x1f"       /* separates the parts of a key; never in a code */

typedef struct ev_rec {
    const char *doc;
    const char *norm;        /* normalised sentence text */
    const char *source, *target, *code, *date, *modality;   /* never NULL; "" when absent */
    const char *rule;        /* events: the rule that fired ("" when absent) */
    const char *full_key;    /* source SEP target SEP code */
    char cr_key[12];         /* country(source) SEP country(target) SEP root */
    char root[3];
    uint32_t doc_ix;         /* index in the sorted gold documents, EV_NONE for other documents */
} ev_rec;

typedef struct ev_range { uint32_t start, end; } ev_range;   /* into gorder / eorder */
typedef struct ev_align { uint32_t gg, eg; } ev_align;        /* gold group, event group */

typedef struct ev_doc {
    ev_range gold, events;         /* records, into gorder / eorder */
    uint32_t gg0, gg1, eg0, eg1;   /* sentence groups */
    uint32_t p0, p1;               /* aligned sentence pairs */
} ev_doc;

typedef struct ev_key { const char *key; uint32_t idx; } ev_key;
typedef struct ev_pair { uint32_t g, e; } ev_pair;
typedef DY_VEC(ev_pair) ev_pair_vec;

struct dyad_eval {
    dy_arena arena;                /* strings of all records */
    dy_arena scratch;              /* one parsed line */
    DY_VEC(ev_rec) gold;
    DY_VEC(ev_rec) events;
    /* built by prepare(), dropped by any load */
    int prepared;
    const char **docs;             /* sorted distinct gold documents */
    size_t ndocs;
    ev_doc *doc;
    uint32_t *gorder, *eorder;     /* gold / considered events by (doc, sentence, file order) */
    size_t neorder;
    size_t ignored_docs;           /* distinct documents of the events not in the gold */
    DY_VEC(ev_range) ggroups;
    DY_VEC(ev_range) egroups;
    DY_VEC(ev_align) aligns;
};

/* ------------------------------------------------------------------ keys */

/* Lower-case ASCII letters and digits of `s`, in the arena. */
static char *normalise_sentence(dy_arena *a, const char *s) {
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) n++;
    }
    char *out = dy_arena_alloc(a, n + 1);
    if (!out) return NULL;
    char *o = out;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) *o++ = c;
        else if (c >= 'A' && c <= 'Z') *o++ = (char)(c - 'A' + 'a');
    }
    *o = '\0';
    return out;
}

/* The country part of an actor code into `out` (4 bytes): see the top of the file. */
static void country_of(const char *code, char out[4]) {
    if (!code[0]) { out[0] = '\0'; return; }
    if (strncmp(code, "---", 3) == 0) {
        strcpy(out, strncmp(code + 3, "IGO", 3) == 0 ? "IGO" : "---");
        return;
    }
    size_t n = strnlen(code, 3);
    memcpy(out, code, n);
    out[n] = '\0';
}

static const char *rec_key(const ev_rec *r, dyad_eval_level level) {
    switch (level) {
    case DYAD_EVAL_FULL: return r->full_key;
    case DYAD_EVAL_ROOT_ONLY: return r->root;
    case DYAD_EVAL_COUNTRY_ROOT: break;
    }
    return r->cr_key;
}

/* True when the record's root is `root` (NULL or "" = any root; only its first two chars count). */
static int root_ok(const ev_rec *r, const char *root) {
    if (!root || !root[0]) return 1;
    return strlen(root) >= 2 && strncmp(r->root, root, 2) == 0;
}

/* Do two normalised sentences align? 2 = equal, 1 = contained / same prefix, 0 = no. */
static int sentences_align(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (!la || !lb) return 0;
    if (la == lb && memcmp(a, b, la) == 0) return 2;
    if (la >= EV_PREFIX && lb >= EV_PREFIX && memcmp(a, b, EV_PREFIX) == 0) return 1;
    const char *lng = la >= lb ? a : b, *shrt = la >= lb ? b : a;
    size_t ls = la >= lb ? lb : la;
    if (ls >= EV_MIN_CONTAIN && strstr(lng, shrt)) return 1;
    return 0;
}

/* ------------------------------------------------------------------ loading */

dyad_eval *dyad_eval_new(void) {
    dyad_eval *ev = calloc(1, sizeof *ev);
    if (!ev) return NULL;
    dy_arena_init(&ev->arena);
    dy_arena_init(&ev->scratch);
    return ev;
}

static void unprepare(dyad_eval *ev) {
    free(ev->docs);
    free(ev->doc);
    free(ev->gorder);
    free(ev->eorder);
    free(ev->ggroups.items);
    free(ev->egroups.items);
    free(ev->aligns.items);
    ev->docs = NULL;
    ev->doc = NULL;
    ev->gorder = ev->eorder = NULL;
    ev->ndocs = ev->neorder = ev->ignored_docs = 0;
    memset(&ev->ggroups, 0, sizeof ev->ggroups);
    memset(&ev->egroups, 0, sizeof ev->egroups);
    memset(&ev->aligns, 0, sizeof ev->aligns);
    ev->prepared = 0;
}

void dyad_eval_free(dyad_eval *ev) {
    if (!ev) return;
    unprepare(ev);
    free(ev->gold.items);
    free(ev->events.items);
    dy_arena_free(&ev->arena);
    dy_arena_free(&ev->scratch);
    free(ev);
}

/* A string field copied into the arena: "" when absent or null; NULL (with *bad set) when it has
 * another type, or when out of memory (*bad stays 0). Numbers are accepted when `num_ok`. */
static const char *field_str(dy_arena *a, const dy_json_field *f, size_t nf, const char *key,
                             int num_ok, int *bad) {
    const dy_json_field *x = dy_json_get(f, nf, key);
    *bad = 0;
    if (!x || x->type == DY_JSON_NULL) return "";
    if (x->type != DY_JSON_STRING && !(num_ok && x->type == DY_JSON_NUMBER)) {
        *bad = 1;
        return NULL;
    }
    return dy_arena_strndup(a, x->val, x->val_len);
}

/* Parses one trimmed, non-empty line into `r`. Returns DYAD_OK or fails with path:line. */
static int parse_record(dyad_eval *ev, const char *s, size_t n, int is_gold, const char *path,
                        long lineno, ev_rec *r, dyad_error *err) {
    dy_json_field f[EV_MAX_FIELDS];
    size_t nf = 0, off = 0;
    dy_arena_reset(&ev->scratch);
    int rc = dy_json_parse_object(s, n, &ev->scratch, f, EV_MAX_FIELDS, &nf, &off);
    if (rc == DYAD_ERR_NOMEM)
        return dy_fail(err, DYAD_ERR_NOMEM, path, lineno, -1, "out of memory");
    if (rc != DYAD_OK)
        return dy_fail(err, DYAD_ERR_PARSE, path, lineno, (long)off,
                       "malformed JSON record (byte %zu)", off);
    if (nf > EV_MAX_FIELDS) nf = EV_MAX_FIELDS;

    dy_arena *a = &ev->arena;
    static const char *const names[] = {"doc", "source", "target", "code", "date", "modality", "rule"};
    const char *val[7];
    for (int i = 0; i < 7; i++) {
        int bad;
        val[i] = field_str(a, f, nf, names[i], i == 0, &bad);
        if (bad)
            return dy_fail(err, DYAD_ERR_PARSE, path, lineno, -1, "field \"%s\" is not a string",
                           names[i]);
        if (!val[i]) return dy_fail(err, DYAD_ERR_NOMEM, path, lineno, -1, "out of memory");
    }
    if (!val[0][0]) return dy_fail(err, DYAD_ERR_PARSE, path, lineno, -1, "missing field \"doc\"");
    if (strlen(val[3]) < 2)
        return dy_fail(err, DYAD_ERR_PARSE, path, lineno, -1, "missing or short field \"code\"");

    /* the sentence: gold "sent", events "text"; either name is accepted on both sides */
    const dy_json_field *sf = dy_json_get(f, nf, is_gold ? "sent" : "text");
    if (!sf) sf = dy_json_get(f, nf, is_gold ? "text" : "sent");
    if (!sf || sf->type != DY_JSON_STRING)
        return dy_fail(err, DYAD_ERR_PARSE, path, lineno, -1, "missing or non-string field \"%s\"",
                       is_gold ? "sent" : "text");

    memset(r, 0, sizeof *r);
    r->doc = val[0];
    r->source = val[1];
    r->target = val[2];
    r->code = val[3];
    r->date = val[4];
    r->modality = val[5];
    r->rule = val[6];
    r->norm = normalise_sentence(a, sf->val);
    size_t ls = strlen(r->source), lt = strlen(r->target), lc = strlen(r->code);
    char *fk = dy_arena_alloc(a, ls + lt + lc + 3);
    if (!r->norm || !fk) return dy_fail(err, DYAD_ERR_NOMEM, path, lineno, -1, "out of memory");
    snprintf(fk, ls + lt + lc + 3, "%s" EV_SEP "%s" EV_SEP "%s", r->source, r->target, r->code);
    r->full_key = fk;
    memcpy(r->root, r->code, 2);
    r->root[2] = '\0';
    char cs[4], ct[4];
    country_of(r->source, cs);
    country_of(r->target, ct);
    snprintf(r->cr_key, sizeof r->cr_key, "%s" EV_SEP "%s" EV_SEP "%s", cs, ct, r->root);
    r->doc_ix = EV_NONE;
    return DYAD_OK;
}

/* Loads every record of a JSON Lines file into the gold or the events. On an error the file's
 * records are dropped again, so the evaluation is as it was before the call. */
static int load_file(dyad_eval *ev, const char *path, int is_gold, dyad_error *err) {
    if (!ev || !path) return dy_fail(err, DYAD_ERR_ARG, NULL, 0, -1, "no evaluation or no path");
    char *data = NULL;
    size_t len = 0;
    int rc = dy_read_file(path, &data, &len, err);
    if (rc != DYAD_OK) return rc;
    unprepare(ev);
    size_t before = is_gold ? ev->gold.len : ev->events.len;
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;   /* UTF-8 byte order mark */
    long lineno = 0;
    while (p < end && rc == DYAD_OK) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        lineno++;
        const char *s = p;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
        const char *t = e;
        while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r')) t--;
        if (t > s) {
            ev_rec r;
            rc = parse_record(ev, s, (size_t)(t - s), is_gold, path, lineno, &r, err);
            if (rc == DYAD_OK) {
                ev_rec *slot = is_gold ? DY_PUSH(ev->gold) : DY_PUSH(ev->events);
                if (slot) *slot = r;
                else rc = dy_fail(err, DYAD_ERR_NOMEM, path, lineno, -1, "out of memory");
            }
        }
        p = e + 1;
    }
    free(data);
    dy_arena_reset(&ev->scratch);
    if (rc != DYAD_OK) {
        if (is_gold) ev->gold.len = before;
        else ev->events.len = before;
    }
    return rc;
}

int dyad_eval_load_gold(dyad_eval *ev, const char *path, dyad_error *err) {
    return load_file(ev, path, 1, err);
}

int dyad_eval_load_events(dyad_eval *ev, const char *path, dyad_error *err) {
    return load_file(ev, path, 0, err);
}

/* ------------------------------------------------------------------ preparation */

typedef struct ev_sortrec { uint32_t doc; const char *norm; uint32_t idx; } ev_sortrec;

static int cmp_str_ptr(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_sortrec(const void *a, const void *b) {
    const ev_sortrec *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    int c = strcmp(x->norm, y->norm);
    if (c) return c;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static uint32_t find_doc(const dyad_eval *ev, const char *doc) {
    const char **hit = bsearch(&doc, ev->docs, ev->ndocs, sizeof *ev->docs, cmp_str_ptr);
    return hit ? (uint32_t)(hit - ev->docs) : EV_NONE;
}

/* Sorts the records of `recs` that belong to a gold document into `order` (by document,
 * sentence, file order) and fills the documents' record ranges and sentence groups. */
static int order_side(dyad_eval *ev, const ev_rec *recs, size_t n, uint32_t **order_out,
                      size_t *count, int is_gold) {
    ev_sortrec *tmp = malloc((n ? n : 1) * sizeof *tmp);
    uint32_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!tmp || !order) { free(tmp); free(order); return -1; }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (recs[i].doc_ix != EV_NONE)
            tmp[m++] = (ev_sortrec){recs[i].doc_ix, recs[i].norm, (uint32_t)i};
    qsort(tmp, m, sizeof *tmp, cmp_sortrec);
    for (size_t i = 0; i < m; i++) order[i] = tmp[i].idx;

    size_t i = 0;
    for (uint32_t d = 0; d < ev->ndocs; d++) {
        ev_doc *dd = &ev->doc[d];
        ev_range *rr = is_gold ? &dd->gold : &dd->events;
        uint32_t *g0 = is_gold ? &dd->gg0 : &dd->eg0, *g1 = is_gold ? &dd->gg1 : &dd->eg1;
        rr->start = (uint32_t)i;
        *g0 = (uint32_t)(is_gold ? ev->ggroups.len : ev->egroups.len);
        while (i < m && tmp[i].doc == d) {
            size_t j = i + 1;
            while (j < m && tmp[j].doc == d && strcmp(tmp[j].norm, tmp[i].norm) == 0) j++;
            ev_range *g = is_gold ? DY_PUSH(ev->ggroups) : DY_PUSH(ev->egroups);
            if (!g) { free(tmp); free(order); return -1; }
            g->start = (uint32_t)i;
            g->end = (uint32_t)j;
            i = j;
        }
        rr->end = (uint32_t)i;
        *g1 = (uint32_t)(is_gold ? ev->ggroups.len : ev->egroups.len);
    }
    free(tmp);
    *order_out = order;
    *count = m;
    return 0;
}

/* Builds documents, orders, sentence groups and aligned pairs. 0, or -1 when out of memory. */
static int prepare(dyad_eval *ev) {
    if (ev->prepared) return 0;
    unprepare(ev);
    size_t ng = ev->gold.len, ne = ev->events.len;

    ev->docs = malloc((ng ? ng : 1) * sizeof *ev->docs);
    if (!ev->docs) return -1;
    for (size_t i = 0; i < ng; i++) ev->docs[i] = ev->gold.items[i].doc;
    qsort(ev->docs, ng, sizeof *ev->docs, cmp_str_ptr);
    size_t nd = 0;
    for (size_t i = 0; i < ng; i++)
        if (nd == 0 || strcmp(ev->docs[nd - 1], ev->docs[i]) != 0) ev->docs[nd++] = ev->docs[i];
    ev->ndocs = nd;
    ev->doc = calloc(nd ? nd : 1, sizeof *ev->doc);
    if (!ev->doc) { unprepare(ev); return -1; }
    for (size_t i = 0; i < ng; i++) ev->gold.items[i].doc_ix = find_doc(ev, ev->gold.items[i].doc);

    /* events of other documents: marked, and their distinct documents counted for the report */
    const char **other = malloc((ne ? ne : 1) * sizeof *other);
    if (!other) { unprepare(ev); return -1; }
    size_t no = 0;
    for (size_t i = 0; i < ne; i++) {
        ev_rec *r = &ev->events.items[i];
        r->doc_ix = find_doc(ev, r->doc);
        if (r->doc_ix == EV_NONE) other[no++] = r->doc;
    }
    qsort(other, no, sizeof *other, cmp_str_ptr);
    for (size_t i = 0; i < no; i++)
        if (i == 0 || strcmp(other[i - 1], other[i]) != 0) ev->ignored_docs++;
    free(other);

    size_t ngo;
    if (order_side(ev, ev->gold.items, ng, &ev->gorder, &ngo, 1) ||
        order_side(ev, ev->events.items, ne, &ev->eorder, &ev->neorder, 0)) {
        unprepare(ev);
        return -1;
    }

    /* aligned sentence pairs per document: exact pairs first, then the looser ones */
    for (size_t d = 0; d < nd; d++) {
        ev_doc *dd = &ev->doc[d];
        dd->p0 = (uint32_t)ev->aligns.len;
        for (int pass = 2; pass >= 1; pass--) {
            for (uint32_t gg = dd->gg0; gg < dd->gg1; gg++) {
                const char *gn = ev->gold.items[ev->gorder[ev->ggroups.items[gg].start]].norm;
                for (uint32_t eg = dd->eg0; eg < dd->eg1; eg++) {
                    const char *en = ev->events.items[ev->eorder[ev->egroups.items[eg].start]].norm;
                    if (sentences_align(gn, en) != pass) continue;
                    ev_align *al = DY_PUSH(ev->aligns);
                    if (!al) { unprepare(ev); return -1; }
                    al->gg = gg;
                    al->eg = eg;
                }
            }
        }
        dd->p1 = (uint32_t)ev->aligns.len;
    }
    ev->prepared = 1;
    return 0;
}

/* ------------------------------------------------------------------ matching */

static int cmp_key(const void *a, const void *b) {
    const ev_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

typedef struct ev_match {
    dyad_eval *ev;
    dyad_eval_level level;
    const char *root;
    unsigned char *gused, *eused;
    ev_key *gk, *ek;         /* scratch candidates */
    size_t tp;
    ev_pair_vec *pairs;      /* NULL when the pairs are not wanted */
} ev_match;

/* Pairs equal keys between the unused gold records order[gr] and events eorder[er]. */
static int match_ranges(ev_match *m, ev_range gr, ev_range er) {
    dyad_eval *ev = m->ev;
    size_t ng = 0, ne = 0;
    for (uint32_t i = gr.start; i < gr.end; i++) {
        uint32_t g = ev->gorder[i];
        const ev_rec *r = &ev->gold.items[g];
        if (!m->gused[g] && root_ok(r, m->root)) m->gk[ng++] = (ev_key){rec_key(r, m->level), g};
    }
    if (!ng) return 0;
    for (uint32_t i = er.start; i < er.end; i++) {
        uint32_t e = ev->eorder[i];
        const ev_rec *r = &ev->events.items[e];
        if (!m->eused[e] && root_ok(r, m->root)) m->ek[ne++] = (ev_key){rec_key(r, m->level), e};
    }
    if (!ne) return 0;
    qsort(m->gk, ng, sizeof *m->gk, cmp_key);
    qsort(m->ek, ne, sizeof *m->ek, cmp_key);
    size_t i = 0, j = 0;
    while (i < ng && j < ne) {
        int c = strcmp(m->gk[i].key, m->ek[j].key);
        if (c < 0) { i++; continue; }
        if (c > 0) { j++; continue; }
        m->gused[m->gk[i].idx] = 1;
        m->eused[m->ek[j].idx] = 1;
        m->tp++;
        if (m->pairs) {
            ev_pair *p = DY_PUSH(*m->pairs);
            if (!p) return -1;
            p->g = m->gk[i].idx;
            p->e = m->ek[j].idx;
        }
        i++;
        j++;
    }
    return 0;
}

static void finish_score(dyad_score *s, size_t ngold, size_t nev, size_t tp) {
    s->tp = tp;
    s->fp = nev - tp;
    s->fn = ngold - tp;
    s->precision = nev ? (double)tp / (double)nev : 0.0;
    s->recall = ngold ? (double)tp / (double)ngold : 0.0;
    double pr = s->precision + s->recall;
    s->f1 = pr > 0 ? 2 * s->precision * s->recall / pr : 0.0;
}

/* Scores at `level` for `root` (NULL = all), by aligned sentences or (doc_level) by document.
 * Fills `pairs` with the matched (gold, event) indices when not NULL. -1 when out of memory. */
static int run_match(dyad_eval *ev, dyad_eval_level level, const char *root, int doc_level,
                     dyad_score *out, ev_pair_vec *pairs) {
    memset(out, 0, sizeof *out);
    if (prepare(ev)) return -1;
    size_t ng = ev->gold.len, ne = ev->events.len;
    ev_match m = {ev, level, root, NULL, NULL, NULL, NULL, 0, pairs};
    m.gused = calloc(ng ? ng : 1, 1);
    m.eused = calloc(ne ? ne : 1, 1);
    m.gk = malloc((ng ? ng : 1) * sizeof *m.gk);
    m.ek = malloc((ne ? ne : 1) * sizeof *m.ek);
    int rc = (m.gused && m.eused && m.gk && m.ek) ? 0 : -1;
    for (size_t d = 0; d < ev->ndocs && rc == 0; d++) {
        const ev_doc *dd = &ev->doc[d];
        if (doc_level) {
            rc = match_ranges(&m, dd->gold, dd->events);
            continue;
        }
        for (uint32_t p = dd->p0; p < dd->p1 && rc == 0; p++) {
            const ev_align *al = &ev->aligns.items[p];
            rc = match_ranges(&m, ev->ggroups.items[al->gg], ev->egroups.items[al->eg]);
        }
    }
    free(m.gused);
    free(m.eused);
    free(m.gk);
    free(m.ek);
    if (rc) return -1;
    size_t cg = 0, ce = 0;
    for (size_t i = 0; i < ng; i++) cg += root_ok(&ev->gold.items[i], root);
    for (size_t i = 0; i < ev->neorder; i++) ce += root_ok(&ev->events.items[ev->eorder[i]], root);
    finish_score(out, cg, ce, m.tp);
    return 0;
}

/* All zero when out of memory (there is no error channel here). */
dyad_score dyad_eval_score(dyad_eval *ev, dyad_eval_level level, const char *root) {
    dyad_score s;
    memset(&s, 0, sizeof s);
    if (!ev) return s;
    if (run_match(ev, level, root, 0, &s, NULL)) memset(&s, 0, sizeof s);
    return s;
}

/* ------------------------------------------------------------------ by rule */

typedef struct rule_idx { const char *rule; uint32_t e; } rule_idx;

static int cmp_rule_idx(const void *a, const void *b) {
    return strcmp(((const rule_idx *)a)->rule, ((const rule_idx *)b)->rule);
}

static int cmp_rule_score(const void *a, const void *b) {
    const dyad_rule_score *x = a, *y = b;
    if (x->fp != y->fp) return x->fp > y->fp ? -1 : 1;
    if (x->tp != y->tp) return x->tp < y->tp ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

size_t dyad_eval_rules(dyad_eval *ev, dyad_rule_score *out, size_t cap) {
    if (!ev) return 0;
    ev_pair_vec pairs = {0};
    dyad_score sc;
    if (run_match(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 0, &sc, &pairs)) { free(pairs.items); return 0; }
    size_t ne = ev->neorder;
    unsigned char *hit = calloc(ev->events.len ? ev->events.len : 1, 1);
    rule_idx *ri = malloc((ne ? ne : 1) * sizeof *ri);
    dyad_rule_score *all = malloc((ne ? ne : 1) * sizeof *all);
    size_t nr = 0;
    if (hit && ri && all) {
        for (size_t i = 0; i < pairs.len; i++) hit[pairs.items[i].e] = 1;
        for (size_t i = 0; i < ne; i++) {
            ri[i].e = ev->eorder[i];
            ri[i].rule = ev->events.items[ri[i].e].rule;
        }
        qsort(ri, ne, sizeof *ri, cmp_rule_idx);
        for (size_t i = 0; i < ne;) {
            size_t j = i;
            dyad_rule_score rs = {ri[i].rule, 0, 0, 0};
            for (; j < ne && !strcmp(ri[j].rule, ri[i].rule); j++) {
                rs.events++;
                rs.tp += hit[ri[j].e];
            }
            rs.fp = rs.events - rs.tp;
            all[nr++] = rs;
            i = j;
        }
        qsort(all, nr, sizeof *all, cmp_rule_score);
        for (size_t i = 0; i < nr && i < cap; i++) out[i] = all[i];
    }
    free(hit);
    free(ri);
    free(all);
    free(pairs.items);
    return nr;
}

void dyad_eval_report_rules(dyad_eval *ev, dyad_buf *out) {
    size_t n = dyad_eval_rules(ev, NULL, 0);
    dyad_rule_score *rs = malloc((n ? n : 1) * sizeof *rs);
    if (!rs) return;
    n = dyad_eval_rules(ev, rs, n);
    dy_buf_printf(out, "by rule (country-root), worst first: %zu rules\n%-32s %6s %5s %5s %6s\n", n, "rule", "events",
                  "tp", "fp", "P");
    for (size_t i = 0; i < n; i++)
        dy_buf_printf(out, "%-32s %6zu %5zu %5zu %6.3f\n", rs[i].rule[0] ? rs[i].rule : "(none)", rs[i].events, rs[i].tp,
                      rs[i].fp, rs[i].events ? (double)rs[i].tp / (double)rs[i].events : 0.0);
    free(rs);
}

/* ------------------------------------------------------------------ report */

static void put_score(dyad_buf *out, const char *label, const dyad_score *s, const char *note) {
    dy_buf_printf(out, "%-14s P=%.3f R=%.3f F1=%.3f (tp=%zu fp=%zu fn=%zu)%s\n", label,
                  s->precision, s->recall, s->f1, s->tp, s->fp, s->fn, note);
}

static double share(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

void dyad_eval_report(dyad_eval *ev, dyad_buf *out) {
    if (!ev || !out) return;
    if (prepare(ev)) {
        dy_buf_puts(out, "evaluation: out of memory\n");
        return;
    }
    size_t ignored = ev->events.len - ev->neorder;
    dy_buf_printf(out, "evaluation: %zu gold records in %zu documents; %zu events considered",
                  ev->gold.len, ev->ndocs, ev->neorder);
    if (ignored)
        dy_buf_printf(out, " (%zu more from %zu documents not in the gold ignored)", ignored,
                      ev->ignored_docs);
    dy_buf_puts(out, "\n");
    dy_buf_puts(out, "only documents in the gold are scored; events match gold records one-to-one "
                     "within aligned sentences of the same document\n\n");

    static const struct { dyad_eval_level level; const char *name; } levels[] = {
        {DYAD_EVAL_COUNTRY_ROOT, "country-root"},
        {DYAD_EVAL_FULL, "full"},
        {DYAD_EVAL_ROOT_ONLY, "root-only"},
    };
    ev_pair_vec pairs = {0};
    for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
        dyad_score s;
        if (run_match(ev, levels[i].level, NULL, 0, &s, i == 0 ? &pairs : NULL)) {
            dy_buf_puts(out, "evaluation: out of memory\n");
            free(pairs.items);
            return;
        }
        put_score(out, levels[i].name, &s, "");
    }
    dyad_score ds;
    if (run_match(ev, DYAD_EVAL_COUNTRY_ROOT, NULL, 1, &ds, NULL) == 0)
        put_score(out, "document-level", &ds, "  [country-root, same document, any sentence]");

    dy_buf_puts(out, "\nper root (country-root):\nroot  gold  events    tp      P      R     F1\n");
    for (int r = 1; r <= 20; r++) {
        char root[3] = {(char)('0' + r / 10), (char)('0' + r % 10), '\0'};
        dyad_score s;
        if (run_match(ev, DYAD_EVAL_COUNTRY_ROOT, root, 0, &s, NULL)) continue;
        dy_buf_printf(out, "%s  %5zu  %6zu  %4zu  %.3f  %.3f  %.3f\n", root, s.tp + s.fn,
                      s.tp + s.fp, s.tp, s.precision, s.recall, s.f1);
    }

    size_t mod = 0, date = 0;
    for (size_t i = 0; i < pairs.len; i++) {
        const ev_rec *g = &ev->gold.items[pairs.items[i].g];
        const ev_rec *e = &ev->events.items[pairs.items[i].e];
        mod += strcmp(g->modality, e->modality) == 0;
        date += strcmp(g->date, e->date) == 0;
    }
    dy_buf_printf(out, "\nmatched country-root pairs: %zu; modality agrees %.3f (%zu/%zu); "
                       "date agrees %.3f (%zu/%zu)\n",
                  pairs.len, share(mod, pairs.len), mod, pairs.len, share(date, pairs.len), date,
                  pairs.len);
    free(pairs.items);
}
