/*
 * bench_code.c - single-thread library benchmark: loads a dictionary directory once, reads a
 * corpus into memory (timed: "read"), then codes every article PASSES times (timed per call:
 * "code" = dyad_code, "write" = dyad_write_events to a JSON buffer) and reports sentences per
 * second excluding I/O, the split of the time, and the peak RSS of the process.
 *
 *   bench_code DICT_DIR CORPUS [PASSES]      (PASSES defaults to 3)
 */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct art {
    char *id, *date, *title, *text;
    size_t text_len, body_start;
    long line;
} art;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *dupn(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (!p) { fprintf(stderr, "bench_code: out of memory\n"); exit(1); }
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: bench_code DICT_DIR CORPUS [PASSES]\n");
        return 2;
    }
    int passes = argc > 3 ? atoi(argv[3]) : 3;
    if (passes < 1) passes = 1;
    dyad_error err = {0};

    double t0 = now();
    dyad_dict *d = dyad_dict_new();
    if (!d || dyad_dict_load_dir(d, argv[1], &err) != DYAD_OK || dyad_dict_compile(d, &err) != DYAD_OK) {
        fprintf(stderr, "bench_code: %s:%ld: %s\n", err.file, err.line, err.message);
        return 1;
    }
    double t_dict = now() - t0;

    /* the compiled form: save once, then map it (best of 5), and the cached directory load
     * (content hash of the text files + map + validation), the path `dyad code` takes */
    char dyc[] = "/tmp/bench_dict_XXXXXX";
    int fd = mkstemp(dyc);
    double t_map = -1, t_cached = -1;
    if (fd >= 0 && dyad_dict_save(d, dyc, &err) == DYAD_OK) {
        for (int k = 0; k < 5; k++) {
            double t1 = now();
            dyad_dict *m = dyad_dict_new();
            int rc = dyad_dict_load_compiled(m, dyc, &err);
            double t = now() - t1;
            if (rc == DYAD_OK && (t_map < 0 || t < t_map)) t_map = t;
            dyad_dict_free(m);
        }
        char cdir[] = "/tmp/bench_cache_XXXXXX";
        if (mkdtemp(cdir)) {
            for (int k = 0; k < 6; k++) {
                double t1 = now();
                dyad_dict *m = dyad_dict_new();
                int hit = 0;
                int rc = dyad_dict_load_dir_cached(m, argv[1], cdir, &hit, &err);
                double t = now() - t1;
                if (rc == DYAD_OK && hit && (t_cached < 0 || t < t_cached)) t_cached = t;
                dyad_dict_free(m);
            }
            char cmd[128];
            snprintf(cmd, sizeof cmd, "rm -rf %s", cdir);
            if (system(cmd)) { /* best effort */ }
        }
    }
    if (fd >= 0) { close(fd); remove(dyc); }

    /* read: the reader's work (file, JSON parsing) plus a copy of each article into memory */
    t0 = now();
    dyad_reader *r = dyad_reader_open(argv[2], DYAD_INPUT_AUTO, &err);
    if (!r) {
        fprintf(stderr, "bench_code: %s: %s\n", argv[2], err.message);
        return 1;
    }
    art *arts = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    dyad_article a;
    int rc;
    while ((rc = dyad_reader_next(r, &a, &err)) != DYAD_EOF) {
        if (rc != DYAD_OK) continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 1024;
            arts = realloc(arts, cap * sizeof *arts);
            if (!arts) { fprintf(stderr, "bench_code: out of memory\n"); return 1; }
        }
        art *t = &arts[n++];
        t->id = dupn(a.id, strlen(a.id));
        t->date = dupn(a.date, strlen(a.date));
        t->title = dupn(a.title, strlen(a.title));
        t->text = dupn(a.text, a.text_len);
        t->text_len = a.text_len;
        t->body_start = a.body_start;
        t->line = a.line;
        bytes += a.text_len;
    }
    dyad_reader_close(r);
    double t_read = now() - t0;

    dyad_doc *doc = dyad_doc_new();
    dyad_buf out = {0};
    double t_code = 0, t_write = 0;
    size_t sentences = 0, events = 0, out_bytes = 0;
    for (int p = 0; p < passes; p++) {
        for (size_t i = 0; i < n; i++) {
            dyad_article w = {0};
            w.id = arts[i].id;
            w.date = arts[i].date;
            w.title = arts[i].title;
            w.url = w.source = "";
            w.text = arts[i].text;
            w.text_len = arts[i].text_len;
            w.body_start = arts[i].body_start;
            w.file = argv[2];
            w.line = arts[i].line;
            double c0 = now();
            if (dyad_code(doc, d, &w, NULL, &err) != DYAD_OK) {
                fprintf(stderr, "bench_code: %s: %s\n", w.id, err.message);
                continue;
            }
            double c1 = now();
            dyad_buf_clear(&out);
            dyad_write_events(doc, DYAD_FORMAT_JSON, &out);
            double c2 = now();
            t_code += c1 - c0;
            t_write += c2 - c1;
            sentences += dyad_doc_sentence_count(doc);
            events += dyad_doc_event_count(doc);
            out_bytes += out.len;
        }
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);

    size_t per_pass = sentences / (size_t)passes;
    printf("bench_code: %zu articles, %zu sentences, %.1f MB of text, %d passes, %zu events per pass\n", n, per_pass,
           (double)bytes / 1e6, passes, events / (size_t)passes);
    printf("dict load+compile  %8.3f s   (text files)\n", t_dict);
    printf("dict compiled map  %8.3f s   (dyad_dict_load_compiled, best of 5)\n", t_map);
    printf("dict cached load   %8.3f s   (dyad_dict_load_dir_cached hit: hash + map, best of 5)\n", t_cached);
    printf("read (1 pass)      %8.3f s   %10.0f sentences/s   %7.1f MB/s\n", t_read, (double)per_pass / t_read,
           (double)bytes / 1e6 / t_read);
    printf("dyad_code          %8.3f s   %10.0f sentences/s   %7.1f MB/s   (%d passes)\n", t_code,
           (double)sentences / t_code, (double)bytes * passes / 1e6 / t_code, passes);
    printf("write JSON         %8.3f s   %10.0f sentences/s   %7.1f MB of JSON per pass\n", t_write,
           (double)sentences / t_write, (double)out_bytes / passes / 1e6);
    printf("code+write         %8.3f s   %10.0f sentences/s   (excluding I/O)\n", t_code + t_write,
           (double)sentences / (t_code + t_write));
    printf("split (1 pass)     read %.1f%%, code %.1f%%, write %.1f%%\n",
           100 * t_read / (t_read + (t_code + t_write) / passes), 100 * t_code / passes / (t_read + (t_code + t_write) / passes),
           100 * t_write / passes / (t_read + (t_code + t_write) / passes));
    printf("peak RSS           %8.1f MB (corpus held in memory)\n", (double)ru.ru_maxrss / 1024.0);
    printf("target             >= 100000 sentences/s per core, <= 32 MB: %s\n",
           (double)sentences / t_code >= 100000 ? "coder meets the speed target" : "coder BELOW the speed target");
    dyad_buf_free(&out);
    dyad_doc_free(doc);
    for (size_t i = 0; i < n; i++) {
        free(arts[i].id);
        free(arts[i].date);
        free(arts[i].title);
        free(arts[i].text);
    }
    free(arts);
    dyad_dict_free(d);
    return 0;
}
