/*
 * dyad.h - the public API of libdyad: raw news text in, coded political events out.
 *
 * The pipeline, one stage per source file in src/:
 *   read (read.c, json.c, dates.c) -> normalise (normalise.c) -> segment + tokenise (segment.c)
 *   -> actors (actors.c) -> verbs and patterns (events.c) -> dates and modality (events.c)
 *   -> write (write.c)
 * Dictionaries (dict.c) are loaded from text files once, compiled into read-only tables and shared
 * by any number of threads. Each document is coded into a dyad_doc, whose arena is reused from one
 * document to the next, so the hot path allocates nothing per token.
 *
 * Conventions: functions return DYAD_OK (0) or a negative dyad_status and, when given an error
 * struct, fill it; the library never prints and never exits. Strings are UTF-8. Byte spans are
 * offsets into the article's original `text`. Unless a comment says otherwise, an object may be used
 * by one thread at a time, and a compiled dictionary by any number of threads at once.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ------------------------------------------------------------------ status and errors */

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_EOF = 1,          /* a reader has no more articles */
    DYAD_ERR_IO = -1,      /* a file could not be opened or read */
    DYAD_ERR_PARSE = -2,   /* malformed input: JSON, XML, dictionary line */
    DYAD_ERR_DATE = -3,    /* a date that cannot be understood */
    DYAD_ERR_NOMEM = -4,   /* out of memory */
    DYAD_ERR_DICT = -5,    /* a dictionary problem (bad code, bad pattern) */
    DYAD_ERR_ARG = -6      /* a bad argument from the caller */
} dyad_status;

/* Filled by any call that fails. `file` and `line` locate the input at fault (empty / 0 when
 * there is none); `offset` is the byte offset in that line or buffer (-1 when unknown). */
typedef struct dyad_error {
    dyad_status code;
    char message[256];
    char file[256];
    long line;
    long offset;
} dyad_error;

/* A short English name for a status ("parse error"). Never NULL; static storage. */
const char *dyad_status_name(dyad_status s);

/* ------------------------------------------------------------------ growable output buffer */

/* A byte buffer the library appends to; the caller owns it and frees it with dyad_buf_free.
 * Zero-initialise before first use: `dyad_buf b = {0};`. `data` is always NUL-terminated once
 * anything has been appended. */
typedef struct dyad_buf {
    char *data;
    size_t len;
    size_t cap;
} dyad_buf;

void dyad_buf_free(dyad_buf *b);
/* Empties the buffer, keeping its memory. */
void dyad_buf_clear(dyad_buf *b);

/* ------------------------------------------------------------------ ontology (CAMEO, PLOVER) */

/* One CAMEO event code. All strings are static. */
typedef struct dyad_cameo {
    const char *code;        /* "0311" */
    const char *name;        /* "Express intent to cooperate economically" */
    double goldstein;        /* -10 .. +10 */
    const char *root;        /* "03" */
    int quad;                /* QuadClass 1..4: verbal coop, material coop, verbal conflict, material conflict */
    int penta;               /* PentaClass 0..4 (Phoenix): 0 statements, 1 verbal coop, 2 material coop,
                                3 verbal conflict, 4 material conflict */
    const char *plover;      /* PLOVER event type: "CONSULT", "ASSAULT", ... */
    const char *plover_mode; /* PLOVER mode or "" */
} dyad_cameo;

/* Finds an event code ("041", "0311", "19"): NULL if unknown. Thread-safe. */
const dyad_cameo *dyad_cameo_find(const char *code);
/* Number of event codes, and the i-th in code order. */
size_t dyad_cameo_count(void);
const dyad_cameo *dyad_cameo_at(size_t i);

/* A CAMEO actor code component: a country or region ("USA", "WAF"), or an agent ("GOV"). */
typedef struct dyad_actor_code {
    const char *code;
    const char *name;
    int kind;                /* 0 country, 1 region, 2 agent, 3 international organisation */
} dyad_actor_code;

/* Finds a country/region/agent/IGO code component (3 letters, or an IGO code): NULL if unknown. */
const dyad_actor_code *dyad_actor_code_find(const char *code);
size_t dyad_actor_code_count(void);
const dyad_actor_code *dyad_actor_code_at(size_t i);

/* ------------------------------------------------------------------ articles and readers */

typedef enum dyad_input_format {
    DYAD_INPUT_AUTO = 0,     /* by extension: .jsonl/.json/.ndjson, .xml, else text (.gz stripped first) */
    DYAD_INPUT_TEXT,         /* one article per file: plain text or Markdown */
    DYAD_INPUT_JSONL,        /* one article per line */
    DYAD_INPUT_XML           /* PETRARCH XML: <Sentence date= id=><Text>...</Text></Sentence> */
} dyad_input_format;

/* One article as a reader hands it over. All pointers are owned by the reader and stay valid
 * until the next dyad_reader_next or dyad_reader_close. */
typedef struct dyad_article {
    const char *id;          /* document id: JSON id, XML id, else the file name without extension */
    const char *date;        /* publication date "YYYY-MM-DD", or "" when unknown */
    const char *title;       /* "" when none */
    const char *url;         /* "" when none */
    const char *source;      /* publisher, "" when none */
    const char *text;        /* the original text; byte spans of events point into it */
    size_t text_len;
    size_t body_start;       /* where the body starts in `text` (after a text file's title/byline/date) */
    const char *file;        /* the input file it came from ("-" for stdin) */
    long line;               /* its line in that file (1-based; 1 for a text file) */
} dyad_article;

typedef struct dyad_reader dyad_reader;

/* Opens `path` ("-" = standard input) for reading articles; gzip input is decompressed
 * transparently. Returns NULL and fills `err` when the file cannot be opened. The reader owns
 * its buffers; close it with dyad_reader_close. */
dyad_reader *dyad_reader_open(const char *path, dyad_input_format fmt, dyad_error *err);

/* Reads from a caller-owned buffer instead of a file (tests, fuzzing, bindings). The buffer
 * must outlive the reader. `name` is used for ids and diagnostics. */
dyad_reader *dyad_reader_open_buffer(const char *data, size_t len, const char *name,
                                     dyad_input_format fmt, dyad_error *err);

/* Hands over the next article: DYAD_OK, DYAD_EOF at the end, or a negative status with `err`
 * filled (file:line of the bad record) when one record is malformed; the reader stays usable and
 * the next call goes on with the next record. */
int dyad_reader_next(dyad_reader *r, dyad_article *out, dyad_error *err);

/* Number of invalid records seen so far. */
size_t dyad_reader_failures(const dyad_reader *r);

void dyad_reader_close(dyad_reader *r);

/* Parses a date in any common form ("14 February 2025", "February 14, 2025", "Feb. 14, 2025",
 * "2025-02-14", "20250214", "2025-02-14T10:00:00Z", "14/02/2025" is day-first) into "YYYY-MM-DD"
 * (`out` has room for 11 bytes). Returns DYAD_OK or DYAD_ERR_DATE. */
int dyad_parse_date(const char *s, size_t len, char out[11]);

/* ------------------------------------------------------------------ dictionaries */

typedef struct dyad_dict dyad_dict;

typedef enum dyad_dict_kind {
    DYAD_DICT_AUTO = 0,      /* by extension: .actors, .agents, .verbs, .places */
    DYAD_DICT_ACTORS,
    DYAD_DICT_AGENTS,
    DYAD_DICT_VERBS,
    DYAD_DICT_PLACES,        /* a gazetteer: actor syntax, every entry a place of its country */
    DYAD_DICT_CONFIDENCE,    /* the measured precision of rules (dict/rules.confidence) */
    DYAD_DICT_ISSUES         /* issue topics and discards: PHRASE [TOPIC], [DISCARD] (.issues) */
} dyad_dict_kind;

/* A new, empty dictionary set. NULL when out of memory. */
dyad_dict *dyad_dict_new(void);

/* Loads one dictionary file. A malformed line fails with file:line in `err`; entries read before
 * it are kept. Not thread-safe; call before dyad_dict_compile. */
int dyad_dict_load_file(dyad_dict *d, const char *path, dyad_dict_kind kind, dyad_error *err);

/* Loads every .actors, .agents and .verbs file of a directory, in name order. */
int dyad_dict_load_dir(dyad_dict *d, const char *dir, dyad_error *err);

/* Loads from a caller-owned buffer; `name` stands in for the file name in rules and errors. */
int dyad_dict_load_buffer(dyad_dict *d, const char *name, const char *data, size_t len,
                          dyad_dict_kind kind, dyad_error *err);

/* Builds the matching tables. After this the dictionary is read-only and may be shared by any
 * number of threads coding at once; loading more files is an error. */
int dyad_dict_compile(dyad_dict *d, dyad_error *err);

typedef struct dyad_dict_stats {
    size_t files, actor_entries, actor_phrases, actor_codes, agent_phrases;
    size_t verb_entries, verb_forms, patterns, words;
    size_t issue_topics, issue_phrases, discard_phrases;
} dyad_dict_stats;

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st);

/* Lints a compiled dictionary: unknown CAMEO event codes, malformed actor codes, bad date ranges,
 * overlapping tenures, duplicate phrases, patterns without a verb, verb forms in two entries.
 * Appends one line per finding ("file:line: message") to `report` and returns the number of
 * findings (0 = clean). */
size_t dyad_dict_check(const dyad_dict *d, dyad_buf *report);

/* Compiled dictionaries (src/dictfile.c). dyad_dict_save writes a compiled dictionary as one
 * binary file (magic, format version, byte order, record sizes, checksum; written to a temporary
 * file and renamed, so readers never see half a file). Errors: DYAD_ERR_ARG when `d` is not
 * compiled, DYAD_ERR_IO. Thread-safe with coding (it only reads `d`). */
int dyad_dict_save(const dyad_dict *d, const char *path, dyad_error *err);

/* Maps a file written by dyad_dict_save read-only into `d`, which must be fresh from
 * dyad_dict_new (no file loaded). The header, every section's bounds, the checksum and every
 * stored index are validated first: a truncated, corrupt or foreign file fails with
 * DYAD_ERR_DICT (or DYAD_ERR_IO) and leaves `d` as it was. On success `d` is compiled and
 * read-only; its arrays live in the mapping (shared with other processes that map the same
 * file) until dyad_dict_free. */
int dyad_dict_load_compiled(dyad_dict *d, const char *path, dyad_error *err);

/* The content hash of a dictionary directory (the names and bytes of its dictionary files, the
 * format version and the record layouts) as 16 hex digits and a NUL in `out`. */
int dyad_dict_dir_hash(const char *dir, char out[17], dyad_error *err);

/* Loads a dictionary directory through a cache: `cache_dir`/HASH.dyc (HASH from
 * dyad_dict_dir_hash) when it exists and is valid, else the text files, compiled and then saved
 * there for the next run (the directory is created; a cache that cannot be written is not an
 * error). `cache_dir` NULL or "" loads without a cache. `d` must be fresh from dyad_dict_new; on
 * success it is compiled. *from_cache (may be NULL) tells whether the cache served it. */
int dyad_dict_load_dir_cached(dyad_dict *d, const char *dir, const char *cache_dir, int *from_cache,
                              dyad_error *err);

void dyad_dict_free(dyad_dict *d);

/* ------------------------------------------------------------------ coding */

typedef enum dyad_modality {
    DYAD_ASSERTED = 0,       /* it happened / is happening */
    DYAD_INTENDED,           /* future, planned: will, is set to, plans to */
    DYAD_HYPOTHETICAL,       /* may, could, would, if */
    DYAD_NEGATED             /* did not, refused to (when the refusal is not itself the event) */
} dyad_modality;

/* "asserted", "intended", "hypothetical", "negated". */
const char *dyad_modality_name(dyad_modality m);

typedef struct dyad_span {
    uint32_t start, end;     /* byte offsets in the article's text; start == end: none */
} dyad_span;

#define DYAD_MAX_ISSUES 4

typedef struct dyad_event {
    uint32_t sentence;       /* index of the sentence in the document (0-based) */
    char source[16];         /* CAMEO actor code ("USAGOV"), "" when none */
    char target[16];
    char code[8];            /* CAMEO event code ("042") */
    const dyad_cameo *cameo; /* its ontology entry (never NULL in a coded event) */
    dyad_modality modality;
    char date[11];           /* the day the event happened, YYYY-MM-DD ("" when no date at all) */
    dyad_span source_span, verb_span, target_span;
    const char *rule_file;   /* the dictionary entry that fired: file (basename) and line */
    uint32_t rule_line;
    const char *frame;       /* the implicit-role frame that filled a role ("arrest"...), NULL if none */
    char speaker[16];        /* actor code of who said it, when the sentence reports speech or quotes
                              * ("X said ...", "according to X", a quotation attributed to X); "" if none */
    dyad_span speaker_span;  /* the speaker's phrase in the original text (start == end: none) */
    uint8_t quoted;          /* 1: the event's words are inside a quotation */
    float confidence;        /* the measured precision of the event's rule (src/confidence.c), 0..1 */
    dyad_span place_span;    /* where it happened: the place named in the event's clause, else in its
                              * sentence (a gazetteer place, or a country or capital after "in"/"at");
                              * start == end: none */
    char place_country[4];   /* the place's country code ("" when no place) */
    int32_t lat, lon;        /* the place's coordinates in 1e-5 degrees; DYAD_NOCOORD when unknown */
    uint8_t nissues;         /* issue topics of the event's sentence (.issues dictionaries), in text order */
    uint8_t issue_count[DYAD_MAX_ISSUES];   /* how often each is named in the sentence */
    const char *issues[DYAD_MAX_ISSUES];    /* topic names ("CEASEFIRE"), owned by the dictionary */
} dyad_event;

#define DYAD_NOCOORD INT32_MIN

/* Implicit-role frames: an event whose sentence leaves a role out takes it from the document
 * (docs/DISCOURSE.md). All are on by default; set bits in dyad_options.frames_off to switch them off. */
enum {
    DYAD_FRAME_ARREST = 1 << 0,   /* agentless arrest, detention, trial, expulsion: the place's police/courts */
    DYAD_FRAME_PROTEST = 1 << 1,  /* a protest or strike with no target: the place's government */
    DYAD_FRAME_AID = 1 << 2,      /* aid with no recipient: the document's main country */
    DYAD_FRAME_TALKS = 1 << 3,    /* talks, truces, agreements, clashes with unnamed parties: the main pair */
    DYAD_FRAME_ATTACK = 1 << 4,   /* an attack with no attacker: the attacker the document names elsewhere */
    DYAD_FRAME_ALL = (1 << 5) - 1
};

/* The name of frame bit `f` ("arrest", "protest", ...), NULL if unknown; and the bit of a name (0 if
 * unknown). */
const char *dyad_frame_name(unsigned f);
unsigned dyad_frame_bit(const char *name);

typedef struct dyad_options {
    const char *date;        /* overrides every article's publication date ("YYYY-MM-DD"), or NULL */
    int trace;               /* record an explanation while coding (see dyad_doc_trace) */
    unsigned frames_off;     /* DYAD_FRAME_* bits of implicit-role frames not to apply (0: all apply) */
} dyad_options;

typedef struct dyad_doc dyad_doc;

/* A reusable document: its arena and arrays are kept from one article to the next. */
dyad_doc *dyad_doc_new(void);
void dyad_doc_free(dyad_doc *doc);

/* Codes one article into `doc` (which is reset first). `dict` must be compiled. The article is
 * copied, so it may be released afterwards. Fails (DYAD_ERR_DATE) only when the article's date is
 * malformed; a document with no date is coded with no event dates. Thread-safe across distinct
 * docs sharing one dict. */
int dyad_code(dyad_doc *doc, const dyad_dict *dict, const dyad_article *a,
              const dyad_options *opt, dyad_error *err);

/* The article as coded: id, publication date, and its text (copies owned by doc). */
const char *dyad_doc_id(const dyad_doc *doc);
const char *dyad_doc_date(const dyad_doc *doc);
const char *dyad_doc_text(const dyad_doc *doc, size_t *len);

size_t dyad_doc_sentence_count(const dyad_doc *doc);
/* The i-th sentence: its span in the original text, and its text with white space collapsed and
 * typography normalised (owned by doc; valid until the next dyad_code). */
dyad_span dyad_doc_sentence_span(const dyad_doc *doc, size_t i);
const char *dyad_doc_sentence_text(const dyad_doc *doc, size_t i);

size_t dyad_doc_event_count(const dyad_doc *doc);
const dyad_event *dyad_doc_event(const dyad_doc *doc, size_t i);

/* Number of invalid UTF-8 sequences replaced while normalising the last article. */
size_t dyad_doc_invalid_bytes(const dyad_doc *doc);

/* The explanation recorded when options.trace was set: tokens, actors, verbs, patterns tried,
 * and why each event was or was not coded. Owned by doc. */
const char *dyad_doc_trace(const dyad_doc *doc);

/* ------------------------------------------------------------------ output */

typedef enum dyad_format {
    DYAD_FORMAT_JSON = 0,    /* JSON Lines, one event per line (see README for the fields) */
    DYAD_FORMAT_PHOENIX      /* the 26-column Phoenix TSV */
} dyad_format;

/* Appends the events of a coded document to `out` in the given format. */
int dyad_write_events(const dyad_doc *doc, dyad_format fmt, dyad_buf *out);

/* ------------------------------------------------------------------ evaluation */

typedef struct dyad_eval dyad_eval;

typedef struct dyad_score {
    size_t tp, fp, fn;
    double precision, recall, f1;
} dyad_score;

typedef enum dyad_eval_level {
    DYAD_EVAL_COUNTRY_ROOT = 0,  /* (source country, target country, root code) */
    DYAD_EVAL_FULL,              /* (source code, target code, full event code) */
    DYAD_EVAL_ROOT_ONLY          /* root code alone */
} dyad_eval_level;

dyad_eval *dyad_eval_new(void);
/* Loads the gold events (GOLD-FORMAT: doc, sent, source, code, target, date, modality). */
int dyad_eval_load_gold(dyad_eval *ev, const char *path, dyad_error *err);
/* Loads coded events (dyad's JSON Lines: doc, text, source, target, code, ...). */
int dyad_eval_load_events(dyad_eval *ev, const char *path, dyad_error *err);
/* Scores the events against the gold at a level; `root` NULL for all roots, else "01".."20". */
dyad_score dyad_eval_score(dyad_eval *ev, dyad_eval_level level, const char *root);
/* Appends a human-readable report (all levels, per root, modality and date agreement). */
void dyad_eval_report(dyad_eval *ev, dyad_buf *out);

/* One dictionary rule's record against the gold at (source country, target country, root). */
typedef struct dyad_rule_score {
    const char *rule;        /* "file:line" as the events name it ("" for events without one); owned by ev */
    size_t events, tp, fp;
} dyad_rule_score;

/* The rules of the events, worst first (most false positives, then fewest true positives): fills
 * up to `cap` entries and returns how many rules there are (call with cap 0 to count). The rule
 * strings live until the next load into ev or dyad_eval_free. 0 when out of memory. */
size_t dyad_eval_rules(dyad_eval *ev, dyad_rule_score *out, size_t cap);
/* Appends the by-rule table (dyad eval --by-rule) to `out`. */
void dyad_eval_report_rules(dyad_eval *ev, dyad_buf *out);
void dyad_eval_free(dyad_eval *ev);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
