/*
 * engine.h - the compiled dictionary and the document, shared by dict.c, actors.c, events.c,
 * doc.c, write.c and explain.
 *
 * The dictionary: every word of every phrase is interned once in a lexicon (lower-cased; id 0 is
 * "unknown"), and phrases become paths in a trie whose edges are (node, word id) pairs in one
 * open-addressing hash table. Actor and agent phrases share the trie; verb forms are indexed by
 * the id of their first word. Closed-class words (determiners, prepositions, auxiliaries, ...) are
 * interned with class flags at dictionary creation, so the engine compares integers only.
 */
#ifndef DYAD_ENGINE_H
#define DYAD_ENGINE_H

#include "internal.h"

#include <string.h>
#include <strings.h>

#define DY_NOCODE INT32_MIN

/* word classes of the lexicon (closed classes, hand-written in dict.c) */
enum {
    DY_W_DET = 1 << 0,       /* the a an this that these those */
    DY_W_POSS = 1 << 1,      /* his her its their our my your 's */
    DY_W_PREP = 1 << 2,      /* of in on at to for with by from against ... */
    DY_W_PRON = 1 << 3,      /* he she they it we i you */
    DY_W_AUX = 1 << 4,       /* be/have/do forms */
    DY_W_MODAL = 1 << 5,     /* will would may might could can should must shall */
    DY_W_NEG = 1 << 6,       /* not never n't no */
    DY_W_CONJ = 1 << 7,      /* and or but */
    DY_W_SUB = 1 << 8,       /* that which who whom whose when while because if although after before as */
    DY_W_BE = 1 << 9,        /* is are was were be been being am 's? */
    DY_W_HAVE = 1 << 10,
    DY_W_TIME = 1 << 11,     /* weekday and month names, today, yesterday, week, ago, overnight... */
    DY_W_LOCPREP = 1 << 12,  /* in at near into inside across outside throughout */
    DY_W_INTENT = 1 << 13,   /* plan set ready prepared expected going intend due aim agree want seek */
    DY_W_HYPO = 1 << 14,     /* may might could would if unless whether */
    DY_W_SPEECH = 1 << 15,   /* say said says told tell added stated according */
    DY_W_ADV = 1 << 16,      /* also reportedly formally publicly already still just ... */
    DY_W_NUM = 1 << 17,      /* one two three ... several dozens hundreds */
    DY_W_REFUSE = 1 << 18,   /* refuse decline fail */
    DY_W_HEAD = 1 << 19,     /* nouns that head an organisation's name: group movement side */
    DY_W_PLACE = 1 << 20     /* places where civilians are hit: area town village market houses */
};

/* word marks (dict.c, hand-written): meanings some stage looks for, kept apart from the word
 * classes so that no class test changes */
enum {
    DY_M_BROKER = 1 << 0,    /* go-betweens: mediate mediator mediation broker envoy facilitate ... */
    DY_M_RECEIVE = 1 << 1,   /* verbs whose subject gets what the noun after them names: draw face
                                receive attract meet (with) come (under) */
    DY_M_EVAL = 1 << 2,      /* verbs that voice a judgement or a feeling: describe call brand label
                                consider deem express voice signal */
    DY_M_APPEAL = 1 << 3,    /* verbs whose object is asked to do what follows: urge ask call (on)
                                invite press encourage tell warn */
    DY_M_CAUSE = 1 << 4,     /* verbs whose object does what follows: allow let force order help */
    DY_M_TALK = 1 << 5       /* verbs of conversation: speak talk confer chat */
};

typedef struct dy_lexeme {
    uint32_t off, len;       /* in dict->strings */
    uint32_t hash;
    uint32_t flags;          /* DY_W_* */
    uint32_t verb_first;     /* first verb form starting with this word + 1 (0 = none) */
    uint32_t cue_first;      /* first statement-cue form ('~' entries) starting with this word + 1 */
    uint8_t is_verb;         /* a verb form (not only an event noun's) starts with this word */
    uint8_t marks;           /* DY_M_*: what a word says, not its class (the stages' tests ignore it) */
    uint8_t tag_kw;          /* tagger.c: the word's keyword, and its facts (set by dyad_dict_compile) */
    uint32_t tag_lx;
    uint32_t child0, child_issue;  /* compiled: the trie child of each root by this word (0: none),
                                    * so the most frequent walk step needs no hash probe */
} dy_lexeme;

typedef struct dy_trie_node {
    int32_t kind;            /* 0 none, 1 actor entry, 2 agent entry */
    uint32_t index;          /* entry index */
    uint32_t upper_mask;     /* bit i: word i must be written in capitals */
    uint32_t depth;
} dy_trie_node;

typedef struct dy_edge {
    uint64_t key;            /* parent node << 32 | word id; 0 = empty slot */
    uint32_t child;
} dy_edge;

typedef struct dy_actor_code {
    char code[16];
    int32_t from, to;        /* days since 1970; INT32_MIN / INT32_MAX when open */
    uint32_t line;
    int32_t lat, lon;        /* a place's coordinates in 1e-5 degrees ("@LAT,LON"); DY_NOCOORD: none */
} dy_actor_code;

#define DY_NOCOORD DYAD_NOCOORD

typedef struct dy_actor_entry {
    uint32_t name;           /* offset of the entry's first phrase in strings */
    uint32_t code_start, code_count;
    uint16_t file;
    uint32_t line;
    uint8_t person;          /* has dated codes (a person) */
    uint8_t place;           /* from a gazetteer (.places): a place of its country, never an actor */
} dy_actor_entry;

typedef struct dy_issue_entry {
    uint32_t topic;          /* offset of the topic name in strings ("CEASEFIRE"; "DISCARD") */
    uint16_t file;
    uint32_t line;
    uint8_t discard;         /* a [DISCARD] phrase: its sentence is not political news */
} dy_issue_entry;

/* The trie has two roots: node 0 for actor and agent phrases, node DY_ISSUE_ROOT for issue
 * phrases (kind 3), so that the two vocabularies never shadow each other. */
#define DY_ISSUE_ROOT 1u

typedef struct dy_agent_entry {
    char agent[8];           /* "GOV" */
    uint16_t file;
    uint32_t line;
} dy_agent_entry;

enum { DY_FORM_BASE = 0, DY_FORM_S, DY_FORM_PAST, DY_FORM_ING };

typedef struct dy_verb_form {
    uint32_t entry;          /* verb entry */
    uint32_t word_start;     /* words in dict->words */
    uint8_t nwords;
    uint8_t tense;           /* DY_FORM_* */
    uint32_t next;           /* next form with the same first word + 1 (0 = none) */
} dy_verb_form;

enum { DY_PE_VERB = 1, DY_PE_SOURCE, DY_PE_TARGET, DY_PE_BOTH, DY_PE_WORDS };

typedef struct dy_pat_elem {
    uint8_t type;
    uint32_t opt_start, opt_count;   /* alternatives (DY_PE_WORDS) in dict->opts */
} dy_pat_elem;

typedef struct dy_pat_opt {
    uint32_t word_start, nwords;     /* in dict->words */
} dy_pat_opt;

/* Entry and pattern code flags (the "mutual" field of both): ":mutual" codes both directions,
 * ":alone" needs no target (target null when the sentence names none). */
enum { DY_MUTUAL = 1, DY_ALONE = 2 };

typedef struct dy_pattern {
    char code[8];            /* "" = no event ("---") */
    int8_t modality;         /* -1 = from the text */
    uint8_t mutual;          /* DY_MUTUAL (":mutual"), DY_ALONE (":alone") */
    uint32_t elem_start, elem_count;
    uint32_t nliteral;
    uint16_t file;
    uint32_t line;
    uint32_t sig;            /* dy_line_sig of the line's text */
} dy_pattern;

typedef struct dy_verb_entry {
    char code[8];            /* "" = no event unless a pattern matches */
    uint32_t name;           /* offset of the base form in strings */
    uint32_t pat_start, pat_count;
    uint16_t file;
    uint32_t line;
    uint32_t sig;            /* dy_line_sig of the line's text */
    uint32_t block;
    uint8_t mutual;          /* DY_MUTUAL (":mutual"), DY_ALONE (":alone") */
    int8_t modality;         /* forced modality (":intended"), -1 = from the text */
    uint8_t noun;            /* 1: an event noun ("clash", "talks"), '@' entries; 2: a statement cue, '~' */
} dy_verb_entry;

/* A row of the rule-confidence table (confidence.c). */
typedef struct dy_conf_row {
    char file[48];           /* dictionary file basename, as the row names it */
    uint16_t file_index;     /* its index in dict->files once compiled (UINT16_MAX: not loaded) */
    uint32_t line;           /* the rule's line: as written, then where its signature is now */
    uint32_t sig;            /* the rule line's dy_line_sig (0: none given, the line is trusted) */
    uint8_t stale;           /* compiled: the signature names no rule of the file */
    uint32_t found, gap;     /* while compiling: the nearest rule line with the signature */
    float precision;
} dy_conf_row;

/* dict.c: the signature of a rule line's text (FNV-1a). */
uint32_t dy_line_sig(const char *s, size_t n);

/* The confidence of rules never measured when the dictionary has no table (no `default` row). */
#define DY_CONF_DEFAULT 0.5f

struct dyad_dict {
    int compiled;
    char *strings; size_t strings_len, strings_cap;
    dy_lexeme *lex; uint32_t nlex, lex_cap;
    uint32_t *lex_table; uint32_t lex_table_cap;   /* open addressing: lexeme id, 0 = empty */
    dy_trie_node *nodes; uint32_t nnodes, nodes_cap;
    dy_edge *edges; uint32_t nedges, edges_cap;
    dy_actor_entry *actors; uint32_t nactors, actors_cap;
    dy_actor_code *codes; uint32_t ncodes, codes_cap;
    dy_agent_entry *agents; uint32_t nagents, agents_cap;
    dy_issue_entry *issues; uint32_t nissues, issues_cap;
    uint32_t nissue_phrases;
    dy_verb_entry *verbs; uint32_t nverbs, verbs_cap;
    dy_verb_form *forms; uint32_t nforms, forms_cap;
    dy_pattern *patterns; uint32_t npatterns, patterns_cap;
    dy_pat_elem *elems; uint32_t nelems, elems_cap;
    dy_pat_opt *opts; uint32_t nopts, opts_cap;
    uint32_t *words; uint32_t nwords, words_cap;
    char **files; uint32_t nfiles;
    uint32_t nphrases, nagent_phrases, nblocks;
    dyad_buf warnings;       /* findings made while loading (duplicates), reported by check */
    dy_conf_row *conf; uint32_t nconf, conf_cap;   /* rule confidences, sorted by (file, line) once compiled */
    float conf_default;      /* the table's `default` row; < 0 when none */
    uint32_t lex_to;         /* the word id of "to" (a closed-class word, interned at creation) */
    void *map; size_t map_len;  /* a compiled file mapped read-only (dictfile.c): the arrays point into it */
    uint64_t source_hash;    /* the content hash of the text files it was compiled from (0: unknown) */
};

/* confidence.c: loads a `.confidence` table (rows "FILE:LINE PRECISION ..."; errors as any
 * dictionary file); resolves and sorts it (called by dyad_dict_compile); the confidence of a rule
 * (thread-safe once compiled); and appends the rows that name no rule of the dictionary. */
int dy_load_confidence(dyad_dict *d, const char *name, const char *data, size_t len, dyad_error *err);
void dy_confidence_compile(dyad_dict *d);
float dy_rule_confidence(const dyad_dict *d, uint16_t file, uint32_t line);
size_t dy_confidence_check(const dyad_dict *d, dyad_buf *report);

/* The dictionary files of a directory (.actors, .agents, .verbs, .places, .confidence), in name
 * order, as malloc'ed names the caller frees. DYAD_ERR_IO when the directory cannot be opened. */
int dy_dict_list_dir(const char *dir, char ***names, size_t *n);

/* The dictionary's memory: heap arrays (loaded from text), or views into one read-only mapping of
 * a compiled file (dictfile.c), released by dyad_dict_free either way. */
void dy_dict_free_arrays(dyad_dict *d);
void dy_unmap(void *p, size_t n);
/* Recomputes the checksum in the header of a compiled file held in memory (tests and fuzzing:
 * a corrupted file that still passes the checksum exercises the index validation). */
void dy_dictfile_reseal(void *file, size_t len);

/* The id of a word (case-folded), 0 if the dictionary does not know it. Thread-safe. */
uint32_t dy_lex_find(const dyad_dict *d, const char *s, size_t n);
static inline uint32_t dy_lex_flags(const dyad_dict *d, uint32_t id) { return id ? d->lex[id].flags : 0; }
static inline uint32_t dy_lex_marks(const dyad_dict *d, uint32_t id) { return id ? d->lex[id].marks : 0; }
static inline const char *dy_lex_str(const dyad_dict *d, uint32_t id) { return d->strings + d->lex[id].off; }
/* The child of trie node `node` by word `w`, or 0. Node 0 is the root. */
uint32_t dy_trie_child(const dyad_dict *d, uint32_t node, uint32_t w);
/* The code of an actor entry on a day (days since 1970; DY_NOCODE = unknown date). */
const dy_actor_code *dy_actor_code_on(const dyad_dict *d, const dy_actor_entry *e, int32_t day);

/* ------------------------------------------------------------------ the document */

enum { DY_PH_LOC = 1 << 0,        /* after a locative preposition ("in Ukraine") */
       DY_PH_MOD = 1 << 1,        /* a modifier of a following noun ("NATO membership") */
       DY_PH_PRON = 1 << 2,       /* a pronoun resolved to an earlier actor */
       DY_PH_PERSON = 1 << 3,
       DY_PH_AGENT_ONLY = 1 << 4, /* only an agent word: country from the context */
       DY_PH_NAME_ONLY = 1 << 6,  /* only names of places/organisations: no agent, no person */
       DY_PH_HAS_AGENT = 1 << 7,
       DY_PH_PLACE = 1 << 8,      /* a gazetteer place: gives a country, never acts */
       DY_PH_LEARNED = 1 << 9,    /* a name the document introduced (discourse.c) */
       DY_PH_PAIR = 1 << 10,      /* one of the two parties of "the two sides" */
       DY_PH_EACH = 1 << 11,      /* "each other", "one another": the source's own members */
       DY_PH_FIXED = 1 << 12,     /* an agent's country given by its phrase or compound: keep it */
       DY_PH_POSS_PRON = 1 << 13, /* a possessive pronoun (his, its, their, our) */
       DY_PH_OBJ_PRON = 1 << 14,  /* an object pronoun (him, them, us) */
       DY_PH_FIRST = 1 << 15,     /* a first-person pronoun (we, I, our): the quote's speaker */
       DY_PH_DEF = 1 << 16 };     /* a definite description with no agent ("the bloc", "the country") */

typedef struct dy_phrase {
    uint32_t tok_start, tok_end;   /* tokens [start, end) */
    uint32_t sentence;
    char code[16];                 /* resolved CAMEO actor code */
    uint32_t flags;
    uint32_t group;                /* compound group id (phrases joined by "and" share it) */
    uint32_t rule_file, rule_line; /* the actor entry that gave the code */
    int32_t ante;                  /* for a pronoun: the phrase it refers to */
    uint32_t entry;                /* the head's actor entry + 1 (0: none) */
    uint32_t name_tok;             /* first of the unknown name words that end the phrase + 1 (0: none) */
    int32_t entity;                /* the document entity this phrase mentions (-1: none) */
    const char *why;               /* how a reference was resolved (static text, for explain) */
} dy_phrase;

/* A document entity: what several phrases mention (a person, a country, an organisation, a group,
 * a collective of agents such as "the rebels"). Built by discourse.c. */
enum { DY_EN_PERSON = 1, DY_EN_COUNTRY, DY_EN_ORG, DY_EN_GROUP, DY_EN_COLLECTIVE, DY_EN_PLACE };
typedef struct dy_entity {
    char code[16];
    uint8_t kind;                  /* DY_EN_* */
    uint8_t plural;
    uint8_t gender;                /* 0 unknown, 1 male, 2 female */
    uint32_t entry;                /* actor entry + 1, or learned name + 1 with learned set */
    uint8_t learned;
    uint32_t first, last;          /* phrase indices of the first and the latest mention */
    uint32_t mentions;
} dy_entity;

/* A name the document introduced: "Zambian President Hakainde Hichilema" teaches "Hichilema";
 * "Viktor Orban" teaches "Orban" for the dictionary's entry; "(RSF)" teaches an acronym. */
typedef struct dy_name {
    uint32_t start, len;           /* the word in the normalised text */
    uint32_t from_tok;             /* applies to tokens from here on */
    uint32_t entry;                /* dictionary actor entry + 1 (0: a learned code) */
    char code[16];
    uint8_t person;
    uint16_t rule_file;            /* the introduction's rule */
    uint32_t rule_line;
} dy_name;

typedef DY_VEC(dy_phrase) dy_phrase_vec;
typedef DY_VEC(dyad_event) dy_event_vec;
typedef DY_VEC(dy_entity) dy_entity_vec;
typedef DY_VEC(dy_name) dy_name_vec;

struct dyad_doc {
    dy_arena arena;
    char *id, *date, *url, *source, *title;
    char *orig; size_t orig_len;
    int32_t pub_day;               /* DY_NOCODE if unknown */
    int pub_y, pub_m, pub_d, pub_wd;  /* its civil date and weekday (0 = Sunday), once per document */
    dy_text text;
    dy_token_vec tokens;
    dy_sentence_vec sentences;
    dy_phrase_vec phrases;
    dy_entity_vec entities;
    dy_name_vec names;             /* names learned from the text (discourse.c) */
    int32_t *speaker;              /* per sentence: the phrase that speaks its quotation, or -1 */
    unsigned frames_off;           /* implicit-role frames switched off (DYAD_FRAME_* bits) */
    dy_phrase_vec scratch;         /* discourse.c: the rebuilt phrase array */
    dy_event_vec events;
    char **sent_text;              /* collapsed sentence texts (arena) */
    char main_country[8];          /* the document's main country ("" if none) */
    char main_pair[2][16];         /* the two actors most often named together ("" if none) */
    dyad_buf trace;
    int tracing;
    const dyad_dict *dict;
};

/* actors.c: looks up every token's word id, finds the actor phrases of every sentence and resolves
 * their codes for the document's date; picks the document's main country. */
int dy_find_actors(dyad_doc *doc, const dyad_dict *d);

/* discourse.c: learns the names the document introduces (returns how many; the actor stage is
 * run again when a learned name occurs where no dictionary phrase stood). */
size_t dy_learn_names(dyad_doc *doc, const dyad_dict *d);

/* discourse.c: the document's entities, quotations and their speakers, and the references
 * (pronouns, definite descriptions, "the two sides", "each other", we/our in quotes, an agent's
 * country from a place); unresolved pronouns are dropped. */
int dy_discourse(dyad_doc *doc, const dyad_dict *d);

/* tagger.c: the word class of every token (dy_token.tag: noun, verb, gerund, adjective, name), from the
 * words around it, the lexicon's closed classes and verb forms, and the actor phrases; run after
 * the last actor and discourse pass, read by the event stage. */
int dy_tag(dyad_doc *doc, const dyad_dict *d);
/* tagger.c: works out the tagger's facts of every word of the lexicon (dy_lexeme.tag_lx), once. */
void dy_tag_lexicon(dyad_dict *d);

/* events.c: finds verbs, applies patterns, picks source and target, modality and date, and
 * appends events. */
int dy_find_events(dyad_doc *doc, const dyad_dict *d);

/* locate.c: gives every event its place (place_span, place_country, lat/lon): the place named in
 * the event's clause, else the one nearest its verb in the sentence, else none. Linear in the
 * document's tokens and phrases. */
void dy_locate_events(dyad_doc *doc, const dyad_dict *d);

/* issues.c: tags every event with the issue topics of its sentence and drops the events of
 * sentences that are not political news ([DISCARD] phrases; a game's score after a verb of
 * violence). Linear in the document's tokens. */
void dy_tag_issues(dyad_doc *doc, const dyad_dict *d);

/* timex.c: the day named by the sentence's date expression nearest to token `anchor` and in its
 * clause ("on Tuesday", "next Monday", "yesterday", "last night", "June 9, 2021", "9 June", "in
 * February", "February 2021", "in 2019", "last month", "next week", "earlier this week", "two days
 * ago", "June 3-5"), resolved against the publication date: a weekday is the most recent one, or
 * the next one in a sentence marked as future (will, is to, is due, scheduled...); a month with no
 * day is its 1st, a week its Monday, a year its January 1st; a month day with no year is the
 * publication year's unless more than a week ahead. The publication date when there is none;
 * DY_NOCODE when the document has no date. All the rules are in the header of timex.c. */
int32_t dy_sentence_day(const dyad_doc *doc, const dyad_dict *d, uint32_t ts, uint32_t te, uint32_t anchor);

/* The date expressions of sentence tokens [ts, te) (at most `cap`, in text order): their head
 * tokens (the month, weekday, year, "week", "ago"...) and days; one per range ("June 3-5", "from
 * Monday to Wednesday": the start). Linear in the sentence. And the day of the one nearest to a
 * token that is in its clause and fits its tense (the publication date when there is none). */
#define DY_MAX_DATES 16
size_t dy_sentence_dates(const dyad_doc *doc, const dyad_dict *d, uint32_t ts, uint32_t te, uint32_t *toks,
                         int32_t *days, size_t cap);
int32_t dy_nearest_day(const dyad_doc *doc, const uint32_t *toks, const int32_t *days, size_t n, uint32_t anchor);

/* The original-text byte range of normalised bytes [ns, ne) (ne > ns): the map gives every byte
 * of a multi-byte character the offset where the character starts, so the end is moved past the
 * rest of the last character. */
static inline dyad_span dy_orig_span(const dyad_doc *doc, uint32_t ns, uint32_t ne) {
    dyad_span sp;
    sp.start = doc->text.map[ns];
    sp.end = doc->text.map[ne - 1] + 1;
    while (sp.end < doc->orig_len && ((unsigned char)doc->orig[sp.end] & 0xC0) == 0x80) sp.end++;
    if (sp.end < sp.start) sp.end = sp.start;
    return sp;
}

/* dst = the first `na` bytes of a (at most) followed by b (NULL for none), truncated to 15 bytes:
 * the hot path's snprintf("%.3s%s") for actor codes. */
static inline void dy_code_cat(char dst[16], const char *a, size_t na, const char *b) {
    size_t n = strnlen(a, na < 15 ? na : 15);
    memmove(dst, a, n);
    size_t m = b ? strnlen(b, 15 - n) : 0;
    memmove(dst + n, b ? b : "", m);
    dst[n + m] = 0;
}

/* The token text (normalised) of token i. */
static inline const char *dy_tok_text(const dyad_doc *doc, uint32_t i, size_t *n) {
    const dy_token *t = &doc->tokens.items[i];
    *n = t->end - t->start;
    return doc->text.text + t->start;
}

/* Is token i the word w (case-insensitive)? */
static inline int dy_tok_is(const dyad_doc *doc, uint32_t i, const char *w) {
    size_t n;
    const char *s = dy_tok_text(doc, i, &n);
    /* the first letters first: most comparisons end there */
    return n && ((s[0] | 0x20) == (w[0] | 0x20)) && strlen(w) == n && strncasecmp(s, w, n) == 0;
}

/* "told X", "tell X": a reporting verb whose following phrase is the one spoken to, not the
 * speaker (discourse.c and events.c find speakers alike). */
static inline int dy_tell_at(const dyad_doc *doc, uint32_t k) {
    return dy_tok_is(doc, k, "told") || dy_tok_is(doc, k, "tell") || dy_tok_is(doc, k, "tells") ||
           dy_tok_is(doc, k, "telling");
}

/* An international actor code (IGO..., NGO..., IMG..., MNC...): no country of its own. */
static inline int dy_code_is_intl(const char *code) {
    return !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3) ||
           !strncmp(code, "MNC", 3);
}

/* Appends a trace line (printf-style) when tracing. */
void dy_trace(dyad_doc *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
