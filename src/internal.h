/*
 * internal.h - what the stages of libdyad share and the public header does not show.
 *
 * Names are prefixed `dy_` (internal) as opposed to `dyad_` (public). Every stage reads and
 * appends to the same flat arrays of a document; positions are byte offsets, never copies.
 */
#ifndef DYAD_INTERNAL_H
#define DYAD_INTERNAL_H

#include "dyad.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ util.c */

/* Fills `err` (if not NULL) and returns `code`. `file` may be NULL; `line`/`offset` 0 / -1. */
int dy_fail(dyad_error *err, dyad_status code, const char *file, long line, long offset,
            const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Growable buffer helpers (dyad_buf is public). All abort-free: on allocation failure they return
 * -1 and leave the buffer as it was. */
int dy_buf_reserve(dyad_buf *b, size_t extra);
int dy_buf_append(dyad_buf *b, const char *s, size_t n);
int dy_buf_puts(dyad_buf *b, const char *s);
int dy_buf_putc(dyad_buf *b, char c);
int dy_buf_printf(dyad_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends `s` as the body of a JSON string (escaped, without the quotes). */
int dy_buf_json_escape(dyad_buf *b, const char *s, size_t n);

/* Reads a whole file (gzip-compressed or not; "-" = stdin) into a malloc'ed, NUL-terminated
 * buffer. Returns DYAD_OK or DYAD_ERR_IO with err filled. */
int dy_read_file(const char *path, char **data, size_t *len, dyad_error *err);

/* ------------------------------------------------------------------ arena.c */

/* A bump allocator: blocks are kept on reset, so a document that is no larger than the previous
 * one allocates nothing. Memory is 16-byte aligned. Not thread-safe. */
typedef struct dy_arena_block dy_arena_block;
typedef struct dy_arena {
    dy_arena_block *head;    /* current block */
    dy_arena_block *first;
    size_t total;            /* bytes reserved in all blocks */
} dy_arena;

void dy_arena_init(dy_arena *a);
void *dy_arena_alloc(dy_arena *a, size_t n);           /* NULL when out of memory */
void *dy_arena_calloc(dy_arena *a, size_t n);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
void dy_arena_reset(dy_arena *a);                      /* frees nothing, forgets everything */
void dy_arena_free(dy_arena *a);

/* A growable array inside a document: `items` is malloc'ed and kept across documents. */
#define DY_VEC(T) struct { T *items; size_t len, cap; }
/* Makes room for one more item of size `size` (returns its address, or NULL when out of memory). */
void *dy_vec_push(void *vec, size_t size);
#define DY_PUSH(v) ((__typeof__((v).items))dy_vec_push(&(v), sizeof *(v).items))

/* ------------------------------------------------------------------ json.c */

typedef enum dy_json_type {
    DY_JSON_STRING, DY_JSON_NUMBER, DY_JSON_NULL, DY_JSON_TRUE, DY_JSON_FALSE,
    DY_JSON_OBJECT, DY_JSON_ARRAY
} dy_json_type;

/* One top-level member of a JSON object. For strings `val` is the unescaped UTF-8 value
 * (NUL-terminated, in the arena); for numbers/true/false/null the literal text; for nested
 * objects and arrays the raw JSON text of the value. */
typedef struct dy_json_field {
    const char *key;
    const char *val;
    size_t val_len;
    dy_json_type type;
} dy_json_field;

/* Parses one JSON object (a JSON Lines record) of `n` bytes. On success stores up to `max`
 * fields and their count and returns DYAD_OK; on a syntax error returns DYAD_ERR_PARSE with the
 * byte offset of the fault in *err_off. Invalid UTF-8 in strings is replaced by U+FFFD. Linear
 * time; nesting deeper than 64 levels is an error. */
int dy_json_parse_object(const char *s, size_t n, dy_arena *a, dy_json_field *fields,
                         size_t max, size_t *count, size_t *err_off);

/* The first field named `key` (NULL if absent). */
const dy_json_field *dy_json_get(const dy_json_field *f, size_t count, const char *key);

/* ------------------------------------------------------------------ dates.c */

/* Days since 1970-01-01 for a proleptic Gregorian date, and back. */
int32_t dy_days_from_civil(int y, int m, int d);
void dy_civil_from_days(int32_t z, int *y, int *m, int *d);
/* 0 = Sunday .. 6 = Saturday. */
int dy_weekday(int32_t days);
/* The number of days of month m (1..12) of year y (leap years counted). */
int dy_days_in_month(int y, int m);
/* "YYYY-MM-DD" -> days; -1 on error (checks month length and leap years). */
int dy_date_to_days(const char *ymd, int32_t *days);
void dy_days_to_date(int32_t days, char out[11]);
/* Month name or abbreviation ("feb", "Feb.", "February", "sept") -> 1..12, else 0. */
int dy_month_from_name(const char *s, size_t n);
/* Weekday name ("tuesday", "Tue") -> 0..6 (Sunday = 0), else -1. */
int dy_weekday_from_name(const char *s, size_t n);

/* ------------------------------------------------------------------ ontology.c */

/* data/modality-map.tsv: the code of the intention to do action `code` ("040" -> "036"), and of
 * refusing to do it ("0871" -> "1246"); NULL where CAMEO has none. Static data, thread-safe. */
const char *dy_intent_code(const char *code);
const char *dy_refusal_code(const char *code);

/* ------------------------------------------------------------------ normalise.c */

/* The normalised text of a document: UTF-8 valid, typography folded to ASCII where it matters
 * (quotes, dashes, spaces), Markdown markup and boilerplate lines removed, broken paragraphs
 * rejoined. `map[i]` is the offset in the original text of normalised byte i (map[len] = the end
 * of the normalised region in the original). Paragraph breaks are a single '\n' in `text`;
 * other line breaks are folded to spaces. */
typedef struct dy_text {
    char *text;              /* NUL-terminated, in the arena */
    uint32_t len;
    uint32_t *map;           /* len + 1 entries, in the arena */
    uint32_t invalid;        /* invalid UTF-8 sequences replaced */
    uint32_t boilerplate;    /* lines dropped as boilerplate */
} dy_text;

/* Normalises orig[start..len). Returns DYAD_OK or DYAD_ERR_NOMEM. Linear time. */
int dy_normalise(dy_arena *a, const char *orig, size_t len, size_t start, dy_text *out);

/* ------------------------------------------------------------------ segment.c */

enum {
    DY_TOK_WORD = 1 << 0,    /* letters (possibly with digits, internal apostrophes or dots: U.S.) */
    DY_TOK_NUM = 1 << 1,     /* starts with a digit */
    DY_TOK_PUNCT = 1 << 2,   /* anything else */
    DY_TOK_CAP = 1 << 3,     /* first letter upper case */
    DY_TOK_UPPER = 1 << 4,   /* all letters upper case (and at least one letter) */
    DY_TOK_SPACE = 1 << 5,   /* preceded by white space (or starts the text) */
    DY_TOK_PARA = 1 << 6,    /* first token of a paragraph */
    DY_TOK_QUOTE = 1 << 7,   /* a quotation mark ( " or ' used as a quote ) */
    DY_TOK_DASH = 1 << 8,    /* a dash between words ("--", normalised from en/em dash) */
    DY_TOK_ABBR = 1 << 9,    /* a word ending in '.' that is an abbreviation or initial */
    DY_TOK_INQUOTE = 1 << 10 /* inside a quotation (set by discourse.c) */
};

/* The word class of a token in its sentence (dy_token.tag), set by the tagger (tagger.c) after the
 * last actor pass and read by the event stage: whether a dictionary verb form is used as a verb
 * ("protesters clashed", "he talks") or a noun ("fresh clashes", "the talks"). */
enum {
    DY_TAG_OTHER = 0,        /* not tagged yet, or a closed-class word, number, punctuation, adverb, particle */
    DY_TAG_NOUN = 1,         /* a common noun, a noun modifying a noun ("peace talks"), a gerund as a noun */
    DY_TAG_VERB = 2,         /* a verb: finite, infinitive, imperative, participle of a verb group or clause */
    DY_TAG_ADJ = 3,          /* an adjective, a participle before its noun ("the detained activists") */
    DY_TAG_NAME = 4,         /* a word of an actor phrase (doc->phrases): a name, an agent noun, a pronoun */
    DY_TAG_GERUND = 5        /* an -ing verb with an object after a preposition ("accused of attacking
                              * civilians"): a verb that names an act rather than asserting it */
};

typedef struct dy_token {
    uint32_t start, end;     /* byte range in the normalised text */
    uint32_t lex;            /* word id in the dictionary's lexicon (0 = unknown); set by actors.c */
    uint16_t flags;          /* DY_TOK_* */
    uint8_t tag;             /* DY_TAG_*; set by tagger.c (0 before it runs) */
    uint8_t pad;
} dy_token;

typedef struct dy_sentence {
    uint32_t tok_start, tok_end;   /* token range [start, end) */
    uint32_t start, end;           /* byte range in the normalised text */
    uint32_t paragraph;
} dy_sentence;

typedef DY_VEC(dy_token) dy_token_vec;
typedef DY_VEC(dy_sentence) dy_sentence_vec;

/* Splits a normalised text into tokens and sentences, appending to the vectors (which the caller
 * clears). Sentence boundaries: . ! ? (with following closing quotes/brackets) before a word that
 * can start a sentence, unless the period ends an abbreviation (Mr., Gen., Feb., U.S. before a
 * lower-case word or a number) or an initial; every paragraph break. Returns DYAD_OK or
 * DYAD_ERR_NOMEM. Linear time. */
int dy_segment(const char *text, uint32_t len, dy_token_vec *tokens, dy_sentence_vec *sentences);

/* Tokenises a short string with the same rules as dy_segment (for dictionary phrases), calling
 * `fn` for each token. */
void dy_tokenise(const char *s, size_t len, void (*fn)(void *ctx, const char *tok, size_t n,
                                                       uint16_t flags), void *ctx);

/* ------------------------------------------------------------------ read.c helpers */

/* Detects the title, byline and publication date at the top of a text/Markdown article: the title
 * is the first non-empty line (Markdown '#' stripped); within the next few short lines a line that
 * parses as a date (alone, or after "Published", "Updated", "Date:", or a dateline) gives the date.
 * Fills title (arena), date ("" if none) and the offset where the body starts. */
void dy_text_header(const char *text, size_t len, dy_arena *a, const char **title,
                    char date[11], size_t *body_start);

#endif /* DYAD_INTERNAL_H */
