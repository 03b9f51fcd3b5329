/*
 * segment.c - splits normalised text into tokens and sentences (and tokenises dictionary phrases
 * with the very same rules, so that a phrase and the text it should match agree token for token).
 *
 * Algorithm: one scan over the bytes builds the tokens, driven by a 256-entry class table: a
 * letter or digit starts a word, which runs over letters, digits and non-ASCII letters, over
 * internal apostrophes ("O'Brien") but not clitics ("Russia" + "'s", "do" + "n't"), and over
 * '.', ',' or ':' between digits ("11.3", "1,000"). A word of one or two letters followed by
 * ".X." becomes a dotted abbreviation ("U.S.", "a.m."); a known abbreviation (a small table:
 * titles, months, company and state abbreviations) or a single capital takes its period with it
 * and is flagged DY_TOK_ABBR. Punctuation is one token per byte except runs of '-' ("--", a dash),
 * '.' ("..."), '!'/'?' and backquotes; non-ASCII symbols (bullets, currency signs, fullwidth
 * punctuation) are one token per code point. A second scan over the tokens places sentence
 * boundaries: after . ! ? and the closing quotes or brackets that follow them, when the next token
 * can start a sentence; after an abbreviation only when it can end a sentence (U.S., Inc., an
 * initial) and the next word is a common sentence starter; always at a paragraph break. Both scans
 * are linear; nothing is allocated but the two output vectors.
 */
#include "internal.h"

#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ byte classes */

enum { K_PUN = 0, K_SP, K_NL, K_UP, K_LO, K_DIG, K_HI, K_CONT };

#define R8(x) x, x, x, x, x, x, x, x
#define R16(x) R8(x), R8(x)
#define ROW_CTRL K_PUN, K_PUN, K_PUN, K_PUN, K_PUN, K_PUN, K_PUN, K_PUN, \
                 K_PUN, K_SP, K_NL, K_SP, K_SP, K_SP, K_PUN, K_PUN

#define CLASS_TABLE(UNDERSCORE)                                                                  \
    {                                                                                           \
        ROW_CTRL, R16(K_PUN),                                                                   \
        K_SP, R8(K_PUN), K_PUN, K_PUN, K_PUN, K_PUN, K_PUN, K_PUN, K_PUN,                       \
        R8(K_DIG), K_DIG, K_DIG, K_PUN, K_PUN, K_PUN, K_PUN, K_PUN, K_PUN,                      \
        K_PUN, R8(K_UP), K_UP, K_UP, K_UP, K_UP, K_UP, K_UP, K_UP,                              \
        R8(K_UP), K_UP, K_UP, K_UP, K_PUN, K_PUN, K_PUN, K_PUN, UNDERSCORE,                     \
        K_PUN, R8(K_LO), K_LO, K_LO, K_LO, K_LO, K_LO, K_LO, K_LO,                              \
        R8(K_LO), K_LO, K_LO, K_LO, K_PUN, K_PUN, K_PUN, K_PUN, K_PUN,                          \
        R16(K_CONT), R16(K_CONT), R16(K_CONT), R16(K_CONT),                                     \
        R16(K_HI), R16(K_HI), R16(K_HI), R16(K_HI)                                              \
    }

/* Text: '_' is punctuation. Dictionary phrases: '_' separates words like a space. */
static const uint8_t text_class[256] = CLASS_TABLE(K_PUN);
static const uint8_t phrase_class[256] = CLASS_TABLE(K_SP);

static inline int is_digit(unsigned c) { return c - '0' < 10u; }
static inline int is_alpha(unsigned c) { return (c | 0x20u) - 'a' < 26u; }
static inline int is_up(unsigned c) { return c - 'A' < 26u; }
static inline int is_lo(unsigned c) { return c - 'a' < 26u; }

/* Length of the non-letter code point (symbol, punctuation, currency) starting at s[i], or 0 when
 * s[i] starts a letter. Only lead bytes reach here. */
static size_t sym_len(const unsigned char *s, size_t i, size_t n) {
    unsigned b0 = s[i], b1 = i + 1 < n ? s[i + 1] : 0, b2 = i + 2 < n ? s[i + 2] : 0;
    if (b0 == 0xC2) /* U+00A0-00BF but the letters ª µ º */
        return b1 >= 0xA0 && b1 <= 0xBF && b1 != 0xAA && b1 != 0xB5 && b1 != 0xBA ? 2 : 0;
    if (b0 == 0xC3) return b1 == 0x97 || b1 == 0xB7 ? 2 : 0;              /* × ÷ */
    if (b0 == 0xE2) return b1 >= 0x80 && b1 <= 0xAF && (b2 & 0xC0) == 0x80 ? 3 : 0; /* U+2000-2BFF */
    if (b0 == 0xE3) return b1 == 0x80 && (b2 & 0xC0) == 0x80 ? 3 : 0;     /* U+3000-303F */
    if (b0 == 0xEF) {                                                      /* fullwidth punctuation */
        if (b1 == 0xBC && ((b2 >= 0x81 && b2 <= 0x8F) || (b2 >= 0x9A && b2 <= 0xA0) || b2 >= 0xBB))
            return 3;
        if (b1 == 0xBD && (b2 == 0x80 || (b2 >= 0x9B && b2 <= 0xA5))) return 3;
    }
    return 0;
}

/* Case of the non-ASCII letter at s[i]: 1 upper, 2 lower, 0 caseless or unknown. Latin, Greek
 * and Cyrillic are enough for names in news text. */
static int u8_case(const unsigned char *s, size_t i, size_t n) {
    unsigned b0 = s[i];
    uint32_t cp;
    if (b0 >= 0xC0 && b0 < 0xE0 && i + 1 < n) cp = ((b0 & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    else if (b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n)
        cp = ((b0 & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    else return 0;
    if (cp >= 0xC0 && cp <= 0xDE) return cp == 0xD7 ? 0 : 1;
    if (cp >= 0xDF && cp <= 0xFF) return cp == 0xF7 ? 0 : 2;
    if (cp >= 0x100 && cp <= 0x137) return cp & 1 ? 2 : 1;
    if (cp >= 0x139 && cp <= 0x148) return cp & 1 ? 1 : 2;
    if (cp >= 0x14A && cp <= 0x177) return cp & 1 ? 2 : 1;
    if (cp == 0x178) return 1;
    if (cp >= 0x179 && cp <= 0x17E) return cp & 1 ? 1 : 2;
    if (cp >= 0x391 && cp <= 0x3A9) return 1;
    if (cp >= 0x3B1 && cp <= 0x3C9) return 2;
    if (cp >= 0x400 && cp <= 0x42F) return 1;
    if (cp >= 0x430 && cp <= 0x45F) return 2;
    if (cp >= 0x1E00 && cp <= 0x1EFF) return cp & 1 ? 2 : 1;
    return 0;
}

#define WORD_MASK ((1u << K_UP) | (1u << K_LO) | (1u << K_DIG) | (1u << K_CONT))

/* Is s[i] part of a word (letter, digit, non-ASCII letter)? */
static inline int word_at(const unsigned char *s, size_t i, size_t n, const uint8_t *cls) {
    if (i >= n) return 0;
    uint8_t k = cls[s[i]];
    if ((1u << k) & WORD_MASK) return 1;
    return k == K_HI && !sym_len(s, i, n);
}

static inline int letter_at(const unsigned char *s, size_t i, size_t n, const uint8_t *cls) {
    return word_at(s, i, n, cls) && !is_digit(s[i]);
}

/* ------------------------------------------------------------------ abbreviations */

enum {
    AB_NONE = 0,
    AB_TITLE,   /* never ends a sentence: Mr. Gen. Feb. vs. */
    AB_END,     /* may end one: Inc. Jr. U.S. a.m. J. - only before a sentence starter */
    AB_NUM      /* an abbreviation only before a number: No. 1 */
};

typedef struct abbr { const char *s; uint8_t cls; } abbr;
static const abbr abbrs[] = {
    {"Mr", AB_TITLE}, {"Mrs", AB_TITLE}, {"Ms", AB_TITLE}, {"Messrs", AB_TITLE}, {"Dr", AB_TITLE},
    {"Prof", AB_TITLE}, {"Gen", AB_TITLE}, {"Gens", AB_TITLE}, {"Lt", AB_TITLE}, {"Col", AB_TITLE},
    {"Maj", AB_TITLE}, {"Capt", AB_TITLE}, {"Cmdr", AB_TITLE}, {"Cdr", AB_TITLE},
    {"Adm", AB_TITLE}, {"Brig", AB_TITLE}, {"Sgt", AB_TITLE}, {"Cpl", AB_TITLE},
    {"Pvt", AB_TITLE}, {"Gov", AB_TITLE}, {"Govs", AB_TITLE}, {"Sen", AB_TITLE},
    {"Sens", AB_TITLE}, {"Rep", AB_TITLE}, {"Reps", AB_TITLE}, {"Rev", AB_TITLE},
    {"Hon", AB_TITLE}, {"Pres", AB_TITLE}, {"Supt", AB_TITLE}, {"Amb", AB_TITLE},
    {"Insp", AB_TITLE}, {"Fr", AB_TITLE}, {"Msgr", AB_TITLE}, {"St", AB_TITLE}, {"Mt", AB_TITLE},
    {"Ft", AB_TITLE}, {"Jan", AB_TITLE}, {"Feb", AB_TITLE}, {"Mar", AB_TITLE}, {"Apr", AB_TITLE},
    {"Jun", AB_TITLE}, {"Jul", AB_TITLE}, {"Aug", AB_TITLE}, {"Sep", AB_TITLE},
    {"Sept", AB_TITLE}, {"Oct", AB_TITLE}, {"Nov", AB_TITLE}, {"Dec", AB_TITLE},
    {"vs", AB_TITLE}, {"cf", AB_TITLE}, {"approx", AB_TITLE},
    {"Inc", AB_END}, {"Corp", AB_END}, {"Co", AB_END}, {"Ltd", AB_END}, {"Plc", AB_END},
    {"Bros", AB_END}, {"Jr", AB_END}, {"Sr", AB_END}, {"Esq", AB_END}, {"etc", AB_END},
    {"al", AB_END}, {"Assn", AB_END}, {"Dept", AB_END}, {"Govt", AB_END}, {"Univ", AB_END},
    {"Ave", AB_END}, {"Blvd", AB_END}, {"Rd", AB_END},
    {"Ala", AB_END}, {"Ariz", AB_END}, {"Ark", AB_END}, {"Calif", AB_END}, {"Colo", AB_END},
    {"Conn", AB_END}, {"Del", AB_END}, {"Fla", AB_END}, {"Ga", AB_END}, {"Ill", AB_END},
    {"Ind", AB_END}, {"Kan", AB_END}, {"Ky", AB_END}, {"La", AB_END}, {"Md", AB_END},
    {"Mass", AB_END}, {"Mich", AB_END}, {"Minn", AB_END}, {"Miss", AB_END}, {"Mo", AB_END},
    {"Mont", AB_END}, {"Neb", AB_END}, {"Nev", AB_END}, {"Okla", AB_END}, {"Ore", AB_END},
    {"Pa", AB_END}, {"Tenn", AB_END}, {"Tex", AB_END}, {"Va", AB_END}, {"Vt", AB_END},
    {"Wash", AB_END}, {"Wis", AB_END}, {"Wyo", AB_END},
    {"No", AB_NUM}, {"Nos", AB_NUM}, {"Vol", AB_NUM}, {"Fig", AB_NUM},
};

/* The class of the word s[0..n) (without its period): an exact match, or the all-capitals form of
 * a capitalised entry ("MR." in a headline). */
static int abbr_class(const unsigned char *s, size_t n) {
    if (n == 0 || n > 6) return AB_NONE;
    int upper = 1;
    for (size_t k = 0; k < n; k++) upper &= is_up(s[k]);
    for (size_t a = 0; a < sizeof abbrs / sizeof abbrs[0]; a++) {
        const char *e = abbrs[a].s;
        if ((e[0] | 0x20) != (s[0] | 0x20) || strlen(e) != n) continue;
        if (memcmp(e, s, n) == 0) return abbrs[a].cls;
        if (upper && is_up((unsigned char)e[0]) && strncasecmp(e, (const char *)s, n) == 0) return abbrs[a].cls;
    }
    return AB_NONE;
}

/* Words that start a sentence often enough to end one at an ambiguous period ("in the U.S. The
 * talks"); anything else after "U.S." or an initial continues the sentence. */
static const char *const starters[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And",
    "This", "That", "These", "Those", "There", "Also", "However", "Meanwhile", "His", "Her",
    "Its", "Their", "Our", "As", "After", "When", "While", "If", "Despite", "According", "Some",
    "Many", "Still", "Yet", "So", "Then", "Now", "Earlier", "Later", "Officials", "Both", "Since",
};

static int is_starter(const char *s, size_t n) {
    for (size_t a = 0; a < sizeof starters / sizeof starters[0]; a++)
        if (starters[a][0] == s[0] && strlen(starters[a]) == n && memcmp(starters[a], s, n) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ the token scanner */

typedef struct scanner {
    const unsigned char *s;
    size_t n, i;
    const uint8_t *cls;
    int space, para;    /* white space / a newline since the last token */
} scanner;

/* "'s", "'re", "'ve", "'ll", "'d", "'m" at s[i] == '\'' (any case), ending a word: its length. */
static size_t clitic_len(const unsigned char *s, size_t i, size_t n, const uint8_t *cls) {
    size_t l = 0;
    unsigned a = i + 1 < n ? s[i + 1] | 0x20u : 0, b = i + 2 < n ? s[i + 2] | 0x20u : 0;
    if (a == 's' || a == 'd' || a == 'm') l = 2;
    else if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) l = 3;
    if (!l || word_at(s, i + l, n, cls)) return 0;
    return l;
}

/* "n't" at s[i] (any case), ending a word. */
static int is_nt(const unsigned char *s, size_t i, size_t n, const uint8_t *cls) {
    return i + 2 < n && (s[i] | 0x20) == 'n' && s[i + 1] == '\'' && (s[i + 2] | 0x20) == 't' &&
           !word_at(s, i + 3, n, cls);
}

/* Scans a word or number from s[i]; returns its end. */
static size_t scan_word(const unsigned char *s, size_t n, size_t i, const uint8_t *cls) {
    size_t st = i;
    int num = is_digit(s[i]);
    for (;;) {
        while (i < n) {
            unsigned m = 1u << cls[s[i]];
            if (m & WORD_MASK) { i++; continue; }
            if ((m & (1u << K_HI)) && !sym_len(s, i, n)) { i++; continue; }
            break;
        }
        if (i + 1 >= n) break;
        unsigned c = s[i];
        if (c == '\'') {
            if (!letter_at(s, i + 1, n, cls) || clitic_len(s, i, n, cls)) break;
            if (i - 1 > st && is_nt(s, i - 1, n, cls)) { i--; break; }  /* do|n't, ca|n't */
            i++;  /* O'Brien */
            continue;
        }
        if ((c == '.' || c == ',' || c == ':') && num && is_digit(s[i - 1]) && is_digit(s[i + 1])) {
            i++;  /* 11.3, 1,000, 10:30 */
            continue;
        }
        break;
    }
    return i;
}

static inline int ascii_letters(const unsigned char *s, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        if (!is_alpha(s[k])) return 0;
    return b > a;
}

/* At a word [st, e) followed by '.': the end of a dotted abbreviation ("U.S.", "a.m.", "Ph.D.",
 * segments of one or two letters), or 0. */
static size_t dotted(const unsigned char *s, size_t n, size_t st, size_t e, const uint8_t *cls) {
    if (e - st > 2 || !ascii_letters(s, st, e) || e + 1 >= n || !is_alpha(s[e + 1])) return 0;
    size_t k = e + 1, last = 0;
    for (;;) {
        size_t m = k;
        while (m < n && is_alpha(s[m])) m++;
        if (m - k > 2 || word_at(s, m, n, cls)) break;
        if (m < n && s[m] == '.') {
            last = m + 1;
            k = m + 1;
            if (k < n && is_alpha(s[k])) continue;
        } else {
            last = m;  /* "U.S" without its final period */
        }
        break;
    }
    return last;
}

/* The shape flags of a word token: CAP (first letter upper case), UPPER (no lower-case letter and
 * at least one upper-case one). */
static uint16_t shape(const unsigned char *s, size_t a, size_t b) {
    int first = -1, up = 0, lo = 0;
    for (size_t k = a; k < b; k++) {
        int cs = text_class[s[k]];
        if (cs == K_UP) cs = 1;
        else if (cs == K_LO) cs = 2;
        else if (cs == K_HI) cs = u8_case(s, k, b);
        else continue;
        if (!cs) continue;
        if (first < 0) first = cs;
        up += cs == 1;
        lo += cs == 2;
    }
    return (uint16_t)((first == 1 ? DY_TOK_CAP : 0) | (up && !lo ? DY_TOK_UPPER : 0));
}

/* The next token: its range and flags; 0 at the end of the text. */
static int scan_next(scanner *sc, size_t *ts, size_t *te, uint16_t *fl) {
    const unsigned char *s = sc->s;
    size_t n = sc->n, i = sc->i;
    const uint8_t *cls = sc->cls;
    while (i < n) {
        uint8_t k = cls[s[i]];
        if (k == K_SP) sc->space = 1;
        else if (k == K_NL) sc->space = sc->para = 1;
        else break;
        i++;
    }
    if (i >= n) { sc->i = n; return 0; }
    uint16_t flags = (uint16_t)((sc->space ? DY_TOK_SPACE : 0) | (sc->para ? DY_TOK_PARA : 0));
    sc->space = sc->para = 0;
    size_t st = i, e;
    unsigned c = s[i];
    uint8_t k = cls[c];
    size_t sl;
    if (k == K_HI && (sl = sym_len(s, i, n)) > 0) {
        e = i + sl;
        flags |= DY_TOK_PUNCT;
    } else if (k == K_UP || k == K_LO || k == K_DIG || k == K_HI || k == K_CONT) {
        if (is_nt(s, i, n, cls)) {
            e = i + 3;
        } else {
            e = scan_word(s, n, i, cls);
            if (e < n && s[e] == '.') {
                size_t d = dotted(s, n, st, e, cls);
                if (d) {
                    e = d;
                    if (s[e - 1] == '.') flags |= DY_TOK_ABBR;
                } else if (ascii_letters(s, st, e)) {
                    int ac = abbr_class(s + st, e - st);
                    if (ac == AB_NUM) {  /* "No. 5" */
                        size_t j = e + 1;
                        while (j < n && s[j] == ' ') j++;
                        if (!(j < n && is_digit(s[j]))) ac = AB_NONE;
                    }
                    if (ac != AB_NONE || (e - st == 1 && is_up(s[st]))) {
                        e++;
                        flags |= DY_TOK_ABBR;
                    }
                }
            }
        }
        flags |= is_digit(s[st]) ? DY_TOK_NUM : DY_TOK_WORD;
        flags |= shape(s, st, e);
    } else {
        flags |= DY_TOK_PUNCT;
        e = i + 1;
        switch (c) {
        case '-':
            while (e < n && s[e] == '-') e++;
            if (e - i >= 2) flags |= DY_TOK_DASH;
            break;
        case '.':
            while (e < n && s[e] == '.') e++;
            break;
        case '!': case '?':
            while (e < n && (s[e] == '!' || s[e] == '?')) e++;
            break;
        case '`':
            while (e < n && s[e] == '`') e++;
            flags |= DY_TOK_QUOTE;
            break;
        case '"':
            flags |= DY_TOK_QUOTE;
            break;
        case '\'': {
            int attached = i > 0 && (word_at(s, i - 1, n, cls) || s[i - 1] == '.');
            size_t cl = attached ? clitic_len(s, i, n, cls) : 0;
            if (cl) {  /* Russia|'s, we|'re */
                e = i + cl;
                flags = (uint16_t)((flags & ~DY_TOK_PUNCT) | DY_TOK_WORD | shape(s, i, e));
            } else if (e < n && s[e] == '\'') {  /* '' */
                e++;
                flags |= DY_TOK_QUOTE;
            } else if (attached && (s[i - 1] | 0x20) == 's' && e + 1 < n && s[e] == ' ' &&
                       is_lo(s[e + 1])) {
                /* protesters' demands: a possessive, not a quote */
            } else {
                flags |= DY_TOK_QUOTE;
            }
            break;
        }
        default:
            break;
        }
    }
    *ts = st;
    *te = e;
    *fl = flags;
    sc->i = e;
    return 1;
}

/* ------------------------------------------------------------------ sentences */

static inline int tok_is(const char *text, const dy_token *t, char c) {
    return t->end - t->start == 1 && text[t->start] == c;
}

/* The class of an abbreviation token (its text ends with '.'). */
static int tok_abbr_class(const char *text, const dy_token *t) {
    const unsigned char *s = (const unsigned char *)text + t->start;
    size_t n = t->end - t->start - 1;
    if (memchr(s, '.', n)) return AB_END;  /* U.S., a.m. */
    if (n == 1) return AB_END;             /* an initial */
    int c = abbr_class(s, n);
    return c == AB_NUM ? AB_TITLE : c;
}

/* Can token t be the last of a sentence (before any closing quotes)? */
static int is_final(const char *text, const dy_token *t) {
    if (t->flags & DY_TOK_ABBR) return 1;
    return (t->flags & DY_TOK_PUNCT) && strchr(".!?", text[t->start]) != NULL &&
           text[t->start] != '\0';
}

/* A closing quote or bracket right after the final punctuation. */
static int is_closer(const char *text, const dy_token *t) {
    if (t->flags & (DY_TOK_SPACE | DY_TOK_PARA)) return 0;
    if (t->flags & DY_TOK_QUOTE) return 1;
    return tok_is(text, t, ')') || tok_is(text, t, ']') || tok_is(text, t, '}');
}

/* Can token t start a sentence? */
static int starts_sentence(const char *text, const dy_token *t) {
    if (t->flags & DY_TOK_WORD) return (t->flags & DY_TOK_CAP) != 0;
    if (!(t->flags & DY_TOK_SPACE)) return 0;
    if (t->flags & (DY_TOK_NUM | DY_TOK_QUOTE)) return 1;
    return tok_is(text, t, '(') || tok_is(text, t, '[');
}

static int push_sentence(dy_sentence_vec *sv, const dy_token *toks, size_t a, size_t b,
                         uint32_t para) {
    if (b <= a) return DYAD_OK;
    dy_sentence *s = DY_PUSH(*sv);
    if (!s) return DYAD_ERR_NOMEM;
    s->tok_start = (uint32_t)a;
    s->tok_end = (uint32_t)b;
    s->start = toks[a].start;
    s->end = toks[b - 1].end;
    s->paragraph = para;
    return DYAD_OK;
}

/* Contract: see internal.h. Tokens and sentences are appended (token indices in the sentences
 * are absolute indices into `tokens`). On DYAD_ERR_NOMEM the vectors hold what was appended so
 * far. */
int dy_segment(const char *text, uint32_t len, dy_token_vec *tokens, dy_sentence_vec *sentences) {
    size_t base = tokens->len;
    scanner sc = {(const unsigned char *)text, len, 0, text_class, 1, 1};
    size_t ts, te;
    uint16_t fl;
    while (scan_next(&sc, &ts, &te, &fl)) {
        dy_token *t = DY_PUSH(*tokens);
        if (!t) return DYAD_ERR_NOMEM;
        t->start = (uint32_t)ts;
        t->end = (uint32_t)te;
        t->flags = fl;
        t->tag = 0;
        t->pad = 0;
    }

    const dy_token *tk = tokens->items;
    size_t n = tokens->len, sent = base, k = base;
    uint32_t para = 0, sent_para = 0;
    while (k < n) {
        if (tk[k].flags & DY_TOK_PARA) {
            if (k > base) para++;
            if (push_sentence(sentences, tk, sent, k, sent_para)) return DYAD_ERR_NOMEM;
            sent = k;
            sent_para = para;
        }
        if (!is_final(text, &tk[k])) { k++; continue; }
        size_t j = k + 1;
        while (j < n && is_closer(text, &tk[j])) j++;
        if (j >= n || (tk[j].flags & DY_TOK_PARA)) { k = j; continue; }
        int boundary;
        if (tk[k].flags & DY_TOK_ABBR) {
            boundary = tok_abbr_class(text, &tk[k]) == AB_END && (tk[j].flags & DY_TOK_WORD) &&
                       is_starter(text + tk[j].start, tk[j].end - tk[j].start);
        } else {
            boundary = starts_sentence(text, &tk[j]);
        }
        if (boundary) {
            if (push_sentence(sentences, tk, sent, j, sent_para)) return DYAD_ERR_NOMEM;
            sent = j;
            sent_para = para;
        }
        k = j;
    }
    return push_sentence(sentences, tk, sent, n, sent_para);
}

/* Contract: see internal.h. `fn` receives each token (a pointer into `s`, not NUL-terminated),
 * with the same flags dy_segment would give it; '_' separates words like a space. */
void dy_tokenise(const char *s, size_t len,
                 void (*fn)(void *ctx, const char *tok, size_t n, uint16_t flags), void *ctx) {
    if (!s || !fn) return;
    scanner sc = {(const unsigned char *)s, len, 0, phrase_class, 1, 1};
    size_t ts, te;
    uint16_t fl;
    while (scan_next(&sc, &ts, &te, &fl)) fn(ctx, s + ts, te - ts, fl);
}
