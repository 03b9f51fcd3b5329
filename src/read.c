/*
 * read.c - article readers: plain text / Markdown files, JSON Lines and PETRARCH XML, gzip or not.
 *
 * Algorithm: a reader is a source of bytes (a zlib gzFile, which passes plain files through, or a
 * caller's buffer) plus a per-format scanner. TEXT reads the whole file (or uses the buffer without
 * a copy) and finds the title, byline and publication date at its top (dy_text_header). JSONL
 * streams the input line by line through a 64 KiB chunk (a line that straddles chunks is gathered
 * in a growing buffer) and parses each line with dy_json_parse_object, picking the fields by name
 * and alias. XML streams through a window that keeps the unconsumed bytes: a scanner skips
 * comments and CDATA, finds the next <Sentence ...> and its </Sentence>, reading more (at least
 * doubling the window, so rescans stay linear) when a record straddles the end; the record is then
 * parsed in place: attributes, the first <Text> element, entities decoded. No DOM is built. The
 * strings of the current article live in an arena that is reset for each record. A malformed
 * record yields an error with its file and line, is counted, and the next call goes on after it.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define DY_CHUNK (64u * 1024u)
#define DY_MAX_FIELDS 128

struct dyad_reader {
    dyad_input_format fmt;
    char *name;                  /* file name for diagnostics ("-" for stdin) */
    char *stem;                  /* the name without directories and extensions, for ids */
    gzFile gz;                   /* NULL when reading a caller's buffer */
    const char *data;            /* buffer mode: the caller's bytes; TEXT: the whole file */
    size_t data_len, data_pos;
    char *owned;                 /* TEXT read from a file: the file's bytes (malloc'ed) */
    char *chunk;                 /* JSONL from a file: the read chunk */
    size_t chunk_len, chunk_pos;
    dyad_buf line;               /* JSONL: a line that straddles chunks */
    char *win;                   /* XML from a file: unconsumed bytes [wpos, wlen) */
    size_t wcap;
    const char *w;               /* XML: the window (win, or the caller's buffer) */
    size_t wpos, wlen;
    long lineno;                 /* JSONL: the last line read; XML: the line at wpos */
    int eof;                     /* the source has no more bytes */
    int done;                    /* nothing more to hand over */
    size_t failures;
    dy_arena arena;
    char date[11];
    dy_json_field fields[DY_MAX_FIELDS];
};

/* ------------------------------------------------------------------ small helpers */

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static int ends_with_ci(const char *s, size_t n, const char *suffix) {
    size_t k = strlen(suffix);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower(s[n - k + i]) != suffix[i]) return 0;
    return 1;
}

static int starts_with_ci(const char *s, size_t n, const char *prefix) {
    size_t k = strlen(prefix);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower(s[i]) != prefix[i]) return 0;
    return 1;
}

/* The base name of `path` without ".gz" and then without a known article extension. */
static char *file_stem(const char *path) {
    if (strcmp(path, "-") == 0) return strdup("stdin");
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (ends_with_ci(b, n, ".gz")) n -= 3;
    static const char *const exts[] = {".jsonl", ".ndjson", ".json", ".xml", ".markdown", ".md",
                                       ".txt", ".text"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t k = strlen(exts[i]);
        if (n > k && ends_with_ci(b, n, exts[i])) { n -= k; break; }
    }
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, b, n);
        s[n] = '\0';
    }
    return s;
}

static dyad_input_format format_of(const char *path) {
    size_t n = strlen(path);
    if (ends_with_ci(path, n, ".gz")) n -= 3;
    if (ends_with_ci(path, n, ".jsonl") || ends_with_ci(path, n, ".ndjson") || ends_with_ci(path, n, ".json"))
        return DYAD_INPUT_JSONL;
    if (ends_with_ci(path, n, ".xml")) return DYAD_INPUT_XML;
    return DYAD_INPUT_TEXT;
}

/* Counts the newlines in s[0..n). */
static long count_lines(const char *s, size_t n) {
    long k = 0;
    const char *e = s + n;
    while ((s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
        k++;
        s++;
    }
    return k;
}

/* ------------------------------------------------------------------ opening and closing */

static dyad_reader *reader_new(const char *name, dyad_input_format fmt, dyad_error *err) {
    dyad_reader *r = calloc(1, sizeof *r);
    if (r) {
        r->name = strdup(name);
        r->stem = file_stem(name);
        dy_arena_init(&r->arena);
    }
    if (!r || !r->name || !r->stem) {
        dyad_reader_close(r);
        dy_fail(err, DYAD_ERR_NOMEM, name, 0, -1, "out of memory");
        return NULL;
    }
    r->fmt = fmt == DYAD_INPUT_AUTO ? format_of(name) : fmt;
    r->w = "";
    r->lineno = r->fmt == DYAD_INPUT_XML ? 1 : 0;
    return r;
}

/* Opens a file ("-" = stdin) for reading articles; see dyad.h. NULL with err filled on failure. */
dyad_reader *dyad_reader_open(const char *path, dyad_input_format fmt, dyad_error *err) {
    if (!path || fmt < DYAD_INPUT_AUTO || fmt > DYAD_INPUT_XML) {
        dy_fail(err, DYAD_ERR_ARG, path, 0, -1, "bad argument to dyad_reader_open");
        return NULL;
    }
    dyad_reader *r = reader_new(path, fmt, err);
    if (!r) return NULL;
    if (r->fmt == DYAD_INPUT_TEXT) {
        char *data;
        size_t len;
        if (dy_read_file(path, &data, &len, err) != DYAD_OK) {
            dyad_reader_close(r);
            return NULL;
        }
        r->owned = data;
        r->data = data;
        r->data_len = len;
        return r;
    }
    errno = 0;
    if (strcmp(path, "-") == 0) {
        int fd = dup(STDIN_FILENO);
        r->gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!r->gz && fd >= 0) close(fd);
    } else {
        r->gz = gzopen(path, "rb");
    }
    if (!r->gz) {
        dy_fail(err, DYAD_ERR_IO, path, 0, -1, "cannot open: %s", strerror(errno ? errno : ENOENT));
        dyad_reader_close(r);
        return NULL;
    }
    gzbuffer(r->gz, 128u * 1024u);
    return r;
}

/* Reads articles from a caller-owned buffer that outlives the reader; see dyad.h. */
dyad_reader *dyad_reader_open_buffer(const char *data, size_t len, const char *name,
                                     dyad_input_format fmt, dyad_error *err) {
    if ((!data && len) || fmt < DYAD_INPUT_AUTO || fmt > DYAD_INPUT_XML) {
        dy_fail(err, DYAD_ERR_ARG, name, 0, -1, "bad argument to dyad_reader_open_buffer");
        return NULL;
    }
    dyad_reader *r = reader_new(name && *name ? name : "buffer", fmt, err);
    if (!r) return NULL;
    r->data = data ? data : "";
    r->data_len = len;
    r->w = r->data;
    r->wlen = len;
    r->eof = 1;
    return r;
}

/* Number of invalid records seen so far. */
size_t dyad_reader_failures(const dyad_reader *r) { return r ? r->failures : 0; }

/* Closes the reader and frees everything it owns (NULL is fine). */
void dyad_reader_close(dyad_reader *r) {
    if (!r) return;
    if (r->gz) gzclose(r->gz);
    free(r->name);
    free(r->stem);
    free(r->owned);
    free(r->chunk);
    free(r->win);
    dyad_buf_free(&r->line);
    dy_arena_free(&r->arena);
    free(r);
}

/* Reads up to n bytes from the gzFile: bytes read, 0 at the end, -1 on error (err filled). */
static long gz_read(dyad_reader *r, char *buf, size_t n, dyad_error *err) {
    if (n > (1u << 30)) n = 1u << 30;
    int k = gzread(r->gz, buf, (unsigned)n);
    if (k < 0) {
        int zerr;
        const char *msg = gzerror(r->gz, &zerr);
        dy_fail(err, DYAD_ERR_IO, r->name, r->lineno, -1, "read error: %s", msg ? msg : "unknown");
        return -1;
    }
    return k;
}

/* An I/O error in the middle of a stream ends it: counted once, then EOF. */
static int stream_failed(dyad_reader *r) {
    r->failures++;
    r->done = 1;
    r->eof = 1;
    return DYAD_ERR_IO;
}

/* ------------------------------------------------------------------ TEXT */

/* Copies a line without Markdown emphasis markers and with trailing hard breaks and spaces
 * removed into buf (at most cap-1 bytes); returns the length, or -1 when the line is too long. */
static long clean_line(const char *s, size_t n, char *buf, size_t cap) {
    while (n && (is_space(s[n - 1]) || s[n - 1] == '\\')) n--;
    while (n && is_space(*s)) { s++; n--; }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '*' || s[i] == '_') continue;
        if (o + 1 >= cap) return -1;
        buf[o++] = s[i];
    }
    while (o && is_space(buf[o - 1])) o--;
    size_t b = 0;
    while (b < o && is_space(buf[b])) b++;
    memmove(buf, buf + b, o - b);
    o -= b;
    buf[o] = '\0';
    return (long)o;
}

/* Whether a cleaned header line is a date: the date alone, or after a label ("Published:",
 * "Updated", "Posted on", "Date:", ...), or one of the parts of a line split by '|' or a middle
 * dot ("By A. Writer | 14 Feb 2025"), or after a comma in a short line ("A. Writer, 14 Feb 2025");
 * the last two only when `loose`. */
static int date_line(const char *s, size_t n, char date[11], int loose) {
    if (dyad_parse_date(s, n, date) == DYAD_OK) return 1;
    static const char *const labels[] = {"first published", "originally published", "last updated",
                                         "last modified", "publication date", "date published",
                                         "published", "updated", "posted", "date", "dated"};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t k = strlen(labels[i]);
        if (!starts_with_ci(s, n, labels[i])) continue;
        const char *p = s + k, *e = s + n;
        if (p < e && !(is_space(*p) || *p == ':')) continue;   /* "Postedx" */
        while (p < e && (is_space(*p) || *p == ':')) p++;
        size_t rest = (size_t)(e - p);
        if (starts_with_ci(p, rest, "on ") || starts_with_ci(p, rest, "at ")) p += 3;
        return p < e && date_line(p, (size_t)(e - p), date, loose);
    }
    if (!loose) return 0;
    for (size_t i = 0; i < n; i++) {
        size_t sep = 0;
        if (s[i] == '|') sep = 1;
        else if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xB7) sep = 2;
        else if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0xA2) sep = 3;                 /* bullet */
        if (!sep) continue;
        if (date_line(s, i, date, 1) || date_line(s + i + sep, n - i - sep, date, 1)) return 1;
        return 0;
    }
    /* a short line ending with a date after a comma: "Ana Ruiz, 14 February 2025",
     * "10:32 AM EST, Fri February 14, 2025" */
    for (size_t i = 0; n <= 100 && i < n; i++)
        if (s[i] == ',' && dyad_parse_date(s + i + 1, n - i - 1, date) == DYAD_OK) return 1;
    return 0;
}

/* "By A. Writer", "by Staff Reporters". */
static int by_line(const char *s, size_t n) {
    return n <= 120 && n > 3 && starts_with_ci(s, n, "by ") && s[3] != ' ';
}

/* A short line of capitalised words ("Jane Q. Reporter", "Ana de la Cruz and Li Wei"). */
static int name_line(const char *s, size_t n) {
    if (n == 0 || n > 60) return 0;
    static const char *const small[] = {"and", "de", "del", "der", "van", "von", "la", "le", "da",
                                        "di", "du", "al", "el", "bin", "ibn", "y"};
    int words = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '&')) i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != ',') i++;
        unsigned char c = (unsigned char)s[b];
        words++;
        if (words > 6) return 0;
        for (size_t k = b; k < i; k++)
            if ((s[k] >= '0' && s[k] <= '9') || s[k] == ':' || s[k] == '!' || s[k] == '?') return 0;
        if ((c >= 'A' && c <= 'Z') || c >= 0xC0) continue;
        int ok = 0;
        for (size_t k = 0; k < sizeof small / sizeof *small; k++)
            if (strlen(small[k]) == i - b && memcmp(small[k], s + b, i - b) == 0) ok = 1;
        if (!ok) return 0;
    }
    return words >= 1 && s[n - 1] != '.';
}

/* A date in a dateline at the start of the body: "KYIV, Ukraine, Feb. 14, 2025 (AP) -". */
static int dateline_date(const char *s, size_t n, char date[11]) {
    if (n > 120) n = 120;
    size_t end = n;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '(' || (s[i] == '-' && i > 0 && s[i - 1] == ' ') ||
            ((unsigned char)s[i] == 0xE2 && i + 1 < n && (unsigned char)s[i + 1] == 0x80)) {
            end = i;
            break;
        }
    }
    if (end == n) return 0;
    for (size_t i = 0; i < end; i++)
        if (s[i] == ',' && dyad_parse_date(s + i + 1, end - i - 1, date) == DYAD_OK) return 1;
    return 0;
}

/* The line of text[pos..len) without its '\n': its length; *next is the offset after it. */
static size_t line_at(const char *text, size_t len, size_t pos, size_t *next) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
    *next = nl ? pos + n + 1 : len;
    return n;
}

static int blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!is_space(s[i])) return 0;
    return 1;
}

/* YAML front matter ("---" ... "---") at text[pos]: title and date from its "title:" and
 * "date:"-like keys; returns the offset after the closing line, or 0 when there is none. */
static size_t front_matter(const char *text, size_t len, size_t pos, dy_arena *a,
                           const char **title, char date[11]) {
    size_t next, n = line_at(text, len, pos, &next);
    char buf[256], d[11];
    long k = clean_line(text + pos, n, buf, sizeof buf);
    if (k != 3 || memcmp(buf, "---", 3) != 0) return 0;
    for (int lines = 0; next < len && lines < 60; lines++) {
        pos = next;
        n = line_at(text, len, pos, &next);
        const char *s = text + pos;
        while (n && is_space(s[n - 1])) n--;
        if ((n == 3 && memcmp(s, "---", 3) == 0) || (n == 3 && memcmp(s, "...", 3) == 0)) return next;
        const char *colon = memchr(s, ':', n);
        if (!colon || n > 250) continue;
        size_t kl = (size_t)(colon - s);
        const char *v = colon + 1, *ve = s + n;
        while (v < ve && is_space(*v)) v++;
        if (ve - v >= 2 && (*v == '"' || *v == '\'') && ve[-1] == *v) { v++; ve--; }
        if (kl == 5 && starts_with_ci(s, kl, "title") && !**title) {
            const char *t = dy_arena_strndup(a, v, (size_t)(ve - v));
            if (t) *title = t;
        } else if (!date[0] && date_line(s, n, d, 0)) {
            memcpy(date, d, 11);
        }
    }
    return 0;
}

/* Finds the title, byline and publication date at the top of a text/Markdown article (see
 * internal.h). YAML front matter, when present, gives the title and date; without a title
 * in it, the header goes on below it. The title is the first non-empty line with Markdown '#'s,
 * emphasis around it and a setext underline removed, unless that line is longer than 300 bytes
 * (then it is body and there is no title). Within the first 8 non-empty lines and before the
 * first long one, a date line ends the header (it may also come just above the title); a "By ..." line or a short line of capitalised names is
 * a byline. body_start is just after the last header line used: the date line, else a "By" line
 * right after the title, else the title. Failing all that, a dateline opening the body
 * ("CITY, Feb. 14, 2025 (Agency) -") gives the date but moves nothing. */
void dy_text_header(const char *text, size_t len, dy_arena *a, const char **title,
                    char date[11], size_t *body_start) {
    *title = "";
    date[0] = '\0';
    *body_start = 0;
    if (!text) return;
    size_t pos = 0, next;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) pos = 3;
    while (pos < len) {                                    /* leading blank lines */
        size_t n = line_at(text, len, pos, &next);
        if (!blank(text + pos, n)) break;
        pos = next;
    }
    size_t fm = pos < len ? front_matter(text, len, pos, a, title, date) : 0;
    if (fm) {
        *body_start = fm;
        if (**title) return;
        pos = fm;                                          /* look for a Markdown title below it */
    }
    char buf[256], d[11];
    int nonempty = 0, have_title = 0, after_title = 0;
    size_t header_end = fm, first_body = (size_t)-1;
    for (; pos < len && nonempty < 8; pos = next) {
        const char *ls = text + pos;
        size_t n = line_at(text, len, pos, &next);
        if (blank(ls, n)) continue;
        nonempty++;
        if (!have_title) {
            if (n > 300) { first_body = pos; break; }
            long k = clean_line(ls, n, buf, sizeof buf);
            if (!date[0] && k > 0 && buf[0] != '#' && date_line(buf, (size_t)k, d, 0)) {
                memcpy(date, d, 11);                       /* a date above the title */
                header_end = next;
                continue;
            }
            const char *t = ls, *te = ls + n;
            while (t < te && is_space(*t)) t++;
            while (t < te && *t == '#') t++;
            while (t < te && (is_space(*t) || *t == '*' || *t == '_')) t++;
            while (te > t && (is_space(te[-1]) || te[-1] == '\\')) te--;
            while (te > t && te[-1] == '#') te--;          /* closing ATX hashes */
            while (te > t && (is_space(te[-1]) || te[-1] == '*' || te[-1] == '_')) te--;
            if (te == t) continue;                         /* a bare "#" */
            const char *tt = dy_arena_strndup(a, t, (size_t)(te - t));
            if (tt) *title = tt;
            have_title = 1;
            header_end = next;
            if (next < len) {                              /* a setext underline: ===== or ----- */
                size_t un = line_at(text, len, next, &pos), j = 0;
                while (j < un && (text[next + j] == '=' || text[next + j] == '-')) j++;
                if (j >= 3 && blank(text + next + j, un - j)) header_end = next = pos;
            }
            if (date[0]) break;                            /* the date came first */
            continue;
        }
        after_title++;
        if (n > 200) { first_body = pos; break; }
        long k = clean_line(ls, n, buf, sizeof buf);
        if (k < 0) { first_body = pos; break; }
        if (date_line(buf, (size_t)k, d, 1)) {
            memcpy(date, d, 11);
            *body_start = next;
            return;
        }
        if (by_line(buf, (size_t)k)) {
            if (after_title == 1) header_end = next;
        } else if (!name_line(buf, (size_t)k) && first_body == (size_t)-1) {
            first_body = pos;
        }
    }
    *body_start = header_end;
    if (date[0]) return;
    if (first_body == (size_t)-1) {                        /* the first non-empty line after the header */
        for (pos = header_end; pos < len; pos = next) {
            size_t n = line_at(text, len, pos, &next);
            if (!blank(text + pos, n)) { first_body = pos; break; }
        }
    }
    if (first_body != (size_t)-1 && dateline_date(text + first_body, line_at(text, len, first_body, &next), d))
        memcpy(date, d, 11);
}

static int next_text(dyad_reader *r, dyad_article *out) {
    if (r->done) return DYAD_EOF;
    r->done = 1;
    const char *title;
    size_t body;
    dy_text_header(r->data, r->data_len, &r->arena, &title, r->date, &body);
    out->id = r->stem;
    out->date = r->date;
    out->title = title;
    out->text = r->data;
    out->text_len = r->data_len;
    out->body_start = body;
    out->line = 1;
    return DYAD_OK;
}

/* ------------------------------------------------------------------ JSONL */

/* The next line (without '\n'): 1, 0 at the end of the input, or DYAD_ERR_IO. The pointer stays
 * valid until the next call. */
static int next_line(dyad_reader *r, const char **line, size_t *n, dyad_error *err) {
    if (!r->gz) {
        if (r->data_pos >= r->data_len) return 0;
        const char *s = r->data + r->data_pos;
        const char *nl = memchr(s, '\n', r->data_len - r->data_pos);
        *line = s;
        *n = nl ? (size_t)(nl - s) : r->data_len - r->data_pos;
        r->data_pos += *n + (nl != NULL);
        return 1;
    }
    if (!r->chunk && !(r->chunk = malloc(DY_CHUNK)))
        return dy_fail(err, DYAD_ERR_NOMEM, r->name, r->lineno + 1, -1, "out of memory");
    dyad_buf_clear(&r->line);
    int partial = 0;
    for (;;) {
        if (r->chunk_pos == r->chunk_len) {
            if (r->eof) break;
            long k = gz_read(r, r->chunk, DY_CHUNK, err);
            if (k < 0) return DYAD_ERR_IO;
            if (k == 0) { r->eof = 1; break; }
            r->chunk_len = (size_t)k;
            r->chunk_pos = 0;
        }
        const char *s = r->chunk + r->chunk_pos;
        size_t avail = r->chunk_len - r->chunk_pos;
        const char *nl = memchr(s, '\n', avail);
        size_t take = nl ? (size_t)(nl - s) : avail;
        r->chunk_pos += take + (nl != NULL);
        if (nl && !partial) {                              /* the whole line is in the chunk */
            *line = s;
            *n = take;
            return 1;
        }
        if (dy_buf_append(&r->line, s, take))
            return dy_fail(err, DYAD_ERR_NOMEM, r->name, r->lineno + 1, -1, "out of memory");
        partial = 1;
        if (nl) break;
    }
    if (!partial) return 0;
    *line = r->line.data ? r->line.data : "";
    *n = r->line.len;
    return 1;
}

/* The first field of `names` (in that order) that is a non-empty string (or, with `numbers`, a
 * number); else the first that is an empty string; else NULL. */
static const dy_json_field *pick(const dyad_reader *r, size_t count, const char *const *names,
                                 int numbers) {
    const dy_json_field *empty = NULL;
    for (const char *const *k = names; *k; k++) {
        const dy_json_field *f = dy_json_get(r->fields, count, *k);
        if (!f || !(f->type == DY_JSON_STRING || (numbers && f->type == DY_JSON_NUMBER))) continue;
        if (f->val_len) return f;
        if (!empty) empty = f;
    }
    return empty;
}

static int next_jsonl(dyad_reader *r, dyad_article *out, dyad_error *err) {
    static const char *const id_keys[] = {"id", "doc_id", "_id", "docid", NULL};
    static const char *const date_keys[] = {"date", "date_publish", "pub_date", "published",
                                            "publish_date", "publication_date", "datetime", NULL};
    static const char *const title_keys[] = {"title", "headline", NULL};
    static const char *const text_keys[] = {"text", "maintext", "content", "body", "article", "story", NULL};
    static const char *const url_keys[] = {"url", "link", NULL};
    static const char *const source_keys[] = {"source", "publisher", "source_domain", "outlet", NULL};
    const char *s = "";
    size_t n = 0;
    for (;;) {
        if (r->done) return DYAD_EOF;
        int got = next_line(r, &s, &n, err);
        if (got < 0) return got == DYAD_ERR_IO ? stream_failed(r) : got;
        if (got == 0) { r->done = 1; return DYAD_EOF; }
        r->lineno++;
        if (r->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) { s += 3; n -= 3; }
        size_t b = 0;
        while (b < n && is_space(s[b])) b++;
        if (b < n) break;                                  /* skip blank lines */
    }
    dy_arena_reset(&r->arena);
    size_t count, off;
    int rc = dy_json_parse_object(s, n, &r->arena, r->fields, DY_MAX_FIELDS, &count, &off);
    if (rc != DYAD_OK) {
        r->failures++;
        if (rc == DYAD_ERR_NOMEM) return dy_fail(err, rc, r->name, r->lineno, (long)off, "out of memory");
        return dy_fail(err, DYAD_ERR_PARSE, r->name, r->lineno, (long)off,
                       "malformed JSON at byte %zu", off);
    }
    const dy_json_field *text = pick(r, count, text_keys, 0);
    if (!text) {
        r->failures++;
        return dy_fail(err, DYAD_ERR_PARSE, r->name, r->lineno, -1, "no text field");
    }
    const dy_json_field *date = pick(r, count, date_keys, 1);
    r->date[0] = '\0';
    if (date && date->val_len && dyad_parse_date(date->val, date->val_len, r->date) != DYAD_OK) {
        r->failures++;
        return dy_fail(err, DYAD_ERR_DATE, r->name, r->lineno, -1, "bad date \"%.64s\"", date->val);
    }
    const dy_json_field *id = pick(r, count, id_keys, 1);
    const char *idv = id && id->val_len ? id->val : NULL;
    if (!idv) {
        char tmp[32];
        int k = snprintf(tmp, sizeof tmp, "-%ld", r->lineno);
        size_t sl = strlen(r->stem);
        char *g = dy_arena_alloc(&r->arena, sl + (size_t)k + 1);
        if (!g) {
            r->failures++;
            return dy_fail(err, DYAD_ERR_NOMEM, r->name, r->lineno, -1, "out of memory");
        }
        memcpy(g, r->stem, sl);
        memcpy(g + sl, tmp, (size_t)k + 1);
        idv = g;
    }
    const dy_json_field *title = pick(r, count, title_keys, 0);
    const dy_json_field *url = pick(r, count, url_keys, 0);
    const dy_json_field *source = pick(r, count, source_keys, 0);
    out->id = idv;
    out->date = r->date;
    out->title = title ? title->val : "";
    out->url = url ? url->val : "";
    out->source = source ? source->val : "";
    out->text = text->val;
    out->text_len = text->val_len;
    out->body_start = 0;
    out->line = r->lineno;
    return DYAD_OK;
}

/* ------------------------------------------------------------------ XML */

/* Reads more input into the XML window, dropping the consumed bytes before wpos and reading at
 * least as much as is kept (so a long record costs linear time overall). 1 when bytes were
 * added, 0 at the end, DYAD_ERR_IO / DYAD_ERR_NOMEM on failure. */
static int xml_fill(dyad_reader *r, dyad_error *err) {
    if (r->eof) return 0;
    if (r->wpos) {
        memmove(r->win, r->win + r->wpos, r->wlen - r->wpos);
        r->wlen -= r->wpos;
        r->wpos = 0;
    }
    size_t want = r->wlen > DY_CHUNK ? r->wlen : DY_CHUNK;
    if (r->wcap - r->wlen < want) {
        size_t cap = r->wlen + want;
        char *p = realloc(r->win, cap);
        if (!p) return dy_fail(err, DYAD_ERR_NOMEM, r->name, r->lineno, -1, "out of memory");
        r->win = p;
        r->wcap = cap;
    }
    long k = gz_read(r, r->win + r->wlen, want, err);     /* gzread fills it unless at the end */
    if (k < 0) return DYAD_ERR_IO;
    if ((size_t)k < want) r->eof = 1;
    r->wlen += (size_t)k;
    r->w = r->win;
    return k > 0;
}

/* Moves wpos forward to `to`, keeping the line count. */
static void xml_advance(dyad_reader *r, size_t to) {
    r->lineno += count_lines(r->w + r->wpos, to - r->wpos);
    r->wpos = to;
}

/* Finds `needle` in w[from..wlen): its offset, or (size_t)-1. */
static size_t xml_find(const dyad_reader *r, size_t from, const char *needle) {
    size_t k = strlen(needle);
    const char *s = r->w + from, *e = r->w + r->wlen;
    while ((size_t)(e - s) >= k) {
        const char *p = memchr(s, needle[0], (size_t)(e - s) - k + 1);
        if (!p) break;
        if (memcmp(p, needle, k) == 0) return (size_t)(p - r->w);
        s = p + 1;
    }
    return (size_t)-1;
}

static int name_ends(char c) { return is_space(c) || c == '>' || c == '/'; }

/* Whether w[at..) starts with the tag name `tag` ("<Sentence") followed by the end of the name;
 * -1 when the window ends first. */
static int xml_tag_at(const dyad_reader *r, size_t at, const char *tag) {
    size_t k = strlen(tag);
    size_t have = r->wlen - at;
    if (have < k + 1) return memcmp(r->w + at, tag, have < k ? have : k) == 0 ? -1 : 0;
    return memcmp(r->w + at, tag, k) == 0 && name_ends(r->w[at + k]);
}

/* Writes code point cp (<= U+10FFFF) as UTF-8; returns its length. */
static size_t put_utf8(char *o, unsigned long cp) {
    unsigned char *u = (unsigned char *)o;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | cp >> 6);
        u[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (unsigned char)(0xE0 | cp >> 12);
        u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (unsigned char)(0xF0 | cp >> 18);
    u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    u[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes an XML entity at s[0..n) (s[0] == '&') into o: bytes consumed (0: not an entity). */
static size_t xml_entity(const char *s, size_t n, char *o, size_t *olen) {
    const char *semi = memchr(s, ';', n < 12 ? n : 12);
    if (!semi) return 0;
    size_t k = (size_t)(semi - s) + 1;
    static const struct { const char *name; char c; } named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strlen(named[i].name) == k && memcmp(s, named[i].name, k) == 0) {
            o[0] = named[i].c;
            *olen = 1;
            return k;
        }
    if (k < 4 || s[1] != '#') return 0;
    int hex = s[2] == 'x' || s[2] == 'X';
    unsigned long v = 0;
    size_t i = 2 + (size_t)hex;
    if (i >= k - 1) return 0;
    for (; i < k - 1; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return 0;
        if (v < 0x110000) v = v * (hex ? 16 : 10) + (unsigned long)d;
    }
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    *olen = put_utf8(o, v);
    return k;
}

/* Decodes character data s[0..n) into the arena: entities replaced, CDATA kept literally,
 * comments and markup dropped, surrounding white space trimmed (only with `trim`). The result is
 * never longer than the input. */
static char *xml_decode(dy_arena *a, const char *s, size_t n, int trim, size_t *outlen) {
    char *out = dy_arena_alloc(a, n + 1);
    if (!out) return NULL;
    size_t o = 0, i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '&') {
            size_t olen, k = xml_entity(s + i, n - i, out + o, &olen);
            if (k) { o += olen; i += k; continue; }
            out[o++] = c;                                  /* a stray '&' is kept */
            i++;
        } else if (c == '<') {
            const char *p;
            if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
                p = memmem(s + i + 9, n - i - 9, "]]>", 3);
                size_t e = p ? (size_t)(p - s) : n;
                memcpy(out + o, s + i + 9, e - i - 9);
                o += e - i - 9;
                i = p ? e + 3 : n;
            } else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
                p = memmem(s + i + 4, n - i - 4, "-->", 3);
                i = p ? (size_t)(p - s) + 3 : n;
            } else {
                p = memchr(s + i, '>', n - i);
                i = p ? (size_t)(p - s) + 1 : n;
            }
        } else {
            out[o++] = c;
            i++;
        }
    }
    size_t b = 0;
    if (trim) {
        while (o && is_space(out[o - 1])) o--;
        while (b < o && is_space(out[b])) b++;
    }
    out[o] = '\0';
    *outlen = o - b;
    return out + b;
}

/* Parses the attributes of the start tag s[0..n) (after the tag name, up to '>'): id and date. */
static int xml_attributes(dyad_reader *r, const char *s, size_t n, const char **id, const char **date) {
    size_t i = 0;
    for (;;) {
        while (i < n && is_space(s[i])) i++;
        if (i >= n || s[i] == '>' || s[i] == '/') return 0;
        size_t nb = i;
        while (i < n && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') i++;
        size_t ne = i;
        if (ne == nb) return -1;
        while (i < n && is_space(s[i])) i++;
        if (i >= n || s[i] != '=') return -1;
        i++;
        while (i < n && is_space(s[i])) i++;
        if (i >= n || (s[i] != '"' && s[i] != '\'')) return -1;
        char q = s[i++];
        const char *v = s + i, *ve = memchr(v, q, n - i);
        if (!ve) return -1;
        i = (size_t)(ve - s) + 1;
        const char **dst = ne - nb == 2 && memcmp(s + nb, "id", 2) == 0 ? id
                         : ne - nb == 4 && memcmp(s + nb, "date", 4) == 0 ? date : NULL;
        if (dst) {
            size_t vl;
            *dst = xml_decode(&r->arena, v, (size_t)(ve - v), 1, &vl);
            if (!*dst) return -2;
        }
    }
}

/* Finds the end of the start tag beginning at w[at] (the '>' not inside a quoted value):
 * its offset, or (size_t)-1 when the window ends first. */
static size_t xml_tag_end(const dyad_reader *r, size_t at) {
    char q = 0;
    for (size_t i = at; i < r->wlen; i++) {
        char c = r->w[i];
        if (q) { if (c == q) q = 0; }
        else if (c == '"' || c == '\'') q = c;
        else if (c == '>') return i;
    }
    return (size_t)-1;
}

/* Skips a "<!--" comment or "<![CDATA[" section at w[i]: the offset after it, (size_t)-1 when it
 * is not one, (size_t)-2 when the window ends first. */
static size_t xml_skip_special(const dyad_reader *r, size_t i) {
    size_t have = r->wlen - i, c;
    if (have >= 4 && memcmp(r->w + i, "<!--", 4) == 0) c = xml_find(r, i + 4, "-->");
    else if (have >= 9 && memcmp(r->w + i, "<![CDATA[", 9) == 0) c = xml_find(r, i + 9, "]]>");
    else return (size_t)-1;
    return c == (size_t)-1 ? (size_t)-2 : c + 3;
}

enum { XML_MORE = -100 };

/* Scans the record whose "<Sentence" is at w[at]: sets *end just after "</Sentence>" (or at a
 * following "<Sentence" when the end tag is missing: *closed = 0). XML_MORE when the window ends
 * first. */
static int xml_record_end(const dyad_reader *r, size_t at, size_t *end, int *closed) {
    size_t te = xml_tag_end(r, at);
    if (te == (size_t)-1) return XML_MORE;
    if (r->w[te - 1] == '/') { *end = te + 1; *closed = 1; return 0; }   /* <Sentence ... /> */
    size_t i = te + 1;
    for (;;) {
        const char *p = memchr(r->w + i, '<', r->wlen - i);
        if (!p) return XML_MORE;
        i = (size_t)(p - r->w);
        if (r->wlen - i < 11) return XML_MORE;
        size_t skip = xml_skip_special(r, i);
        if (skip == (size_t)-2) return XML_MORE;
        if (skip != (size_t)-1) {
            i = skip;
        } else if (memcmp(p, "</Sentence", 10) == 0 && (p[10] == '>' || is_space(p[10]))) {
            const char *g = memchr(p, '>', r->wlen - i);
            if (!g) return XML_MORE;
            *end = (size_t)(g - r->w) + 1;
            *closed = 1;
            return 0;
        } else if (xml_tag_at(r, i, "<Sentence") == 1) {
            *end = i;
            *closed = 0;
            return 0;
        } else {
            i++;
        }
    }
}

/* Parses a complete record w[at..end) into `out`. */
static int xml_record(dyad_reader *r, size_t at, size_t end, long line, dyad_article *out,
                      dyad_error *err) {
    const char *s = r->w + at;
    size_t n = end - at;
    const char *id = NULL, *date = NULL;
    size_t te = 0;
    while (te < n && s[te] != '>') {                       /* quotes were checked by the scan */
        if (s[te] == '"' || s[te] == '\'') {
            const char *q = memchr(s + te + 1, s[te], n - te - 1);
            te = q ? (size_t)(q - s) : n;
        }
        te++;
    }
    int rc = xml_attributes(r, s + 9, te - 9, &id, &date);
    if (rc == -2) return dy_fail(err, DYAD_ERR_NOMEM, r->name, line, -1, "out of memory");
    if (rc < 0) return dy_fail(err, DYAD_ERR_PARSE, r->name, line, -1, "malformed attributes in <Sentence>");
    /* the first <Text> element */
    const char *text = NULL;
    size_t text_len = 0;
    for (size_t i = te + 1; i < n;) {
        const char *p = memchr(s + i, '<', n - i);
        if (!p) break;
        i = (size_t)(p - s);
        if (n - i >= 4 && memcmp(p, "<!--", 4) == 0) {
            const char *c = memmem(p + 4, n - i - 4, "-->", 3);
            i = c ? (size_t)(c - s) + 3 : n;
            continue;
        }
        if (!(n - i > 5 && memcmp(p, "<Text", 5) == 0 && name_ends(p[5]))) { i++; continue; }
        const char *g = memchr(p, '>', n - i);
        if (!g) break;
        size_t cb = (size_t)(g - s) + 1, ce = cb;
        if (g[-1] != '/') {                                /* not <Text/> */
            size_t j = cb;
            for (;;) {
                const char *q = j < n ? memchr(s + j, '<', n - j) : NULL;
                if (!q) return dy_fail(err, DYAD_ERR_PARSE, r->name, line, -1, "unterminated <Text>");
                j = (size_t)(q - s);
                if (n - j >= 9 && memcmp(q, "<![CDATA[", 9) == 0) {
                    const char *c = memmem(q + 9, n - j - 9, "]]>", 3);
                    j = c ? (size_t)(c - s) + 3 : n;
                } else if (n - j >= 7 && memcmp(q, "</Text", 6) == 0 && (q[6] == '>' || is_space(q[6]))) {
                    break;
                } else {
                    j++;
                }
            }
            ce = j;
        }
        text = xml_decode(&r->arena, s + cb, ce - cb, 1, &text_len);
        if (!text) return dy_fail(err, DYAD_ERR_NOMEM, r->name, line, -1, "out of memory");
        break;
    }
    if (!text) return dy_fail(err, DYAD_ERR_PARSE, r->name, line, -1, "no <Text> in <Sentence>");
    r->date[0] = '\0';
    if (date && *date && dyad_parse_date(date, strlen(date), r->date) != DYAD_OK)
        return dy_fail(err, DYAD_ERR_DATE, r->name, line, -1, "bad date \"%.64s\"", date);
    if (!id || !*id) {
        char *g = dy_arena_alloc(&r->arena, strlen(r->stem) + 24);
        if (!g) return dy_fail(err, DYAD_ERR_NOMEM, r->name, line, -1, "out of memory");
        sprintf(g, "%s-%ld", r->stem, line);
        id = g;
    }
    out->id = id;
    out->date = r->date;
    out->text = text;
    out->text_len = text_len;
    out->body_start = 0;
    out->line = line;
    return DYAD_OK;
}

static int next_xml(dyad_reader *r, dyad_article *out, dyad_error *err) {
    if (r->done) return DYAD_EOF;
    size_t i = r->wpos;                                    /* scan position */
    for (;;) {
        const char *p = i < r->wlen ? memchr(r->w + i, '<', r->wlen - i) : NULL;
        if (!p) {
            xml_advance(r, r->wlen);                       /* nothing of interest here */
        } else {
            i = (size_t)(p - r->w);
            xml_advance(r, i);
            size_t skip = xml_skip_special(r, i);
            if (r->wlen - i < 11 && !r->eof) {
                /* too short to tell: read more */
            } else if (skip != (size_t)-1) {
                if (skip != (size_t)-2) { i = skip; continue; }
                if (r->eof) {                              /* unterminated comment at the end */
                    xml_advance(r, r->wlen);
                    r->done = 1;
                    return DYAD_EOF;
                }
            } else if (xml_tag_at(r, i, "<Sentence") == 1) {
                size_t end;
                int closed;
                long line = r->lineno;
                if (xml_record_end(r, i, &end, &closed) == 0) {
                    dy_arena_reset(&r->arena);
                    int rc = closed ? xml_record(r, i, end, line, out, err)
                                    : dy_fail(err, DYAD_ERR_PARSE, r->name, line, -1,
                                              "<Sentence> without </Sentence>");
                    xml_advance(r, end);                   /* the article lives in the arena */
                    if (rc != DYAD_OK) r->failures++;
                    return rc;
                }
                if (r->eof) {
                    xml_advance(r, r->wlen);
                    r->done = 1;
                    r->failures++;
                    return dy_fail(err, DYAD_ERR_PARSE, r->name, line, -1, "unterminated <Sentence>");
                }
            } else {
                i++;
                continue;
            }
        }
        /* more input is needed; everything before wpos is consumed */
        if (r->eof) {
            r->done = 1;
            return DYAD_EOF;
        }
        int f = xml_fill(r, err);
        if (f == DYAD_ERR_IO) return stream_failed(r);
        if (f < 0) {
            r->failures++;
            return f;
        }
        i = r->wpos;                                       /* rescan from the kept start */
    }
}

/* ------------------------------------------------------------------ dispatch */

/* Hands over the next article; see dyad.h. */
int dyad_reader_next(dyad_reader *r, dyad_article *out, dyad_error *err) {
    if (!r || !out) return dy_fail(err, DYAD_ERR_ARG, NULL, 0, -1, "bad argument to dyad_reader_next");
    memset(out, 0, sizeof *out);
    out->id = out->date = out->title = out->url = out->source = out->text = "";
    out->file = r->name;
    switch (r->fmt) {
    case DYAD_INPUT_JSONL: return next_jsonl(r, out, err);
    case DYAD_INPUT_XML: return next_xml(r, out, err);
    default: return next_text(r, out);
    }
}
