/*
 * json.c - a strict, linear-time parser for one JSON object: one record of a JSON Lines file.
 *
 * Algorithm: recursive descent over the bytes in a single forward pass. Only the top-level
 * members are materialised: strings are unescaped into the arena, numbers and literals are copied
 * as written, nested objects and arrays are validated and copied as raw JSON text. Every string is
 * touched twice: a scan finds the closing quote, validates the escapes and counts the non-ASCII
 * bytes (which bounds the decoded size: an invalid byte grows to the 3 bytes of U+FFFD, and no
 * escape grows), then a decode writes the UTF-8 into one arena allocation. \uXXXX escapes become
 * UTF-8, surrogate pairs are joined, and lone surrogates, \u0000 and invalid UTF-8 (one maximal
 * invalid subsequence at a time) become U+FFFD, so every value is valid UTF-8 with no NUL inside.
 * Nesting is bounded (the record's own object is level 1, at most 64 levels), so the recursion is
 * too. Members beyond the caller's `max` are validated but not stored; anything but white space
 * after the closing brace is an error.
 */
#include "internal.h"

#include <string.h>

#define DY_JSON_MAX_DEPTH 64

typedef struct jparser {
    const char *s;
    size_t n, i;
    size_t err;          /* offset of the fault */
    int status;          /* DYAD_ERR_PARSE or DYAD_ERR_NOMEM once failed */
} jparser;

static int jfail(jparser *p, size_t at, int status) {
    p->err = at > p->n ? p->n : at;
    p->status = status;
    return -1;
}

static void jskip_ws(jparser *p) {
    while (p->i < p->n) {
        char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->i++;
    }
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static unsigned hex4(const char *s) {
    return (unsigned)(hexval(s[0]) << 12 | hexval(s[1]) << 8 | hexval(s[2]) << 4 | hexval(s[3]));
}

/* Scans the string whose opening quote is at p->i: on success its content is [*b, *e), p->i is
 * just after the closing quote and *nonascii counts the bytes >= 0x80. */
static int scan_string(jparser *p, size_t *b, size_t *e, size_t *nonascii) {
    const char *s = p->s;
    size_t i = p->i + 1, na = 0;
    for (;;) {
        if (i >= p->n) return jfail(p, p->n, DYAD_ERR_PARSE);      /* unterminated */
        unsigned char c = (unsigned char)s[i];
        if (c == '"') break;
        if (c == '\\') {
            if (i + 1 >= p->n) return jfail(p, p->n, DYAD_ERR_PARSE);
            switch (s[i + 1]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                i += 2;
                break;
            case 'u':
                for (size_t k = 2; k < 6; k++)
                    if (i + k >= p->n || hexval(s[i + k]) < 0) return jfail(p, i, DYAD_ERR_PARSE);
                i += 6;
                break;
            default:
                return jfail(p, i, DYAD_ERR_PARSE);
            }
            continue;
        }
        if (c < 0x20) return jfail(p, i, DYAD_ERR_PARSE);          /* raw control character */
        if (c >= 0x80) na++;
        i++;
    }
    *b = p->i + 1;
    *e = i;
    *nonascii = na;
    p->i = i + 1;
    return 0;
}

static size_t put_utf8(char *o, unsigned cp) {
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of the valid UTF-8 sequence at s[0..n) (s[0] >= 0x80), or 0 when invalid; *bad is then
 * the length of the maximal invalid subpart to replace by one U+FFFD. */
static size_t utf8_len(const unsigned char *s, size_t n, size_t *bad) {
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;        /* no UTF-8-encoded surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *bad = 1;
        return 0;
    }
    size_t k = 1;
    for (; k < need && k < n; k++) {
        unsigned char x = s[k];
        if (k == 1 ? (x < lo || x > hi) : (x < 0x80 || x > 0xBF)) break;
    }
    if (k == need) return need;
    *bad = k;
    return 0;
}

/* Decodes the scanned content s[b..e) into the arena (validated by scan_string already). */
static char *decode_string(jparser *p, dy_arena *a, size_t b, size_t e, size_t na, size_t *outlen) {
    const char *s = p->s;
    char *out = dy_arena_alloc(a, (e - b) + 2 * na + 1);
    if (!out) { jfail(p, b, DYAD_ERR_NOMEM); return NULL; }
    size_t o = 0, i = b;
    while (i < e) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') {
            char x = s[i + 1];
            if (x != 'u') {
                char r = x;
                switch (x) {
                case 'b': r = '\b'; break;
                case 'f': r = '\f'; break;
                case 'n': r = '\n'; break;
                case 'r': r = '\r'; break;
                case 't': r = '\t'; break;
                default: break;              /* " \ / stand for themselves */
                }
                out[o++] = r;
                i += 2;
                continue;
            }
            unsigned u = hex4(s + i + 2);
            i += 6;
            if (u >= 0xD800 && u <= 0xDBFF) {
                unsigned lo = 0;
                if (i + 6 <= e && s[i] == '\\' && s[i + 1] == 'u') lo = hex4(s + i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                } else {
                    u = 0xFFFD;              /* lone high surrogate */
                }
            } else if ((u >= 0xDC00 && u <= 0xDFFF) || u == 0) {
                u = 0xFFFD;                  /* lone low surrogate; NUL would cut C strings */
            }
            o += put_utf8(out + o, u);
            continue;
        }
        if (c < 0x80) {
            out[o++] = (char)c;
            i++;
            continue;
        }
        size_t bad = 0, k = utf8_len((const unsigned char *)s + i, e - i, &bad);
        if (k) {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        } else {
            o += put_utf8(out + o, 0xFFFD);
            i += bad;
        }
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

static int scan_number(jparser *p) {
    const char *s = p->s;
    size_t i = p->i, n = p->n;
    if (i < n && s[i] == '-') i++;
    if (i >= n) return jfail(p, i, DYAD_ERR_PARSE);
    if (s[i] == '0') {
        i++;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    } else {
        return jfail(p, i, DYAD_ERR_PARSE);
    }
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return jfail(p, i, DYAD_ERR_PARSE);
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return jfail(p, i, DYAD_ERR_PARSE);
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    }
    p->i = i;
    return 0;
}

static int scan_literal(jparser *p, const char *lit) {
    size_t k = strlen(lit);
    for (size_t j = 0; j < k; j++)
        if (p->i + j >= p->n || p->s[p->i + j] != lit[j]) return jfail(p, p->i + j, DYAD_ERR_PARSE);
    p->i += k;
    return 0;
}

/* Validates one value at p->i (after white space) whose container level would be `depth`. */
static int skip_value(jparser *p, int depth) {
    jskip_ws(p);
    if (p->i >= p->n) return jfail(p, p->n, DYAD_ERR_PARSE);
    char c = p->s[p->i];
    size_t b, e, na;
    switch (c) {
    case '"':
        return scan_string(p, &b, &e, &na);
    case 't': return scan_literal(p, "true");
    case 'f': return scan_literal(p, "false");
    case 'n': return scan_literal(p, "null");
    case '{':
    case '[': {
        char close = c == '{' ? '}' : ']';
        if (depth > DY_JSON_MAX_DEPTH) return jfail(p, p->i, DYAD_ERR_PARSE);
        p->i++;
        jskip_ws(p);
        if (p->i < p->n && p->s[p->i] == close) { p->i++; return 0; }
        for (;;) {
            if (c == '{') {
                jskip_ws(p);
                if (p->i >= p->n || p->s[p->i] != '"') return jfail(p, p->i, DYAD_ERR_PARSE);
                if (scan_string(p, &b, &e, &na)) return -1;
                jskip_ws(p);
                if (p->i >= p->n || p->s[p->i] != ':') return jfail(p, p->i, DYAD_ERR_PARSE);
                p->i++;
            }
            if (skip_value(p, depth + 1)) return -1;
            jskip_ws(p);
            if (p->i >= p->n) return jfail(p, p->n, DYAD_ERR_PARSE);
            if (p->s[p->i] == ',') { p->i++; continue; }
            if (p->s[p->i] == close) { p->i++; return 0; }
            return jfail(p, p->i, DYAD_ERR_PARSE);
        }
    }
    default:
        if (c == '-' || (c >= '0' && c <= '9')) return scan_number(p);
        return jfail(p, p->i, DYAD_ERR_PARSE);
    }
}

/* Parses a top-level member's value into `f` (NULL: validate only). */
static int member_value(jparser *p, dy_arena *a, dy_json_field *f) {
    jskip_ws(p);
    if (!f) return skip_value(p, 2);
    if (p->i >= p->n) return jfail(p, p->n, DYAD_ERR_PARSE);
    char c = p->s[p->i];
    size_t start = p->i;
    if (c == '"') {
        size_t b, e, na;
        if (scan_string(p, &b, &e, &na)) return -1;
        f->type = DY_JSON_STRING;
        f->val = decode_string(p, a, b, e, na, &f->val_len);
        return f->val ? 0 : -1;
    }
    if (skip_value(p, 2)) return -1;
    switch (c) {
    case '{': f->type = DY_JSON_OBJECT; break;
    case '[': f->type = DY_JSON_ARRAY; break;
    case 't': f->type = DY_JSON_TRUE; break;
    case 'f': f->type = DY_JSON_FALSE; break;
    case 'n': f->type = DY_JSON_NULL; break;
    default: f->type = DY_JSON_NUMBER; break;
    }
    f->val_len = p->i - start;
    f->val = dy_arena_strndup(a, p->s + start, f->val_len);
    if (!f->val) return jfail(p, start, DYAD_ERR_NOMEM);
    return 0;
}

/* Parses one JSON object of `n` bytes into up to `max` top-level fields (see internal.h). Strings
 * are unescaped UTF-8 (U+FFFD for invalid input); other values are their JSON text. Returns
 * DYAD_OK, DYAD_ERR_PARSE with *err_off at the fault, or DYAD_ERR_NOMEM. */
int dy_json_parse_object(const char *s, size_t n, dy_arena *a, dy_json_field *fields,
                         size_t max, size_t *count, size_t *err_off) {
    jparser p = {s, n, 0, 0, DYAD_OK};
    size_t stored = 0;
    if (count) *count = 0;
    if (err_off) *err_off = 0;
    if (!s && n) return DYAD_ERR_ARG;
    jskip_ws(&p);
    if (p.i >= n || s[p.i] != '{') { jfail(&p, p.i, DYAD_ERR_PARSE); goto failed; }
    p.i++;
    jskip_ws(&p);
    if (p.i < n && s[p.i] == '}') {
        p.i++;
    } else {
        for (;;) {
            jskip_ws(&p);
            if (p.i >= n || s[p.i] != '"') { jfail(&p, p.i, DYAD_ERR_PARSE); goto failed; }
            dy_json_field *f = stored < max && fields ? &fields[stored] : NULL;
            size_t b, e, na;
            if (scan_string(&p, &b, &e, &na)) goto failed;
            if (f) {
                size_t klen;
                f->key = decode_string(&p, a, b, e, na, &klen);
                if (!f->key) goto failed;
            }
            jskip_ws(&p);
            if (p.i >= n || s[p.i] != ':') { jfail(&p, p.i, DYAD_ERR_PARSE); goto failed; }
            p.i++;
            if (member_value(&p, a, f)) goto failed;
            if (f) stored++;
            jskip_ws(&p);
            if (p.i >= n) { jfail(&p, n, DYAD_ERR_PARSE); goto failed; }
            if (s[p.i] == ',') { p.i++; continue; }
            if (s[p.i] == '}') { p.i++; break; }
            jfail(&p, p.i, DYAD_ERR_PARSE);
            goto failed;
        }
    }
    jskip_ws(&p);
    if (p.i != n) { jfail(&p, p.i, DYAD_ERR_PARSE); goto failed; }   /* trailing garbage */
    if (count) *count = stored;
    return DYAD_OK;
failed:
    if (err_off) *err_off = p.err;
    return p.status;
}

/* The first field named `key`, or NULL. */
const dy_json_field *dy_json_get(const dy_json_field *f, size_t count, const char *key) {
    for (size_t i = 0; i < count; i++)
        if (strcmp(f[i].key, key) == 0) return &f[i];
    return NULL;
}
