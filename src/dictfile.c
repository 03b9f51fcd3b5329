/*
 * dictfile.c - compiled dictionaries: the whole loaded dictionary as one binary file, mapped
 * read-only and shared, and a cache of them keyed by the content hash of the text files.
 *
 * Algorithm: a compiled dictionary is already a set of flat arrays that refer to each other by
 * index (dict.c: strings, lexicon, its hash table, the phrase trie and its edge table, actor
 * entries and codes, agents, verbs, forms, patterns, words, rule confidences). dyad_dict_save
 * writes a header (magic, format version, byte order, the size of every record type, the file
 * size, a 64-bit checksum of everything after the header, the hash of the text it came from)
 * followed by each array, 8-byte aligned. dyad_dict_load_compiled maps the file, checks the
 * header, the section bounds and the checksum, then validates every stored index against the
 * array it points into (a string offset inside the string block, an entry inside its array, a
 * hash table with a power-of-two size and a free slot), so a truncated or corrupt file is an
 * error and never a crash; the dictionary's arrays then point into the mapping, which is never
 * written (PROT_READ) and is shared by every process that maps the same file. The cache hashes
 * the names and bytes of a directory's dictionary files (one read, about 1 GB/s) and keeps one
 * compiled file per hash.
 */
#include "engine.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DF_MAGIC "DYADDIC"    /* 8 bytes with its NUL */
#define DF_VERSION 1u
#define DF_ENDIAN 0x01020304u

enum { S_STRINGS, S_LEX, S_LEXTAB, S_NODES, S_EDGES, S_ACTORS, S_CODES, S_AGENTS, S_VERBS, S_FORMS,
       S_PATTERNS, S_ELEMS, S_OPTS, S_WORDS, S_CONF, S_FILES, S_WARN, S_ISSUES, S_COUNT };

typedef struct df_section {
    uint32_t elem_size, pad;
    uint64_t offset, count;
} df_section;

typedef struct df_header {
    char magic[8];
    uint32_t version, endian;
    uint64_t file_size;
    uint64_t checksum;        /* dy_hash64 of bytes [sizeof header, file_size) */
    uint64_t source_hash;     /* dyad_dict_dir_hash of the text it was compiled from (0: unknown) */
    uint32_t nsections, nfiles;
    uint32_t lex_table_cap, edges_cap;
    uint32_t nphrases, nagent_phrases, nblocks, lex_to;
    float conf_default;
    uint32_t nissue_phrases;
    char lib_version[16];
    df_section sect[S_COUNT];
} df_header;

/* A 64-bit hash of n bytes, 8 at a time (the checksum and the content hash). */
static uint64_t dy_hash64(const void *p, size_t n, uint64_t h) {
    const unsigned char *s = p;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w ^ ((uint64_t)n << 56)) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
    return h;
}

void dy_unmap(void *p, size_t n) {
    if (p) munmap(p, n);
}

/* ------------------------------------------------------------------ writing */

typedef struct df_part {
    const void *data;
    uint32_t elem_size;
    uint64_t count;
} df_part;

static int write_all(FILE *f, const void *p, size_t n) { return n == 0 || fwrite(p, 1, n, f) == n ? 0 : -1; }

int dyad_dict_save(const dyad_dict *d, const char *path, dyad_error *err) {
    if (!d || !path) return dy_fail(err, DYAD_ERR_ARG, path, 0, -1, "no dictionary or path");
    if (!d->compiled) return dy_fail(err, DYAD_ERR_ARG, path, 0, -1, "the dictionary is not compiled");
    /* file names as one block of NUL-terminated strings */
    dyad_buf files = {0};
    for (uint32_t i = 0; i < d->nfiles; i++) {
        dy_buf_puts(&files, d->files[i]);
        dy_buf_putc(&files, 0);
    }
    df_part parts[S_COUNT] = {
        [S_STRINGS] = {d->strings, 1, d->strings_len},
        [S_LEX] = {d->lex, sizeof *d->lex, d->nlex},
        [S_LEXTAB] = {d->lex_table, sizeof *d->lex_table, d->lex_table_cap},
        [S_NODES] = {d->nodes, sizeof *d->nodes, d->nnodes},
        [S_EDGES] = {d->edges, sizeof *d->edges, d->edges_cap},
        [S_ACTORS] = {d->actors, sizeof *d->actors, d->nactors},
        [S_CODES] = {d->codes, sizeof *d->codes, d->ncodes},
        [S_AGENTS] = {d->agents, sizeof *d->agents, d->nagents},
        [S_VERBS] = {d->verbs, sizeof *d->verbs, d->nverbs},
        [S_FORMS] = {d->forms, sizeof *d->forms, d->nforms},
        [S_PATTERNS] = {d->patterns, sizeof *d->patterns, d->npatterns},
        [S_ELEMS] = {d->elems, sizeof *d->elems, d->nelems},
        [S_OPTS] = {d->opts, sizeof *d->opts, d->nopts},
        [S_WORDS] = {d->words, sizeof *d->words, d->nwords},
        [S_CONF] = {d->conf, sizeof *d->conf, d->nconf},
        [S_FILES] = {files.data, 1, files.len},
        [S_WARN] = {d->warnings.data, 1, d->warnings.len},
        [S_ISSUES] = {d->issues, sizeof *d->issues, d->nissues},
    };
    df_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, DF_MAGIC, 8);
    h.version = DF_VERSION;
    h.endian = DF_ENDIAN;
    h.source_hash = d->source_hash;
    h.nsections = S_COUNT;
    h.nfiles = d->nfiles;
    h.lex_table_cap = d->lex_table_cap;
    h.edges_cap = d->edges_cap;
    h.nphrases = d->nphrases;
    h.nagent_phrases = d->nagent_phrases;
    h.nissue_phrases = d->nissue_phrases;
    h.nblocks = d->nblocks;
    h.lex_to = d->lex_to;
    h.conf_default = d->conf_default;
    snprintf(h.lib_version, sizeof h.lib_version, "%s", DYAD_VERSION);
    uint64_t off = sizeof h;
    uint64_t sum = 0x5DA7D1C7u;
    static const char zeros[8] = {0};
    for (int i = 0; i < S_COUNT; i++) {
        off = (off + 7) & ~(uint64_t)7;
        h.sect[i].elem_size = parts[i].elem_size;
        h.sect[i].offset = off;
        h.sect[i].count = parts[i].data ? parts[i].count : 0;
        off += h.sect[i].count * parts[i].elem_size;
    }
    h.file_size = off;
    /* write to a temporary file beside the target, then rename: readers never see half a file */
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 32);
    if (!tmp) { dyad_buf_free(&files); return dy_fail(err, DYAD_ERR_NOMEM, path, 0, -1, "out of memory"); }
    snprintf(tmp, pl + 32, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        int e = errno;
        free(tmp);
        dyad_buf_free(&files);
        return dy_fail(err, DYAD_ERR_IO, path, 0, -1, "cannot write: %s", strerror(e));
    }
    int bad = write_all(f, &h, sizeof h);
    uint64_t pos = sizeof h;
    /* the checksum runs over the bytes as written, section by section with the padding before
     * each (the reader hashes the same chunks) */
    for (int i = 0; i < S_COUNT && !bad; i++) {
        size_t pad = (size_t)(h.sect[i].offset - pos);
        if (pad) { sum = dy_hash64(zeros, pad, sum); bad |= write_all(f, zeros, pad); }
        size_t n = (size_t)(h.sect[i].count * parts[i].elem_size);
        if (n) { sum = dy_hash64(parts[i].data, n, sum); bad |= write_all(f, parts[i].data, n); }
        pos = h.sect[i].offset + n;
    }
    /* the checksum goes into the header last */
    h.checksum = sum;
    if (!bad && (fseek(f, 0, SEEK_SET) || write_all(f, &h, sizeof h))) bad = 1;
    if (fclose(f)) bad = 1;
    dyad_buf_free(&files);
    if (bad || rename(tmp, path)) {
        int e = errno;
        remove(tmp);
        free(tmp);
        return dy_fail(err, DYAD_ERR_IO, path, 0, -1, "cannot write: %s", strerror(e));
    }
    free(tmp);
    return DYAD_OK;
}

/* The checksum of a compiled file's bytes as the reader recomputes it (sections in order, with the
 * padding before each); 0 when the section table is unusable. */
static uint64_t file_checksum(const char *base, size_t len, const df_header *h) {
    uint64_t sum = 0x5DA7D1C7u, pos = sizeof *h;
    for (int i = 0; i < S_COUNT; i++) {
        const df_section *s = &h->sect[i];
        if (s->offset < pos || s->offset > len || (s->count && s->elem_size && s->count > (len - s->offset) / s->elem_size))
            return 0;
        if (s->offset > pos) sum = dy_hash64(base + pos, (size_t)(s->offset - pos), sum);
        size_t n = (size_t)(s->count * s->elem_size);
        if (n) sum = dy_hash64(base + s->offset, n, sum);
        pos = s->offset + n;
    }
    return pos == len ? sum : 0;
}

void dy_dictfile_reseal(void *file, size_t len) {
    if (len < sizeof(df_header)) return;
    df_header *h = file;
    h->checksum = file_checksum(file, len, h);
}

/* ------------------------------------------------------------------ reading and validating */

/* Is every stored index inside the array it points into? Returns a message, NULL when valid. */
static const char *validate(const dyad_dict *d) {
    if (!d->strings_len || d->strings[d->strings_len - 1]) return "string block not terminated";
    if (d->nlex == 0 || d->nnodes <= DY_ISSUE_ROOT) return "empty lexicon or trie";
    if (!d->lex_table_cap || (d->lex_table_cap & (d->lex_table_cap - 1)) || d->nlex >= d->lex_table_cap)
        return "bad lexicon table size";
    if (!d->edges_cap || (d->edges_cap & (d->edges_cap - 1)) || d->nedges >= d->edges_cap) return "bad trie table size";
    for (uint32_t i = 1; i < d->nlex; i++) {
        const dy_lexeme *l = &d->lex[i];
        if ((uint64_t)l->off + l->len >= d->strings_len || l->verb_first > d->nforms || l->cue_first > d->nforms ||
            l->child0 >= d->nnodes || l->child_issue >= d->nnodes)
            return "lexeme out of range";
    }
    uint32_t free_slots = 0;
    for (uint32_t i = 0; i < d->lex_table_cap; i++) {
        if (d->lex_table[i] >= d->nlex) return "lexicon table entry out of range";
        free_slots += d->lex_table[i] == 0;
    }
    if (!free_slots) return "lexicon table full";
    for (uint32_t i = 0; i < d->nnodes; i++) {
        const dy_trie_node *t = &d->nodes[i];
        if (t->kind == 1 ? t->index >= d->nactors : t->kind == 2 ? t->index >= d->nagents :
            t->kind == 3 ? t->index >= d->nissues : t->kind != 0)
            return "trie node out of range";
    }
    free_slots = 0;
    for (uint32_t i = 0; i < d->edges_cap; i++) {
        const dy_edge *e = &d->edges[i];
        if (!e->key) { free_slots++; continue; }
        uint64_t k = e->key - 1;   /* dict.c: key = (parent << 32 | word) + 1 */
        if ((k >> 32) >= d->nnodes || (uint32_t)k >= d->nlex || e->child >= d->nnodes)
            return "trie edge out of range";
    }
    if (!free_slots) return "trie table full";
    for (uint32_t i = 0; i < d->nactors; i++) {
        const dy_actor_entry *a = &d->actors[i];
        if (a->name >= d->strings_len || (uint64_t)a->code_start + a->code_count > d->ncodes || a->file >= d->nfiles)
            return "actor entry out of range";
    }
    for (uint32_t i = 0; i < d->ncodes; i++)
        if (!memchr(d->codes[i].code, 0, sizeof d->codes[i].code)) return "actor code not terminated";
    for (uint32_t i = 0; i < d->nissues; i++)
        if (d->issues[i].topic >= d->strings_len || d->issues[i].file >= d->nfiles) return "issue entry out of range";
    for (uint32_t i = 0; i < d->nagents; i++)
        if (!memchr(d->agents[i].agent, 0, sizeof d->agents[i].agent) || d->agents[i].file >= d->nfiles)
            return "agent entry out of range";
    for (uint32_t i = 0; i < d->nverbs; i++) {
        const dy_verb_entry *v = &d->verbs[i];
        if (v->name >= d->strings_len || (uint64_t)v->pat_start + v->pat_count > d->npatterns ||
            v->file >= d->nfiles || !memchr(v->code, 0, sizeof v->code))
            return "verb entry out of range";
    }
    for (uint32_t i = 0; i < d->nforms; i++) {
        const dy_verb_form *f = &d->forms[i];
        if (f->entry >= d->nverbs || (uint64_t)f->word_start + f->nwords > d->nwords || f->next > d->nforms)
            return "verb form out of range";
    }
    for (uint32_t i = 0; i < d->npatterns; i++) {
        const dy_pattern *p = &d->patterns[i];
        if ((uint64_t)p->elem_start + p->elem_count > d->nelems || p->file >= d->nfiles || !memchr(p->code, 0, sizeof p->code))
            return "pattern out of range";
    }
    for (uint32_t i = 0; i < d->nelems; i++) {
        const dy_pat_elem *e = &d->elems[i];
        if (e->type < DY_PE_VERB || e->type > DY_PE_WORDS || (uint64_t)e->opt_start + e->opt_count > d->nopts)
            return "pattern element out of range";
    }
    for (uint32_t i = 0; i < d->nopts; i++)
        if ((uint64_t)d->opts[i].word_start + d->opts[i].nwords > d->nwords) return "pattern words out of range";
    for (uint32_t i = 0; i < d->nwords; i++)
        if (d->words[i] >= d->nlex) return "word out of range";
    for (uint32_t i = 0; i < d->nconf; i++) {
        const dy_conf_row *c = &d->conf[i];
        if (!memchr(c->file, 0, sizeof c->file) || (c->file_index >= d->nfiles && c->file_index != UINT16_MAX))
            return "confidence row out of range";
    }
    if (d->lex_to >= d->nlex) return "closed-class word out of range";
    return NULL;
}

int dyad_dict_load_compiled(dyad_dict *d, const char *path, dyad_error *err) {
    if (!d || !path) return dy_fail(err, DYAD_ERR_ARG, path, 0, -1, "no dictionary or path");
    if (d->compiled || d->nfiles) return dy_fail(err, DYAD_ERR_ARG, path, 0, -1, "the dictionary is not empty");
    int fd = open(path, O_RDONLY);
    if (fd < 0) return dy_fail(err, DYAD_ERR_IO, path, 0, -1, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) || st.st_size < (off_t)sizeof(df_header)) {
        close(fd);
        return dy_fail(err, DYAD_ERR_DICT, path, 0, 0, "not a compiled dyad dictionary (too short)");
    }
    size_t len = (size_t)st.st_size;
    void *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    if (map == MAP_FAILED) return dy_fail(err, DYAD_ERR_IO, path, 0, -1, "cannot map: %s", strerror(errno));
    const char *base = map;
    const df_header *h = map;
    const char *why = NULL;
    static const uint32_t sizes[S_COUNT] = {
        [S_STRINGS] = 1, [S_LEX] = sizeof(dy_lexeme), [S_LEXTAB] = sizeof(uint32_t), [S_NODES] = sizeof(dy_trie_node),
        [S_EDGES] = sizeof(dy_edge), [S_ACTORS] = sizeof(dy_actor_entry), [S_CODES] = sizeof(dy_actor_code),
        [S_AGENTS] = sizeof(dy_agent_entry), [S_VERBS] = sizeof(dy_verb_entry), [S_FORMS] = sizeof(dy_verb_form),
        [S_PATTERNS] = sizeof(dy_pattern), [S_ELEMS] = sizeof(dy_pat_elem), [S_OPTS] = sizeof(dy_pat_opt),
        [S_WORDS] = sizeof(uint32_t), [S_CONF] = sizeof(dy_conf_row), [S_FILES] = 1, [S_WARN] = 1,
        [S_ISSUES] = sizeof(dy_issue_entry)};
    if (memcmp(h->magic, DF_MAGIC, 8)) why = "not a compiled dyad dictionary (bad magic)";
    else if (h->version != DF_VERSION) why = "compiled by another version of the format";
    else if (h->endian != DF_ENDIAN) why = "compiled on a machine of another byte order";
    else if (h->file_size != len) why = "truncated or extended (size differs from the header)";
    else if (h->nsections != S_COUNT || h->nfiles > UINT16_MAX) why = "bad header";
    for (int i = 0; !why && i < S_COUNT; i++) {
        const df_section *s = &h->sect[i];
        if (s->elem_size != sizes[i]) why = "compiled by a build with other record layouts";
        else if (s->offset % 8 || s->offset < sizeof *h || s->offset > len || s->count > (len - s->offset) / s->elem_size ||
                 s->count > UINT32_MAX)
            why = "section outside the file";
    }
    if (!why) {
        /* the writer's chunks: each section's padding, then its bytes */
        uint64_t s2 = file_checksum(base, len, h);
        if (!s2) why = "overlapping sections or trailing bytes";
        if (!why && s2 != h->checksum) why = "checksum mismatch (corrupt file)";
    }
    if (why) {
        munmap(map, len);
        return dy_fail(err, DYAD_ERR_DICT, path, 0, 0, "%s", why);
    }
    /* a fresh dictionary: its own arrays give way to views into the mapping */
    dyad_dict nd;
    memset(&nd, 0, sizeof nd);
#define VIEW(field, sec) (nd.field = (void *)(base + h->sect[sec].offset))
    VIEW(strings, S_STRINGS); nd.strings_len = nd.strings_cap = h->sect[S_STRINGS].count;
    VIEW(lex, S_LEX); nd.nlex = nd.lex_cap = (uint32_t)h->sect[S_LEX].count;
    VIEW(lex_table, S_LEXTAB); nd.lex_table_cap = (uint32_t)h->sect[S_LEXTAB].count;
    VIEW(nodes, S_NODES); nd.nnodes = nd.nodes_cap = (uint32_t)h->sect[S_NODES].count;
    VIEW(edges, S_EDGES); nd.edges_cap = (uint32_t)h->sect[S_EDGES].count;
    VIEW(actors, S_ACTORS); nd.nactors = nd.actors_cap = (uint32_t)h->sect[S_ACTORS].count;
    VIEW(codes, S_CODES); nd.ncodes = nd.codes_cap = (uint32_t)h->sect[S_CODES].count;
    VIEW(agents, S_AGENTS); nd.nagents = nd.agents_cap = (uint32_t)h->sect[S_AGENTS].count;
    VIEW(verbs, S_VERBS); nd.nverbs = nd.verbs_cap = (uint32_t)h->sect[S_VERBS].count;
    VIEW(forms, S_FORMS); nd.nforms = nd.forms_cap = (uint32_t)h->sect[S_FORMS].count;
    VIEW(patterns, S_PATTERNS); nd.npatterns = nd.patterns_cap = (uint32_t)h->sect[S_PATTERNS].count;
    VIEW(elems, S_ELEMS); nd.nelems = nd.elems_cap = (uint32_t)h->sect[S_ELEMS].count;
    VIEW(opts, S_OPTS); nd.nopts = nd.opts_cap = (uint32_t)h->sect[S_OPTS].count;
    VIEW(words, S_WORDS); nd.nwords = nd.words_cap = (uint32_t)h->sect[S_WORDS].count;
    VIEW(conf, S_CONF); nd.nconf = nd.conf_cap = (uint32_t)h->sect[S_CONF].count;
    VIEW(issues, S_ISSUES); nd.nissues = nd.issues_cap = (uint32_t)h->sect[S_ISSUES].count;
#undef VIEW
    nd.nfiles = h->nfiles;
    nd.nphrases = h->nphrases;
    nd.nagent_phrases = h->nagent_phrases;
    nd.nissue_phrases = h->nissue_phrases;
    nd.nblocks = h->nblocks;
    nd.lex_to = h->lex_to;
    nd.conf_default = h->conf_default;
    nd.source_hash = h->source_hash;
    if (h->lex_table_cap != nd.lex_table_cap || h->edges_cap != nd.edges_cap) why = "bad table sizes";
    /* the number of used trie edges (the table's load) */
    for (uint32_t i = 0; !why && i < nd.edges_cap; i++) nd.nedges += nd.edges[i].key != 0;
    /* file names: nfiles NUL-terminated strings in the block */
    const char *fb = base + h->sect[S_FILES].offset, *fe = fb + h->sect[S_FILES].count;
    if (!why) {
        nd.files = calloc(nd.nfiles ? nd.nfiles : 1, sizeof *nd.files);
        if (!nd.files) why = "out of memory";
        for (uint32_t i = 0; !why && i < nd.nfiles; i++) {
            const char *z = memchr(fb, 0, (size_t)(fe - fb));
            if (!z) { why = "file names not terminated"; break; }
            nd.files[i] = strdup(fb);
            if (!nd.files[i]) why = "out of memory";
            fb = z + 1;
        }
    }
    if (!why) why = validate(&nd);
    if (!why && h->sect[S_WARN].count)
        dy_buf_append(&nd.warnings, base + h->sect[S_WARN].offset, (size_t)h->sect[S_WARN].count);
    if (why) {
        if (nd.files)
            for (uint32_t i = 0; i < nd.nfiles; i++) free(nd.files[i]);
        free(nd.files);
        dyad_buf_free(&nd.warnings);
        munmap(map, len);
        return dy_fail(err, DYAD_ERR_DICT, path, 0, 0, "%s", why);
    }
    nd.map = map;
    nd.map_len = len;
    nd.compiled = 1;
    dy_dict_free_arrays(d);
    *d = nd;
    return DYAD_OK;
}

/* ------------------------------------------------------------------ the cache */

int dyad_dict_dir_hash(const char *dir, char out[17], dyad_error *err) {
    char **names;
    size_t n;
    int r = dy_dict_list_dir(dir, &names, &n);
    if (r == DYAD_ERR_IO) return dy_fail(err, DYAD_ERR_IO, dir, 0, -1, "cannot open dictionary directory");
    /* the format and the record layouts are part of the key: a new build never reads an old file */
    uint64_t h = 0xD1C7CAC4Eull ^ DF_VERSION;
    const uint32_t layout[] = {sizeof(dy_lexeme), sizeof(dy_actor_code), sizeof(dy_actor_entry), sizeof(dy_verb_entry),
                               sizeof(dy_pattern), sizeof(dy_conf_row), sizeof(dy_issue_entry), sizeof(dyad_dict), S_COUNT};
    h = dy_hash64(layout, sizeof layout, h);
    h = dy_hash64(DYAD_VERSION, strlen(DYAD_VERSION), h);
    for (size_t i = 0; i < n && r == DYAD_OK; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        char *data;
        size_t len;
        r = dy_read_file(path, &data, &len, err);
        if (r) break;
        h = dy_hash64(names[i], strlen(names[i]) + 1, h);
        uint64_t l64 = len;
        h = dy_hash64(&l64, sizeof l64, h);
        h = dy_hash64(data, len, h);
        free(data);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    if (r) return r;
    if (!n) return dy_fail(err, DYAD_ERR_IO, dir, 0, -1, "no .actors, .agents, .verbs or .places files");
    if (!h) h = 1;
    snprintf(out, 17, "%016llx", (unsigned long long)h);
    return DYAD_OK;
}

/* mkdir -p for the cache directory (errors are left to the write that follows). */
static void make_dirs(const char *path) {
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        mkdir(buf, 0755);
        *p = '/';
    }
    mkdir(buf, 0755);
}

/* Keeps the cache small: at most DF_CACHE_KEEP compiled files, the least recently written go. */
#define DF_CACHE_KEEP 8
static void trim_cache(const char *cache_dir) {
    DIR *dp = opendir(cache_dir);
    if (!dp) return;
    struct { char name[64]; time_t mtime; } files[64];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(dp)) && n < 64) {
        size_t l = strlen(de->d_name);
        if (l < 5 || l >= sizeof files[0].name || strcmp(de->d_name + l - 4, ".dyc")) continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", cache_dir, de->d_name);
        struct stat st;
        if (stat(path, &st)) continue;
        snprintf(files[n].name, sizeof files[n].name, "%s", de->d_name);
        files[n++].mtime = st.st_mtime;
    }
    closedir(dp);
    while (n > DF_CACHE_KEEP) {
        int old = 0;
        for (int i = 1; i < n; i++)
            if (files[i].mtime < files[old].mtime) old = i;
        char path[2048 + 80];
        snprintf(path, sizeof path, "%.2047s/%.63s", cache_dir, files[old].name);
        remove(path);
        files[old] = files[--n];
    }
}

int dyad_dict_load_dir_cached(dyad_dict *d, const char *dir, const char *cache_dir, int *from_cache, dyad_error *err) {
    if (from_cache) *from_cache = 0;
    if (!d || !dir) return dy_fail(err, DYAD_ERR_ARG, dir, 0, -1, "no dictionary or directory");
    char hash[17];
    int r = dyad_dict_dir_hash(dir, hash, err);
    if (r) return r;
    char path[2048] = "";
    if (cache_dir && *cache_dir) {
        snprintf(path, sizeof path, "%s/%s.dyc", cache_dir, hash);
        dyad_error ignored = {0};
        if (dyad_dict_load_compiled(d, path, &ignored) == DYAD_OK) {
            if (d->source_hash == strtoull(hash, NULL, 16)) {
                if (from_cache) *from_cache = 1;
                return DYAD_OK;
            }
            /* a file of another text under this name: rebuild it */
            dy_dict_free_arrays(d);
            dyad_dict *fresh = dyad_dict_new();
            if (!fresh) return dy_fail(err, DYAD_ERR_NOMEM, dir, 0, -1, "out of memory");
            *d = *fresh;
            free(fresh);
        }
    }
    r = dyad_dict_load_dir(d, dir, err);
    if (!r) r = dyad_dict_compile(d, err);
    if (r) return r;
    d->source_hash = strtoull(hash, NULL, 16);
    if (path[0]) {
        dyad_error ignored = {0};
        make_dirs(cache_dir);
        if (dyad_dict_save(d, path, &ignored) == DYAD_OK) trim_cache(cache_dir);
        /* a cache that cannot be written only costs the next run its load time */
    }
    return DYAD_OK;
}
