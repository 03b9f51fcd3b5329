/*
 * normalise.c - turns an article's raw text (plain text, Markdown, text scraped from the web or a
 * PDF) into the clean text the segmenter reads: valid UTF-8, typography folded to ASCII where it
 * matters, markup and site furniture removed, broken paragraphs rejoined, and a map from every
 * output byte back to the byte of the original it came from.
 *
 * Algorithm: two linear passes, both writing into the document arena.
 *  1. fold: decode UTF-8 (each invalid sequence - overlong, surrogate, out of range, truncated -
 *     becomes one U+FFFD, "maximal subpart" style), decode HTML character references ("&amp;",
 *     "&#8217;"), and fold typography one code point at a time: curly quotes to ' and ", dashes to
 *     "--" (or "-" inside a number range or a compound), Unicode spaces to ' ', invisible
 *     characters removed, the ellipsis to "...", CR/LF and Unicode line separators to '\n'. Every
 *     output byte records the offset of the character it came from.
 *  2. blocks: walk the folded text line by line. Block markup (blockquote '>', '#' headings, list
 *     bullets, rules, code fences) is stripped at the line start; inline markup (emphasis runs,
 *     links, images, HTML tags, backslash escapes) while the line is copied. White space is
 *     emitted lazily, just before the next content byte, so runs collapse to one space, a line
 *     break inside a paragraph becomes a space, and a blank line one '\n' - or a space when the
 *     previous paragraph stopped mid-sentence and the next starts in lower case (paragraph
 *     repair). Each emitted line is then tested against the boilerplate rules and, when it is site
 *     furniture, the output is rolled back to where the line began (the saved state is a few
 *     words, so this costs nothing). Every scan that looks ahead (links, tags) stops at the next
 *     bracket of its kind and at a fixed limit, so the whole pass stays linear.
 */
#include "internal.h"

#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ character classes */

#define R8(x) x, x, x, x, x, x, x, x
#define R16(x) R8(x), R8(x)

/* Pass 1: 0 = copy as is, 1 = ASCII control, 2 = '&', 3 = byte >= 0x80. */
enum { F_COPY = 0, F_CTRL = 1, F_AMP = 2, F_HIGH = 3 };
static const uint8_t fold_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,  /* '\n' (10) is copied */
    R16(1),
    0, 0, 0, 0, 0, 0, 2, 0, R8(0),                     /* '&' */
    R16(0), R16(0), R16(0), R16(0),
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,  /* DEL */
    R16(3), R16(3), R16(3), R16(3), R16(3), R16(3), R16(3), R16(3)
};

/* Pass 2: bytes the inline scanner must look at (everything else is copied). */
static const uint8_t md_special[256] = {
    R16(0), R16(0),
    1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,  /* ' ' '!' '*' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,  /* '<' */
    R16(0),
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1,  /* '[' '\\' '_' */
    R16(0), R16(0),
    R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0)
};

static inline int is_digit(unsigned c) { return c - '0' < 10u; }
static inline int is_lower(unsigned c) { return c - 'a' < 26u; }
static inline int is_upper(unsigned c) { return c - 'A' < 26u; }
static inline int is_alpha(unsigned c) { return (c | 0x20u) - 'a' < 26u; }
/* letters, digits, and any non-ASCII byte (a UTF-8 letter, as far as this file is concerned) */
static inline int is_alnum8(unsigned c) { return is_alpha(c) || is_digit(c) || c >= 0x80; }
static inline int is_punct(unsigned c) { return c > 0x20 && c < 0x7f && !is_alpha(c) && !is_digit(c); }
static inline int is_sp(unsigned c) { return c == ' ' || c == '\t'; }

/* ------------------------------------------------------------------ pass 1: fold */

typedef struct wbuf {
    char *t;
    uint32_t *m;
    size_t n;
} wbuf;

static inline void w1(wbuf *w, char c, uint32_t off) {
    w->t[w->n] = c;
    w->m[w->n++] = off;
}

static void w_utf8(wbuf *w, uint32_t cp, uint32_t off) {
    if (cp < 0x80) {
        w1(w, (char)cp, off);
    } else if (cp < 0x800) {
        w1(w, (char)(0xC0 | (cp >> 6)), off);
        w1(w, (char)(0x80 | (cp & 0x3F)), off);
    } else if (cp < 0x10000) {
        w1(w, (char)(0xE0 | (cp >> 12)), off);
        w1(w, (char)(0x80 | ((cp >> 6) & 0x3F)), off);
        w1(w, (char)(0x80 | (cp & 0x3F)), off);
    } else {
        w1(w, (char)(0xF0 | (cp >> 18)), off);
        w1(w, (char)(0x80 | ((cp >> 12) & 0x3F)), off);
        w1(w, (char)(0x80 | ((cp >> 6) & 0x3F)), off);
        w1(w, (char)(0x80 | (cp & 0x3F)), off);
    }
}

/* Folds one non-ASCII code point (or one decoded from a character reference). `next` is the byte
 * that follows it in the original (-1 at the end), for dashes. Returns 1 when it wrote the folded
 * form (possibly nothing, for an invisible character), 0 when the caller should copy it as is. */
static int fold_cp(wbuf *w, uint32_t cp, uint32_t off, int next) {
    unsigned prev = w->n ? (unsigned char)w->t[w->n - 1] : ' ';
    switch (cp) {
    /* C1 controls: text that went through Windows-1252 -> Latin-1 -> UTF-8 carries its curly quotes
     * and dashes here, so read them as Windows-1252 would */
    case 0x85: cp = 0x2026; break;
    case 0x91: case 0x92: cp = 0x2019; break;
    case 0x93: case 0x94: cp = 0x201D; break;
    case 0x96: cp = 0x2013; break;
    case 0x97: cp = 0x2014; break;
    default: break;
    }
    if (cp >= 0x80 && cp < 0xA0) { w1(w, ' ', off); return 1; }
    switch (cp) {
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        w1(w, ' ', off);
        return 1;
    case 0xAD: case 0x180E: case 0xFEFF:
        return 1;
    case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        w1(w, '"', off);
        return 1;
    case 0xB4: case 0x2BC: case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x2039: case 0x203A:
        w1(w, '\'', off);
        return 1;
    case 0x2010: case 0x2011: case 0x2012:
        w1(w, '-', off);
        return 1;
    case 0x2013:
        /* en dash inside a range or a compound ("14-16", "Putin-Trump"): a hyphen */
        if (is_alnum8(prev) && next >= 0 && is_alnum8((unsigned)next)) { w1(w, '-', off); return 1; }
        w1(w, '-', off); w1(w, '-', off);
        return 1;
    case 0x2212:
        /* minus: a sign before a number, a hyphen between digits, else a dash */
        if (next >= 0 && is_digit((unsigned)next) && (is_digit(prev) || !is_alnum8(prev))) {
            w1(w, '-', off);
            return 1;
        }
        w1(w, '-', off); w1(w, '-', off);
        return 1;
    case 0x2014: case 0x2015:
        w1(w, '-', off); w1(w, '-', off);
        return 1;
    case 0x2026:
        w1(w, '.', off); w1(w, '.', off); w1(w, '.', off);
        return 1;
    case 0x2028:
        w1(w, '\n', off);
        return 1;
    case 0x2029:
        w1(w, '\n', off); w1(w, '\n', off);
        return 1;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) { w1(w, ' ', off); return 1; }
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x206F))
        return 1;
    return 0;
}

typedef struct entity { const char *name; uint32_t cp; } entity;
static const entity entities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"laquo", 0xAB}, {"raquo", 0xBB},
    {"hellip", 0x2026}, {"shy", 0xAD}, {"thinsp", 0x2009}, {"ensp", 0x2002}, {"emsp", 0x2003},
    {"minus", 0x2212}, {"bull", 0x2022}, {"middot", 0xB7}, {"copy", 0xA9}, {"reg", 0xAE},
    {"deg", 0xB0}, {"euro", 0x20AC}, {"pound", 0xA3}, {"zwj", 0x200D}, {"zwnj", 0x200C},
    {"lrm", 0x200E}, {"rlm", 0x200F},
};

/* An HTML character reference at s[i] == '&': its code point and length, or 0. */
static size_t parse_entity(const unsigned char *s, size_t i, size_t n, uint32_t *cp) {
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
        uint32_t v = 0;
        int hex = 0, digits = 0;
        j++;
        if (j < n && (s[j] | 0x20) == 'x') { hex = 1; j++; }
        for (; j < n && digits < 7; j++, digits++) {
            unsigned c = s[j];
            if (is_digit(c)) v = v * (hex ? 16u : 10u) + (c - '0');
            else if (hex && (c | 0x20u) - 'a' < 6u) v = v * 16u + ((c | 0x20u) - 'a' + 10u);
            else break;
        }
        if (!digits || j >= n || s[j] != ';') return 0;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        *cp = v;
        return j + 1 - i;
    }
    size_t k = j;
    while (k < n && k - j < 8 && is_alpha(s[k])) k++;
    if (k == j || k >= n || s[k] != ';') return 0;
    for (size_t e = 0; e < sizeof entities / sizeof entities[0]; e++) {
        size_t l = strlen(entities[e].name);
        if (l == k - j && memcmp(entities[e].name, s + j, l) == 0) {
            *cp = entities[e].cp;
            return k + 1 - i;
        }
    }
    return 0;
}

/* Decodes s[i..n) (s[i] >= 0x80): returns the length of the valid sequence and its code point,
 * or 0 with *bad = the length of the maximal invalid prefix (>= 1). */
static size_t decode_utf8(const unsigned char *s, size_t i, size_t n, uint32_t *cp, size_t *bad) {
    unsigned c = s[i];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0xC2) { *bad = 1; return 0; }
    if (c < 0xE0) { need = 1; }
    else if (c < 0xF0) { need = 2; if (c == 0xE0) lo = 0xA0; else if (c == 0xED) hi = 0x9F; }
    else if (c < 0xF5) { need = 3; if (c == 0xF0) lo = 0x90; else if (c == 0xF4) hi = 0x8F; }
    else { *bad = 1; return 0; }
    uint32_t v = c & (0x3F >> need);
    for (size_t k = 1; k <= need; k++) {
        if (i + k >= n) { *bad = k; return 0; }
        unsigned b = s[i + k];
        if (b < lo || b > hi) { *bad = k; return 0; }
        lo = 0x80; hi = 0xBF;
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return need + 1;
}

/* Pass 1 over s[i..n): writes the folded text to w (room: see dy_normalise), returns the number of
 * invalid sequences. */
static uint32_t fold(const unsigned char *s, size_t i, size_t n, wbuf *w) {
    uint32_t invalid = 0;
    while (i < n) {
        unsigned c = s[i];
        switch (fold_class[c]) {
        case F_COPY: {  /* a run of plain ASCII: copied in bulk */
            size_t j = i + 1;
            while (j < n && fold_class[s[j]] == F_COPY) j++;
            memcpy(w->t + w->n, s + i, j - i);
            for (size_t k = i; k < j; k++) w->m[w->n++] = (uint32_t)k;
            i = j;
            break;
        }
        case F_CTRL:
            if (c == '\r') {
                if (i + 1 < n && s[i + 1] == '\n') { i++; break; }  /* CRLF: the LF is copied next */
                w1(w, '\n', (uint32_t)i);
            } else {
                w1(w, ' ', (uint32_t)i);  /* NUL, tab, other controls */
            }
            i++;
            break;
        case F_AMP: {
            uint32_t cp;
            size_t l = parse_entity(s, i, n, &cp);
            if (!l) { w1(w, '&', (uint32_t)i); i++; break; }
            int next = i + l < n ? s[i + l] : -1;
            if (cp < 0x80) w1(w, cp < 0x20 || cp == 0x7f ? ' ' : (char)cp, (uint32_t)i);
            else if (!fold_cp(w, cp, (uint32_t)i, next)) w_utf8(w, cp, (uint32_t)i);
            i += l;
            break;
        }
        default: {
            uint32_t cp;
            size_t bad = 0, l = decode_utf8(s, i, n, &cp, &bad);
            if (!l) {
                w_utf8(w, 0xFFFD, (uint32_t)i);
                invalid++;
                i += bad;
                break;
            }
            int next = i + l < n ? s[i + l] : -1;
            if (!fold_cp(w, cp, (uint32_t)i, next)) {
                for (size_t k = 0; k < l; k++) w1(w, (char)s[i + k], (uint32_t)i);
            }
            i += l;
            break;
        }
        }
    }
    return invalid;
}

/* ------------------------------------------------------------------ pass 2: emitter */

/* The output being built, and the separators waiting for the next content byte. Copied whole to
 * roll a boilerplate line back. */
typedef struct emitter {
    char *o;
    uint32_t *om;
    size_t n, cap;
    int pend_space, pend_para;  /* a space / a paragraph break is due before the next byte */
    int nojoin;                 /* the pending paragraph break may not be repaired into a space */
    uint32_t sep_off;           /* original offset of the white space that made the separator */
    /* per line */
    int line_started;
    size_t line_first;          /* output offset of the line's first content byte */
    int in_link;                /* inside the text of a Markdown link */
    unsigned links, link_alnum; /* links seen; letters/digits emitted inside link text */
} emitter;

/* Does the output end a sentence (. ! ? : possibly followed by closing quotes/brackets)? */
static int ends_sentence(const char *o, size_t n, const char *finals) {
    size_t k = n, stop = n > 6 ? n - 6 : 0;
    while (k > stop && strchr("\"')]*_", o[k - 1])) k--;
    return k > 0 && strchr(finals, o[k - 1]) != NULL;
}

static inline void out1(emitter *e, char c, uint32_t off) {
    if (e->n < e->cap) {  /* always true: the output never outgrows the folded text */
        e->o[e->n] = c;
        e->om[e->n++] = off;
    }
}

static inline void set_space(emitter *e, uint32_t off) {
    if (!e->pend_space && !e->pend_para) e->sep_off = off;
    e->pend_space = 1;
}

static inline void set_para(emitter *e, uint32_t off, int nojoin) {
    if (!e->pend_space && !e->pend_para) e->sep_off = off;
    e->pend_para = 1;
    e->nojoin |= nojoin;
}

/* Emits one content byte, preceded by the separator due. */
static inline void put(emitter *e, char c, uint32_t off) {
    if (e->pend_space | e->pend_para) {
        if (e->n > 0) {
            if (e->pend_para) {
                /* paragraph repair: "We discussed\n\nmany aspects" is one sentence */
                int join = !e->nojoin && is_lower((unsigned char)c) &&
                           !ends_sentence(e->o, e->n, ".!?:");
                out1(e, join ? ' ' : '\n', e->sep_off);
            } else if (e->o[e->n - 1] != '\n') {
                out1(e, ' ', e->sep_off);
            }
        }
        e->pend_space = e->pend_para = e->nojoin = 0;
    }
    if (!e->line_started) {
        e->line_started = 1;
        e->line_first = e->n;
    }
    if (e->in_link && is_alnum8((unsigned char)c)) e->link_alnum++;
    out1(e, c, off);
}

/* A Markdown link at A[i] == '[': "[text](url)". Sets *close to the ']' and *end past the ')'.
 * The text may not contain '[' and the url neither brackets nor spaces, so successive scans never
 * overlap; both are bounded. */
static int find_link(const char *A, size_t i, size_t q, size_t *close, size_t *end) {
    size_t j = i + 1, lim = q - i > 1024 ? i + 1024 : q;
    while (j < lim) {
        char c = A[j];
        if (c == '\\') { j += 2; continue; }
        if (c == '[') return 0;
        if (c == ']') break;
        j++;
    }
    if (j >= lim || A[j] != ']' || j + 1 >= q || A[j + 1] != '(') return 0;
    size_t k = j + 2;
    int depth = 0;
    lim = q - k > 2048 ? k + 2048 : q;
    for (; k < lim; k++) {
        char c = A[k];
        if (c == ')') { if (depth == 0) break; depth--; }
        else if (c == '(') depth++;
        else if (c == ' ' || c == '[' || c == ']') return 0;
    }
    if (k >= lim) return 0;
    *close = j;
    *end = k + 1;
    return 1;
}

/* An HTML tag or comment at A[i] == '<' ("<br>", "</p>", "<a href=...>", "<!-- -->"): its end, and
 * whether it breaks the text like white space (block tags, br). Stops at the next '<'. */
static int find_tag(const char *A, size_t i, size_t q, size_t *end, int *block) {
    size_t j = i + 1;
    if (j < q && A[j] == '/') j++;
    if (j >= q) return 0;
    size_t name = j;
    if (A[j] != '!') {
        if (!is_alpha((unsigned char)A[j])) return 0;
        while (j < q && (is_alpha((unsigned char)A[j]) || is_digit((unsigned char)A[j]))) j++;
        if (j < q && A[j] != '>' && A[j] != ' ' && A[j] != '/') return 0;
    }
    size_t nlen = j - name, lim = q - j > 512 ? j + 512 : q;
    for (; j < lim && A[j] != '>'; j++)
        if (A[j] == '<') return 0;
    if (j >= lim) return 0;
    static const char *const blocks[] = {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "hr",
                                         "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
                                         "section", "article", "header", "footer", "figure", "img"};
    *block = 0;
    for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++)
        if (strlen(blocks[b]) == nlen && strncasecmp(blocks[b], A + name, nlen) == 0) *block = 1;
    *end = j + 1;
    return 1;
}

/* Copies the content of one line, A[p..q), stripping inline markup. */
static void inline_md(emitter *e, const char *A, const uint32_t *M, size_t p, size_t q) {
    size_t link_close = (size_t)-1, link_end = 0;
    unsigned prev = ' ';  /* the previous source byte, for emphasis flanking */
    size_t i = p;
    while (i < q) {
        if (i >= link_close) {
            if (i < link_end) i = link_end;
            link_close = (size_t)-1;
            e->in_link = 0;
            prev = ')';
            continue;
        }
        unsigned char c = (unsigned char)A[i];
        if (!md_special[c]) {
            /* the first byte through put() (separators), the rest of the run in bulk, single
             * spaces included */
            put(e, (char)c, M[i]);
            size_t j = i + 1;
            while (j < q && j < link_close) {
                if (!md_special[(unsigned char)A[j]]) j++;
                else if (A[j] == ' ' && j + 1 < q && j + 1 < link_close &&
                         !md_special[(unsigned char)A[j + 1]]) j += 2;  /* one space between words */
                else break;
            }
            size_t k = j - i - 1;
            if (k > e->cap - e->n) k = e->cap - e->n;
            memcpy(e->o + e->n, A + i + 1, k);
            memcpy(e->om + e->n, M + i + 1, k * sizeof *M);
            if (e->in_link)
                for (size_t x = i + 1; x < j; x++) e->link_alnum += is_alnum8((unsigned char)A[x]);
            e->n += k;
            prev = (unsigned char)A[j - 1];
            i = j;
            continue;
        }
        size_t close, end;
        int block;
        switch (c) {
        case ' ':
            set_space(e, M[i]);
            prev = ' ';
            i++;
            break;
        case '\\':
            if (i + 1 < q && is_punct((unsigned char)A[i + 1])) {
                put(e, A[i + 1], M[i + 1]);
                prev = (unsigned char)A[i + 1];
                i += 2;
            } else {
                if (i + 1 < q) put(e, '\\', M[i]);  /* a trailing backslash is a hard break */
                prev = '\\';
                i++;
            }
            break;
        case '[':
            if (link_close == (size_t)-1 && find_link(A, i, q, &close, &end)) {
                link_close = close;
                link_end = end;
                e->in_link = 1;
                e->links++;
            } else {
                put(e, '[', M[i]);
            }
            prev = '[';
            i++;
            break;
        case '!':
            if (i + 1 < q && A[i + 1] == '[' && find_link(A, i + 1, q, &close, &end) &&
                (link_close == (size_t)-1 || end <= link_close)) {
                i = end;  /* an image: dropped with its alt text */
                prev = ')';
            } else {
                put(e, '!', M[i]);
                prev = '!';
                i++;
            }
            break;
        case '<':
            if (find_tag(A, i, q, &end, &block) && (link_close == (size_t)-1 || end <= link_close)) {
                if (block) set_space(e, M[i]);
                i = end;
                prev = block ? ' ' : '>';
            } else {
                put(e, '<', M[i]);
                prev = '<';
                i++;
            }
            break;
        default: { /* '*' or '_': a run is markup when it opens or closes a word */
            size_t j = i;
            while (j < q && (unsigned char)A[j] == c) j++;
            unsigned next = j < q ? (unsigned char)A[j] : ' ';
            int left = !is_sp(next) && (is_sp(prev) || is_punct(prev));
            int right = !is_sp(prev) && (is_sp(next) || is_punct(next));
            int drop = j - i <= 3 && (left || right);
            if (c == '_' && is_alnum8(prev) && is_alnum8(next)) drop = 0;  /* snake_case */
            if (!drop)
                for (size_t k = i; k < j; k++) put(e, (char)c, M[k]);
            prev = c;
            i = j;
            break;
        }
        }
    }
    if (link_close != (size_t)-1) e->in_link = 0;
}

/* ------------------------------------------------------------------ boilerplate */

/* Site furniture, matched case-insensitively at the start of a line that starts a sentence.
 * `cont`: the notice may run on over the following lines of its paragraph ("To contact the WSWS
 * and the\nSocialist Equality Party visit:"), which are dropped with it up to a line ending
 * with . ! ? or : */
typedef struct bp_rule { const char *s; uint8_t cont; } bp_rule;
static const bp_rule bp_prefixes[] = {
    {"to contact ", 1}, {"contact us", 1}, {"subscribe to ", 1}, {"subscribe now", 1},
    {"subscribe for ", 1}, {"subscribe today", 1}, {"subscribe:", 1}, {"sign up for ", 1},
    {"sign up to ", 1}, {"sign up now", 1}, {"sign up here", 1}, {"sign up:", 1},
    {"join our newsletter", 1}, {"join our mailing", 1}, {"get our newsletter", 1},
    {"get our free", 1}, {"newsletter:", 1}, {"share this", 1}, {"share on facebook", 1},
    {"share on twitter", 1}, {"share via", 1}, {"share:", 0}, {"follow us", 1},
    {"like us on facebook", 1}, {"click here", 1}, {"read more", 1}, {"continue reading", 1},
    {"related:", 0}, {"related articles", 0}, {"related stories", 0}, {"related coverage", 0},
    {"related content", 0}, {"related news", 0}, {"see also:", 0}, {"more on this story", 0},
    {"copyright \xc2\xa9", 1}, {"copyright (c)", 1}, {"copyright 1", 1}, {"copyright 2", 1},
    {"copyright\xc2\xa9", 1}, {"\xc2\xa9", 1}, {"(c) 1", 1}, {"(c) 2", 1},
    {"all rights reserved", 0}, {"advertisement", 0}, {"we use cookies", 1},
    {"this site uses cookies", 1}, {"this website uses cookies", 1}, {"our site uses cookies", 1},
    {"by continuing to use", 1}, {"by continuing to browse", 1}, {"by using this site", 1},
    {"accept cookies", 0}, {"accept all cookies", 0}, {"cookie policy", 0},
    {"cookie settings", 0}, {"manage cookies", 0}, {"download our app", 1},
    {"download the app", 1}, {"listen to this article", 0}, {"skip to content", 0},
    {"skip to main content", 0}, {"this article was originally published", 1},
    {"this story was originally published", 1}, {"this article originally appeared", 1},
    {"(reporting by ", 1}, {"reporting by ", 1}, {"additional reporting by ", 1},
    {"(editing by ", 1}, {"editing by ", 1}, {"writing by ", 1},
};

/* Whole lines that are furniture even in the middle of a sentence (scraped ad slots). */
static const char *const bp_strong[] = {
    "advertisement", "advertisements", "sponsored content", "skip to content",
    "skip to main content", "story continues below advertisement", "article continues below",
};

/* Whole lines that are furniture (compared after trailing punctuation is dropped). */
static const char *const bp_labels[] = {
    "advertisement", "advertisements", "sponsored", "sponsored content", "share", "share this",
    "share this article", "share this story", "tweet", "email", "e-mail", "print", "comments",
    "comment", "related", "contact", "contact us", "subscribe", "sign up", "follow us",
    "read more", "more", "menu", "home", "log in", "sign in", "back to top", "top stories",
    "most read", "most popular", "trending", "recommended", "you may also like", "more stories",
    "latest news", "whatsapp", "facebook", "twitter", "linkedin", "reddit", "copy link",
    "next article", "previous article", "newsletter",
};

static int prefix_ci(const char *t, size_t n, const char *p) {
    size_t l = strlen(p);
    if (l > n || strncasecmp(t, p, l) != 0) return 0;
    /* a pattern ending in a letter must end a word: "Advertisement" but not "Advertisements for" */
    return !(is_alpha((unsigned char)p[l - 1]) && l < n && is_alpha((unsigned char)t[l]));
}

static int contains_ci(const char *t, size_t n, const char *p) {
    size_t l = strlen(p);
    for (size_t i = 0; i + l <= n; i++)
        if ((t[i] | 0x20) == p[0] && strncasecmp(t + i, p, l) == 0) return 1;
    return 0;
}

typedef struct line_info {
    int sentence_start;  /* the line starts a paragraph or follows a finished sentence */
    int alone;           /* a paragraph of its own (blank or block lines around it) */
    int list;            /* a list item */
} line_info;

/* Is the emitted line t[0..n) site furniture? Sets *cont when the notice may run on. */
static int is_boilerplate(const emitter *e, const char *t, size_t n, const line_info *li,
                          int *cont) {
    *cont = 0;
    unsigned alnum = 0;
    if (e->links)
        for (size_t k = 0; k < n; k++) alnum += is_alnum8((unsigned char)t[k]);
    /* a line of nothing but links ("**[wsws.org/contact](https://wsws.org/contact)**", a menu,
     * a list of related headlines), unless the link text is a sentence */
    if (e->links && alnum == e->link_alnum && (li->alone || li->list) && !ends_sentence(t, n, ".!?"))
        return 1;
    /* a bare URL */
    if (li->alone && !memchr(t, ' ', n) &&
        (prefix_ci(t, n, "http://") || prefix_ci(t, n, "https://") || prefix_ci(t, n, "www.")))
        return 1;
    if (n <= 40 && is_upper((unsigned char)t[0])) {
        size_t m = n;
        while (m > 0 && strchr(" .:!|>-", t[m - 1])) m--;
        for (size_t r = 0; r < sizeof bp_strong / sizeof bp_strong[0]; r++)
            if (strlen(bp_strong[r]) == m && strncasecmp(t, bp_strong[r], m) == 0) return 1;
    }
    if (!li->sentence_start || n > 400) return 0;
    size_t k = 0;
    while (k < n && (t[k] == '|' || t[k] == '[' || t[k] == ' ')) k++;
    if (k >= n || is_lower((unsigned char)t[k])) return 0;
    t += k;
    n -= k;
    for (size_t r = 0; r < sizeof bp_prefixes / sizeof bp_prefixes[0]; r++) {
        unsigned f = (unsigned char)t[0];
        if ((is_upper(f) ? f | 0x20u : f) == (unsigned char)bp_prefixes[r].s[0] &&
            prefix_ci(t, n, bp_prefixes[r].s)) {
            *cont = bp_prefixes[r].cont;
            return 1;
        }
    }
    size_t m = n;
    while (m > 0 && strchr(" .:!|>-", t[m - 1])) m--;
    for (size_t r = 0; r < sizeof bp_labels / sizeof bp_labels[0]; r++)
        if ((t[0] | 0x20) == bp_labels[r][0] && strlen(bp_labels[r]) == m &&
            strncasecmp(t, bp_labels[r], m) == 0)
            return 1;
    if (n <= 250 && contains_ci(t, n, "all rights reserved")) return 1;
    return 0;
}

/* ------------------------------------------------------------------ pass 2: lines and blocks */

enum { L_TEXT, L_HEADING, L_LIST };

/* Is the line at A[i..) blank or the start of a new block (for "is this line a paragraph of its
 * own")? Reads only the line's first few bytes. */
static int line_breaks_paragraph(const char *A, size_t i, size_t n) {
    while (i < n && (A[i] == ' ' || A[i] == '>')) i++;
    if (i >= n || A[i] == '\n') return 1;
    char c = A[i];
    if (c == '#') return 1;
    if ((c == '-' || c == '*' || c == '+') && i + 1 < n && A[i + 1] == ' ') return 1;
    if (c == '\xe2' && i + 3 < n && A[i + 1] == '\x80' && A[i + 2] == '\xa2') return 1;  /* "•" */
    return 0;
}

static void blocks(emitter *e, const char *A, const uint32_t *M, size_t an, uint32_t *bp_count) {
    int prev_blank = 1, in_list = 0, last_nojoin = 0, bp_cont = 0;
    size_t i = 0;
    while (i < an) {
        const char *nl = memchr(A + i, '\n', an - i);
        size_t le = nl ? (size_t)(nl - A) : an, next = nl ? le + 1 : an;
        size_t p = i, q = le;
        while (p < q && is_sp((unsigned char)A[p])) p++;
        while (q > p && is_sp((unsigned char)A[q - 1])) q--;
        while (p < q && A[p] == '>') {  /* blockquote marks */
            p++;
            while (p < q && is_sp((unsigned char)A[p])) p++;
        }
        if (p == q) {  /* a blank line: a paragraph break */
            set_para(e, M[le], last_nojoin);
            prev_blank = 1;
            bp_cont = 0;
            i = next;
            continue;
        }
        /* thematic breaks, setext underlines and code fences: a paragraph break */
        {
            size_t k = p, marks = 0;
            char m = A[p];
            if (m == '-' || m == '*' || m == '_' || m == '=' || m == '`' || m == '~') {
                while (k < q && (A[k] == m || A[k] == ' ')) marks += A[k++] == m;
            }
            if (marks >= 3 && (k == q || m == '`' || m == '~')) {
                set_para(e, M[le], 1);
                prev_blank = 1;
                last_nojoin = 1;
                bp_cont = 0;
                i = next;
                continue;
            }
        }
        int kind = L_TEXT;
        if (A[p] == '#') {
            size_t h = p;
            while (h < q && A[h] == '#') h++;
            if (h - p <= 6 && (h == q || A[h] == ' ')) {
                kind = L_HEADING;
                p = h;
                while (p < q && A[p] == ' ') p++;
                size_t t = q;  /* closing hashes: "## Title ##" */
                while (t > p && A[t - 1] == '#') t--;
                if (t < q && t > p && A[t - 1] == ' ') {
                    while (t > p && A[t - 1] == ' ') t--;
                    q = t;
                }
            }
        } else if ((A[p] == '-' || A[p] == '*' || A[p] == '+') && p + 1 < q && A[p + 1] == ' ') {
            kind = L_LIST;
            p += 2;
        } else if (A[p] == '\xe2' && p + 3 < q && A[p + 1] == '\x80' && A[p + 2] == '\xa2' &&
                   A[p + 3] == ' ') {
            kind = L_LIST;
            p += 4;
        } else if (is_digit((unsigned char)A[p]) && (prev_blank || in_list)) {
            size_t d = p;
            while (d < q && d - p < 3 && is_digit((unsigned char)A[d])) d++;
            if (d - p <= 2 && d + 1 < q && (A[d] == '.' || A[d] == ')') && A[d + 1] == ' ') {
                kind = L_LIST;
                p = d + 2;
            }
        }
        while (p < q && A[p] == ' ') p++;

        int para_start = prev_blank || kind != L_TEXT;
        line_info li;
        li.sentence_start = para_start || e->n == 0 || ends_sentence(e->o, e->n, ".!?:");
        li.alone = para_start && (next >= an || line_breaks_paragraph(A, next, an));
        li.list = kind == L_LIST;

        emitter saved = *e;
        if (kind != L_TEXT) set_para(e, M[i], 1);
        e->line_started = 0;
        e->in_link = 0;
        e->links = e->link_alnum = 0;
        inline_md(e, A, M, p, q);

        if (e->line_started) {
            const char *t = e->o + e->line_first;
            size_t tn = e->n - e->line_first;
            int cont = 0;
            int drop = (bp_cont && !para_start) || is_boilerplate(e, t, tn, &li, &cont);
            if (drop) {
                if (!(bp_cont && !para_start)) bp_cont = cont;
                /* a notice that stops mid-sentence runs on into the next line */
                if (bp_cont && (ends_sentence(t, tn, ".!?:") || li.alone)) bp_cont = 0;
                *e = saved;
                (*bp_count)++;
            } else {
                bp_cont = 0;
            }
        }
        if (kind == L_LIST) in_list = 1;
        else if (prev_blank) in_list = 0;
        last_nojoin = kind == L_HEADING || in_list;
        if (kind == L_HEADING) set_para(e, M[le], 1);
        else set_space(e, M[le]);
        prev_blank = 0;
        i = next;
    }
}

/* ------------------------------------------------------------------ entry point */

/* Contract: normalises orig[start..len) into out (text and map in the arena, valid until the arena
 * is reset). Never fails on content: any byte sequence is accepted. Returns DYAD_OK, DYAD_ERR_NOMEM
 * when the arena cannot grow, or DYAD_ERR_ARG for a NULL argument or a text of 1 GiB or more
 * (offsets are 32-bit). start > len is read as start == len. */
int dy_normalise(dy_arena *a, const char *orig, size_t len, size_t start, dy_text *out) {
    if (!a || !out || (!orig && len)) return DYAD_ERR_ARG;
    memset(out, 0, sizeof *out);
    if (start > len) start = len;
    if (len > UINT32_MAX || len - start >= ((size_t)1 << 30)) return DYAD_ERR_ARG;
    const unsigned char *s = (const unsigned char *)orig;

    /* pass 1 output bound: only an invalid byte (1 -> 3 for U+FFFD) or a C1 ellipsis (2 -> 3)
     * grows, so two extra bytes per non-ASCII byte always suffice */
    size_t high = 0, i = start;
    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        high += (size_t)__builtin_popcountll(v & 0x8080808080808080ull);
    }
    for (; i < len; i++) high += s[i] >> 7;
    size_t cap1 = (len - start) + 2 * high + 1;
    wbuf w;
    w.t = dy_arena_alloc(a, cap1);
    w.m = dy_arena_alloc(a, cap1 * sizeof(uint32_t));
    if (!w.t || !w.m) return DYAD_ERR_NOMEM;
    w.n = 0;
    out->invalid = fold(s, start, len, &w);
    w.m[w.n] = (uint32_t)len;

    /* pass 2 never writes more bytes than it reads */
    emitter e;
    memset(&e, 0, sizeof e);
    e.cap = w.n;
    e.o = dy_arena_alloc(a, w.n + 1);
    e.om = dy_arena_alloc(a, (w.n + 1) * sizeof(uint32_t));
    if (!e.o || !e.om) return DYAD_ERR_NOMEM;
    uint32_t bp = 0;
    blocks(&e, w.t, w.m, w.n, &bp);

    e.o[e.n] = '\0';
    e.om[e.n] = (uint32_t)len;
    out->text = e.o;
    out->len = (uint32_t)e.n;
    out->map = e.om;
    out->boilerplate = bp;
    return DYAD_OK;
}
