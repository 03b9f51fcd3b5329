/*
 * tagger.c - the word-class stage: whether each token is used here as a noun, a verb, a gerund, an
 * adjective or a word of a name (dy_token.tag), so that "protesters clashed" and "fresh clashes
 * erupted", "he talks" and "the talks", "will next meet" and "a meet" are told apart before events
 * are coded; the event stage reads the tag (events.c: verb_position, noun_position).
 *
 * Algorithm: deterministic contextual rules, one left-to-right pass over each sentence (no
 * statistical model; docs/TAGGER.md lists every rule with examples and the measured accuracy).
 * First the facts of every token: the tense of the dictionary's verb forms that start with its
 * word (a one-word form's first; a base form written in -ed counts as a past), whether an event
 * noun starts with it, its closed classes and the few words the rules name; for a word with no
 * forms, a tense from a short list of irregular verbs or from its suffix (-ed, -ing); its shape
 * (plural, adverb, the suffixes of nouns, adjectives and nationalities). The facts of the words of
 * the lexicon are worked out once, when the dictionary is compiled (dy_tag_lexicon). Then: a token
 * of an actor phrase is a NAME (a past or -ing word before the phrase's head an ADJ: "the detained
 * activists"); a closed-class word, number or punctuation OTHER; a word with a tense is decided by
 * the context, looking left at the tags already given and right at the facts of the next token:
 *  1. its own shape: a capitalised word inside a sentence is a name (NOUN) unless the sentence is a
 *     headline in title case; the first word of a hyphenated compound a NOUN ("troop build-ups");
 *     say/tell/claim in -s or past a VERB;
 *  2. the immediate left: "to" makes a base form a VERB; "that" a past or -s form a VERB; a
 *     determiner, possessive, number or preposition a NOUN, or an ADJ for a past or -ing form
 *     before a noun ("the proposed talks", "the ruling party"); an -ing form after a preposition
 *     and before an object is a GERUND ("accused of attacking civilians"), without one a NOUN;
 *     "be" makes a past or -ing form a VERB and a base form an ADJ ("remains open");
 *  3. the governor, found over adverbs, negators and quotation marks ("will next meet", "has
 *     repeatedly called", "troops frequently mount", "the bloc \"strongly condemns\""): a modal or
 *     do makes a base form a VERB, a subject pronoun or a relative any form;
 *  4. the start of a clause (the sentence, an opening quotation, a colon, a dash, a subordinator):
 *     an -s form is a NOUN before a verb ("Talks collapsed"), a VERB before an object; a base form
 *     an imperative VERB before an object ("Stop the war"), else a NOUN ("Attack helicopters"); a
 *     past form an ADJ before a noun ("Renewed clashes"); an -ing form a NOUN before a verb or a
 *     preposition ("Fighting broke out"), else a VERB ("while negotiating peace");
 *  5. coordination: after "and" or a comma, the tag of an earlier verb of the same tense ("met and
 *     signed"; "of fomenting violence and intimidating civilians": gerunds), an ADJ after an
 *     adjective ("provocative and inciting actions");
 *  6. a subject before: an actor phrase that does not modify the word (a modifier: after a
 *     preposition, after "a", a one-word name after a determiner, a nationality: "under police
 *     escort", "a police station", "the Iran talks", "Russian strikes") or a capitalised name makes
 *     a past form a VERB, an -s form a VERB unless a verb follows or it is an event noun before a
 *     bare noun ("U.S. sanctions program"), a base form a VERB unless a verb follows; a common noun
 *     before: a plural makes a base form a VERB ("teachers strike"), a singular a noun compound
 *     ("hunger strike"); an -s form after a noun is a NOUN ("peace talks", "border clashes") unless
 *     an object follows or an abstract noun is its subject ("the agreement calls for"); a verb right
 *     after makes it a NOUN ("fresh clashes erupted"); an -ing form after a common noun an ADJ
 *     before an object ("zones surrounding Taiwan"), else a NOUN ("heavy fighting");
 *  7. after a verb: a past form an ADJ before a noun ("crosses disputed territory"), else a VERB;
 *     an -ing form a VERB ("began firing teargas"); the rest its object, a NOUN;
 *  8. otherwise a past form is a VERB and anything else a NOUN. A base form that is also the past
 *     ("hit", "set") is a VERB when either reading makes it one; a preposition that is also a verb
 *     form ("shot down") is OTHER unless a VERB. A word with no verb forms is a NOUN, an ADJ by its
 *     suffix before a noun, a VERB after a modal, after "to" or (a plain base form) after a plural
 *     subject ("protests continue in").
 * Every look is bounded (a few tokens left or right, coordination 12), so tagging is linear in the
 * length of the document whatever the input.
 */
#include "engine.h"

#include <string.h>

/* lexical facts of a token (tok_info.lx), computed once per token */
enum {
    LX_TENSE = 7,            /* DY_FORM_* + 1 of its verb forms (0: none) */
    LX_NOUN = 1 << 3,        /* an event noun starts with the word */
    LX_NOUN1 = 1 << 4,       /* the word alone is an event noun ("meeting", "fighting") */
    LX_GUESS = 1 << 5,       /* the tense is guessed from the suffix of a word the dictionary lacks */
    LX_DICT = 1 << 6,        /* the dictionary has verb or event-noun forms starting with the word */
    LX_PB = 1 << 7,          /* a base form that is also the past ("hit", "put", "set", "spread") */
    LX_HYPHEN = 1 << 8,      /* a verb form of the dictionary goes on with a hyphen ("de-escalate") */
    LX_ADV = 1 << 9,         /* an adverb: the lexicon's, or LX_ADV_LC in lower case */
    LX_PLURAL = 1 << 10,     /* a plural noun's shape: "protesters", "troops", "police" */
    LX_ADJSUF = 1 << 11,     /* an adjective's suffix: "military", "economic", "offensive" */
    LX_NOUNSUF = 1 << 12,    /* a noun's suffix: "resignation", "agreement", "security" */
    LX_ABSTRACT = 1 << 13,   /* an abstract noun that speaks: "the agreement calls for", "the report says" */
    LX_DEMONYM = 1 << 14,    /* a nationality: "Russian", "Israeli", "Chinese", "Turkish" */
    LX_ENDS_S = 1 << 15,     /* ends in -s */
    LX_ADV_LC = 1 << 16,     /* an adverb when written in lower case ("reportedly", "next") */
    LX_KNOWN = 1 << 17       /* the facts are worked out (dy_lexeme.tag_lx) */
};

/* words the rules name (tok_info.kw) */
enum {
    K_NONE, K_TO, K_THAT, K_BOTH, K_BY, K_AS, K_A, K_AN, K_OF, K_FOR, K_ON, K_WHICH, K_WHOM, K_WHO, K_WHOSE,
    K_DO, K_ONE, K_NO, K_POSS_S, K_APOS, K_COMMA, K_SEMI, K_COLON, K_PAREN, K_EXCL, K_STOP, K_HYPHEN,
    K_PARTICLE,              /* off out up down back away */
    K_COPULA,                /* remain remains remained seems become became */
    K_JOINT, K_HAVE_C, K_BE_C /* 've; 're 'm */
};

#define T_NONE (-1)

/* closed classes whose words are never nouns, verbs or adjectives here */
#define CLOSED (DY_W_DET | DY_W_POSS | DY_W_PREP | DY_W_PRON | DY_W_AUX | DY_W_MODAL | DY_W_NEG | DY_W_CONJ | \
                DY_W_SUB | DY_W_NUM | DY_W_ADV)

typedef struct tok_info {
    uint32_t lx;             /* LX_* */
    uint32_t w;              /* the lexicon's closed classes (with the contractions it lacks) */
    int32_t ph;              /* the phrase covering the token, or -1 */
    uint8_t kw;              /* K_* */
} tok_info;

typedef struct tag_ctx {
    dyad_doc *doc;
    const dyad_dict *d;
    uint32_t ts, te;               /* the sentence's tokens [ts, te) */
    const tok_info *ti;            /* per token of the sentence */
    int headline;                  /* the sentence is a headline in title case */
} tag_ctx;

static int in(const tag_ctx *c, uint32_t i) { return i >= c->ts && i < c->te; }
static uint32_t wf(const tag_ctx *c, uint32_t i) { return in(c, i) ? c->ti[i - c->ts].w : 0; }
static uint32_t tf(const tag_ctx *c, uint32_t i) { return in(c, i) ? c->doc->tokens.items[i].flags : 0; }
static uint8_t tg(const tag_ctx *c, uint32_t i) { return c->doc->tokens.items[i].tag; }
static int kw(const tag_ctx *c, uint32_t i, int k) { return in(c, i) && c->ti[i - c->ts].kw == k; }
static int32_t phrase_at(const tag_ctx *c, uint32_t i) { return in(c, i) ? c->ti[i - c->ts].ph : -1; }
static int tense(const tag_ctx *c, uint32_t i) { return in(c, i) ? (int)(c->ti[i - c->ts].lx & LX_TENSE) - 1 : T_NONE; }
static int lxf(const tag_ctx *c, uint32_t i, uint32_t f) { return in(c, i) && (c->ti[i - c->ts].lx & f); }
static int adverb(const tag_ctx *c, uint32_t i) { return lxf(c, i, LX_ADV); }
static int plural(const tag_ctx *c, uint32_t i) { return lxf(c, i, LX_PLURAL); }

/* word s[0..n) is w (lower case, length n), ignoring case */
static int eq(const char *s, size_t n, const char *w) {
    for (size_t k = 0; k < n; k++)
        if ((s[k] | 0x20) != w[k] && s[k] != w[k]) return 0;
    return 1;
}

/* The word the rules name that token text s[0..n) is (K_*), or K_NONE. */
static uint8_t keyword(const char *s, size_t n) {
    char a = (char)(s[0] | 0x20);
    switch (n) {
    case 1:
        switch (s[0]) {
        case ',': return K_COMMA;
        case ';': return K_SEMI;
        case ':': return K_COLON;
        case '(': return K_PAREN;
        case '!': return K_EXCL;
        case '.': return K_STOP;
        case '-': return K_HYPHEN;
        case '\'': return K_APOS;
        case 'a': case 'A': return K_A;
        }
        return K_NONE;
    case 2:
        if (a == 't' && eq(s, 2, "to")) return K_TO;
        if (a == 'b' && eq(s, 2, "by")) return K_BY;
        if (a == 'a' && eq(s, 2, "as")) return K_AS;
        if (a == 'a' && eq(s, 2, "an")) return K_AN;
        if (a == 'o' && eq(s, 2, "of")) return K_OF;
        if (a == 'o' && eq(s, 2, "on")) return K_ON;
        if (a == 'd' && eq(s, 2, "do")) return K_DO;
        if (a == 'n' && eq(s, 2, "no")) return K_NO;
        if (a == 'u' && eq(s, 2, "up")) return K_PARTICLE;
        if (s[0] == '\'' && eq(s, 2, "'s")) return K_POSS_S;
        if (s[0] == '\'' && eq(s, 2, "'m")) return K_BE_C;
        return K_NONE;
    case 3:
        if (a == 'f' && eq(s, 3, "for")) return K_FOR;
        if (a == 'w' && eq(s, 3, "who")) return K_WHO;
        if (a == 'd' && eq(s, 3, "did")) return K_DO;
        if (a == 'o' && eq(s, 3, "one")) return K_ONE;
        if (a == 'o' && (eq(s, 3, "off") || eq(s, 3, "out"))) return K_PARTICLE;
        if (s[0] == '\'' && eq(s, 3, "'ve")) return K_HAVE_C;
        if (s[0] == '\'' && eq(s, 3, "'re")) return K_BE_C;
        return K_NONE;
    case 4:
        if (a == 't' && eq(s, 4, "that")) return K_THAT;
        if (a == 'b' && eq(s, 4, "both")) return K_BOTH;
        if (a == 'w' && eq(s, 4, "whom")) return K_WHOM;
        if (a == 'd' && eq(s, 4, "does")) return K_DO;
        if ((a == 'd' && eq(s, 4, "down")) || (a == 'b' && eq(s, 4, "back")) || (a == 'a' && eq(s, 4, "away")))
            return K_PARTICLE;
        return K_NONE;
    case 5:
        if (a == 'w' && eq(s, 5, "which")) return K_WHICH;
        if (a == 'w' && eq(s, 5, "whose")) return K_WHOSE;
        if (a == 'j' && eq(s, 5, "joint")) return K_JOINT;
        if (a == 's' && eq(s, 5, "seems")) return K_COPULA;
        return K_NONE;
    case 6:
        if ((a == 'r' && eq(s, 6, "remain")) || (a == 'b' && (eq(s, 6, "become") || eq(s, 6, "became")))) return K_COPULA;
        return K_NONE;
    case 7: return a == 'r' && eq(s, 7, "remains") ? K_COPULA : K_NONE;
    case 8: return a == 'r' && eq(s, 8, "remained") ? K_COPULA : K_NONE;
    }
    return K_NONE;
}

/* a few adverbs the lexicon lacks, which stand between an auxiliary and its verb ("will next meet") */
static int adverb_word(const char *s, size_t n) {
    char a = (char)(s[0] | 0x20);
    if (a != 'n' && a != 'e' && a != 'o' && a != 'a' && a != 'h') return 0;
    switch (n) {
    case 4: return eq(s, 4, "next") || eq(s, 4, "ever");
    case 5: return eq(s, 5, "often");
    case 6: return eq(s, 6, "always") || eq(s, 6, "almost") || eq(s, 6, "nearly") || eq(s, 6, "hardly");
    }
    return 0;
}

/* the word s[0..n) ends in the (lower-case) literal */
#define ENDS(lit) (n > sizeof(lit) - 1 && eq(s + n - (sizeof(lit) - 1), sizeof(lit) - 1, lit))

/* The shape facts of a word s[0..n) (LX_ADV, LX_ADV_LC, LX_PLURAL, LX_ENDS_S); `dict` it has
 * forms in the dictionary, `w` its closed classes. */
static uint32_t shape_facts(const char *s, size_t n, int dict, uint32_t w) {
    uint32_t f = 0;
    int ly = n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y';
    if (w & DY_W_ADV) f |= LX_ADV;
    else if ((ly && !dict) || adverb_word(s, n)) f |= LX_ADV_LC;
    if ((s[n - 1] | 0x20) == 's') {
        f |= LX_ENDS_S;
        if (n > 3 && !ENDS("ss") && !ENDS("us") && !ENDS("is") && !ENDS("ics")) f |= LX_PLURAL;
    }
    if (n == 6 && (eq(s, 6, "police") || eq(s, 6, "people"))) f |= LX_PLURAL;
    return f;
}

/* The suffix facts of a word s[0..n) with closed classes w (LX_ADJSUF, LX_NOUNSUF, LX_ABSTRACT, and
 * LX_DEMONYM, which holds only in capitals). */
static uint32_t suffix_facts(const char *s, size_t n, uint32_t w) {
    uint32_t f = 0;
    if (n < 3 || (w & CLOSED)) return f;
    switch (s[n - 1] | 0x20) {
    case 'y':
        if (ENDS("ary")) f |= LX_ADJSUF;
        if (ENDS("ity")) f |= LX_NOUNSUF | LX_ABSTRACT;
        if (ENDS("ery")) f |= LX_NOUNSUF;
        break;
    case 'n':
        if (ENDS("ian")) f |= LX_ADJSUF | LX_DEMONYM;
        if (ENDS("tion") || ENDS("sion")) f |= LX_NOUNSUF | LX_ABSTRACT;
        if (ENDS("ean") || ENDS("can")) f |= LX_DEMONYM;
        if (ENDS("plan")) f |= LX_ABSTRACT;
        break;
    case 'c': if (ENDS("ic")) f |= LX_ADJSUF; break;
    case 'l':
        if (ENDS("ical") || ENDS("nal") || ENDS("cial") || ENDS("tial") || ENDS("ral") || ENDS("ful")) f |= LX_ADJSUF;
        if (ENDS("al") || ENDS("deal")) f |= LX_ABSTRACT;
        break;
    case 's':
        if (ENDS("ous") || ENDS("less")) f |= LX_ADJSUF;
        if (ENDS("ness")) f |= LX_NOUNSUF;
        break;
    case 'e':
        if (ENDS("ive")) f |= LX_ADJSUF;
        if (ENDS("ance") || ENDS("ence")) f |= LX_NOUNSUF | LX_ABSTRACT;
        if (ENDS("ese")) f |= LX_DEMONYM;
        break;
    case 't':
        if (ENDS("ment")) f |= LX_NOUNSUF | LX_ABSTRACT;
        if (ENDS("report")) f |= LX_ABSTRACT;
        break;
    case 'm': if (ENDS("ism")) f |= LX_NOUNSUF; break;
    case 'p': if (ENDS("ship")) f |= LX_NOUNSUF; break;
    case 'w': if (ENDS("law")) f |= LX_ABSTRACT; break;
    case 'h': if (ENDS("ish")) f |= LX_DEMONYM; break;
    case 'i': if (n >= 5 && s[n - 1] == 'i' && !ENDS("hi")) f |= LX_DEMONYM; break;
    }
    return f;
}

/* a word that can head a noun phrase or modify a noun: an open-class word that is no past form */
static int nounish(const tag_ctx *c, uint32_t i) {
    if (!in(c, i) || !(tf(c, i) & DY_TOK_WORD)) return 0;
    if (phrase_at(c, i) >= 0) return 1;
    if (wf(c, i) & CLOSED) return 0;
    if (adverb(c, i)) return 0;
    if (tense(c, i) == DY_FORM_PAST && !lxf(c, i, LX_NOUN1)) return 0;
    return 1;
}

/* a word that starts an object: a determiner, possessive, pronoun, number or actor phrase */
static int strong_object(const tag_ctx *c, uint32_t i) {
    if (!in(c, i)) return 0;
    if (phrase_at(c, i) >= 0) return 1;
    if (tf(c, i) & DY_TOK_NUM) return 1;
    uint32_t w = wf(c, i);
    if ((w & (DY_W_DET | DY_W_POSS | DY_W_NUM)) && !kw(c, i, K_NO)) return 1;
    if ((w & DY_W_PRON) && !kw(c, i, K_WHO)) return 1;
    return 0;
}

/* a word that is most likely a finite verb or an auxiliary: "fresh clashes erupted" */
static int finite(const tag_ctx *c, uint32_t i) {
    if (!in(c, i) || !(tf(c, i) & DY_TOK_WORD) || phrase_at(c, i) >= 0) return 0;
    if (!c->headline && (tf(c, i) & DY_TOK_CAP)) return 0;
    uint32_t w = wf(c, i);
    if (w & (DY_W_AUX | DY_W_MODAL)) return 1;
    if (w & CLOSED) return 0;
    return tense(c, i) == DY_FORM_PAST || lxf(c, i, LX_PB);
}

/* the same, or a base form that is no event noun, which follows a plural subject ("air strikes
 * hit", "the sanctions target banks") */
static int verbish(const tag_ctx *c, uint32_t i) {
    if (finite(c, i)) return 1;
    if (!in(c, i) || !(tf(c, i) & DY_TOK_WORD) || phrase_at(c, i) >= 0 || (wf(c, i) & CLOSED)) return 0;
    if (!c->headline && (tf(c, i) & DY_TOK_CAP)) return 0;
    return tense(c, i) == DY_FORM_BASE && !lxf(c, i, LX_GUESS) && !lxf(c, i, LX_NOUN);
}

/* Is the actor phrase ending at token p (before the word at p + 1, of tense t) a modifier of that
 * word rather than its subject? */
static int phrase_modifies(const tag_ctx *c, uint32_t p, int t) {
    const dy_phrase *P = &c->doc->phrases.items[phrase_at(c, p)];
    if (P->flags & DY_PH_MOD) return 1;
    if (P->flags & DY_PH_PRON) return 0;
    uint32_t b = P->tok_start;
    uint32_t bw = wf(c, b - 1);
    int before = b > c->ts;
    int name = !(P->flags & (DY_PH_HAS_AGENT | DY_PH_AGENT_ONLY | DY_PH_PERSON));
    /* "its drone supplies" */
    if ((P->flags & DY_PH_AGENT_ONLY) && before && (bw & DY_W_POSS) && !kw(c, b - 1, K_POSS_S)) return 1;
    /* the rest make noun compounds, which an -ing form does not head ("with Milei calling Sanchez") */
    if (t == DY_FORM_ING || t == DY_FORM_PAST) return 0;
    /* "under police escort", "of Russian attacks" (not a place: "signed in Doha calls for") */
    if (before && (bw & DY_W_PREP) && !(bw & DY_W_SUB) && !kw(c, b - 1, K_TO) && !(P->flags & (DY_PH_LOC | DY_PH_PLACE)))
        return 1;
    /* "a police station", "an army attack" (but "a police officer says") */
    if (t == DY_FORM_BASE && before && (kw(c, b - 1, K_A) || kw(c, b - 1, K_AN))) return 1;
    /* the object of a verb is no subject of an -s form: "visit refugee camps", "address the
     * government concerns" */
    uint32_t v = before && (bw & DY_W_DET) ? b - 1 : b;
    if (t == DY_FORM_S && v > c->ts && tg(c, v - 1) == DY_TAG_VERB && !(wf(c, v - 1) & DY_W_SPEECH)) return 1;
    /* "the Iran talks", "the US sanctions": a one-word name after a determiner */
    if (P->tok_end - b == 1 && name && before && (bw & DY_W_DET) && !kw(c, b - 1, K_THAT)) return 1;
    /* a nationality: "Russian strikes", "ethnic Albanian demands" */
    if (!(P->flags & DY_PH_PERSON) && lxf(c, P->tok_end - 1, LX_DEMONYM) &&
        (P->tok_end - b == 1 || !(P->flags & DY_PH_HAS_AGENT)))
        return 1;
    return 0;
}

/* A noun, or an adjective when a past or -ing form stands before a noun ("the detained activists",
 * "the ruling party"; but "the meeting room": an event noun stays a noun). */
static int noun_or_adj(const tag_ctx *c, uint32_t i, int t) {
    if (t == DY_FORM_PAST || t == DY_FORM_ING) {
        /* "the ruling party", "the visiting delegation": before an actor phrase */
        if (phrase_at(c, i + 1) >= 0) return DY_TAG_ADJ;
        if ((t == DY_FORM_PAST || !lxf(c, i, LX_NOUN1)) && nounish(c, i + 1) && !finite(c, i + 1)) return DY_TAG_ADJ;
    }
    return DY_TAG_NOUN;
}

/* Does a clause start at token i (the sentence, a quotation, a colon, a dash)? */
static int clause_start(const tag_ctx *c, uint32_t i) {
    if (i == c->ts) return 1;
    uint32_t p = i - 1;
    /* a quotation that opens the sentence or follows a comma, a colon or a speech verb */
    if ((tf(c, p) & DY_TOK_QUOTE) && !(tf(c, i) & DY_TOK_SPACE) && (p == c->ts || (tf(c, p) & DY_TOK_SPACE)) &&
        (p == c->ts || kw(c, p - 1, K_COMMA) || kw(c, p - 1, K_COLON) || (wf(c, p - 1) & DY_W_SPEECH) ||
         (tf(c, p - 1) & DY_TOK_QUOTE)))
        return 1;
    if (kw(c, p, K_COLON) || kw(c, p, K_SEMI) || kw(c, p, K_PAREN) || (tf(c, p) & DY_TOK_DASH)) return 1;
    return 0;
}

/* a subordinator that opens a clause ("as talks resumed", "when clashes erupted"), not a relative */
static int opens_clause(const tag_ctx *c, uint32_t p) {
    if (!(wf(c, p) & DY_W_SUB)) return 0;
    return !kw(c, p, K_THAT) && !kw(c, p, K_WHICH) && !kw(c, p, K_WHO) && !kw(c, p, K_WHOM) && !kw(c, p, K_WHOSE);
}

/* The word at the start of a clause. */
static int at_start(const tag_ctx *c, uint32_t i, int t) {
    /* "quoted him as saying" */
    if (t == DY_FORM_ING && kw(c, i - 1, K_AS)) return DY_TAG_VERB;
    switch (t) {
    case DY_FORM_S:
        /* "Talks collapsed", "Calls for calm grew"; "Attacks the army" */
        if (verbish(c, i + 1)) return DY_TAG_NOUN;
        return strong_object(c, i + 1) ? DY_TAG_VERB : DY_TAG_NOUN;
    case DY_FORM_BASE:
        /* an imperative: "Stop the war", "Release our sons", "Leave now!" */
        if (strong_object(c, i + 1) || adverb(c, i + 1) || kw(c, i + 1, K_EXCL)) return DY_TAG_VERB;
        return DY_TAG_NOUN;
    case DY_FORM_PAST:
        /* "Renewed clashes broke out" */
        if (nounish(c, i + 1) && !finite(c, i + 1)) return DY_TAG_ADJ;
        return DY_TAG_VERB;
    default:
        /* "Fighting broke out", "Fighting in the north"; "Meeting the envoy, he said", "while
         * negotiating peace" */
        if (verbish(c, i + 1)) return DY_TAG_NOUN;
        if (strong_object(c, i + 1) || nounish(c, i + 1)) return DY_TAG_VERB;
        return DY_TAG_NOUN;
    }
}

/* The tag of a verb of tense t (a gerund for an -ing form) before the conjunction or comma at p,
 * within a window ("met and signed", "of fomenting violence and intimidating civilians"), or 0. */
static int coordinated(const tag_ctx *c, uint32_t p, int t) {
    uint32_t lo = p > c->ts + 12 ? p - 12 : c->ts;
    for (uint32_t k = p; k > lo; k--) {
        uint32_t q = k - 1;
        if (kw(c, q, K_SEMI) || kw(c, q, K_COLON)) return 0;
        uint8_t g = tg(c, q);
        if (g != DY_TAG_VERB && g != DY_TAG_GERUND) continue;
        int u = tense(c, q);
        /* a verb the dictionary lacks ("will save lives and reduce suffering") has no tense */
        if (u == t || (t == DY_FORM_PAST && lxf(c, q, LX_PB)) || (u == T_NONE && t != DY_FORM_ING)) return g;
    }
    return 0;
}

/* The class of a word with verb forms of tense t (dictionary or guessed) at token i. */
static int tag_verb_word(const tag_ctx *c, uint32_t i, int t) {
    int guess = lxf(c, i, LX_GUESS);
    uint32_t p = i - 1;
    if (clause_start(c, i)) return at_start(c, i, t);
    /* a quotation mark inside a clause is looked through: "the bloc \"rejects coup\"", "and
     * 'attacking Chinese personnel'", "illegal," saying" */
    if ((tf(c, p) & DY_TOK_QUOTE) && p > c->ts) p--;
    uint32_t pw = wf(c, p);
    uint32_t pf = tf(c, p);
    int32_t pp = phrase_at(c, p);
    /* a capitalised word inside a sentence is a name ("Reuters", "Rally for the Republic") */
    if ((tf(c, i) & DY_TOK_CAP) && !c->headline) return DY_TAG_NOUN;
    /* the first word of a hyphenated noun: "troop build-ups", "a face-off", "cease-fire" (not a
     * prefix: "de-escalate", "re-open") */
    if ((t == DY_FORM_BASE || t == DY_FORM_S) && i + 2 < c->te && kw(c, i + 1, K_HYPHEN) && !(tf(c, i + 1) & DY_TOK_SPACE) &&
        !(tf(c, i + 2) & DY_TOK_SPACE) && (tf(c, i + 2) & DY_TOK_WORD) && !lxf(c, i, LX_HYPHEN))
        return DY_TAG_NOUN;
    /* say, tell, claim: a verb unless after a determiner */
    if ((wf(c, i) & DY_W_SPEECH) && (t == DY_FORM_S || t == DY_FORM_PAST) && (pp >= 0 || !(pw & (DY_W_DET | DY_W_POSS))))
        return DY_TAG_VERB;
    int obj = strong_object(c, i + 1) || (nounish(c, i + 1) && !finite(c, i + 1));   /* an object follows */
    /* 1. the immediate left */
    if (pp < 0) {
        if (kw(c, p, K_TO)) {
            if (t == DY_FORM_BASE) return DY_TAG_VERB;
            if (t == DY_FORM_ING && obj) return DY_TAG_GERUND;   /* "committed to holding talks" */
            return noun_or_adj(c, i, t);
        }
        if (kw(c, p, K_THAT)) {
            /* "a road that crosses", "the attack that killed"; "that attack", "that meeting" */
            if (t == DY_FORM_BASE) return strong_object(c, i + 1) ? DY_TAG_VERB : DY_TAG_NOUN;
            return t == DY_FORM_ING ? DY_TAG_NOUN : DY_TAG_VERB;
        }
        if (kw(c, p, K_BOTH)) return t == DY_FORM_PAST ? DY_TAG_VERB : noun_or_adj(c, i, t);
        if ((pw & (DY_W_DET | DY_W_POSS)) || kw(c, p, K_POSS_S) || kw(c, p, K_APOS)) return noun_or_adj(c, i, t);
        if (pf & DY_TOK_NUM) {
            /* "on February 28 announced": a date before a past-tense verb; else "the 12 killed" */
            size_t n;
            dy_tok_text(c->doc, p, &n);
            int date = p > c->ts && (wf(c, p - 1) & DY_W_TIME);
            if (t == DY_FORM_PAST && (date || n == 4)) return DY_TAG_VERB;
            return noun_or_adj(c, i, t);
        }
        if (pw & DY_W_NUM) {
            /* "left dozens wounded", "hundreds killed", "thousands rally"; "two attacks" */
            if (t == DY_FORM_PAST && ((plural(c, p) && !nounish(c, i + 1)) || kw(c, p, K_ONE))) return DY_TAG_VERB;
            if (t == DY_FORM_BASE && plural(c, p) && !verbish(c, i + 1) && i + 1 < c->te && !kw(c, i + 1, K_STOP))
                return DY_TAG_VERB;
            return noun_or_adj(c, i, t);
        }
        if ((pw & DY_W_PREP) && !opens_clause(c, p) && !(t == DY_FORM_PAST && kw(c, p, K_PARTICLE))) {
            /* a gerund: "of violating the truce", "at easing tensions"; "charged with rioting" */
            if (t == DY_FORM_ING) return obj ? DY_TAG_GERUND : DY_TAG_NOUN;
            if (kw(c, p, K_BY) && t == DY_FORM_PAST && !nounish(c, i + 1)) return DY_TAG_VERB;
            return noun_or_adj(c, i, t);
        }
        if (pw & DY_W_BE) {
            if (t == DY_FORM_PAST || t == DY_FORM_ING) return DY_TAG_VERB;
            /* "is open", "was close"; "was head of" */
            return t == DY_FORM_BASE && !kw(c, i + 1, K_OF) ? DY_TAG_ADJ : DY_TAG_NOUN;
        }
        if (pw & DY_W_HAVE) return t == DY_FORM_PAST ? DY_TAG_VERB : DY_TAG_NOUN;
    }
    /* 2. the governor, over adverbs and negators ("will next meet", "troops frequently mount") */
    uint32_t q = p;
    while (q > c->ts && q + 4 > i && phrase_at(c, q) < 0 &&
           (adverb(c, q) || (wf(c, q) & DY_W_NEG) || (tf(c, q) & DY_TOK_QUOTE)) && !(wf(c, q) & DY_W_DET))
        q--;
    int32_t qp = phrase_at(c, q);
    uint32_t qw = qp < 0 ? wf(c, q) : 0;
    if (q != p || pp < 0) {
        if (qw & DY_W_MODAL) return t == DY_FORM_BASE || t == DY_FORM_PAST ? DY_TAG_VERB : DY_TAG_NOUN;
        if (kw(c, q, K_DO) || (kw(c, q, K_TO) && q != p))
            return t == DY_FORM_BASE ? DY_TAG_VERB : noun_or_adj(c, i, t);
        if (q != p && (qw & DY_W_BE)) {
            if (t == DY_FORM_PAST || t == DY_FORM_ING) return DY_TAG_VERB;
            return t == DY_FORM_BASE ? DY_TAG_ADJ : DY_TAG_NOUN;
        }
        if (q != p && (qw & DY_W_HAVE)) return t == DY_FORM_PAST ? DY_TAG_VERB : DY_TAG_NOUN;
        if (q != p && (qw & (DY_W_DET | DY_W_POSS))) return noun_or_adj(c, i, t);
        /* "by specifically targeting kindergartens" */
        if (q != p && (qw & DY_W_PREP) && !opens_clause(c, q) && t == DY_FORM_ING) return obj ? DY_TAG_GERUND : DY_TAG_NOUN;
        if ((qw & DY_W_PRON) && !(qw & DY_W_POSS)) return DY_TAG_VERB;
        if (kw(c, q, K_WHICH) || kw(c, q, K_WHOM) || (kw(c, q, K_THAT) && q != p))
            return t == DY_FORM_ING ? DY_TAG_NOUN : DY_TAG_VERB;
    }
    /* 3. a clause opened by a subordinator: "as talks resumed", "after meeting the envoy" */
    if (qp < 0 && opens_clause(c, q)) return at_start(c, i, t);
    /* 4. coordination */
    if (pp < 0 && ((pw & DY_W_CONJ) || kw(c, p, K_COMMA))) {
        /* "such provocative and inciting actions", "the detained and wounded activists" */
        if ((pw & DY_W_CONJ) && p > c->ts && (tg(c, p - 1) == DY_TAG_ADJ || (lxf(c, p - 1, LX_ADJSUF) && phrase_at(c, p - 1) < 0)))
            return noun_or_adj(c, i, t);
        int g = coordinated(c, p, t);
        if (g) return g;
        if (kw(c, p, K_COMMA)) {
            /* ", killing five", "the rebels, backed by Rwanda,"; "..., which are republics, host bases" */
            if (t == DY_FORM_PAST) return DY_TAG_VERB;
            if (t == DY_FORM_ING && !finite(c, i + 1) && (obj || (wf(c, i + 1) & DY_W_PREP))) return DY_TAG_VERB;
            if (t != DY_FORM_ING && !finite(c, i + 1) &&
                (strong_object(c, i + 1) || kw(c, i + 1, K_THAT) || kw(c, i + 1, K_TO) || plural(c, i + 1) ||
                 ((wf(c, i + 1) & DY_W_PREP) && !kw(c, i + 1, K_OF))))
                return DY_TAG_VERB;
        } else if (t == DY_FORM_PAST) {
            return DY_TAG_VERB;   /* "met in November and exchanged courtesies" */
        } else if (!finite(c, i + 1) && (strong_object(c, i + 1) || (t == DY_FORM_ING && obj))) {
            /* "..., wish them well and commend Somalia's forces", "and restoring stability" */
            return DY_TAG_VERB;
        }
        return noun_or_adj(c, i, t);
    }
    /* "the door remains open" */
    if (t == DY_FORM_BASE && pp < 0 && kw(c, p, K_COPULA))
        return DY_TAG_ADJ;
    /* 5. a subject before (over adverbs) */
    uint32_t sf = tf(c, q);
    if (qp >= 0 || ((sf & DY_TOK_CAP) && (sf & DY_TOK_WORD) && !qw && !c->headline && q > c->ts)) {
        int mod = qp >= 0 && phrase_modifies(c, q, t);
        switch (t) {
        case DY_FORM_PAST: return DY_TAG_VERB;
        case DY_FORM_S:
            if (mod || verbish(c, i + 1)) return DY_TAG_NOUN;
            /* "militant camps", "rebel groups" */
            if ((wf(c, i) & (DY_W_HEAD | DY_W_PLACE)) && !strong_object(c, i + 1)) return DY_TAG_NOUN;
            /* "a broad U.S. sanctions program": an event noun before a bare singular noun (but "the
             * army arrests suspects") */
            if (lxf(c, i, LX_NOUN) && nounish(c, i + 1) && !strong_object(c, i + 1) && !plural(c, i + 1) &&
                !(wf(c, i) & DY_W_SPEECH))
                return DY_TAG_NOUN;
            return DY_TAG_VERB;
        case DY_FORM_BASE:
            if (mod || guess || i + 1 >= c->te || finite(c, i + 1)) return DY_TAG_NOUN;
            if (qp >= 0 || plural(c, q) || strong_object(c, i + 1)) return DY_TAG_VERB;
            return DY_TAG_NOUN;
        default:
            /* "rebels fighting in the north"; "the parliament building." */
            if (mod || verbish(c, i + 1) || i + 1 >= c->te || kw(c, i + 1, K_OF)) return DY_TAG_NOUN;
            if (obj || (wf(c, i + 1) & DY_W_PREP)) return DY_TAG_VERB;
            return DY_TAG_NOUN;
        }
    }
    uint8_t pt = tg(c, q);
    if (pt == DY_TAG_NOUN || pt == DY_TAG_ADJ) {
        int pl = pt == DY_TAG_NOUN && plural(c, q);
        switch (t) {
        case DY_FORM_PAST:
            /* "the terrorists killed were foreigners": a participle after its noun */
            if (i + 1 < c->te && (wf(c, i + 1) & (DY_W_BE | DY_W_MODAL))) return DY_TAG_ADJ;
            return DY_TAG_VERB;
        case DY_FORM_S:
            if (pt == DY_TAG_ADJ || pl || verbish(c, i + 1) || guess) return DY_TAG_NOUN;
            if (strong_object(c, i + 1)) return DY_TAG_VERB;
            if (i + 1 >= c->te) return DY_TAG_NOUN;
            /* "the agreement calls for", "the statement says that", "Pope Calls for Ceasefire" */
            if (lxf(c, q, LX_ABSTRACT) && (kw(c, i + 1, K_FOR) || kw(c, i + 1, K_ON) || kw(c, i + 1, K_THAT)))
                return DY_TAG_VERB;
            if (kw(c, i + 1, K_FOR) && !lxf(c, q, LX_DICT)) return DY_TAG_VERB;
            /* no event noun: "the government hopes to", "the army denies that"; "refugee camps near" */
            if (!lxf(c, i, LX_NOUN) && !(wf(c, i) & (DY_W_HEAD | DY_W_PLACE)) &&
                (kw(c, i + 1, K_THAT) || kw(c, i + 1, K_TO) || adverb(c, i + 1) || (nounish(c, i + 1) && !verbish(c, i + 1))))
                return DY_TAG_VERB;
            return DY_TAG_NOUN;
        case DY_FORM_BASE:
            /* "teachers strike", "the sanctions target banks"; "a hunger strike" */
            if (pl && !guess && !verbish(c, i + 1) && i + 1 < c->te && !kw(c, i + 1, K_STOP)) return DY_TAG_VERB;
            return DY_TAG_NOUN;
        default:
            /* a participle modifying the noun before it: "zones surrounding Taiwan", "a ship carrying
             * weapons"; "heavy fighting", "the army's shelling of" */
            if (!lxf(c, i, LX_NOUN1) && !finite(c, i + 1) && obj) return DY_TAG_ADJ;
            return DY_TAG_NOUN;
        }
    }
    /* 6. after a verb: its object, a particle or a gerund ("stop fighting", "continued shelling the town") */
    if (pt == DY_TAG_VERB) {
        /* "a road that crosses disputed territory" */
        if (t == DY_FORM_PAST)
            return nounish(c, i + 1) && !finite(c, i + 1) && (phrase_at(c, i + 1) >= 0 || !strong_object(c, i + 1)) &&
                           !(wf(c, q) & DY_W_SPEECH)
                       ? DY_TAG_ADJ
                       : DY_TAG_VERB;
        /* "began firing teargas", "continue talking to"; "halted the fighting" */
        if (t == DY_FORM_ING && (obj || (wf(c, i + 1) & DY_W_PREP) || !lxf(c, i, LX_NOUN1))) return DY_TAG_VERB;
        return noun_or_adj(c, i, t);
    }
    return t == DY_FORM_PAST ? DY_TAG_VERB : DY_TAG_NOUN;
}

/* The class of a word with no verb forms (an event noun only, or a word the dictionary lacks):
 * an adjective by its suffix before a noun, a verb after a modal or "to" or, in its base form,
 * after a plural subject ("protests continue in"), else a noun. */
static int unknown_word(const tag_ctx *c, uint32_t k) {
    uint32_t f = tf(c, k), w = wf(c, k);
    int lower = !(f & DY_TOK_CAP) || c->headline;
    if (!(f & DY_TOK_CAP) && nounish(c, k + 1) && !finite(c, k + 1) && (kw(c, k, K_JOINT) || lxf(c, k, LX_ADJSUF)))
        return DY_TAG_ADJ;
    if (lxf(c, k, LX_DICT) || !lower || k == c->ts) return DY_TAG_NOUN;
    uint32_t p = k - 1;
    if (wf(c, p) & DY_W_MODAL) return DY_TAG_VERB;
    int to = kw(c, p, K_TO);
    if (!to && !(tg(c, p) == DY_TAG_NOUN && plural(c, p) && in(c, k + 1) && !verbish(c, k + 1) &&
                 (strong_object(c, k + 1) || (wf(c, k + 1) & DY_W_PREP) || nounish(c, k + 1))))
        return DY_TAG_NOUN;
    /* a plain word: no plural, no noun's or adjective's suffix, no place or group */
    int plain = !lxf(c, k, LX_PLURAL | LX_ENDS_S) && !(w & (DY_W_HEAD | DY_W_PLACE)) && !lxf(c, k, LX_NOUNSUF | LX_ADJSUF);
    return plain ? DY_TAG_VERB : DY_TAG_NOUN;
}

/* Irregular verbs the lexical pass needs: past forms the dictionary lacks (0), and base forms that
 * are also the past ("hit", "put", "spread"; 1). By length, then -1 when s[0..n) is none. */
static int irregular(const char *s, size_t n) {
    static const char *const past[8] = {
        NULL, NULL, NULL, "won led ran got fed ", "came fled lost grew rose fell kept felt knew ",
        "grown risen known meant spent chose wrote stole ", "became fallen caught chosen ", "brought thought written "};
    static const char *const pb[8] = {
        NULL, NULL, NULL, "hit put cut set let bid ", "shut cast beat quit cost hurt shed read come ",
        "burst upset split ", "spread become ", NULL};
    /* the first and last letters of the words of each length, to pass over most words at once */
#define B(ch) (1u << ((ch) - 'a'))
    static const uint32_t first[8] = {
        0, 0, 0, B('w') | B('l') | B('r') | B('g') | B('f') | B('h') | B('p') | B('c') | B('s') | B('b'),
        B('c') | B('f') | B('l') | B('g') | B('r') | B('k') | B('s') | B('b') | B('q') | B('h'),
        B('g') | B('r') | B('k') | B('m') | B('s') | B('c') | B('w') | B('b') | B('u'), B('b') | B('f') | B('c') | B('s'),
        B('b') | B('t') | B('w')};
    static const uint32_t last[8] = {
        0, 0, 0, B('n') | B('d') | B('t'), B('e') | B('d') | B('t') | B('w') | B('l'), B('n') | B('t') | B('e'),
        B('e') | B('n') | B('t') | B('d'), B('t') | B('n')};
#undef B
    if (n < 3 || n > 7) return -1;
    char a = (char)(s[0] | 0x20), z = (char)(s[n - 1] | 0x20);
    if (a < 'a' || a > 'z' || z < 'a' || z > 'z' || !(first[n] & (1u << (a - 'a'))) || !(last[n] & (1u << (z - 'a'))))
        return -1;
    for (int k = 0; k < 2; k++) {
        const char *l = k ? pb[n] : past[n];
        for (; l && *l; l += n + 1)
            if (*l == a && eq(s, n, l)) return k;
    }
    return -1;
}

/* The class of a word with verb forms of tense t at token i; a base form that is also the past
 * ("hit", "set") is a verb when either reading is. */
static int tag_word(const tag_ctx *c, uint32_t i, int t) {
    int r = tag_verb_word(c, i, t);
    if (r != DY_TAG_VERB && t == DY_FORM_BASE && lxf(c, i, LX_PB) && tag_verb_word(c, i, DY_FORM_PAST) == DY_TAG_VERB)
        return DY_TAG_VERB;
    return r;
}

/* The facts of word s[0..n) with lexicon id `lex` (0: none) and closed classes `w` that do not
 * depend on the token (LX_*, with LX_ADV_LC and LX_DEMONYM still to be checked against its
 * capitals), and its keyword. */
static uint32_t word_facts(const dyad_dict *d, uint32_t lex, const char *s, size_t n, uint32_t w, uint32_t hyphen,
                           uint8_t *kwp) {
    *kwp = n && n <= 8 ? keyword(s, n) : K_NONE;
    uint32_t lx = LX_KNOWN;
    if (!n) return lx;
    if (lex && d->lex[lex].verb_first) {
        int tense = -1, one = -1;
        for (uint32_t f = d->lex[lex].verb_first; f; f = d->forms[f - 1].next) {
            const dy_verb_form *vf = &d->forms[f - 1];
            if (d->verbs[vf->entry].noun) {
                lx |= LX_NOUN;
                if (vf->nwords == 1) lx |= LX_NOUN1;
                continue;
            }
            if (tense < 0) tense = vf->tense;
            if (one < 0 && vf->nwords == 1) one = vf->tense;
            if (vf->nwords > 1 && d->words[vf->word_start + 1] == hyphen) lx |= LX_HYPHEN;
        }
        if (one >= 0) tense = one;
        lx |= LX_DICT | shape_facts(s, n, 1, w) | suffix_facts(s, n, w);
        if (tense < 0) {
            /* an event noun's word with a verb's suffix: "had attempted to", "attempted murder" */
            if (n > 4 && ENDS("ed")) lx |= LX_GUESS | (DY_FORM_PAST + 1);
            else if (n > 5 && ENDS("ing")) lx |= LX_GUESS | (DY_FORM_ING + 1);
            return lx;
        }
        if (tense == DY_FORM_BASE) {
            /* a past form written as a verb of its own ("FREED", "CLEARED"); "hit", "set" */
            if (n > 4 && ENDS("ed") && (!ENDS("eed") || ENDS("reed"))) tense = DY_FORM_PAST;
            else if (irregular(s, n) == 1) lx |= LX_PB;
        }
        return lx | (uint32_t)(tense + 1);
    }
    if (w & (CLOSED | DY_W_TIME)) {
        /* a closed-class word: an adverb, or a number word in -s ("dozens") */
        return lx | (w & DY_W_ADV ? LX_ADV : 0) | ((w & DY_W_NUM) && (s[n - 1] | 0x20) == 's' ? LX_PLURAL : 0);
    }
    lx |= shape_facts(s, n, 0, w) | suffix_facts(s, n, w);
    /* a word the dictionary has no forms for: its suffix */
    int irr = irregular(s, n);
    if (irr == 0) lx |= DY_FORM_PAST + 1;
    else if (irr == 1) lx |= LX_PB | (DY_FORM_BASE + 1);
    else if (n > 4 && ENDS("ed")) lx |= LX_GUESS | (DY_FORM_PAST + 1);
    else if (n > 5 && ENDS("ing")) lx |= LX_GUESS | (DY_FORM_ING + 1);
    return lx;
}

/* The facts of every word of the lexicon, once (dyad_dict_compile), so that tagging a token reads
 * them instead of working them out again. */
void dy_tag_lexicon(dyad_dict *d) {
    uint32_t hyphen = dy_lex_find(d, "-", 1);
    for (uint32_t id = 1; id < d->nlex; id++) {
        dy_lexeme *l = &d->lex[id];
        l->tag_lx = word_facts(d, id, d->strings + l->off, l->len, l->flags, hyphen, &l->tag_kw);
    }
}

/* The lexical facts of token k: tense, event noun, shape (LX_*), its closed classes and keyword. */
static void lexical(const dyad_doc *doc, const dyad_dict *d, uint32_t k, uint32_t hyphen, tok_info *ti) {
    const dy_token *t = &doc->tokens.items[k];
    ti->w = dy_lex_flags(d, t->lex);
    uint32_t lx;
    if (t->lex && (d->lex[t->lex].tag_lx & LX_KNOWN)) {
        lx = d->lex[t->lex].tag_lx;
        ti->kw = d->lex[t->lex].tag_kw;
    } else {
        lx = word_facts(d, t->lex, doc->text.text + t->start, t->end - t->start, ti->w, hyphen, &ti->kw);
    }
    if (ti->kw == K_HAVE_C) ti->w |= DY_W_HAVE | DY_W_AUX;
    if (ti->kw == K_BE_C) ti->w |= DY_W_BE | DY_W_AUX;
    if (!(t->flags & DY_TOK_WORD)) {
        ti->lx = 0;
        return;
    }
    /* "reportedly" and "next" are adverbs in lower case; "Russian" a nationality in capitals */
    if (t->flags & DY_TOK_CAP) lx &= ~(uint32_t)LX_ADV_LC;
    else lx &= ~(uint32_t)LX_DEMONYM;
    if (lx & LX_ADV_LC) lx |= LX_ADV;
    ti->lx = lx;
}

/* A headline in title case: no final stop, and most of its longer words capitalised. */
static int headline(const dyad_doc *doc, uint32_t ts, uint32_t te) {
    if (te <= ts + 2) return 0;
    const dy_token *last = &doc->tokens.items[te - 1];
    if (!(last->flags & DY_TOK_WORD)) return 0;
    unsigned words = 0, caps = 0;
    for (uint32_t k = ts; k < te; k++) {
        const dy_token *t = &doc->tokens.items[k];
        if (!(t->flags & DY_TOK_WORD) || t->end - t->start < 4) continue;
        words++;
        if (t->flags & DY_TOK_CAP) caps++;
    }
    return words >= 3 && caps * 4 >= words * 3;
}

int dy_tag(dyad_doc *doc, const dyad_dict *d) {
    uint32_t maxn = 0;
    for (size_t s = 0; s < doc->sentences.len; s++) {
        const dy_sentence *se = &doc->sentences.items[s];
        if (se->tok_end - se->tok_start > maxn) maxn = se->tok_end - se->tok_start;
    }
    tok_info *ti = dy_arena_alloc(&doc->arena, (maxn ? maxn : 1) * sizeof *ti);
    if (!ti) return DYAD_ERR_NOMEM;
    size_t pi = 0;
    uint32_t hyphen = dy_lex_find(d, "-", 1);
    for (uint32_t s = 0; s < doc->sentences.len; s++) {
        const dy_sentence *se = &doc->sentences.items[s];
        tag_ctx c = {doc, d, se->tok_start, se->tok_end, ti, headline(doc, se->tok_start, se->tok_end)};
        for (uint32_t k = c.ts; k < c.te; k++) {
            ti[k - c.ts].ph = -1;
            lexical(doc, d, k, hyphen, &ti[k - c.ts]);
            doc->tokens.items[k].tag = DY_TAG_OTHER;
        }
        while (pi < doc->phrases.len && doc->phrases.items[pi].sentence < s) pi++;
        for (size_t p = pi; p < doc->phrases.len && doc->phrases.items[p].sentence == s; p++)
            for (uint32_t k = doc->phrases.items[p].tok_start; k < doc->phrases.items[p].tok_end; k++)
                if (k >= c.ts && k < c.te) ti[k - c.ts].ph = (int32_t)p;
        for (uint32_t k = c.ts; k < c.te; k++) {
            dy_token *t = &doc->tokens.items[k];
            const tok_info *f = &ti[k - c.ts];
            int tense = (int)(f->lx & LX_TENSE) - 1;
            if (f->ph >= 0) {
                /* a participle modifying the phrase's head: "the detained activists", "armed men" */
                const dy_phrase *P = &doc->phrases.items[f->ph];
                int mod = k + 1 < P->tok_end && (tense == DY_FORM_PAST || tense == DY_FORM_ING) && !(t->flags & DY_TOK_CAP);
                t->tag = mod ? DY_TAG_ADJ : DY_TAG_NAME;
                continue;
            }
            if (!(t->flags & DY_TOK_WORD)) continue;
            if (tense >= 0) {
                int tag = tag_word(&c, k, tense);
                /* "shot down", "came back": a preposition that is also a verb form */
                if ((f->w & DY_W_PREP) && tag != DY_TAG_VERB) tag = DY_TAG_OTHER;
                t->tag = (uint8_t)tag;
                continue;
            }
            if (f->w & CLOSED) continue;
            if (f->w & DY_W_TIME) { t->tag = DY_TAG_NOUN; continue; }
            if (f->lx & LX_ADV) continue;
            /* nouns (event nouns, unknown words): adjectives by their suffix before a noun */
            t->tag = (uint8_t)unknown_word(&c, k);
        }
    }
    return DYAD_OK;
}
