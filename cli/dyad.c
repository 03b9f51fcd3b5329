/*
 * dyad.c - the command-line tool; uses only the public API in dyad.h.
 *
 *   dyad code [options] FILE...      code articles into events (JSON Lines or Phoenix TSV)
 *   dyad explain [options] FILE      show how each sentence was coded (or --text "SENTENCE")
 *   dyad eval GOLD.jsonl EVENTS.jsonl  score events against hand-coded gold events
 *   dyad dict check|stats [DIR]      lint or count a dictionary directory
 *   dyad dict compile [DIR] [-o F]   compile a dictionary directory into one binary file
 *
 * The library reports problems in dyad_error; this file decides how to say them: one line per
 * problem on stderr as "dyad: file:line: message", a summary at the end, exit status 0 (all
 * well), 1 (some document failed) or 2 (usage error).
 */
#include "dyad.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: dyad code [options] FILE...    code news articles into CAMEO events\n"
    "       dyad explain [options] FILE    explain the coding of every sentence (or --sentence N)\n"
    "       dyad explain [options] --text \"SENTENCE\"\n"
    "       dyad eval [--by-rule] GOLD.jsonl EVENTS.jsonl\n"
    "       dyad dict check [DIR]          lint the dictionaries (default: the dictionary directory)\n"
    "       dyad dict stats [DIR]\n"
    "       dyad dict compile [DIR] [-o FILE]  compile the dictionaries into one binary file (default dict.dyc)\n"
    "       dyad version\n"
    "options:\n"
    "  --dict DIR        dictionary directory (default: $DYAD_DICT, ./dict, or dict/ beside the program),\n"
    "                    or a file from 'dyad dict compile'; directories are compiled once and cached in\n"
    "                    $DYAD_CACHE (default ~/.cache/dyad; DYAD_CACHE=off: no cache)\n"
    "  --date YYYY-MM-DD publication date for every article (overrides the article's own)\n"
    "  --input FORMAT    text, jsonl or xml (default: by file extension; '-' is standard input)\n"
    "  --format FORMAT   json (default) or phoenix\n"
    "  -o FILE           write events to FILE instead of standard output\n"
    "  --doc ID          explain: only the document with this id\n"
    "  --sentence N      explain: only sentence N (0-based)\n"
    "  -q, --quiet       no closing summary\n"
    "  --no-frame NAME   do not apply the implicit-role frame NAME (arrest, protest, aid, talks, attack)\n"
    "  --no-frames       apply no implicit-role frame\n";

static int usage_error(const char *msg) {
    fprintf(stderr, "dyad: %s\n%s", msg, usage);
    return 2;
}

static void report(const dyad_error *e) {
    if (e->file[0] && e->line > 0)
        fprintf(stderr, "dyad: %s:%ld: %s\n", e->file, e->line, e->message);
    else if (e->file[0])
        fprintf(stderr, "dyad: %s: %s\n", e->file, e->message);
    else
        fprintf(stderr, "dyad: %s\n", e->message);
}

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The dictionary directory: --dict, $DYAD_DICT, ./dict, or ../dict beside the executable. */
static const char *dict_dir(const char *opt, char *buf, size_t n) {
    if (opt) return opt;
    const char *e = getenv("DYAD_DICT");
    if (e && *e) return e;
    if (is_dir("dict")) return "dict";
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            snprintf(buf, n, "%s/../dict", exe);
            if (is_dir(buf)) return buf;
            snprintf(buf, n, "%s/../share/dyad/dict", exe);
            if (is_dir(buf)) return buf;
        }
    }
    return "dict";
}

/* The cache of compiled dictionaries: $DYAD_CACHE ("off" or "" for none), else
 * $XDG_CACHE_HOME/dyad, else ~/.cache/dyad. */
static const char *cache_dir(char *buf, size_t n) {
    const char *e = getenv("DYAD_CACHE");
    if (e) return (!*e || !strcmp(e, "off")) ? NULL : e;
    e = getenv("XDG_CACHE_HOME");
    if (e && *e) { snprintf(buf, n, "%s/dyad", e); return buf; }
    e = getenv("HOME");
    if (e && *e) { snprintf(buf, n, "%s/.cache/dyad", e); return buf; }
    return NULL;
}

/* A dictionary directory (through the cache), or a file compiled by `dyad dict compile`. With
 * `text` set, the text files are read without the cache (`dict compile`). */
static dyad_dict *load_dict_as(const char *dir, int text) {
    dyad_error err = {0};
    dyad_dict *d = dyad_dict_new();
    if (!d) {
        fprintf(stderr, "dyad: out of memory\n");
        return NULL;
    }
    int r;
    char cbuf[PATH_MAX + 16];
    const char *cache = text ? NULL : cache_dir(cbuf, sizeof cbuf);
    struct stat st;
    if (stat(dir, &st) == 0 && S_ISREG(st.st_mode)) r = dyad_dict_load_compiled(d, dir, &err);
    else if (cache) r = dyad_dict_load_dir_cached(d, dir, cache, NULL, &err);
    else {
        r = dyad_dict_load_dir(d, dir, &err);
        if (!r) r = dyad_dict_compile(d, &err);
    }
    if (r != DYAD_OK) {
        report(&err);
        dyad_dict_free(d);
        return NULL;
    }
    return d;
}

static dyad_dict *load_dict(const char *dir) { return load_dict_as(dir, 0); }

typedef struct opts {
    const char *dict, *date, *out, *doc_id, *text;
    dyad_input_format input;
    dyad_format format;
    long sentence;
    int quiet;
    unsigned frames_off;
    const char **files;
    int nfiles;
} opts;

static int parse_opts_inner(int argc, char **argv, opts *o);

/* Parses the options; on a usage error frees what it allocated and returns 2. */
static int parse_opts(int argc, char **argv, opts *o) {
    int rc = parse_opts_inner(argc, argv, o);
    if (rc) {
        free(o->files);
        o->files = NULL;
    }
    return rc;
}

static int parse_opts_inner(int argc, char **argv, opts *o) {
    memset(o, 0, sizeof *o);
    o->sentence = -1;
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    if (!o->files) return usage_error("out of memory");
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDV() do { if (!v) return usage_error("option needs a value"); i++; } while (0)
        if (!strcmp(a, "--dict")) { NEEDV(); o->dict = v; }
        else if (!strcmp(a, "--date")) {
            NEEDV();
            char iso[11];
            if (dyad_parse_date(v, strlen(v), iso) != DYAD_OK) return usage_error("--date: not a date");
            o->date = v;
        } else if (!strcmp(a, "--input")) {
            NEEDV();
            if (!strcmp(v, "text") || !strcmp(v, "md") || !strcmp(v, "markdown")) o->input = DYAD_INPUT_TEXT;
            else if (!strcmp(v, "jsonl") || !strcmp(v, "json")) o->input = DYAD_INPUT_JSONL;
            else if (!strcmp(v, "xml")) o->input = DYAD_INPUT_XML;
            else return usage_error("--input must be text, jsonl or xml");
        } else if (!strcmp(a, "--format")) {
            NEEDV();
            if (!strcmp(v, "json") || !strcmp(v, "jsonl")) o->format = DYAD_FORMAT_JSON;
            else if (!strcmp(v, "phoenix")) o->format = DYAD_FORMAT_PHOENIX;
            else return usage_error("--format must be json or phoenix");
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) { NEEDV(); o->out = v; }
        else if (!strcmp(a, "--doc")) { NEEDV(); o->doc_id = v; }
        else if (!strcmp(a, "--text")) { NEEDV(); o->text = v; }
        else if (!strcmp(a, "--sentence")) {
            NEEDV();
            char *end;
            errno = 0;
            o->sentence = strtol(v, &end, 10);
            if (errno || *end || o->sentence < 0) return usage_error("--sentence needs a number >= 0");
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) o->quiet = 1;
        else if (!strcmp(a, "--no-frames")) o->frames_off = DYAD_FRAME_ALL;
        else if (!strcmp(a, "--no-frame")) {
            NEEDV();
            unsigned bit = dyad_frame_bit(v);
            if (!bit) return usage_error("--no-frame must be arrest, protest, aid, talks or attack");
            o->frames_off |= bit;
        }
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad: unknown option %s\n", a);
            return usage_error("see usage");
        } else o->files[o->nfiles++] = a;
#undef NEEDV
    }
    return 0;
}

typedef struct totals {
    size_t docs, coded, failed, sentences, events, invalid;
} totals;

/* Codes every article of every file, calling `each` for each coded document. */
static int run_files(const opts *o, const dyad_dict *d, totals *t, int (*each)(const opts *, dyad_doc *, void *),
                     void *ctx) {
    dyad_doc *doc = dyad_doc_new();
    if (!doc) { fprintf(stderr, "dyad: out of memory\n"); return 1; }
    dyad_options dopt = {o->date, 0, o->frames_off};
    int any_fail = 0;
    for (int f = 0; f < o->nfiles; f++) {
        dyad_error err = {0};
        dyad_reader *r = dyad_reader_open(o->files[f], o->input, &err);
        if (!r) {
            report(&err);
            t->docs++; /* an input that cannot be read counts as one failed document */
            t->failed++;
            any_fail = 1;
            continue;
        }
        for (;;) {
            dyad_article a;
            memset(&err, 0, sizeof err);
            int rc = dyad_reader_next(r, &a, &err);
            if (rc == DYAD_EOF) break;
            t->docs++;
            if (rc != DYAD_OK) {
                report(&err);
                t->failed++;
                any_fail = 1;
                continue;
            }
            if (o->doc_id && strcmp(o->doc_id, a.id)) { t->docs--; continue; }
            if (dyad_code(doc, d, &a, &dopt, &err) != DYAD_OK) {
                report(&err);
                t->failed++;
                any_fail = 1;
                continue;
            }
            t->coded++;
            t->sentences += dyad_doc_sentence_count(doc);
            t->events += dyad_doc_event_count(doc);
            t->invalid += dyad_doc_invalid_bytes(doc);
            if (each && each(o, doc, ctx)) { any_fail = 1; break; }
        }
        dyad_reader_close(r);
    }
    dyad_doc_free(doc);
    return any_fail;
}

typedef struct code_ctx {
    FILE *out;
    dyad_buf buf;
} code_ctx;

static int write_doc(const opts *o, dyad_doc *doc, void *p) {
    code_ctx *c = p;
    dyad_buf_clear(&c->buf);
    if (dyad_write_events(doc, o->format, &c->buf) != DYAD_OK) {
        fprintf(stderr, "dyad: out of memory\n");
        return 1;
    }
    if (c->buf.len && fwrite(c->buf.data, 1, c->buf.len, c->out) != c->buf.len) {
        fprintf(stderr, "dyad: write error: %s\n", strerror(errno));
        return 1;
    }
    return 0;
}

static void summary(const opts *o, const totals *t) {
    if (o->quiet) return;
    fprintf(stderr, "dyad: %zu documents read, %zu coded, %zu failed; %zu sentences; %zu events", t->docs, t->coded,
            t->failed, t->sentences, t->events);
    if (t->invalid) fprintf(stderr, "; %zu invalid UTF-8 sequences replaced", t->invalid);
    fputc('\n', stderr);
}

static int cmd_code(int argc, char **argv) {
    opts o;
    int rc = parse_opts(argc, argv, &o);
    if (rc) return rc;
    if (!o.nfiles) { free(o.files); return usage_error("code: no input files (use - for standard input)"); }
    char buf[PATH_MAX + 32];
    dyad_dict *d = load_dict(dict_dir(o.dict, buf, sizeof buf));
    if (!d) { free(o.files); return 1; }
    code_ctx c = {stdout, {0}};
    if (o.out && !(c.out = fopen(o.out, "w"))) {
        fprintf(stderr, "dyad: %s: %s\n", o.out, strerror(errno));
        dyad_dict_free(d);
        free(o.files);
        return 1;
    }
    totals t = {0};
    int fail = run_files(&o, d, &t, write_doc, &c);
    if (fflush(c.out) != 0 || (o.out && fclose(c.out) != 0)) {
        fprintf(stderr, "dyad: write error: %s\n", strerror(errno));
        fail = 1;
    }
    summary(&o, &t);
    dyad_buf_free(&c.buf);
    dyad_dict_free(d);
    free(o.files);
    return fail ? 1 : 0;
}

static int cmd_explain(int argc, char **argv) {
    opts o;
    int rc = parse_opts(argc, argv, &o);
    if (rc) return rc;
    if (!o.nfiles && !o.text) { free(o.files); return usage_error("explain: give a FILE or --text \"SENTENCE\""); }
    char buf[PATH_MAX + 32];
    dyad_dict *d = load_dict(dict_dir(o.dict, buf, sizeof buf));
    if (!d) { free(o.files); return 1; }
    dyad_doc *doc = dyad_doc_new();
    dyad_options dopt = {o.date, 1, o.frames_off};
    int fail = 0;
    dyad_buf out = {0};
    if (o.text) {
        dyad_article a = {0};
        a.id = "text";
        a.date = "";
        a.title = a.url = a.source = "";
        a.text = o.text;
        a.text_len = strlen(o.text);
        a.file = "--text";
        a.line = 1;
        dyad_error err = {0};
        if (dyad_code(doc, d, &a, &dopt, &err) != DYAD_OK) { report(&err); fail = 1; }
        else {
            fputs(dyad_doc_trace(doc), stdout);
            dyad_write_events(doc, DYAD_FORMAT_JSON, &out);
            if (out.len) fwrite(out.data, 1, out.len, stdout);
        }
    }
    for (int f = 0; f < o.nfiles && !fail; f++) {
        dyad_error err = {0};
        dyad_reader *r = dyad_reader_open(o.files[f], o.input, &err);
        if (!r) { report(&err); fail = 1; break; }
        dyad_article a;
        int got;
        while ((got = dyad_reader_next(r, &a, &err)) != DYAD_EOF) {
            if (got != DYAD_OK) { report(&err); fail = 1; continue; }
            if (o.doc_id && strcmp(o.doc_id, a.id)) continue;
            if (dyad_code(doc, d, &a, &dopt, &err) != DYAD_OK) { report(&err); fail = 1; continue; }
            printf("document %s (%s), %zu sentences, %zu events\n", dyad_doc_id(doc), dyad_doc_date(doc),
                   dyad_doc_sentence_count(doc), dyad_doc_event_count(doc));
            const char *tr = dyad_doc_trace(doc);
            if (o.sentence < 0) {
                fputs(tr, stdout);
            } else {
                /* the trace is a sequence of "sentence N:" blocks: print block N */
                char key[48];
                snprintf(key, sizeof key, "sentence %ld:", o.sentence);
                const char *p = tr;
                while (p && *p) {
                    if (!strncmp(p, key, strlen(key))) break;
                    p = strstr(p, "\nsentence ");
                    if (p) p++;
                }
                if (!p || !*p) {
                    fprintf(stderr, "dyad: document %s has no sentence %ld\n", dyad_doc_id(doc), o.sentence);
                    fail = 1;
                } else {
                    const char *end = strstr(p + 1, "\nsentence ");
                    fwrite(p, 1, end ? (size_t)(end - p) + 1 : strlen(p), stdout);
                }
            }
        }
        dyad_reader_close(r);
    }
    dyad_buf_free(&out);
    dyad_doc_free(doc);
    dyad_dict_free(d);
    free(o.files);
    return fail ? 1 : 0;
}

static int cmd_eval(int argc, char **argv) {
    int by_rule = 0;
    if (argc > 0 && !strcmp(argv[0], "--by-rule")) { by_rule = 1; argc--; argv++; }
    else if (argc > 2 && !strcmp(argv[2], "--by-rule")) { by_rule = 1; argc--; }
    if (argc != 2) return usage_error("eval needs GOLD.jsonl and EVENTS.jsonl");
    dyad_eval *ev = dyad_eval_new();
    if (!ev) { fprintf(stderr, "dyad: out of memory\n"); return 1; }
    dyad_error err = {0};
    if (dyad_eval_load_gold(ev, argv[0], &err) != DYAD_OK || dyad_eval_load_events(ev, argv[1], &err) != DYAD_OK) {
        report(&err);
        dyad_eval_free(ev);
        return 1;
    }
    dyad_buf out = {0};
    if (by_rule) dyad_eval_report_rules(ev, &out);
    else dyad_eval_report(ev, &out);
    if (out.len) fwrite(out.data, 1, out.len, stdout);
    dyad_buf_free(&out);
    dyad_eval_free(ev);
    return 0;
}

static int cmd_dict(int argc, char **argv) {
    const char *out_path = NULL;
    if (argc >= 3 && !strcmp(argv[argc - 2], "-o")) {
        out_path = argv[argc - 1];
        argc -= 2;
    }
    if (argc < 1 || argc > 2) return usage_error("dict needs check, stats or compile, and optionally a directory");
    if (out_path && strcmp(argv[0], "compile")) return usage_error("-o goes with dict compile");
    char buf[PATH_MAX + 32];
    const char *dir = argc == 2 ? argv[1] : dict_dir(NULL, buf, sizeof buf);
    int compile = !strcmp(argv[0], "compile");
    dyad_dict *d = load_dict_as(dir, compile);
    if (!d) return 1;
    int rc = 0;
    if (compile) {
        dyad_error err = {0};
        const char *path = out_path ? out_path : "dict.dyc";
        if (dyad_dict_save(d, path, &err) != DYAD_OK) {
            report(&err);
            rc = 1;
        } else {
            fprintf(stderr, "dyad: %s: compiled to %s\n", dir, path);
        }
        dyad_dict_free(d);
        return rc;
    }
    if (!strcmp(argv[0], "check")) {
        dyad_buf out = {0};
        size_t n = dyad_dict_check(d, &out);
        if (out.len) fwrite(out.data, 1, out.len, stdout);
        dyad_dict_stats st;
        dyad_dict_get_stats(d, &st);
        fprintf(stderr, "dyad: %s: %zu files, %zu findings\n", dir, st.files, n);
        dyad_buf_free(&out);
        rc = n ? 1 : 0;
    } else if (!strcmp(argv[0], "stats")) {
        dyad_dict_stats st;
        dyad_dict_get_stats(d, &st);
        printf("files %zu\nactor entries %zu\nactor phrases %zu\nactor codes %zu\nagent phrases %zu\n"
               "verb entries %zu\nverb forms %zu\npatterns %zu\nwords %zu\n"
               "issue topics %zu\nissue phrases %zu\ndiscard phrases %zu\n",
               st.files, st.actor_entries, st.actor_phrases, st.actor_codes, st.agent_phrases, st.verb_entries,
               st.verb_forms, st.patterns, st.words, st.issue_topics, st.issue_phrases, st.discard_phrases);
    } else {
        rc = usage_error("dict needs check, stats or compile");
    }
    dyad_dict_free(d);
    return rc;
}

int main(int argc, char **argv) {
    if (argc < 2) return usage_error("no command");
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code")) return cmd_code(argc - 2, argv + 2);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 2, argv + 2);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc - 2, argv + 2);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 2, argv + 2);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) { printf("dyad %s\n", DYAD_VERSION); return 0; }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) { fputs(usage, stdout); return 0; }
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    return usage_error("see usage");
}
