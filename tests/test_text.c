/*
 * test_text.c - unit tests of the text stages: normalise.c (UTF-8 repair, typography, Markdown,
 * line and paragraph repair, boilerplate, the offset map) and segment.c (tokens, flags, clitics,
 * sentence boundaries, dy_tokenise). All examples are written for these tests; the seed article is
 * read from ../shared when present.
 */
#include "internal.h"
#include "test.h"

#include <stdint.h>

static dy_arena arena;
static dy_token_vec toks;
static dy_sentence_vec sents;
static dy_text T;
static char joined[8192];

/* Normalises s (whole string) and returns the text. */
static const char *norm(const char *s) {
    dy_arena_reset(&arena);
    int rc = dy_normalise(&arena, s, strlen(s), 0, &T);
    CHECK_INT(rc, DYAD_OK);
    return T.text ? T.text : "";
}

/* Normalises and segments s; returns the sentences joined by " || ". */
static const char *sentences(const char *s) {
    norm(s);
    toks.len = sents.len = 0;
    CHECK_INT(dy_segment(T.text, T.len, &toks, &sents), DYAD_OK);
    size_t o = 0;
    joined[0] = '\0';
    for (size_t i = 0; i < sents.len && o < sizeof joined - 8; i++) {
        const dy_sentence *x = &sents.items[i];
        o += (size_t)snprintf(joined + o, sizeof joined - o, "%s%.*s", i ? " || " : "",
                              (int)(x->end - x->start), T.text + x->start);
    }
    return joined;
}

/* Segments already-normalised text; returns the tokens joined by '|'. */
static const char *tokens_of(const char *s) {
    toks.len = sents.len = 0;
    CHECK_INT(dy_segment(s, (uint32_t)strlen(s), &toks, &sents), DYAD_OK);
    size_t o = 0;
    joined[0] = '\0';
    for (size_t i = 0; i < toks.len && o < sizeof joined - 8; i++)
        o += (size_t)snprintf(joined + o, sizeof joined - o, "%s%.*s", i ? "|" : "",
                              (int)(toks.items[i].end - toks.items[i].start), s + toks.items[i].start);
    return joined;
}

/* The index of the first token whose text is `w` (in the last segmented text `s`), or -1. */
static long find_tok(const char *s, const char *w) {
    for (size_t i = 0; i < toks.len; i++)
        if (toks.items[i].end - toks.items[i].start == strlen(w) &&
            memcmp(s + toks.items[i].start, w, strlen(w)) == 0)
            return (long)i;
    return -1;
}

static int valid_utf8(const char *p, size_t n) {
    const unsigned char *s = (const unsigned char *)p;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t l = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
        if (!l || i + l > n) return 0;
        for (size_t k = 1; k < l; k++)
            if ((s[i + k] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[i + 1] < 0xA0) return 0;
        if (c == 0xED && s[i + 1] > 0x9F) return 0;
        if (c == 0xF0 && s[i + 1] < 0x90) return 0;
        if (c == 0xF4 && s[i + 1] > 0x8F) return 0;
        if (c == 0) return 0;
        i += l;
    }
    return 1;
}

/* Checks the invariants of a normalised text of orig[start..len). */
static void check_text_invariants(size_t start, size_t len) {
    CHECK(T.text != NULL && T.map != NULL);
    CHECK_INT(strlen(T.text), T.len);
    CHECK(valid_utf8(T.text, T.len));
    CHECK_INT(T.map[T.len], len);
    int mono = 1, inside = 1;
    for (uint32_t i = 0; i < T.len; i++) {
        if (T.map[i] < start || T.map[i] >= len) inside = 0;
        if (i && T.map[i] < T.map[i - 1]) mono = 0;
    }
    CHECK(inside);
    CHECK(mono);
}

static uint32_t rng_state = 12345;
static uint32_t rng(void) {
    rng_state = rng_state * 1664525u + 1013904223u;
    return rng_state >> 8;
}

/* ------------------------------------------------------------------ normalise */

static void test_invalid_utf8(void) {
    /* truncated, overlong, surrogate, out of range: one U+FFFD per maximal invalid prefix */
    CHECK_STR(norm("abc\xE2\x80"), "abc\xEF\xBF\xBD");
    CHECK_INT(T.invalid, 1);
    CHECK_STR(norm("x\xE2\x80y"), "x\xEF\xBF\xBDy");
    CHECK_INT(T.invalid, 1);
    norm("\xC0\xAF!");  /* overlong '/': two invalid bytes */
    CHECK_INT(T.invalid, 2);
    norm("a\xED\xA0\x80z");  /* a UTF-16 surrogate */
    CHECK_INT(T.invalid, 3);
    norm("\xF4\x90\x80\x80");  /* above U+10FFFF */
    CHECK_INT(T.invalid, 4);
    norm("caf\xE9 au lait");  /* Latin-1 */
    CHECK_INT(T.invalid, 1);
    CHECK_STR(T.text, "caf\xEF\xBF\xBD au lait");
    CHECK_STR(norm("Kyiv \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 ok"), "Kyiv \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6 ok");
    CHECK_INT(T.invalid, 0);
    CHECK_STR(norm("Z\xC3\xBCrich"), "Z\xC3\xBCrich");  /* accents stay */

    /* NUL bytes become spaces */
    static const char nul[] = "a\0b\0\0c";
    dy_arena_reset(&arena);
    CHECK_INT(dy_normalise(&arena, nul, sizeof nul - 1, 0, &T), DYAD_OK);
    CHECK_STR(T.text, "a b c");

    /* random bytes: never crash, always valid UTF-8 with a sane map, and segmentable */
    static char buf[4096];
    int ok = 1;
    for (int round = 0; round < 400; round++) {
        size_t n = rng() % sizeof buf;
        int ascii_bias = round % 3;
        for (size_t i = 0; i < n; i++) {
            uint32_t r = rng();
            if (ascii_bias == 1 && (r & 1)) buf[i] = " \n*_[]()<>!#\\&;-\"'.>"[r % 21];
            else if (ascii_bias == 2 && (r & 1)) buf[i] = (char)(0x80 | (r & 0x7F));
            else buf[i] = (char)(r & 0xFF);
        }
        dy_arena_reset(&arena);
        if (dy_normalise(&arena, buf, n, 0, &T) != DYAD_OK) { ok = 0; break; }
        if (!valid_utf8(T.text, T.len) || strlen(T.text) != T.len || T.map[T.len] != n) ok = 0;
        for (uint32_t i = 0; i < T.len; i++)
            if (T.map[i] >= n) ok = 0;
        toks.len = sents.len = 0;
        if (dy_segment(T.text, T.len, &toks, &sents) != DYAD_OK) ok = 0;
        for (size_t i = 0; i < toks.len; i++)
            if (toks.items[i].start >= toks.items[i].end || toks.items[i].end > T.len) ok = 0;
        for (size_t i = 0; i < sents.len; i++)
            if (sents.items[i].tok_start >= sents.items[i].tok_end || sents.items[i].tok_end > toks.len) ok = 0;
        /* the segmenter on raw random bytes too (it must not read past the end) */
        toks.len = sents.len = 0;
        if (dy_segment(buf, (uint32_t)n, &toks, &sents) != DYAD_OK) ok = 0;
    }
    CHECK(ok);
    /* invalid input is counted */
    static const char bad[] = "ok \xFF\xFE \x80 \xC3";
    dy_arena_reset(&arena);
    dy_normalise(&arena, bad, sizeof bad - 1, 0, &T);
    CHECK_INT(T.invalid, 4);
    check_text_invariants(0, sizeof bad - 1);
}

static void test_typography(void) {
    CHECK_STR(norm("\xE2\x80\x9CHello,\xE2\x80\x9D she said. It\xE2\x80\x99s \xE2\x80\x98" "fine\xE2\x80\x99."),
              "\"Hello,\" she said. It's 'fine'.");
    CHECK_STR(norm("\xC2\xAB" "Non\xC2\xBB, \xE2\x80\x9E" "ja\xE2\x80\x9C"), "\"Non\", \"ja\"");
    CHECK_STR(norm("many aspects\xE2\x80\x94" "diplomatic and military\xE2\x80\x94" "and more"),
              "many aspects--diplomatic and military--and more");
    CHECK_STR(norm("killed in Pakistan \xE2\x80\x93 officials"), "killed in Pakistan -- officials");
    CHECK_STR(norm("from February 14\xE2\x80\x93" "16 in Munich"), "from February 14-16 in Munich");
    CHECK_STR(norm("the US\xE2\x80\x93Russia talks"), "the US-Russia talks");
    CHECK_STR(norm("it fell \xE2\x88\x92" "5 points"), "it fell -5 points");
    CHECK_STR(norm("a \xE2\x80\x95 b"), "a -- b");
    CHECK_STR(norm("10\xC2\xA0" "000 troops\xE2\x80\x89" "and\xE2\x80\xAF" "more\xE3\x80\x80" "here"),
              "10 000 troops and more here");
    CHECK_STR(norm("Ukr\xC2\xAD" "aine and Rus\xE2\x80\x8Bsia\xE2\x80\x8D!"), "Ukraine and Russia!");
    CHECK_STR(norm("\xEF\xBB\xBFThe start"), "The start");
    CHECK_STR(norm("we will see\xE2\x80\xA6 maybe"), "we will see... maybe");
    CHECK_STR(norm("Z\xC3\xBCrich and \xC5\xA0" "ef\xC4\x8Dovi\xC4\x8D"), "Z\xC3\xBCrich and \xC5\xA0" "ef\xC4\x8Dovi\xC4\x8D");
    CHECK_STR(norm("fullwidth\xEF\xBC\x81 stays"), "fullwidth\xEF\xBC\x81 stays");
    CHECK_STR(norm("5\xE2\x80\xB2 and 6\xE2\x80\xB3"), "5' and 6\"");
    /* HTML character references and CR/LF */
    CHECK_STR(norm("AT&amp;T said &#8220;no&#8221; &mdash; again &amp c"), "AT&T said \"no\" -- again &amp c");
    CHECK_STR(norm("one\r\ntwo\rthree.\r\n\r\nFour"), "one two three.\nFour");
    CHECK_STR(norm("tab\there   and   there  "), "tab here and there");
}

static void test_map(void) {
    /* curly quotes, an em dash, an ellipsis and a nbsp: the map leads back to the original bytes */
    const char *orig = "  \xE2\x80\x9CRussia\xE2\x80\x99s army\xE2\x80\x9D\xE2\x80\x94" "and\xC2\xA0the U.S.\xE2\x80\xA6\n\nNext *line* here.";
    dy_arena_reset(&arena);
    CHECK_INT(dy_normalise(&arena, orig, strlen(orig), 0, &T), DYAD_OK);
    CHECK_STR(T.text, "\"Russia's army\"--and the U.S....\nNext line here.");
    check_text_invariants(0, strlen(orig));
    toks.len = sents.len = 0;
    dy_segment(T.text, T.len, &toks, &sents);
    struct { const char *tok, *orig_bytes; } cases[] = {
        {"Russia", "Russia\xE2\x80\x99s"}, {"'s", "\xE2\x80\x99s"}, {"army", "army\xE2\x80\x9D"},
        {"--", "\xE2\x80\x94"}, {"and", "and\xC2\xA0"}, {"U.S.", "U.S.\xE2\x80\xA6"},
        {"...", "\xE2\x80\xA6"}, {"line", "line*"}, {"Next", "Next *"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        long k = find_tok(T.text, cases[c].tok);
        CHECK(k >= 0);
        if (k < 0) continue;
        uint32_t o = T.map[toks.items[k].start];
        CHECK(strncmp(orig + o, cases[c].orig_bytes, strlen(cases[c].orig_bytes)) == 0);
    }
    /* the opening quote token maps to the 3-byte U+201C */
    CHECK(T.text[0] == '"' && T.map[0] == 2);
    /* a body that starts later: every offset is >= start */
    const char *doc = "TITLE LINE\n\nBody \xE2\x80\x94 text.";
    dy_arena_reset(&arena);
    CHECK_INT(dy_normalise(&arena, doc, strlen(doc), 12, &T), DYAD_OK);
    CHECK_STR(T.text, "Body -- text.");
    CHECK_INT(T.map[0], 12);
    CHECK_INT(T.map[5], 17);
    CHECK_INT(T.map[6], 17);
    check_text_invariants(12, strlen(doc));
    /* empty and out-of-range starts */
    dy_arena_reset(&arena);
    CHECK_INT(dy_normalise(&arena, doc, strlen(doc), 999, &T), DYAD_OK);
    CHECK_INT(T.len, 0);
    CHECK_INT(T.map[0], strlen(doc));
}

static void test_markdown(void) {
    CHECK_STR(norm("# Talks in Munich\n\nThe *Guardian* and **Reuters** reported it."),
              "Talks in Munich\nThe Guardian and Reuters reported it.");
    CHECK_STR(norm("## Heading ##\nText follows"), "Heading\nText follows");
    CHECK_STR(norm("See [the statement](https://example.org/a_(b)) today."), "See the statement today.");
    CHECK_STR(norm("A map ![map of Kursk](img/kursk.png) was shown."), "A map was shown.");
    CHECK_STR(norm("It costs \\$500 \\*not\\* more."), "It costs $500 *not* more.");
    CHECK_STR(norm("> He said it was over.\n> Then he left."), "He said it was over. Then he left.");
    CHECK_STR(norm("Points:\n\n- first point\n- second point\n* third\n1. fourth"),
              "Points:\nfirst point\nsecond point\nthird\nfourth");
    CHECK_STR(norm("Line one<br>line two and <b>bold</b> text<!-- c -->."),
              "Line one line two and bold text.");
    CHECK_STR(norm("snake_case and 5 * 3 and a_b stay, x__y too"),
              "snake_case and 5 * 3 and a_b stay, x__y too");
    CHECK_STR(norm("_italic_ words and ***both***."), "italic words and both.");
    CHECK_STR(norm("Article 5 [of the treaty] applies."), "Article 5 [of the treaty] applies.");
    CHECK_STR(norm("a < b and c > d"), "a < b and c > d");
    CHECK_STR(norm("Text\n\n---\n\nMore text"), "Text\nMore text");
    CHECK_STR(norm("#MeToo is a hashtag"), "#MeToo is a hashtag");
    /* a hard-wrapped paragraph: single newlines are spaces */
    CHECK_STR(norm("The talks\nbegan on\nMonday.  \nThey ended."), "The talks began on Monday. They ended.");
}

static void test_paragraph_repair(void) {
    CHECK_STR(norm("We discussed\n\nmany aspects of it."), "We discussed many aspects of it.");
    CHECK_STR(sentences("We discussed\n\nmany aspects of it."), "We discussed many aspects of it.");
    CHECK_INT(sents.len, 1);
    CHECK_STR(norm("Zelensky declined to\n\n\n\nacknowledge it, stating, \"no.\""),
              "Zelensky declined to acknowledge it, stating, \"no.\"");
    /* real paragraph breaks stay */
    CHECK_STR(norm("It ended.\n\nmany left."), "It ended.\nmany left.");
    CHECK_STR(norm("He said: \n\nthe end"), "He said:\nthe end");
    CHECK_STR(norm("The first paragraph\n\nThe second"), "The first paragraph\nThe second");
    CHECK_STR(norm("# A heading\n\nlower case start"), "A heading\nlower case start");
    CHECK_STR(norm("He said \"stop.\"\n\nthen left"), "He said \"stop.\"\nthen left");
    /* paragraphs are counted by the segmenter */
    sentences("One. Two.\n\nThree.");
    CHECK_INT(sents.len, 3);
    if (sents.len == 3) {
        CHECK_INT(sents.items[0].paragraph, 0);
        CHECK_INT(sents.items[1].paragraph, 0);
        CHECK_INT(sents.items[2].paragraph, 1);
    }
}

static void test_boilerplate(void) {
    const char *doc =
        "Skip to main content\n\n"
        "Russia and Ukraine agreed to talks on Monday.\n\n"
        "Advertisement\n\n"
        "The two countries share a long border. Shares in Gazprom fell.\n"
        "Share this article\n\n"
        "Read more: Putin says the war will go on\n\n"
        "Officials said the talks\n\n"
        "Advertisement\n\n"
        "would resume in Geneva.\n\n"
        "Click here to subscribe to our newsletter.\n\n"
        "[Home](/) | [World](/world) | [Europe](/europe)\n\n"
        "- [Related headline one](https://example.org/1)\n"
        "- [Related headline two](https://example.org/2)\n\n"
        "https://example.org/story/123\n\n"
        "We use cookies to improve your experience.\n\n"
        "Sign up for our daily briefing\n\n"
        "Follow us on Twitter\n\n"
        "Copyright 2025 Example News. All rights reserved.\n\n"
        "\xC2\xA9 2025 Example News\n\n"
        "(Reporting by Jane Doe; Editing by John Smith)\n\n"
        "To contact the editors and the\n"
        "news desk visit:\n\n"
        "**[example.org/contact](https://example.org/contact)**";
    CHECK_STR(norm(doc),
              "Russia and Ukraine agreed to talks on Monday.\n"
              "The two countries share a long border. Shares in Gazprom fell.\n"
              "Officials said the talks would resume in Geneva.");
    CHECK_INT(T.boilerplate, 19);
    /* conservative: news sentences that mention sharing, contacts or cookies stay */
    const char *news =
        "Share prices fell sharply.\n\n"
        "He urged allies to share intelligence and follow us on this path, he said.\n\n"
        "Contacts between the two sides resumed.\n\n"
        "The court ruled on cookies and privacy.\n\n"
        "The letter was signed \"Advertisement\" by mistake.";
    CHECK_STR(norm(news),
              "Share prices fell sharply.\n"
              "He urged allies to share intelligence and follow us on this path, he said.\n"
              "Contacts between the two sides resumed.\n"
              "The court ruled on cookies and privacy.\n"
              "The letter was signed \"Advertisement\" by mistake.");
    CHECK_INT(T.boilerplate, 0);
    /* an ad slot inside a hard-wrapped sentence */
    CHECK_STR(norm("Officials said the talks\nAdvertisement\nwould resume."), "Officials said the talks would resume.");
    CHECK_INT(T.boilerplate, 1);
    /* a link inside a sentence is content */
    CHECK_STR(norm("According to [Reuters](https://reuters.com), the army advanced."),
              "According to Reuters, the army advanced.");
    CHECK_INT(T.boilerplate, 0);
}

/* ------------------------------------------------------------------ segment */

static void test_tokens(void) {
    const char *s = "Mr. Smith's aide, J. D. Vance, met U.S. and U.N. envoys at 10 a.m. on Feb. 11.";
    CHECK_STR(tokens_of(s),
              "Mr.|Smith|'s|aide|,|J.|D.|Vance|,|met|U.S.|and|U.N.|envoys|at|10|a.m.|on|Feb.|11|.");
    long k = find_tok(s, "Mr.");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_ABBR) && (toks.items[k].flags & DY_TOK_WORD) &&
          (toks.items[k].flags & DY_TOK_CAP) && (toks.items[k].flags & DY_TOK_SPACE) &&
          (toks.items[k].flags & DY_TOK_PARA));
    k = find_tok(s, "'s");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_WORD) && !(toks.items[k].flags & DY_TOK_SPACE));
    k = find_tok(s, "J.");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_ABBR) && (toks.items[k].flags & DY_TOK_UPPER));
    k = find_tok(s, "U.S.");
    CHECK(k >= 0 && (toks.items[k].flags & (DY_TOK_ABBR | DY_TOK_UPPER | DY_TOK_CAP)) ==
                        (DY_TOK_ABBR | DY_TOK_UPPER | DY_TOK_CAP));
    k = find_tok(s, "a.m.");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_ABBR) && !(toks.items[k].flags & DY_TOK_CAP));
    k = find_tok(s, "11");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_NUM));
    k = find_tok(s, "aide");
    CHECK(k >= 0 && !(toks.items[k].flags & (DY_TOK_CAP | DY_TOK_UPPER | DY_TOK_ABBR)));

    s = "The $11.3 billion deal, 1,000 troops, 2014-2015, the 3rd round and 10:30 talks.";
    CHECK_STR(tokens_of(s), "The|$|11.3|billion|deal|,|1,000|troops|,|2014|-|2015|,|the|3rd|round|and|10:30|talks|.");
    k = find_tok(s, "-");
    CHECK(k >= 0 && !(toks.items[k].flags & DY_TOK_SPACE) && (toks.items[k].flags & DY_TOK_PUNCT) &&
          !(toks.items[k].flags & DY_TOK_DASH));
    CHECK(k >= 0 && !(toks.items[k + 1].flags & DY_TOK_SPACE));
    k = find_tok(s, "3rd");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_NUM));

    s = "Kuleba--who is a four-week-old NATO-backed \"veteran\"--warned... 'no' today!?";
    CHECK_STR(tokens_of(s),
              "Kuleba|--|who|is|a|four|-|week|-|old|NATO|-|backed|\"|veteran|\"|--|warned|...|'|no|'|today|!?");
    k = find_tok(s, "--");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_DASH) && (toks.items[k].flags & DY_TOK_PUNCT));
    k = find_tok(s, "\"");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_QUOTE) && (toks.items[k].flags & DY_TOK_SPACE));
    k = find_tok(s, "'");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_QUOTE));
    k = find_tok(s, "NATO");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_UPPER) && (toks.items[k].flags & DY_TOK_CAP));

    /* non-ASCII letters are letters; symbols are punctuation */
    s = "Z\xC3\xBCrich and \xC3\x96" "CALAN paid \xE2\x82\xAC" "30 \xE2\x80\xA2 \xC3\xA9lan";
    CHECK_STR(tokens_of(s), "Z\xC3\xBCrich|and|\xC3\x96" "CALAN|paid|\xE2\x82\xAC|30|\xE2\x80\xA2|\xC3\xA9lan");
    k = find_tok(s, "\xC3\x96" "CALAN");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_UPPER) && (toks.items[k].flags & DY_TOK_CAP));
    k = find_tok(s, "\xC3\xA9lan");
    CHECK(k >= 0 && !(toks.items[k].flags & DY_TOK_CAP) && (toks.items[k].flags & DY_TOK_WORD));

    /* paragraph flags */
    s = "One two.\nThree";
    tokens_of(s);
    k = find_tok(s, "Three");
    CHECK(k >= 0 && (toks.items[k].flags & DY_TOK_PARA) && (toks.items[k].flags & DY_TOK_SPACE));
    k = find_tok(s, "two");
    CHECK(k >= 0 && !(toks.items[k].flags & DY_TOK_PARA));
}

static void test_clitics(void) {
    CHECK_STR(tokens_of("Russia's don't can't won't isn't O'Brien they're we'll I'd I'm you've"),
              "Russia|'s|do|n't|ca|n't|wo|n't|is|n't|O'Brien|they|'re|we|'ll|I|'d|I|'m|you|'ve");
    CHECK_STR(tokens_of("RUSSIA'S DON'T the 1990's"), "RUSSIA|'S|DO|N'T|the|1990|'s");
    CHECK_STR(tokens_of("the protesters' demands and the U.S.'s role"),
              "the|protesters|'|demands|and|the|U.S.|'s|role");
    long k = find_tok(joined, "'");
    (void)k;
    /* the possessive apostrophe is not a quote */
    tokens_of("the protesters' demands");
    CHECK(toks.len == 4 && !(toks.items[2].flags & DY_TOK_QUOTE));
    k = find_tok("the protesters' demands", "n't");
    CHECK_INT(k, -1);
}

struct collect { char buf[512]; size_t n; int count; uint16_t flags[32]; };
static void collect_fn(void *ctx, const char *tok, size_t n, uint16_t flags) {
    struct collect *c = ctx;
    if (c->count < 32) c->flags[c->count] = flags;
    c->count++;
    c->n += (size_t)snprintf(c->buf + c->n, sizeof c->buf - c->n, "%s%.*s", c->n ? "|" : "", (int)n, tok);
}

static void test_tokenise(void) {
    struct collect c = {{0}, 0, 0, {0}};
    dy_tokenise("UNITED_STATES", 13, collect_fn, &c);
    CHECK_STR(c.buf, "UNITED|STATES");
    CHECK_INT(c.count, 2);
    CHECK(c.flags[0] & DY_TOK_UPPER);
    CHECK(c.flags[1] & DY_TOK_SPACE);

    struct collect d = {{0}, 0, 0, {0}};
    const char *p = "PRESIDENT_OF_THE_U.S._SAYS_RUSSIA'S_GEN._SMITH_WON'T";
    dy_tokenise(p, strlen(p), collect_fn, &d);
    CHECK_STR(d.buf, "PRESIDENT|OF|THE|U.S.|SAYS|RUSSIA|'S|GEN.|SMITH|WO|N'T");
    CHECK(d.flags[3] & DY_TOK_ABBR);
    CHECK(d.flags[7] & DY_TOK_ABBR);

    struct collect e = {{0}, 0, 0, {0}};
    dy_tokenise("pro-Russian  separatists", 24, collect_fn, &e);
    CHECK_STR(e.buf, "pro|-|Russian|separatists");
    CHECK(!(e.flags[1] & DY_TOK_SPACE));

    struct collect f = {{0}, 0, 0, {0}};
    dy_tokenise("", 0, collect_fn, &f);
    CHECK_INT(f.count, 0);
}

static void test_sentences(void) {
    CHECK_STR(sentences("Mr. Smith met Gen. Jones on Feb. 11 in Kyiv. The U.S. ambassador attended. "
                        "J. D. Vance spoke. The deal is worth $11.3 billion over 14\xE2\x80\x93" "16 months. "
                        "\xE2\x80\x9CWe will do it,\xE2\x80\x9D Zelensky said. They met in the U.S. The talks ended."),
              "Mr. Smith met Gen. Jones on Feb. 11 in Kyiv. || The U.S. ambassador attended. || "
              "J. D. Vance spoke. || The deal is worth $11.3 billion over 14-16 months. || "
              "\"We will do it,\" Zelensky said. || They met in the U.S. || The talks ended.");
    CHECK_INT(sents.len, 7);
    /* U.S. before a name, a lower-case word or a number is not an end */
    CHECK_STR(sentences("U.S. President Trump spoke. U.S. officials agreed. In the U.S. 5 people died."),
              "U.S. President Trump spoke. || U.S. officials agreed. || In the U.S. 5 people died.");
    /* quotations */
    CHECK_STR(sentences("He said the war \"must end.\" Hegseth ruled it out. \"Why?\" he asked. "
                        "'Stop,' she said."),
              "He said the war \"must end.\" || Hegseth ruled it out. || \"Why?\" he asked. || 'Stop,' she said.");
    CHECK_STR(sentences("\"You need to get used to it. We will be a NATO country,\" Umerov said."),
              "\"You need to get used to it. || We will be a NATO country,\" Umerov said.");
    /* dashes, ellipses (an end before a capital), brackets, numbers */
    CHECK_STR(sentences("Kuleba\xE2\x80\x94who served as minister\xE2\x80\x94warned ominously. "
                        "We will see\xE2\x80\xA6 But not now. They (Ukraine) may deal. 2019 was bad."),
              "Kuleba--who served as minister--warned ominously. || We will see... || But not now. || "
              "They (Ukraine) may deal. || 2019 was bad.");
    /* No. only before a number; Inc. ends a sentence before a starter */
    CHECK_STR(sentences("He was No. 2 in the party. He said no. The end. Acme Inc. The firm grew. Acme Inc. Chairman quit."),
              "He was No. 2 in the party. || He said no. || The end. || Acme Inc. || The firm grew. || "
              "Acme Inc. Chairman quit.");
    /* a paragraph break always ends a sentence, and a sentence never spans it */
    CHECK_STR(sentences("The first line has no period\n\nThe next paragraph starts here"),
              "The first line has no period || The next paragraph starts here");
    for (size_t i = 0; i < sents.len; i++)
        CHECK(memchr(T.text + sents.items[i].start, '\n', sents.items[i].end - sents.items[i].start) == NULL);
    /* token ranges of sentences tile the token array */
    sentences("A b. C d! E f? G");
    CHECK_INT(sents.len, 4);
    size_t next = 0;
    int tiles = 1;
    for (size_t i = 0; i < sents.len; i++) {
        if (sents.items[i].tok_start != next) tiles = 0;
        next = sents.items[i].tok_end;
    }
    CHECK(tiles && next == toks.len);
    /* empty input */
    CHECK_STR(sentences(""), "");
    CHECK_INT(sents.len, 0);
    CHECK_INT(toks.len, 0);
}

static void test_linear(void) {
    /* pathological inputs must run in linear time (no timing asserts: they just have to finish) */
    static const char *units[] = {"a", "\"", "U.S. ", ".", "[", "<", "*", "_", "&", "\xE2", "![a](",
                                  "[a](b", "\n", "- ", "'", "--", "a.", "\xE2\x80\x94", "# ", "> "};
    const size_t copies = 200000;
    int ok = 1;
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t ul = strlen(units[u]);
        char *big = malloc(ul * copies + 1);
        if (!big) { ok = 0; break; }
        for (size_t i = 0; i < copies; i++) memcpy(big + i * ul, units[u], ul);
        big[ul * copies] = '\0';
        dy_arena_reset(&arena);
        if (dy_normalise(&arena, big, ul * copies, 0, &T) != DYAD_OK) ok = 0;
        toks.len = sents.len = 0;
        if (dy_segment(T.text, T.len, &toks, &sents) != DYAD_OK) ok = 0;
        if (u == 0 && toks.len != 1) ok = 0;            /* one 200,000-letter word */
        if (u == 1 && toks.len != copies) ok = 0;       /* 200,000 quotes */
        if (u == 2 && (toks.len != copies || sents.len != 1)) ok = 0;  /* U.S. U.S. ... */
        if (u == 3 && toks.len != 1) ok = 0;            /* one long ellipsis */
        free(big);
    }
    CHECK(ok);
}

static void test_seed_article(void) {
    SKIP_IF_NO_SHARED();
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/seed-article.md", SHARED_DIR());
    char *data = NULL;
    size_t len = 0;
    dyad_error err;
    if (dy_read_file(path, &data, &len, &err) != DYAD_OK) {
        t_skipped++;
        fprintf(stderr, "test_seed_article: skipped: %s not readable\n", path);
        return;
    }
    dy_arena_reset(&arena);
    CHECK_INT(dy_normalise(&arena, data, len, 0, &T), DYAD_OK);
    check_text_invariants(0, len);
    toks.len = sents.len = 0;
    CHECK_INT(dy_segment(T.text, T.len, &toks, &sents), DYAD_OK);
    CHECK(sents.len >= 40 && sents.len <= 80);
    /* "We discussed\n\nmany aspects" is one sentence again */
    int together = 0, found = 0;
    for (size_t i = 0; i < sents.len; i++) {
        const dy_sentence *x = &sents.items[i];
        char *w = memmem(T.text + x->start, x->end - x->start, "We discussed", 12);
        if (w) {
            found = 1;
            together = memmem(T.text + x->start, x->end - x->start, "many aspects", 12) != NULL;
        }
    }
    CHECK(found && together);
    /* the footer is gone */
    CHECK(strstr(T.text, "To contact") == NULL);
    CHECK(strstr(T.text, "contact") == NULL);
    CHECK(T.boilerplate >= 1);
    CHECK_INT(T.invalid, 0);
    /* the em dashes became dashes, mapped back to the original U+2014 */
    char *dash = strstr(T.text, "aspects--diplomatic");
    CHECK(dash != NULL);
    if (dash) {
        uint32_t o = T.map[(dash - T.text) + 7];
        CHECK(memcmp(data + o, "\xE2\x80\x94", 3) == 0);
    }
    free(data);
}

int main(void) {
    dy_arena_init(&arena);
    RUN(test_invalid_utf8);
    RUN(test_typography);
    RUN(test_map);
    RUN(test_markdown);
    RUN(test_paragraph_repair);
    RUN(test_boilerplate);
    RUN(test_tokens);
    RUN(test_clitics);
    RUN(test_tokenise);
    RUN(test_sentences);
    RUN(test_linear);
    RUN(test_seed_article);
    free(toks.items);
    free(sents.items);
    dy_arena_free(&arena);
    return test_summary("text");
}
