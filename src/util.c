/*
 * util.c - errors, status names, growable output buffers and whole-file reading.
 *
 * Nothing here prints: errors are returned in a dyad_error that the caller (the CLI) reports.
 * Files are read through zlib's gz* functions, which pass plain files through unchanged, so gzip
 * input is transparent everywhere.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

const char *dyad_status_name(dyad_status s) {
    switch (s) {
    case DYAD_OK: return "ok";
    case DYAD_EOF: return "end of input";
    case DYAD_ERR_IO: return "I/O error";
    case DYAD_ERR_PARSE: return "parse error";
    case DYAD_ERR_DATE: return "bad date";
    case DYAD_ERR_NOMEM: return "out of memory";
    case DYAD_ERR_DICT: return "dictionary error";
    case DYAD_ERR_ARG: return "bad argument";
    }
    return "unknown error";
}

int dy_fail(dyad_error *err, dyad_status code, const char *file, long line, long offset,
            const char *fmt, ...) {
    if (err) {
        err->code = code;
        snprintf(err->file, sizeof err->file, "%s", file ? file : "");
        err->line = line;
        err->offset = offset;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

void dyad_buf_free(dyad_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void dyad_buf_clear(dyad_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

int dy_buf_reserve(dyad_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int dy_buf_append(dyad_buf *b, const char *s, size_t n) {
    if (dy_buf_reserve(b, n)) return -1;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int dy_buf_puts(dyad_buf *b, const char *s) { return dy_buf_append(b, s, strlen(s)); }

int dy_buf_putc(dyad_buf *b, char c) { return dy_buf_append(b, &c, 1); }

int dy_buf_printf(dyad_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return -1;
    if ((size_t)n < sizeof tmp) return dy_buf_append(b, tmp, (size_t)n);
    if (dy_buf_reserve(b, (size_t)n)) return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

int dy_buf_json_escape(dyad_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    if (dy_buf_reserve(b, n + 2)) return -1;
    size_t run = 0; /* start of the current run of bytes that need no escaping */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        if (i > run && dy_buf_append(b, s + run, i - run)) return -1;
        run = i + 1;
        int r;
        switch (c) {
        case '"': r = dy_buf_append(b, "\\\"", 2); break;
        case '\\': r = dy_buf_append(b, "\\\\", 2); break;
        case '\n': r = dy_buf_append(b, "\\n", 2); break;
        case '\r': r = dy_buf_append(b, "\\r", 2); break;
        case '\t': r = dy_buf_append(b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            r = dy_buf_append(b, u, 6);
        }
        }
        if (r) return -1;
    }
    return n > run ? dy_buf_append(b, s + run, n - run) : 0;
}

int dy_read_file(const char *path, char **data, size_t *len, dyad_error *err) {
    gzFile f;
    if (strcmp(path, "-") == 0) {
        int fd = dup(STDIN_FILENO);
        f = fd >= 0 ? gzdopen(fd, "rb") : NULL;
    } else {
        f = gzopen(path, "rb");
    }
    if (!f) return dy_fail(err, DYAD_ERR_IO, path, 0, -1, "cannot open: %s", strerror(errno ? errno : ENOENT));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) { gzclose(f); return dy_fail(err, DYAD_ERR_NOMEM, path, 0, -1, "out of memory"); }
    for (;;) {
        if (cap - n < 4096) {
            char *p = realloc(buf, cap * 2);
            if (!p) { free(buf); gzclose(f); return dy_fail(err, DYAD_ERR_NOMEM, path, 0, -1, "out of memory"); }
            buf = p;
            cap *= 2;
        }
        int r = gzread(f, buf + n, (unsigned)(cap - n - 1));
        if (r < 0) {
            int zerr;
            const char *msg = gzerror(f, &zerr);
            dy_fail(err, DYAD_ERR_IO, path, 0, (long)n, "read error: %s", msg ? msg : "unknown");
            free(buf);
            gzclose(f);
            return DYAD_ERR_IO;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    gzclose(f);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return DYAD_OK;
}
