/*
 * dict.c - reads dyad's dictionaries (.actors, .agents, .verbs; format in docs/DICTIONARIES.md)
 * into the compiled, read-only tables of engine.h, and lints them.
 *
 * Algorithm: every file is read line by line. A phrase is split into raw words at '_' and spaces,
 * each raw word is tokenised with the news tokeniser (so "AL-QAEDA" is al - qaeda, as in text),
 * every token is interned in the lexicon (FNV-1a hash, open addressing, lower-cased) and the
 * phrase is inserted as a path of word ids into the trie (edges in one hash table keyed by
 * parent<<32|word). Agents get their regular plurals generated; verbs get their regular
 * inflections generated unless listed. Patterns are stored as arrays of elements whose literal
 * words are lexeme ids. Building is linear in the size of the dictionaries; lookups are O(1) per
 * word. After dyad_dict_compile nothing is written, so threads may share the dictionary.
 */
#include "engine.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ growth helper */

static int grow(void **p, uint32_t *cap, uint32_t need, size_t size) {
    if (need <= *cap) return 0;
    uint32_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = realloc(*p, (size_t)c * size);
    if (!q) return -1;
    *p = q;
    *cap = c;
    return 0;
}
#define GROW(arr, n, cap, extra) grow((void **)&(arr), &(cap), (n) + (extra), sizeof *(arr))

static uint32_t str_add(dyad_dict *d, const char *s, size_t n) {
    if (d->strings_len + n + 1 > d->strings_cap) {
        size_t c = d->strings_cap ? d->strings_cap : 65536;
        while (c < d->strings_len + n + 1) c *= 2;
        char *p = realloc(d->strings, c);
        if (!p) return UINT32_MAX;
        d->strings = p;
        d->strings_cap = c;
    }
    uint32_t off = (uint32_t)d->strings_len;
    memcpy(d->strings + off, s, n);
    d->strings[off + n] = '\0';
    d->strings_len += n + 1;
    return off;
}

static const char *base_name(const char *path) {
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* ------------------------------------------------------------------ lexicon */

/* Is Latin Extended-A code point cp (U+0100-U+017F) a capital whose small letter is cp + 1? */
static int latin_a_upper(unsigned cp) {
    if (cp >= 0x100 && cp <= 0x12F) return !(cp & 1);
    if (cp >= 0x132 && cp <= 0x137) return !(cp & 1);
    if (cp >= 0x139 && cp <= 0x148) return cp & 1;
    if (cp >= 0x14A && cp <= 0x177) return !(cp & 1);
    if (cp >= 0x179 && cp <= 0x17E) return cp & 1;
    return 0;
}

/* Case folding of a word into `out` (at most 200 bytes): ASCII letters, the Latin-1 capitals of
 * UTF-8 (U+00C0-U+00DE but for the multiplication sign), so "CÔTE" matches "Côte", and the
 * capitals of Latin Extended-A (U+0100-U+017E: "ERDOĞAN", "WAŁĘSA", "ŞANLIURFA"), each folded to
 * its small letter of the same length. The dotted and dotless Turkish I keep their case. */
static size_t fold(const char *s, size_t n, char out[201]) {
    if (n > 200) n = 200;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            out[i] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9E &&
                   (unsigned char)s[i + 1] != 0x97) {
            out[i] = (char)c;
            out[i + 1] = (char)((unsigned char)s[i + 1] + 0x20);
            i++;
        } else if ((c == 0xC4 || c == 0xC5) && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            unsigned cp = ((unsigned)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
            if (cp == 0x178) cp = 0xFF;                 /* Ÿ -> ÿ */
            else if (latin_a_upper(cp)) cp++;
            out[i] = (char)(0xC0 | (cp >> 6));
            out[i + 1] = (char)(0x80 | (cp & 0x3F));
            i++;
        } else {
            out[i] = (char)c;
        }
    }
    return n;
}

static uint32_t fnv(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (uint32_t)(unsigned char)s[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

uint32_t dy_lex_find(const dyad_dict *d, const char *s, size_t n) {
    if (!d->lex_table_cap || n == 0 || n > 200) return 0;
    char f[201];
    fold(s, n, f);
    uint32_t h = fnv(f, n), mask = d->lex_table_cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t id = d->lex_table[i];
        if (!id) return 0;
        const dy_lexeme *l = &d->lex[id];
        if (l->hash == h && l->len == n && !memcmp(d->strings + l->off, f, n)) return id;
    }
}

static int lex_rehash(dyad_dict *d, uint32_t cap) {
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t) return -1;
    for (uint32_t id = 1; id < d->nlex; id++) {
        uint32_t i = d->lex[id].hash & (cap - 1);
        while (t[i]) i = (i + 1) & (cap - 1);
        t[i] = id;
    }
    free(d->lex_table);
    d->lex_table = t;
    d->lex_table_cap = cap;
    return 0;
}

/* Interns a word (lower-cased); returns its id, 0 on out-of-memory or an empty/oversized word. */
static uint32_t lex_add(dyad_dict *d, const char *s, size_t n) {
    if (n == 0 || n > 200) return 0;
    uint32_t id = dy_lex_find(d, s, n);
    if (id) return id;
    if (d->nlex == 0) d->nlex = 1; /* id 0 is "unknown" */
    if ((d->nlex + 1) * 2 > d->lex_table_cap && lex_rehash(d, d->lex_table_cap ? d->lex_table_cap * 2 : 4096))
        return 0;
    if (GROW(d->lex, d->nlex, d->lex_cap, 1)) return 0;
    char tmp[201];
    fold(s, n, tmp);
    uint32_t off = str_add(d, tmp, n);
    if (off == UINT32_MAX) return 0;
    id = d->nlex++;
    dy_lexeme *l = &d->lex[id];
    memset(l, 0, sizeof *l);
    l->off = off;
    l->len = (uint32_t)n;
    l->hash = fnv(tmp, n);
    uint32_t i = l->hash & (d->lex_table_cap - 1);
    while (d->lex_table[i]) i = (i + 1) & (d->lex_table_cap - 1);
    d->lex_table[i] = id;
    return id;
}

/* ------------------------------------------------------------------ closed classes */

static const struct { const char *words; uint32_t flags; } closed_classes[] = {
    {"the a an this that these those each every any some no another such both either neither", DY_W_DET},
    {"his her its their our my your whose 's '", DY_W_POSS},
    {"of in on at to for with by from against into onto upon over under about between among amid "
     "amongst toward towards through across after before during since until despite without within "
     "near along around behind beyond inside outside throughout via per like than including off up down out "
     "away back", DY_W_PREP},
    {"in at near into inside outside throughout across within around", DY_W_LOCPREP},
    {"he she they it we i you him them us me who himself herself themselves itself", DY_W_PRON},
    {"is are was were be been being am", DY_W_BE | DY_W_AUX},
    {"has have had having", DY_W_HAVE | DY_W_AUX},
    {"do does did", DY_W_AUX},
    {"will would may might could can should must shall 'll 'd ca wo", DY_W_MODAL},
    {"may might could would if unless whether should", DY_W_HYPO},
    {"not never n't no nor", DY_W_NEG},
    {"and or but nor as well plus", DY_W_CONJ},
    {"that which who whom whose when while because if although though after before as where whether "
     "since unless until so once whereas", DY_W_SUB},
    {"monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow "
     "january february march april june july august september october november december "
     "jan feb mar apr jun jul aug sep sept oct nov dec jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. "
     "nov. dec. morning evening night week month year weekend earlier later "
     "ago overnight afternoon upcoming", DY_W_TIME},
    {"plan plans planned planning set ready prepared preparing expected expect expects going intend "
     "intends intended due aim aims aimed agree agrees agreed agreeing want wants wanted seek seeks sought "
     "hope hopes hoped try tries tried attempt attempts attempted vow vows vowed promise promises promised "
     "pledge pledges pledged decide decided decides scheduled about poised", DY_W_INTENT},
    {"say says said saying tell tells told add adds added state states stated according claim claims "
     "claimed announce announces announced insist insists insisted argue argued arguing stating "
     "warn warned warns write wrote report reported reports", DY_W_SPEECH},
    {"also reportedly formally publicly already still just now then recently again soon directly "
     "briefly first further jointly allegedly officially repeatedly quickly immediately finally "
     "currently likely apparently even only yet later earlier once subsequently largely strongly "
     "essentially effectively continually continuously personally separately together", DY_W_ADV},
    {"one two three four five six seven eight nine ten dozens hundreds thousands millions several many "
     "few dozen hundred thousand million billion", DY_W_NUM},
    {"refuse refuses refused refusing decline declines declined declining fail fails failed failing",
     DY_W_REFUSE},
    {"group groups movement movements side sides camp faction factions delegation delegations organization "
     "organisation alliance coalition network leadership", DY_W_HEAD},
    {"area areas region regions town towns city cities village villages market markets district districts "
     "province provinces neighbourhood neighborhood neighbourhoods neighborhoods camp camps house houses "
     "home homes street streets hospital hospitals school schools mosque mosques church churches "
     "settlement settlements suburb suburbs", DY_W_PLACE},
};

/* Word marks (DY_M_*), interned like the closed classes. */
static const struct { const char *words; uint8_t marks; } marked_words[] = {
    {"mediate mediates mediated mediating mediator mediators mediation broker brokers brokered brokering "
     "envoy envoys facilitate facilitates facilitated facilitating facilitator facilitators facilitation",
     DY_M_BROKER},
    {"draw draws drew drawn drawing face faces faced facing receive receives received receiving attract "
     "attracts attracted attracting meet meets met meeting incur incurs incurred incurring earn earns earned "
     "earning come comes came coming", DY_M_RECEIVE},
    {"describe describes described describing call calls called calling brand brands branded branding "
     "label labels labelled labeled labelling labeling dub dubs dubbed dubbing term terms termed "
     "consider considers considered regard regards regarded deem deems deemed characterise characterises "
     "characterised characterize characterizes characterized express expresses expressed expressing "
     "voice voices voiced voicing signal signals signalled signaled signalling signaling", DY_M_EVAL},
    {"urge urges urged urging ask asks asked asking call calls called calling invite invites invited "
     "inviting press presses pressed pressing pressure pressures pressured pressuring push pushes pushed "
     "pushing encourage encourages encouraged encouraging appeal appeals appealed appealing implore "
     "implores implored imploring beg begs begged begging request requests requested requesting advise "
     "advises advised advising tell tells told telling warn warns warned warning exhort exhorts exhorted "
     "challenge challenges challenged challenging", DY_M_APPEAL},
    {"allow allows allowed allowing permit permits permitted permitting let lets letting force forces "
     "forced forcing compel compels compelled compelling order orders ordered ordering help helps helped "
     "helping enable enables enabled enabling authorize authorizes authorized authorizing authorise "
     "authorises authorised authorising oblige obliges obliged obliging", DY_M_CAUSE},
    {"speak speaks spoke spoken speaking talk talks talked talking confer confers conferred conferring "
     "chat chats chatted chatting converse conversed", DY_M_TALK},
};

/* Interns every space-separated word of `words` with the class flags and marks given. */
static void intern_words(dyad_dict *d, const char *p, uint32_t flags, uint8_t marks) {
    while (*p) {
        while (*p == ' ') p++;
        const char *q = p;
        while (*q && *q != ' ') q++;
        if (q > p) {
            uint32_t id = lex_add(d, p, (size_t)(q - p));
            if (id) {
                d->lex[id].flags |= flags;
                d->lex[id].marks |= marks;
            }
        }
        p = q;
    }
}

static void add_closed_classes(dyad_dict *d) {
    for (size_t c = 0; c < sizeof closed_classes / sizeof *closed_classes; c++)
        intern_words(d, closed_classes[c].words, closed_classes[c].flags, 0);
    for (size_t c = 0; c < sizeof marked_words / sizeof *marked_words; c++)
        intern_words(d, marked_words[c].words, 0, marked_words[c].marks);
    d->lex_to = dy_lex_find(d, "to", 2);
}

/* ------------------------------------------------------------------ trie */

static uint32_t edge_hash(uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (uint32_t)key;
}

uint32_t dy_trie_child(const dyad_dict *d, uint32_t node, uint32_t w) {
    if (!d->edges_cap || !w) return 0;
    if (d->compiled && node <= DY_ISSUE_ROOT && w < d->nlex) return node ? d->lex[w].child_issue : d->lex[w].child0;
    uint64_t key = ((uint64_t)node << 32 | w) + 1;
    uint32_t mask = d->edges_cap - 1;
    for (uint32_t i = edge_hash(key) & mask;; i = (i + 1) & mask) {
        if (d->edges[i].key == 0) return 0;
        if (d->edges[i].key == key) return d->edges[i].child;
    }
}

static int edges_rehash(dyad_dict *d, uint32_t cap) {
    dy_edge *e = calloc(cap, sizeof *e);
    if (!e) return -1;
    for (uint32_t i = 0; i < d->edges_cap; i++) {
        if (!d->edges[i].key) continue;
        uint32_t j = edge_hash(d->edges[i].key) & (cap - 1);
        while (e[j].key) j = (j + 1) & (cap - 1);
        e[j] = d->edges[i];
    }
    free(d->edges);
    d->edges = e;
    d->edges_cap = cap;
    return 0;
}

static uint32_t trie_child_add(dyad_dict *d, uint32_t node, uint32_t w) {
    uint32_t c = dy_trie_child(d, node, w);
    if (c) return c;
    if ((d->nedges + 1) * 2 > d->edges_cap && edges_rehash(d, d->edges_cap ? d->edges_cap * 2 : 8192)) return 0;
    if (GROW(d->nodes, d->nnodes, d->nodes_cap, 1)) return 0;
    c = d->nnodes++;
    memset(&d->nodes[c], 0, sizeof d->nodes[c]);
    d->nodes[c].depth = d->nodes[node].depth + 1;
    uint64_t key = ((uint64_t)node << 32 | w) + 1;
    uint32_t j = edge_hash(key) & (d->edges_cap - 1);
    while (d->edges[j].key) j = (j + 1) & (d->edges_cap - 1);
    d->edges[j].key = key;
    d->edges[j].child = c;
    d->nedges++;
    return c;
}

/* ------------------------------------------------------------------ phrase splitting */

#define DY_MAX_PHRASE 32

typedef struct phrase_words {
    uint32_t ids[DY_MAX_PHRASE];
    uint32_t upper;          /* bit i: word i case-marked */
    int n;
    int overflow;
    int cur_upper;
    dyad_dict *d;
} phrase_words;

static void phrase_tok(void *ctx, const char *tok, size_t n, uint16_t flags) {
    (void)flags;
    phrase_words *pw = ctx;
    if (pw->n >= DY_MAX_PHRASE) { pw->overflow = 1; return; }
    uint32_t id = lex_add(pw->d, tok, n);
    if (!id) { pw->overflow = 1; return; }
    if (pw->cur_upper) pw->upper |= 1u << pw->n;
    pw->ids[pw->n++] = id;
}

/* Splits a phrase ("UNITED_STATES", "=US", "AL-QAEDA") into word ids. Returns the word count
 * (0 for an empty or too long phrase). */
static int split_phrase(dyad_dict *d, const char *s, size_t n, phrase_words *pw) {
    memset(pw, 0, sizeof *pw);
    pw->d = d;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == '_' || s[i] == ' ' || s[i] == '\t')) i++;
        size_t j = i;
        while (j < n && s[j] != '_' && s[j] != ' ' && s[j] != '\t') j++;
        if (j > i) {
            size_t a = i;
            pw->cur_upper = 0;
            if (s[a] == '=') { pw->cur_upper = 1; a++; }
            if (j > a) dy_tokenise(s + a, j - a, phrase_tok, pw);
        }
        i = j;
    }
    return pw->overflow ? 0 : pw->n;
}

/* ------------------------------------------------------------------ line reading */

typedef struct line_reader {
    const char *p, *end;
    long lineno;
} line_reader;

/* The signature of a rule line (its text without comment and surrounding space): 32-bit FNV-1a,
 * which tools/gen_confidence.py computes alike to find a rule again after lines move. */
uint32_t dy_line_sig(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Next line without its comment and trailing space; returns 0 at end. */
static int next_line(line_reader *lr, const char **s, size_t *n, int *indented) {
    if (lr->p >= lr->end) return 0;
    const char *a = lr->p;
    const char *e = memchr(a, '\n', (size_t)(lr->end - a));
    if (!e) e = lr->end;
    lr->p = e < lr->end ? e + 1 : e;
    lr->lineno++;
    *indented = (a < e && (*a == ' ' || *a == '\t'));
    /* strip comments: '#' anywhere, ';' after white space (TABARI) */
    const char *c = a;
    for (; c < e; c++) {
        if (*c == '#') break;
        if (*c == ';' && (c == a || c[-1] == ' ' || c[-1] == '\t')) break;
    }
    while (c > a && (c[-1] == ' ' || c[-1] == '\t' || c[-1] == '\r')) c--;
    while (a < c && (*a == ' ' || *a == '\t')) a++;
    *s = a;
    *n = (size_t)(c - a);
    return 1;
}

/* ------------------------------------------------------------------ dates in code lines */

static int parse_ymd(const char *s, size_t n, int32_t *days) {
    int y, m, dd;
    char buf[16];
    if (n == 8) {
        memcpy(buf, s, 8);
        buf[8] = 0;
        for (int i = 0; i < 8; i++) if (!isdigit((unsigned char)buf[i])) return -1;
        y = (buf[0] - '0') * 1000 + (buf[1] - '0') * 100 + (buf[2] - '0') * 10 + (buf[3] - '0');
        m = (buf[4] - '0') * 10 + (buf[5] - '0');
        dd = (buf[6] - '0') * 10 + (buf[7] - '0');
    } else if (n == 6) {
        for (int i = 0; i < 6; i++) if (!isdigit((unsigned char)s[i])) return -1;
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y < 30 ? 2000 : 1900;
        m = (s[2] - '0') * 10 + (s[3] - '0');
        dd = (s[4] - '0') * 10 + (s[5] - '0');
    } else {
        return -1;
    }
    char iso[32];
    if (m < 1 || m > 12 || dd < 1 || dd > 31) return -1;
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, dd);
    return dy_date_to_days(iso, days) == 0 ? 0 : -1;
}

/* Parses "[CODE]" / "[CODE >date]" / "[CODE <date]" / "[CODE d1-d2]" (inside the brackets). */
/* Parses one signed decimal degree ("-37.81") into 1e-5 degrees; at most `limit` degrees. */
static int parse_degree(const char **sp, const char *end, int32_t limit, int32_t *out) {
    const char *s = *sp;
    int neg = 0;
    if (s < end && (*s == '-' || *s == '+')) neg = *s++ == '-';
    int64_t v = 0;
    int digits = 0, frac = -1;
    for (; s < end; s++) {
        if (*s == '.' && frac < 0) { frac = 0; continue; }
        if (*s < '0' || *s > '9') break;
        if (frac >= 5) continue;           /* finer than 1e-5 degrees: ignored */
        v = v * 10 + (*s - '0');
        digits++;
        if (frac >= 0) frac++;
        if (v > (int64_t)limit * 100000 * 10) return -1;
    }
    if (!digits) return -1;
    for (int f = frac < 0 ? 0 : frac; f < 5; f++) v *= 10;
    if (v > (int64_t)limit * 100000) return -1;
    *out = (int32_t)(neg ? -v : v);
    *sp = s;
    return 0;
}

/* Parses the optional "@LAT,LON" after a code's ']' (text up to the line's end). 0 when absent or
 * well formed, -1 when malformed. */
static int parse_coords(const char *s, const char *end, dy_actor_code *c) {
    while (s < end && (*s == ' ' || *s == '\t')) s++;
    if (s == end) return 0;
    if (*s != '@') return 0;               /* other text after the code: ignored as before */
    s++;
    int32_t lat, lon;
    if (parse_degree(&s, end, 90, &lat) || s >= end || *s != ',') return -1;
    s++;
    if (parse_degree(&s, end, 180, &lon)) return -1;
    while (s < end && (*s == ' ' || *s == '\t')) s++;
    if (s != end) return -1;
    c->lat = lat;
    c->lon = lon;
    return 0;
}

static int parse_actor_code(const char *s, size_t n, dy_actor_code *out) {
    memset(out, 0, sizeof *out);
    out->from = INT32_MIN;
    out->to = INT32_MAX;
    out->lat = out->lon = DY_NOCOORD;
    size_t i = 0;
    while (i < n && s[i] == ' ') i++;
    size_t a = i;
    while (i < n && s[i] != ' ') i++;
    if (i == a || i - a >= sizeof out->code) return -1;
    memcpy(out->code, s + a, i - a);
    out->code[i - a] = 0;
    for (size_t k = 0; out->code[k]; k++) {
        char c = out->code[k];
        if (!(isupper((unsigned char)c) || isdigit((unsigned char)c) || c == '-' || c == '~')) return -1;
    }
    while (i < n && s[i] == ' ') i++;
    if (i == n) return 0;
    const char *r = s + i;
    size_t rn = n - i;
    while (rn && r[rn - 1] == ' ') rn--;
    if (r[0] == '>') return parse_ymd(r + 1, rn - 1, &out->from);
    if (r[0] == '<') return parse_ymd(r + 1, rn - 1, &out->to);
    const char *dash = memchr(r, '-', rn);
    if (!dash) return -1;
    size_t l1 = (size_t)(dash - r), l2 = rn - l1 - 1;
    if (l1 && parse_ymd(r, l1, &out->from)) return -1;
    if (l2 && parse_ymd(dash + 1, l2, &out->to)) return -1;
    if (out->from != INT32_MIN && out->to != INT32_MAX && out->from > out->to) return -1;
    return 0;
}

/* ------------------------------------------------------------------ actors and agents */

static int add_phrase_node(dyad_dict *d, const phrase_words *pw, int kind, uint32_t index,
                           const char *file, long line, dyad_error *err) {
    uint32_t node = kind == 3 ? DY_ISSUE_ROOT : 0;
    for (int i = 0; i < pw->n; i++) {
        node = trie_child_add(d, node, pw->ids[i]);
        if (!node) return dy_fail(err, DYAD_ERR_NOMEM, file, line, -1, "out of memory");
    }
    dy_trie_node *t = &d->nodes[node];
    if (t->kind) {
        /* a later entry for the same phrase replaces the earlier one; note it for the linter */
        dy_buf_printf(&d->warnings, "%s:%ld: phrase '%s' is already defined (this entry replaces it)\n",
                      base_name(file), line, d->strings + d->lex[pw->ids[0]].off);
    }
    t->kind = kind;
    t->index = index;
    t->upper_mask = pw->upper;
    if (kind == 2) d->nagent_phrases++;
    else if (kind == 3) d->nissue_phrases++;
    else d->nphrases++;
    return DYAD_OK;
}

static int ensure_root(dyad_dict *d) {
    if (d->nnodes) return 0;
    if (GROW(d->nodes, d->nnodes, d->nodes_cap, 2)) return -1;
    memset(&d->nodes[0], 0, 2 * sizeof d->nodes[0]);   /* the actor root and the issue root */
    d->nnodes = 2;
    return 0;
}

/* Appends the regular plurals of the phrase's last word as extra phrases of the same entry. */
static int add_agent_plurals(dyad_dict *d, const phrase_words *pw, uint32_t index, const char *file,
                             long line, dyad_error *err) {
    const dy_lexeme *l = &d->lex[pw->ids[pw->n - 1]];
    const char *w = d->strings + l->off;
    size_t n = l->len;
    if (n < 2 || n > 60 || !isalpha((unsigned char)w[n - 1])) return DYAD_OK;
    char forms[3][72];
    int nf = 0;
    char last = w[n - 1], prev = w[n - 2];
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 's' || prev == 'c')))
        snprintf(forms[nf++], 72, "%.*ses", (int)n, w);
    else if (last == 'y' && !strchr("aeiou", prev))
        snprintf(forms[nf++], 72, "%.*sies", (int)n - 1, w);
    else
        snprintf(forms[nf++], 72, "%.*ss", (int)n, w);
    if (n >= 3 && strcmp(w + n - 3, "man") == 0) snprintf(forms[nf++], 72, "%.*smen", (int)n - 3, w);
    for (int i = 0; i < nf; i++) {
        phrase_words pl = *pw;
        uint32_t id = lex_add(d, forms[i], strlen(forms[i]));
        if (!id) return dy_fail(err, DYAD_ERR_NOMEM, file, line, -1, "out of memory");
        pl.ids[pl.n - 1] = id;
        if (dy_trie_child(d, 0, pl.ids[0])) {
            /* don't let a generated plural replace an explicit entry */
            uint32_t node = 0;
            int k = 0;
            for (; k < pl.n && (node = dy_trie_child(d, node, pl.ids[k])); k++) {}
            if (k == pl.n && d->nodes[node].kind) continue;
        }
        int r = add_phrase_node(d, &pl, 2, index, file, line, err);
        if (r) return r;
        d->nagent_phrases--; /* count only written phrases */
    }
    return DYAD_OK;
}

static int file_index(dyad_dict *d, const char *name) {
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    char **f = realloc(d->files, (d->nfiles + 1) * sizeof *f);
    if (!f) return -1;
    d->files = f;
    f[d->nfiles] = strdup(base);
    if (!f[d->nfiles]) return -1;
    return (int)d->nfiles++;
}

/* Splits "PHRASE [CODE ...] rest" into the phrase and the bracket contents. */
static void split_bracket(const char *s, size_t n, size_t *phrase_len, const char **code, size_t *code_len) {
    const char *b = memchr(s, '[', n);
    *code = NULL;
    *code_len = 0;
    if (!b) { *phrase_len = n; return; }
    size_t pl = (size_t)(b - s);
    while (pl && (s[pl - 1] == ' ' || s[pl - 1] == '\t')) pl--;
    *phrase_len = pl;
    const char *e = memchr(b, ']', (size_t)(s + n - b));
    if (!e) { *code = b + 1; *code_len = (size_t)(s + n - b - 1); return; }
    *code = b + 1;
    *code_len = (size_t)(e - b - 1);
}

static int load_actors(dyad_dict *d, const char *name, const char *data, size_t len, int agents,
                       int places, dyad_error *err) {
    int fi = file_index(d, name);
    if (fi < 0) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
    line_reader lr = {data, data + len, 0};
    const char *s;
    size_t n;
    int indented;
    long cur = -1;             /* current entry index (actor or agent) */
    while (next_line(&lr, &s, &n, &indented)) {
        if (n == 0) continue;
        if (s[0] == '[') {
            if (cur < 0 || agents)
                return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "code line without an entry");
            size_t cl = n - 1;
            const char *e = memchr(s, ']', n);
            if (!e) return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)n, "missing ']'");
            cl = (size_t)(e - s - 1);
            dy_actor_code c;
            if (parse_actor_code(s + 1, cl, &c))
                return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 1, "malformed code or date range");
            if (parse_coords(e + 1, s + n, &c))
                return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)(e + 1 - s), "malformed coordinates (use @LAT,LON)");
            c.line = (uint32_t)lr.lineno;
            if (GROW(d->codes, d->ncodes, d->codes_cap, 1)) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
            dy_actor_entry *ae = &d->actors[cur];
            if (ae->code_start + ae->code_count != d->ncodes)
                return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "code line not after its entry");
            d->codes[d->ncodes++] = c;
            ae->code_count++;
            if (c.from != INT32_MIN || c.to != INT32_MAX) ae->person = 1;
            continue;
        }
        int synonym = s[0] == '+';
        if (synonym) {
            s++;
            n--;
            if (cur < 0) return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "'+' synonym without an entry");
        }
        size_t pl;
        const char *code;
        size_t code_len;
        split_bracket(s, n, &pl, &code, &code_len);
        if (pl == 0) return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "empty phrase");
        phrase_words pw;
        if (!split_phrase(d, s, pl, &pw))
            return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "phrase empty or longer than %d words", DY_MAX_PHRASE);
        if (!synonym) {
            if (agents) {
                if (!code || code_len < 2 || code[0] != '~')
                    return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)pl, "agent entry needs a [~CODE]");
                if (GROW(d->agents, d->nagents, d->agents_cap, 1)) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
                dy_agent_entry *ag = &d->agents[d->nagents];
                memset(ag, 0, sizeof *ag);
                size_t k = 0;
                for (size_t i = 1; i < code_len && code[i] != ' ' && k + 1 < sizeof ag->agent; i++) ag->agent[k++] = code[i];
                ag->file = (uint16_t)fi;
                ag->line = (uint32_t)lr.lineno;
                cur = d->nagents++;
            } else {
                if (GROW(d->actors, d->nactors, d->actors_cap, 1)) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
                dy_actor_entry *ae = &d->actors[d->nactors];
                memset(ae, 0, sizeof *ae);
                ae->name = str_add(d, s, pl);
                if (ae->name == UINT32_MAX) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
                ae->code_start = d->ncodes;
                ae->file = (uint16_t)fi;
                ae->line = (uint32_t)lr.lineno;
                ae->place = (uint8_t)places;
                cur = d->nactors++;
                if (code) {
                    dy_actor_code c;
                    if (parse_actor_code(code, code_len, &c))
                        return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)pl, "malformed code or date range");
                    if (code + code_len < s + n &&
                        parse_coords(code + code_len + 1, s + n, &c))
                        return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)(code + code_len + 1 - s),
                                       "malformed coordinates (use @LAT,LON)");
                    c.line = (uint32_t)lr.lineno;
                    if (GROW(d->codes, d->ncodes, d->codes_cap, 1)) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
                    d->codes[d->ncodes++] = c;
                    ae->code_count = 1;
                    if (c.from != INT32_MIN || c.to != INT32_MAX) ae->person = 1;
                }
            }
        }
        int r = add_phrase_node(d, &pw, agents ? 2 : 1, (uint32_t)cur, name, lr.lineno, err);
        if (r) return r;
        if (agents) {
            r = add_agent_plurals(d, &pw, (uint32_t)cur, name, lr.lineno, err);
            if (r) return r;
        }
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------------ issues */

/* "PHRASE [TOPIC]" starts an entry, "+PHRASE" adds a phrase to it; [DISCARD] marks phrases whose
 * sentence is not political news. */
static int load_issues(dyad_dict *d, const char *name, const char *data, size_t len, dyad_error *err) {
    int fi = file_index(d, name);
    if (fi < 0) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
    line_reader lr = {data, data + len, 0};
    const char *s;
    size_t n;
    int indented;
    long cur = -1;
    while (next_line(&lr, &s, &n, &indented)) {
        if (n == 0) continue;
        int synonym = s[0] == '+';
        if (synonym) {
            s++;
            n--;
            if (cur < 0) return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "'+' phrase without an entry");
        }
        size_t pl;
        const char *code;
        size_t code_len;
        split_bracket(s, n, &pl, &code, &code_len);
        if (pl == 0) return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "empty phrase");
        phrase_words pw;
        if (!split_phrase(d, s, pl, &pw))
            return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "phrase empty or longer than %d words", DY_MAX_PHRASE);
        if (!synonym) {
            while (code && code_len && code[0] == ' ') { code++; code_len--; }
            while (code && code_len && code[code_len - 1] == ' ') code_len--;
            if (!code || code_len == 0 || code_len > 40)
                return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)pl, "issue entry needs a [TOPIC]");
            for (size_t i = 0; i < code_len; i++)
                if (!(isupper((unsigned char)code[i]) || isdigit((unsigned char)code[i]) || code[i] == '_'))
                    return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)pl, "a topic is written in capitals, digits and _");
            if (GROW(d->issues, d->nissues, d->issues_cap, 1)) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
            dy_issue_entry *ie = &d->issues[d->nissues];
            memset(ie, 0, sizeof *ie);
            ie->topic = str_add(d, code, code_len);
            if (ie->topic == UINT32_MAX) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
            ie->discard = code_len == 7 && !memcmp(code, "DISCARD", 7);
            ie->file = (uint16_t)fi;
            ie->line = (uint32_t)lr.lineno;
            cur = d->nissues++;
        }
        int r = add_phrase_node(d, &pw, 3, (uint32_t)cur, name, lr.lineno, err);
        if (r) return r;
    }
    return DYAD_OK;
}

/* ------------------------------------------------------------------ verbs */

/* Parses "CODE", "---" or "CODE:suffix[:suffix]" (suffixes: a modality, "mutual", or "alone":
 * the event needs no target, as a test or a resignation; *mutual gets DY_MUTUAL | DY_ALONE bits). */
static int parse_event_code(const char *s, size_t n, char out[8], int8_t *modality, uint8_t *mutual) {
    *modality = -1;
    *mutual = 0;
    out[0] = 0;
    while (n && s[0] == ' ') { s++; n--; }
    while (n && s[n - 1] == ' ') n--;
    const char *colon = memchr(s, ':', n);
    size_t cn = colon ? (size_t)(colon - s) : n;
    while (colon) {
        const char *m = colon + 1;
        const char *next = memchr(m, ':', (size_t)(s + n - m));
        size_t mn = next ? (size_t)(next - m) : (size_t)(s + n - m);
        if (mn == 8 && !strncmp(m, "asserted", 8)) *modality = DYAD_ASSERTED;
        else if (mn == 8 && !strncmp(m, "intended", 8)) *modality = DYAD_INTENDED;
        else if (mn == 12 && !strncmp(m, "hypothetical", 12)) *modality = DYAD_HYPOTHETICAL;
        else if (mn == 7 && !strncmp(m, "negated", 7)) *modality = DYAD_NEGATED;
        else if (mn == 6 && !strncmp(m, "mutual", 6)) *mutual |= DY_MUTUAL;
        else if (mn == 5 && !strncmp(m, "alone", 5)) *mutual |= DY_ALONE;
        else return -1;
        colon = next;
    }
    if (cn == 3 && !strncmp(s, "---", 3)) return 0;
    if (cn < 2 || cn > 4) return -1;
    for (size_t i = 0; i < cn; i++) if (!isdigit((unsigned char)s[i])) return -1;
    memcpy(out, s, cn);
    out[cn] = 0;
    return 0;
}

static int add_form(dyad_dict *d, uint32_t entry, const char *s, size_t n, int tense, const char *file,
                    long line, dyad_error *err) {
    phrase_words pw;
    if (!split_phrase(d, s, n, &pw)) return dy_fail(err, DYAD_ERR_PARSE, file, line, 0, "bad verb form");
    if (GROW(d->words, d->nwords, d->words_cap, (uint32_t)pw.n) || GROW(d->forms, d->nforms, d->forms_cap, 1))
        return dy_fail(err, DYAD_ERR_NOMEM, file, line, -1, "out of memory");
    /* statement cues have a chain of their own: they are no verbs to the other stages */
    int cue = d->verbs[entry].noun == 2;
    /* skip a duplicate form of the same entry */
    for (uint32_t f = cue ? d->lex[pw.ids[0]].cue_first : d->lex[pw.ids[0]].verb_first; f; f = d->forms[f - 1].next) {
        const dy_verb_form *vf = &d->forms[f - 1];
        if (vf->nwords == pw.n && !memcmp(d->words + vf->word_start, pw.ids, pw.n * sizeof(uint32_t))) {
            if (d->verbs[vf->entry].noun != d->verbs[entry].noun) continue;
            if (vf->entry != entry)
                dy_buf_printf(&d->warnings, "%s:%ld: verb form '%.*s' already belongs to another verb\n",
                              base_name(file), line, (int)n, s);
            return DYAD_OK;
        }
    }
    dy_verb_form *vf = &d->forms[d->nforms];
    vf->entry = entry;
    vf->word_start = d->nwords;
    vf->nwords = (uint8_t)pw.n;
    vf->tense = (uint8_t)tense;
    memcpy(d->words + d->nwords, pw.ids, pw.n * sizeof(uint32_t));
    d->nwords += (uint32_t)pw.n;
    /* append at the end of the chain so that earlier entries are tried first */
    vf->next = 0;
    if (d->verbs[entry].noun == 0) d->lex[pw.ids[0]].is_verb = 1;
    uint32_t *link = cue ? &d->lex[pw.ids[0]].cue_first : &d->lex[pw.ids[0]].verb_first;
    while (*link) link = &d->forms[*link - 1].next;
    *link = ++d->nforms;
    return DYAD_OK;
}

/* Generates the regular inflections of the first word of a verb ("MEET_WITH" -> meets_with ...). */
static int add_regular_forms(dyad_dict *d, uint32_t entry, const char *s, size_t n, const char *file, long line,
                             dyad_error *err) {
    size_t w = 0;
    while (w < n && s[w] != '_' && s[w] != ' ') w++;
    const char *rest = s + w;
    size_t rn = n - w;
    if (w == 0 || w > 60) return dy_fail(err, DYAD_ERR_PARSE, file, line, 0, "bad verb");
    char base[64], f[3][160];
    for (size_t i = 0; i < w; i++) base[i] = (char)tolower((unsigned char)s[i]);
    base[w] = 0;
    char last = base[w - 1], prev = w > 1 ? base[w - 2] : 0;
    int vowel_prev = prev && strchr("aeiou", prev);
    /* -s */
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 's' || prev == 'c')) || last == 'o')
        snprintf(f[0], sizeof f[0], "%ses%.*s", base, (int)rn, rest);
    else if (last == 'y' && !vowel_prev)
        snprintf(f[0], sizeof f[0], "%.*sies%.*s", (int)w - 1, base, (int)rn, rest);
    else
        snprintf(f[0], sizeof f[0], "%ss%.*s", base, (int)rn, rest);
    /* -ed */
    if (last == 'e')
        snprintf(f[1], sizeof f[1], "%sd%.*s", base, (int)rn, rest);
    else if (last == 'y' && !vowel_prev)
        snprintf(f[1], sizeof f[1], "%.*sied%.*s", (int)w - 1, base, (int)rn, rest);
    else
        snprintf(f[1], sizeof f[1], "%sed%.*s", base, (int)rn, rest);
    /* -ing */
    if (last == 'e' && w > 2 && prev != 'e' && prev != 'y' && prev != 'o')
        snprintf(f[2], sizeof f[2], "%.*sing%.*s", (int)w - 1, base, (int)rn, rest);
    else
        snprintf(f[2], sizeof f[2], "%sing%.*s", base, (int)rn, rest);
    int r;
    if ((r = add_form(d, entry, s, n, DY_FORM_BASE, file, line, err))) return r;
    if ((r = add_form(d, entry, f[0], strlen(f[0]), DY_FORM_S, file, line, err))) return r;
    if ((r = add_form(d, entry, f[1], strlen(f[1]), DY_FORM_PAST, file, line, err))) return r;
    return add_form(d, entry, f[2], strlen(f[2]), DY_FORM_ING, file, line, err);
}

/* The regular plural of an event noun's first word ("CLASH" -> clashes, "PARTY" -> parties). */
static int add_noun_plural(dyad_dict *d, uint32_t entry, const char *s, size_t n, const char *file, long line,
                           dyad_error *err) {
    /* the last word takes the plural: "SIGNING_CEREMONY" -> signing_ceremonies */
    size_t a = n;
    while (a > 0 && s[a - 1] != '_' && s[a - 1] != ' ') a--;
    size_t w = n - a;
    if (w < 2 || w > 60 || n > 120) return DYAD_OK;
    char base[64], f[200];
    for (size_t i = 0; i < w; i++) base[i] = (char)tolower((unsigned char)s[a + i]);
    base[w] = 0;
    char last = base[w - 1], prev = base[w - 2];
    if (last == 's' && prev != 's') return DYAD_OK; /* "talks" is already plural */
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 's' || prev == 'c')))
        snprintf(f, sizeof f, "%.*s%ses", (int)a, s, base);
    else if (last == 'y' && !strchr("aeiou", prev))
        snprintf(f, sizeof f, "%.*s%.*sies", (int)a, s, (int)w - 1, base);
    else
        snprintf(f, sizeof f, "%.*s%ss", (int)a, s, base);
    return add_form(d, entry, f, strlen(f), DY_FORM_S, file, line, err);
}

static int guess_tense(const char *s, size_t n) {
    size_t w = 0;
    while (w < n && s[w] != '_' && s[w] != ' ') w++;
    if (w > 3 && !strncasecmp(s + w - 3, "ing", 3)) return DY_FORM_ING;
    if (w > 2 && (s[w - 1] == 's' || s[w - 1] == 'S') && s[w - 2] != 's' && s[w - 2] != 'S') return DY_FORM_S;
    return DY_FORM_PAST;
}

static int parse_pattern(dyad_dict *d, const char *s, size_t n, const char *file, long line, int fi,
                         dyad_error *err) {
    if (d->nverbs == 0) return dy_fail(err, DYAD_ERR_PARSE, file, line, 0, "pattern without a verb");
    size_t pl;
    const char *code;
    size_t code_len;
    split_bracket(s, n, &pl, &code, &code_len);
    if (!code) return dy_fail(err, DYAD_ERR_PARSE, file, line, (long)n, "pattern needs a [CODE]");
    dy_pattern p;
    memset(&p, 0, sizeof p);
    if (parse_event_code(code, code_len, p.code, &p.modality, &p.mutual))
        return dy_fail(err, DYAD_ERR_PARSE, file, line, (long)pl, "bad event code in pattern");
    p.elem_start = d->nelems;
    p.file = (uint16_t)fi;
    p.line = (uint32_t)line;
    int verbs = 0;
    size_t i = 0;
    while (i < pl) {
        while (i < pl && s[i] == ' ') i++;
        if (i >= pl) break;
        if (GROW(d->elems, d->nelems, d->elems_cap, 1)) return dy_fail(err, DYAD_ERR_NOMEM, file, line, -1, "out of memory");
        dy_pat_elem *e = &d->elems[d->nelems];
        memset(e, 0, sizeof *e);
        char c = s[i];
        if ((c == '*' || c == '$' || c == '+' || c == '%') && (i + 1 == pl || s[i + 1] == ' ')) {
            e->type = c == '*' ? DY_PE_VERB : c == '$' ? DY_PE_SOURCE : c == '+' ? DY_PE_TARGET : DY_PE_BOTH;
            verbs += c == '*';
            i++;
        } else {
            size_t j;
            const char *a;
            size_t an;
            if (c == '{') {
                const char *close = memchr(s + i, '}', pl - i);
                if (!close) return dy_fail(err, DYAD_ERR_PARSE, file, line, (long)i, "missing '}'");
                a = s + i + 1;
                an = (size_t)(close - a);
                j = (size_t)(close - s) + 1;
            } else {
                j = i;
                while (j < pl && s[j] != ' ') j++;
                a = s + i;
                an = j - i;
            }
            e->type = DY_PE_WORDS;
            e->opt_start = d->nopts;
            /* alternatives separated by '|' */
            size_t k = 0;
            while (k <= an) {
                size_t m = k;
                while (m < an && a[m] != '|') m++;
                size_t ok = k, om = m;
                while (ok < om && a[ok] == ' ') ok++;
                while (om > ok && a[om - 1] == ' ') om--;
                if (om > ok) {
                    phrase_words pw;
                    if (!split_phrase(d, a + ok, om - ok, &pw))
                        return dy_fail(err, DYAD_ERR_PARSE, file, line, (long)i, "bad word in pattern");
                    if (GROW(d->opts, d->nopts, d->opts_cap, 1) || GROW(d->words, d->nwords, d->words_cap, (uint32_t)pw.n))
                        return dy_fail(err, DYAD_ERR_NOMEM, file, line, -1, "out of memory");
                    d->opts[d->nopts].word_start = d->nwords;
                    d->opts[d->nopts].nwords = (uint32_t)pw.n;
                    memcpy(d->words + d->nwords, pw.ids, pw.n * sizeof(uint32_t));
                    d->nwords += (uint32_t)pw.n;
                    d->nopts++;
                    e->opt_count++;
                }
                k = m + 1;
            }
            if (!e->opt_count) return dy_fail(err, DYAD_ERR_PARSE, file, line, (long)i, "empty word element");
            p.nliteral++;
            i = j;
        }
        d->nelems++;
    }
    if (verbs != 1) return dy_fail(err, DYAD_ERR_PARSE, file, line, 0, "a pattern needs exactly one '*'");
    p.elem_count = d->nelems - p.elem_start;
    if (GROW(d->patterns, d->npatterns, d->patterns_cap, 1)) return dy_fail(err, DYAD_ERR_NOMEM, file, line, -1, "out of memory");
    dy_verb_entry *v = &d->verbs[d->nverbs - 1];
    if (v->pat_count && v->pat_start + v->pat_count != d->npatterns)
        return dy_fail(err, DYAD_ERR_PARSE, file, line, 0, "pattern separated from its verb");
    if (!v->pat_count) v->pat_start = d->npatterns;
    d->patterns[d->npatterns++] = p;
    v->pat_count++;
    return DYAD_OK;
}

/* Gives the entries of a verb group [start, last) that have no patterns of their own the patterns
 * of the group's last entry. */
static void share_patterns(dyad_dict *d, uint32_t start) {
    if (start == UINT32_MAX || d->nverbs == 0 || start >= d->nverbs - 1) return;
    const dy_verb_entry *last = &d->verbs[d->nverbs - 1];
    if (!last->pat_count) return;
    for (uint32_t e = start; e < d->nverbs - 1; e++) {
        if (d->verbs[e].pat_count) continue;
        d->verbs[e].pat_start = last->pat_start;
        d->verbs[e].pat_count = last->pat_count;
    }
}

static int load_verbs(dyad_dict *d, const char *name, const char *data, size_t len, dyad_error *err) {
    int fi = file_index(d, name);
    if (fi < 0) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
    line_reader lr = {data, data + len, 0};
    const char *s;
    size_t n;
    int indented;
    char block_code[8] = "";
    int have_block_code = 0;
    uint8_t block_mutual = 0;
    int8_t block_modality = -1;
    /* a verb and the + synonyms right after it, before any pattern, share the patterns that
     * follow ("SEND" then "+DISPATCH" then "- * TROOPS [154]": both send troops) */
    uint32_t group_start = UINT32_MAX;
    int after_pattern = 0;
    while (next_line(&lr, &s, &n, &indented)) {
        if (n == 0) continue;
        uint32_t sig = dy_line_sig(s, n);
        if (s[0] != '-' || (n >= 3 && !strncmp(s, "---", 3))) {
            int synonym = s[0] == '+';
            if (after_pattern || !synonym || (n >= 3 && !strncmp(s, "---", 3))) {
                share_patterns(d, group_start);
                group_start = UINT32_MAX;
            }
            after_pattern = 0;
        }
        if (n >= 3 && !strncmp(s, "---", 3)) {
            /* block header: --- NAME [CODE] --- */
            const char *code;
            size_t code_len, pl;
            split_bracket(s, n, &pl, &code, &code_len);
            have_block_code = 0;
            block_code[0] = 0;
            block_mutual = 0;
            block_modality = -1;
            if (code) {
                if (parse_event_code(code, code_len, block_code, &block_modality, &block_mutual))
                    return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "bad block code");
                have_block_code = 1;
            }
            d->nblocks++;
            continue;
        }
        if (s[0] == '-') {
            uint32_t np0 = d->npatterns;
            int r = parse_pattern(d, s + 1, n - 1, name, lr.lineno, fi, err);
            if (r) return r;
            if (d->npatterns > np0) d->patterns[d->npatterns - 1].sig = sig;
            after_pattern = 1;
            continue;
        }
        if (group_start == UINT32_MAX) group_start = d->nverbs;
        if (s[0] == '+') { s++; n--; }
        int noun = 0;
        if (n && s[0] == '@') { s++; n--; noun = 1; }
        else if (n && s[0] == '~') { s++; n--; noun = 2; }
        if (n == 0) return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, 0, "empty verb");
        /* VERB [CODE] {FORMS} */
        size_t vl = 0;
        while (vl < n && s[vl] != ' ' && s[vl] != '[' && s[vl] != '{') vl++;
        const char *rest = s + vl;
        size_t rn = n - vl;
        const char *br = memchr(rest, '[', rn), *cb = memchr(rest, '{', rn);
        if (GROW(d->verbs, d->nverbs, d->verbs_cap, 1)) return dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
        dy_verb_entry *v = &d->verbs[d->nverbs];
        memset(v, 0, sizeof *v);
        v->file = (uint16_t)fi;
        v->line = (uint32_t)lr.lineno;
        v->sig = sig;
        v->block = d->nblocks;
        v->noun = (uint8_t)noun;
        v->modality = -1;
        if (br && (!cb || br < cb)) {
            const char *e = memchr(br, ']', (size_t)(s + n - br));
            if (!e) return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)(br - s), "missing ']'");
            if (parse_event_code(br + 1, (size_t)(e - br - 1), v->code, &v->modality, &v->mutual))
                return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)(br - s), "bad event code");
        } else if (have_block_code) {
            memcpy(v->code, block_code, sizeof v->code);
            v->mutual = block_mutual;
            v->modality = block_modality;
        }
        uint32_t entry = d->nverbs++;
        char lower[128];
        size_t ln = vl < sizeof lower - 1 ? vl : sizeof lower - 1;
        for (size_t i = 0; i < ln; i++) lower[i] = (char)tolower((unsigned char)s[i]);
        d->verbs[entry].name = str_add(d, lower, ln);
        int r;
        if (cb) {
            const char *ce = memchr(cb, '}', (size_t)(s + n - cb));
            if (!ce) return dy_fail(err, DYAD_ERR_PARSE, name, lr.lineno, (long)(cb - s), "missing '}'");
            if ((r = add_form(d, entry, s, vl, DY_FORM_BASE, name, lr.lineno, err))) return r;
            const char *p = cb + 1;
            while (p < ce) {
                while (p < ce && (*p == ' ' || *p == ',')) p++;
                const char *q = p;
                while (q < ce && *q != ' ' && *q != ',') q++;
                if (q > p && (r = add_form(d, entry, p, (size_t)(q - p), guess_tense(p, (size_t)(q - p)), name,
                                           lr.lineno, err)))
                    return r;
                p = q;
            }
        } else if (noun) {
            if ((r = add_form(d, entry, s, vl, DY_FORM_BASE, name, lr.lineno, err))) return r;
            if (noun == 1 && (r = add_noun_plural(d, entry, s, vl, name, lr.lineno, err))) return r;
        } else if ((r = add_regular_forms(d, entry, s, vl, name, lr.lineno, err))) {
            return r;
        }
    }
    share_patterns(d, group_start);
    return DYAD_OK;
}

/* ------------------------------------------------------------------ public API */

dyad_dict *dyad_dict_new(void) {
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    if (ensure_root(d)) { free(d); return NULL; }
    d->conf_default = -1;
    add_closed_classes(d);
    return d;
}

static dyad_dict_kind kind_of(const char *path) {
    const char *dot = strrchr(path, '.');
    if (!dot) return DYAD_DICT_AUTO;
    if (!strcmp(dot, ".actors") || !strcmp(dot, ".actor")) return DYAD_DICT_ACTORS;
    if (!strcmp(dot, ".agents") || !strcmp(dot, ".agent")) return DYAD_DICT_AGENTS;
    if (!strcmp(dot, ".verbs") || !strcmp(dot, ".verb")) return DYAD_DICT_VERBS;
    if (!strcmp(dot, ".places") || !strcmp(dot, ".place")) return DYAD_DICT_PLACES;
    if (!strcmp(dot, ".confidence")) return DYAD_DICT_CONFIDENCE;
    if (!strcmp(dot, ".issues")) return DYAD_DICT_ISSUES;
    return DYAD_DICT_AUTO;
}

int dyad_dict_load_buffer(dyad_dict *d, const char *name, const char *data, size_t len, dyad_dict_kind kind,
                          dyad_error *err) {
    if (!d || !data) return dy_fail(err, DYAD_ERR_ARG, name, 0, -1, "no dictionary or data");
    if (d->compiled) return dy_fail(err, DYAD_ERR_ARG, name, 0, -1, "dictionary already compiled");
    if (kind == DYAD_DICT_AUTO) kind = kind_of(name);
    switch (kind) {
    case DYAD_DICT_ACTORS: return load_actors(d, name, data, len, 0, 0, err);
    case DYAD_DICT_AGENTS: return load_actors(d, name, data, len, 1, 0, err);
    case DYAD_DICT_PLACES: return load_actors(d, name, data, len, 0, 1, err);
    case DYAD_DICT_VERBS: return load_verbs(d, name, data, len, err);
    case DYAD_DICT_CONFIDENCE: return dy_load_confidence(d, name, data, len, err);
    case DYAD_DICT_ISSUES: return load_issues(d, name, data, len, err);
    default: return dy_fail(err, DYAD_ERR_ARG, name, 0, -1, "unknown dictionary kind (use .actors, .agents, .verbs or .places)");
    }
}

int dyad_dict_load_file(dyad_dict *d, const char *path, dyad_dict_kind kind, dyad_error *err) {
    char *data;
    size_t len;
    int r = dy_read_file(path, &data, &len, err);
    if (r) return r;
    if (kind == DYAD_DICT_AUTO) {
        kind = kind_of(path);
        /* allow a trailing .gz */
        if (kind == DYAD_DICT_AUTO) {
            size_t pl = strlen(path);
            if (pl > 3 && !strcmp(path + pl - 3, ".gz")) {
                char tmp[1024];
                snprintf(tmp, sizeof tmp, "%.*s", (int)(pl - 3), path);
                kind = kind_of(tmp);
            }
        }
    }
    r = dyad_dict_load_buffer(d, path, data, len, kind, err);
    free(data);
    return r;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int dy_dict_list_dir(const char *dir, char ***out, size_t *count) {
    DIR *dp = opendir(dir);
    *out = NULL;
    *count = 0;
    if (!dp) return DYAD_ERR_IO;
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    int r = DYAD_OK;
    while ((de = readdir(dp))) {
        if (kind_of(de->d_name) == DYAD_DICT_AUTO) continue;
        char **p = realloc(names, (n + 1) * sizeof *names);
        if (!p) { r = DYAD_ERR_NOMEM; break; }
        names = p;
        names[n] = strdup(de->d_name);
        if (!names[n]) { r = DYAD_ERR_NOMEM; break; }
        n++;
    }
    closedir(dp);
    if (n) qsort(names, n, sizeof *names, cmp_str);
    *out = names;
    *count = n;
    return r;
}

int dyad_dict_load_dir(dyad_dict *d, const char *dir, dyad_error *err) {
    char **names;
    size_t n;
    int r = dy_dict_list_dir(dir, &names, &n);
    if (r == DYAD_ERR_IO) return dy_fail(err, DYAD_ERR_IO, dir, 0, -1, "cannot open dictionary directory");
    if (r) {
        for (size_t i = 0; i < n; i++) free(names[i]);
        free(names);
        return dy_fail(err, DYAD_ERR_NOMEM, dir, 0, -1, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        if (r == DYAD_OK) {
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            r = dyad_dict_load_file(d, path, DYAD_DICT_AUTO, err);
        }
        free(names[i]);
    }
    free(names);
    if (r == DYAD_OK && n == 0) return dy_fail(err, DYAD_ERR_IO, dir, 0, -1, "no .actors, .agents, .verbs or .places files");
    return r;
}

int dyad_dict_compile(dyad_dict *d, dyad_error *err) {
    if (!d) return dy_fail(err, DYAD_ERR_ARG, NULL, 0, -1, "no dictionary");
    dy_confidence_compile(d);
    dy_tag_lexicon(d);
    for (uint32_t i = 0; i < d->nlex; i++) d->lex[i].child0 = d->lex[i].child_issue = 0;
    for (uint32_t i = 0; i < d->edges_cap; i++) {
        uint64_t k = d->edges[i].key;
        if (!k) continue;
        k--;
        uint32_t parent = (uint32_t)(k >> 32), w = (uint32_t)k;
        if (w >= d->nlex) continue;
        if (parent == 0) d->lex[w].child0 = d->edges[i].child;
        else if (parent == DY_ISSUE_ROOT) d->lex[w].child_issue = d->edges[i].child;
    }
    d->compiled = 1;
    return DYAD_OK;
}

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st) {
    memset(st, 0, sizeof *st);
    st->files = d->nfiles;
    st->actor_entries = d->nactors;
    st->actor_phrases = d->nphrases;
    st->actor_codes = d->ncodes;
    st->agent_phrases = d->nagent_phrases;
    st->verb_entries = d->nverbs;
    st->verb_forms = d->nforms;
    st->patterns = d->npatterns;
    st->words = d->nlex ? d->nlex - 1 : 0;
    st->issue_phrases = d->nissue_phrases;
    /* distinct topics (a few hundred entries at most: a quadratic count is fine) */
    for (uint32_t i = 0; i < d->nissues; i++) {
        const dy_issue_entry *e = &d->issues[i];
        if (e->discard) continue;
        uint32_t j = 0;
        while (j < i && strcmp(d->strings + d->issues[j].topic, d->strings + e->topic)) j++;
        if (j == i) st->issue_topics++;
    }
    for (uint32_t i = 1; i < d->nnodes; i++)
        if (d->nodes[i].kind == 3 && d->nodes[i].index < d->nissues && d->issues[d->nodes[i].index].discard)
            st->discard_phrases++;
}

const dy_actor_code *dy_actor_code_on(const dyad_dict *d, const dy_actor_entry *e, int32_t day) {
    if (!e->code_count) return NULL;
    const dy_actor_code *best = NULL, *undated = NULL;
    int64_t best_len = INT64_MAX;
    for (uint32_t i = 0; i < e->code_count; i++) {
        const dy_actor_code *c = &d->codes[e->code_start + i];
        if (c->from == INT32_MIN && c->to == INT32_MAX) {
            if (!undated) undated = c;
            continue;
        }
        if (day == DY_NOCODE) continue;
        if (day < c->from || day > c->to) continue;
        int64_t l = (int64_t)c->to - c->from;
        if (l < best_len) { best_len = l; best = c; }
    }
    if (best) return best;
    if (undated) return undated;
    if (day == DY_NOCODE) {
        /* no date: the open-ended (current) code, else the last one */
        for (uint32_t i = 0; i < e->code_count; i++) {
            const dy_actor_code *c = &d->codes[e->code_start + i];
            if (c->to == INT32_MAX) return c;
        }
        return &d->codes[e->code_start + e->code_count - 1];
    }
    /* the date falls outside every range: the nearest range's code (before first / after last) */
    const dy_actor_code *near = &d->codes[e->code_start];
    int64_t near_gap = INT64_MAX;
    for (uint32_t i = 0; i < e->code_count; i++) {
        const dy_actor_code *c = &d->codes[e->code_start + i];
        int64_t gap = day < c->from ? (int64_t)c->from - day : (int64_t)day - c->to;
        if (gap < near_gap) { near_gap = gap; near = c; }
    }
    return near;
}

static int valid_actor_code(const char *c) {
    size_t n = strlen(c);
    if (n < 3 || n % 3) return 0;
    if (!strncmp(c, "---", 3)) return n > 3 ? dyad_actor_code_find(c + 3) != NULL || n >= 6 : 1;
    if (!strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) || !strncmp(c, "IMG", 3) || !strncmp(c, "MNC", 3)) return 1;
    char head[4] = {c[0], c[1], c[2], 0};
    if (!dyad_actor_code_find(head)) return 0;
    for (size_t i = 3; i + 3 <= n; i += 3) {
        char part[4] = {c[i], c[i + 1], c[i + 2], 0};
        if (!dyad_actor_code_find(part)) return 0;
    }
    return 1;
}

size_t dyad_dict_check(const dyad_dict *d, dyad_buf *report) {
    size_t findings = 0;
    if (d->warnings.len) {
        dy_buf_append(report, d->warnings.data, d->warnings.len);
        for (size_t i = 0; i < d->warnings.len; i++) findings += d->warnings.data[i] == '\n';
    }
    for (uint32_t i = 0; i < d->nactors; i++) {
        const dy_actor_entry *e = &d->actors[i];
        if (!e->code_count) {
            dy_buf_printf(report, "%s:%u: entry '%s' has no code\n", d->files[e->file], e->line, d->strings + e->name);
            findings++;
        }
        for (uint32_t k = 0; k < e->code_count; k++) {
            const dy_actor_code *c = &d->codes[e->code_start + k];
            if (!valid_actor_code(c->code)) {
                dy_buf_printf(report, "%s:%u: unknown actor code '%s'\n", d->files[e->file], c->line, c->code);
                findings++;
            }
            for (uint32_t j = k + 1; j < e->code_count; j++) {
                const dy_actor_code *o = &d->codes[e->code_start + j];
                int dated = (c->from != INT32_MIN || c->to != INT32_MAX) && (o->from != INT32_MIN || o->to != INT32_MAX);
                if (dated && c->from <= o->to && o->from <= c->to) {
                    dy_buf_printf(report, "%s:%u: tenure overlaps the one on line %u\n", d->files[e->file], o->line, c->line);
                    findings++;
                }
            }
        }
    }
    for (uint32_t i = 0; i < d->nagents; i++) {
        const dy_agent_entry *a = &d->agents[i];
        if (!dyad_actor_code_find(a->agent)) {
            dy_buf_printf(report, "%s:%u: unknown agent code '%s'\n", d->files[a->file], a->line, a->agent);
            findings++;
        }
    }
    for (uint32_t i = 0; i < d->nverbs; i++) {
        const dy_verb_entry *v = &d->verbs[i];
        if (v->code[0] && !dyad_cameo_find(v->code)) {
            dy_buf_printf(report, "%s:%u: unknown CAMEO event code '%s'\n", d->files[v->file], v->line, v->code);
            findings++;
        }
        for (uint32_t k = 0; k < v->pat_count; k++) {
            const dy_pattern *p = &d->patterns[v->pat_start + k];
            if (p->code[0] && !dyad_cameo_find(p->code)) {
                dy_buf_printf(report, "%s:%u: unknown CAMEO event code '%s'\n", d->files[p->file], p->line, p->code);
                findings++;
            }
        }
    }
    findings += dy_confidence_check(d, report);
    return findings;
}

void dyad_dict_free(dyad_dict *d) {
    if (!d) return;
    dy_dict_free_arrays(d);
    free(d);
}

void dy_dict_free_arrays(dyad_dict *d) {
    if (d->map) {
        /* the arrays are views into the mapping; only the file names and warnings are heap */
        dy_unmap(d->map, d->map_len);
        d->map = NULL;
        for (uint32_t i = 0; i < d->nfiles; i++) free(d->files[i]);
        free(d->files);
        dyad_buf_free(&d->warnings);
        return;
    }
    free(d->strings);
    free(d->lex);
    free(d->lex_table);
    free(d->nodes);
    free(d->edges);
    free(d->actors);
    free(d->codes);
    free(d->agents);
    free(d->issues);
    free(d->verbs);
    free(d->forms);
    free(d->patterns);
    free(d->elems);
    free(d->opts);
    free(d->words);
    for (uint32_t i = 0; i < d->nfiles; i++) free(d->files[i]);
    free(d->files);
    free(d->conf);
    dyad_buf_free(&d->warnings);
}
