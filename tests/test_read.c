/*
 * test_read.c - the article readers (src/read.c): JSON Lines with field aliases and bad records,
 * gzip input, text/Markdown header detection, PETRARCH XML, and the development corpus.
 */
#include "internal.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static dy_arena arena;

static char *tmp_path(const char *name) {
    static char buf[4][512];
    static int k;
    char *p = buf[k++ % 4];
    snprintf(p, 512, "/tmp/dyad-test-read-%ld-%s", (long)getpid(), name);
    return p;
}

static void write_file(const char *path, const char *data, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fwrite(data, 1, n, f);
    fclose(f);
}

static void write_gz(const char *path, const char *data, size_t n) {
    gzFile f = gzopen(path, "wb");
    if (!f) return;
    gzwrite(f, data, (unsigned)n);
    gzclose(f);
}

/* ------------------------------------------------------------------ JSON Lines */

static const char jsonl[] =
    "{\"id\": \"a1\", \"date\": \"2025-02-14\", \"title\": \"Talks open\", \"text\": \"Envoys met in Geneva.\","
    " \"url\": \"https://example.org/a1\", \"source\": \"Example Wire\"}\n"
    "{\"maintext\": \"Rebels shelled the town.\", \"date_publish\": \"2024-11-03 08:15:00\","
    " \"publisher\": \"Daily Example\", \"title\": null, \"authors\": [\"A\", \"B\"]}\n"
    "\n"
    "{\"id\": \"broken\", \"text\": \"no closing brace\"\n"
    "   \r\n"
    "{\"doc_id\": 42, \"headline\": \"Aid arrives\", \"content\": \"Trucks crossed at dawn.\","
    " \"link\": \"https://example.org/42\", \"source_domain\": \"example.org\", \"pub_date\": \"3 March 2023\"}\n"
    "{\"id\": \"nt\", \"title\": \"A record without text\"}\n"
    "{\"id\": \"bd\", \"date\": \"2025-02-30\", \"text\": \"A bad date.\"}\n"
    "{\"_id\": \"u\", \"date\": \"\", \"body\": \"caf\\u00e9 \\ud83d\\ude00\", \"published\": \"14/02/2025\"}\r\n"
    "{\"id\": \"last\", \"story\": \"No newline at the end.\", \"outlet\": \"Example Radio\"}";

static void check_jsonl_stream(dyad_reader *r, const char *stem) {
    dyad_article a;
    dyad_error err;
    memset(&err, 0, sizeof err);
    char want[128];

    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.id, "a1");
    CHECK_STR(a.date, "2025-02-14");
    CHECK_STR(a.title, "Talks open");
    CHECK_STR(a.text, "Envoys met in Geneva.");
    CHECK_INT(a.text_len, strlen("Envoys met in Geneva."));
    CHECK_STR(a.url, "https://example.org/a1");
    CHECK_STR(a.source, "Example Wire");
    CHECK_INT(a.line, 1);
    CHECK_INT(a.body_start, 0);

    /* news-please names: maintext, date_publish, publisher; no id */
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    snprintf(want, sizeof want, "%s-2", stem);
    CHECK_STR(a.id, want);
    CHECK_STR(a.date, "2024-11-03");
    CHECK_STR(a.title, "");
    CHECK_STR(a.text, "Rebels shelled the town.");
    CHECK_STR(a.source, "Daily Example");
    CHECK_STR(a.url, "");
    CHECK_INT(a.line, 2);

    /* line 3 is blank; line 4 is malformed: reported, counted, and the reader goes on */
    CHECK_INT(dyad_reader_failures(r), 0);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.code, DYAD_ERR_PARSE);
    CHECK_INT(err.line, 4);
    CHECK_INT(err.offset, (long)strlen("{\"id\": \"broken\", \"text\": \"no closing brace\""));
    CHECK(strstr(err.message, "JSON") != NULL);
    CHECK_INT(dyad_reader_failures(r), 1);

    /* line 5 is white space only; line 6: doc_id as a number, headline, content, link, pub_date */
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.id, "42");
    CHECK_STR(a.title, "Aid arrives");
    CHECK_STR(a.text, "Trucks crossed at dawn.");
    CHECK_STR(a.url, "https://example.org/42");
    CHECK_STR(a.source, "example.org");
    CHECK_STR(a.date, "2023-03-03");
    CHECK_INT(a.line, 6);

    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.line, 7);
    CHECK(strstr(err.message, "no text field") != NULL);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_ERR_DATE);
    CHECK_INT(err.line, 8);
    CHECK(strstr(err.message, "2025-02-30") != NULL);
    CHECK_INT(dyad_reader_failures(r), 3);

    /* an empty "date" gives way to the next alias; escapes decoded; CRLF line */
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.id, "u");
    CHECK_STR(a.date, "2025-02-14");
    CHECK_STR(a.text, "caf\xC3\xA9 \xF0\x9F\x98\x80");
    CHECK_INT(a.line, 9);

    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.id, "last");
    CHECK_STR(a.text, "No newline at the end.");
    CHECK_STR(a.source, "Example Radio");
    CHECK_STR(a.date, "");
    CHECK_INT(a.line, 10);

    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
    CHECK_INT(dyad_reader_failures(r), 3);
}

static void test_jsonl_buffer(void) {
    dyad_error err;
    dyad_reader *r = dyad_reader_open_buffer(jsonl, strlen(jsonl), "feeds/wire.jsonl", DYAD_INPUT_AUTO, &err);
    CHECK(r != NULL);
    if (!r) return;
    dyad_article a;
    check_jsonl_stream(r, "wire");
    dyad_reader_close(r);
    /* the file of every article is the name given */
    r = dyad_reader_open_buffer(jsonl, strlen(jsonl), "feeds/wire.jsonl", DYAD_INPUT_JSONL, &err);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.file, "feeds/wire.jsonl");
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_ERR_PARSE);
    CHECK_STR(err.file, "feeds/wire.jsonl");
    dyad_reader_close(r);
}

static void test_jsonl_file_and_gzip(void) {
    dyad_error err;
    const char *plain = tmp_path("wire.ndjson");
    write_file(plain, jsonl, strlen(jsonl));
    dyad_reader *r = dyad_reader_open(plain, DYAD_INPUT_AUTO, &err);
    CHECK(r != NULL);
    if (r) {
        char stem[600];
        snprintf(stem, sizeof stem, "dyad-test-read-%ld-wire", (long)getpid());
        check_jsonl_stream(r, stem);
        dyad_reader_close(r);
    }
    unlink(plain);

    const char *gz = tmp_path("wire.jsonl.gz");
    write_gz(gz, jsonl, strlen(jsonl));
    r = dyad_reader_open(gz, DYAD_INPUT_AUTO, &err);
    CHECK(r != NULL);
    if (r) {
        char stem[600];
        snprintf(stem, sizeof stem, "dyad-test-read-%ld-wire", (long)getpid());
        check_jsonl_stream(r, stem);
        dyad_reader_close(r);
    }
    unlink(gz);
}

static void test_jsonl_long_lines(void) {
    /* lines longer than the read chunk, across chunk boundaries, gzip'ed */
    size_t big = 300000;
    dyad_buf b = {0};
    for (int k = 0; k < 5; k++) {
        dy_buf_printf(&b, "{\"id\":\"L%d\",\"text\":\"", k);
        for (size_t i = 0; i < big + (size_t)k * 7777; i++) dy_buf_putc(&b, (char)('a' + (i + (size_t)k) % 26));
        dy_buf_puts(&b, "\"}\n");
        dy_buf_printf(&b, "{\"id\":\"S%d\",\"text\":\"short\"}\n", k);
    }
    const char *gz = tmp_path("long.jsonl.gz");
    write_gz(gz, b.data, b.len);
    dyad_error err;
    dyad_reader *r = dyad_reader_open(gz, DYAD_INPUT_AUTO, &err);
    CHECK(r != NULL);
    if (r) {
        dyad_article a;
        int ok = 1;
        for (int k = 0; k < 5; k++) {
            char id[16];
            snprintf(id, sizeof id, "L%d", k);
            if (dyad_reader_next(r, &a, &err) != DYAD_OK || strcmp(a.id, id) != 0 ||
                a.text_len != big + (size_t)k * 7777 || a.text[0] != (char)('a' + k % 26) || a.line != 2 * k + 1)
                ok = 0;
            snprintf(id, sizeof id, "S%d", k);
            if (dyad_reader_next(r, &a, &err) != DYAD_OK || strcmp(a.id, id) != 0 || strcmp(a.text, "short") != 0)
                ok = 0;
        }
        CHECK(ok);
        CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
        CHECK_INT(dyad_reader_failures(r), 0);
        dyad_reader_close(r);
    }
    unlink(gz);
    dyad_buf_free(&b);
}

static void test_open_errors(void) {
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_reader *r = dyad_reader_open("/nonexistent/dir/x.jsonl", DYAD_INPUT_AUTO, &err);
    CHECK(r == NULL);
    CHECK_INT(err.code, DYAD_ERR_IO);
    CHECK_STR(err.file, "/nonexistent/dir/x.jsonl");
    r = dyad_reader_open("/nonexistent/dir/x.md", DYAD_INPUT_AUTO, &err);
    CHECK(r == NULL);
    CHECK_INT(err.code, DYAD_ERR_IO);
    r = dyad_reader_open(NULL, DYAD_INPUT_AUTO, &err);
    CHECK(r == NULL);
    CHECK_INT(err.code, DYAD_ERR_ARG);
    CHECK(dyad_reader_open_buffer("x", 1, "x", (dyad_input_format)42, &err) == NULL);
    CHECK_INT(dyad_reader_next(NULL, NULL, &err), DYAD_ERR_ARG);
    CHECK_INT(dyad_reader_failures(NULL), 0);
    dyad_reader_close(NULL);
    /* an empty input has no articles */
    r = dyad_reader_open_buffer("", 0, "empty.jsonl", DYAD_INPUT_AUTO, &err);
    dyad_article a;
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
    dyad_reader_close(r);
    r = dyad_reader_open_buffer(NULL, 0, "empty.xml", DYAD_INPUT_AUTO, &err);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
    dyad_reader_close(r);
}

static void test_format_by_extension(void) {
    /* the same JSON line read under different names: JSONL only for the JSON extensions */
    const char *line = "{\"id\":\"x\",\"text\":\"t\"}\n";
    static const struct { const char *name; int json; } cases[] = {
        {"a.jsonl", 1}, {"a.ndjson", 1}, {"a.json", 1}, {"a.JSONL.gz", 1}, {"dir.v2/a.json.gz", 1},
        {"a.md", 0}, {"a.txt", 0}, {"a", 0}, {"a.jsonl.bak", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_error err;
        dyad_article a;
        dyad_reader *r = dyad_reader_open_buffer(line, strlen(line), cases[i].name, DYAD_INPUT_AUTO, &err);
        CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
        if (cases[i].json) CHECK_STR(a.id, "x");
        else CHECK(a.text == line);
        dyad_reader_close(r);
    }
}

/* ------------------------------------------------------------------ text and Markdown */

static const char article_md[] =
    "# Harbour talks resume after two-year pause\n"
    "\n"
    "Imre Falk  \n"
    "14 February 2025  \n"
    "\n"
    "Negotiators from the two coastal states returned to the table on Thursday, officials said.\n"
    "\n"
    "A second round is planned for March.\n";

static size_t offset_of(const char *text, const char *needle) {
    const char *p = strstr(text, needle);
    return p ? (size_t)(p - text) : (size_t)-1;
}

static void header(const char *text, const char **title, char date[11], size_t *body) {
    dy_arena_reset(&arena);
    dy_text_header(text, strlen(text), &arena, title, date, body);
}

static void test_markdown_header(void) {
    const char *title;
    char date[11];
    size_t body;
    header(article_md, &title, date, &body);
    CHECK_STR(title, "Harbour talks resume after two-year pause");
    CHECK_STR(date, "2025-02-14");
    CHECK_INT(body, offset_of(article_md, "\nNegotiators") );

    /* through a reader, with no copy of the buffer */
    dyad_error err;
    dyad_article a;
    dyad_reader *r = dyad_reader_open_buffer(article_md, strlen(article_md), "news/harbour-talks.md",
                                             DYAD_INPUT_AUTO, &err);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK(a.text == article_md);
    CHECK_INT(a.text_len, strlen(article_md));
    CHECK_STR(a.id, "harbour-talks");
    CHECK_STR(a.title, "Harbour talks resume after two-year pause");
    CHECK_STR(a.date, "2025-02-14");
    CHECK_INT(a.line, 1);
    CHECK_INT(a.body_start, offset_of(article_md, "\nNegotiators"));
    CHECK_STR(a.url, "");
    CHECK_STR(a.source, "");
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
    dyad_reader_close(r);
}

static void test_header_variants(void) {
    const char *title;
    char date[11];
    size_t body;
    static const struct { const char *text, *title, *date, *body; } cases[] = {
        {"# Ceasefire holds\n\nFebruary 14, 2025\n\nGuns fell silent.\n", "Ceasefire holds", "2025-02-14", "\nGuns"},
        {"# Ceasefire holds\n2025-02-14\nGuns fell silent.\n", "Ceasefire holds", "2025-02-14", "Guns"},
        {"Ceasefire holds\nBy Ana Ruiz\nPublished: 14 Feb 2025, 10:30 GMT\n\nGuns fell silent.\n",
         "Ceasefire holds", "2025-02-14", "\nGuns"},
        {"## Ceasefire holds ##\n*Updated 2025-02-14T09:00:00Z*\nGuns fell silent.\n",
         "Ceasefire holds", "2025-02-14", "Guns"},
        {"# Ceasefire holds\nBy Ana Ruiz | Friday, February 14, 2025\n\nGuns fell silent.\n",
         "Ceasefire holds", "2025-02-14", "\nGuns"},
        {"# Ceasefire holds\nPosted on Feb. 14, 2025 by the desk\nGuns fell silent.\n",
         "Ceasefire holds", "", "Posted"},                              /* not a date line */
        {"# Ceasefire holds\nPosted on Feb. 14, 2025\nGuns fell silent.\n", "Ceasefire holds", "2025-02-14", "Guns"},
        {"# Ceasefire holds\nUpdated 10:32 AM EST, Fri February 14, 2025\nGuns fell silent.\n", "Ceasefire holds",
         "2025-02-14", "Guns"},
        {"# Ceasefire holds\nAna Ruiz, 14 February 2025\nGuns fell silent.\n", "Ceasefire holds", "2025-02-14", "Guns"},
        {"# Ceasefire holds\nFebruary 14, 2025 - 10:00 AM\nGuns fell silent.\n", "Ceasefire holds", "2025-02-14", "Guns"},
        /* no date: the body starts after the title, or after a "By" line right below it */
        {"# Ceasefire holds\n\nGuns fell silent along the border on Friday.\n", "Ceasefire holds", "", "\nGuns"},
        {"# Ceasefire holds\nBy Ana Ruiz\n\nGuns fell silent.\n", "Ceasefire holds", "", "\nGuns"},
        {"# Ceasefire holds\nAna Ruiz\n\nGuns fell silent.\n", "Ceasefire holds", "", "Ana Ruiz"},
        /* setext title, CRLF, a BOM and leading blank lines */
        {"\xEF\xBB\xBF\r\n\r\nCeasefire holds\r\n===============\r\n14.02.2025\r\nGuns fell silent.\r\n",
         "Ceasefire holds", "2025-02-14", "Guns"},
        /* a title that ends with a date is still the title */
        {"Talks in Geneva, 14 February 2025\n\nGuns fell silent.\n", "Talks in Geneva, 14 February 2025", "", "\nGuns"},
        /* a date above the title */
        {"14 February 2025\n# Ceasefire holds\n\nGuns fell silent.\n", "Ceasefire holds", "2025-02-14", "\nGuns"},
        /* YAML front matter */
        {"---\ntitle: \"Ceasefire holds\"\ndate: 2025-02-14\nauthor: Ana Ruiz\n---\nGuns fell silent.\n",
         "Ceasefire holds", "2025-02-14", "Guns"},
        {"---\nlayout: post\ndate: 14 Feb 2025\n---\n\n# Ceasefire holds\n\nGuns fell silent.\n", "Ceasefire holds",
         "2025-02-14", "\nGuns"},
        {"**Ceasefire holds**\n_14 February 2025_\nGuns fell silent.\n", "Ceasefire holds", "2025-02-14", "Guns"},
        /* a dateline gives the date but the body keeps it */
        {"Ceasefire holds\n\nGENEVA, Feb. 14, 2025 (Example Wire) - Guns fell silent.\n", "Ceasefire holds",
         "2025-02-14", "\nGENEVA"},
        /* a date too deep in the article is not a header date */
        {"# T\na\nb\nc\nd\ne\nf\ng\nh\n14 February 2025\n", "T", "", "a\n"},
        /* an invalid date line is no date */
        {"# Ceasefire holds\n30 February 2025\nGuns fell silent.\n", "Ceasefire holds", "", "30 Feb"},
        /* an empty text */
        {"", "", "", ""},
        {"\n\n  \n", "", "", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        header(cases[i].text, &title, date, &body);
        size_t want = *cases[i].body ? offset_of(cases[i].text, cases[i].body) : 0;
        if (strcmp(title, cases[i].title) || strcmp(date, cases[i].date) || body != want)
            fprintf(stderr, "  case %zu: title \"%s\" date \"%s\" body %zu (want %zu)\n", i, title, date, body, want);
        CHECK_STR(title, cases[i].title);
        CHECK_STR(date, cases[i].date);
        CHECK_INT(body, want);
    }
    /* a text whose first line is a long paragraph has no title */
    char longp[600];
    memset(longp, 'x', 400);
    strcpy(longp + 400, " end.\nMore.\n");
    header(longp, &title, date, &body);
    CHECK_STR(title, "");
    CHECK_INT(body, 0);
}

static void test_text_file_gzip(void) {
    const char *path = tmp_path("harbour-talks.md.gz");
    write_gz(path, article_md, strlen(article_md));
    dyad_error err;
    dyad_reader *r = dyad_reader_open(path, DYAD_INPUT_AUTO, &err);
    CHECK(r != NULL);
    if (r) {
        dyad_article a;
        CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
        char id[600];
        snprintf(id, sizeof id, "dyad-test-read-%ld-harbour-talks", (long)getpid());
        CHECK_STR(a.id, id);
        CHECK_STR(a.date, "2025-02-14");
        CHECK_INT(a.text_len, strlen(article_md));
        CHECK(memcmp(a.text, article_md, a.text_len) == 0);
        CHECK_STR(a.file, path);
        CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
        dyad_reader_close(r);
    }
    unlink(path);
}

/* ------------------------------------------------------------------ PETRARCH XML */

static const char petr_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Sentences>\n"
    "<!-- <Sentence date=\"20990101\" id=\"COMMENTED\"><Text>not real</Text></Sentence> -->\n"
    "<Sentence date=\"20150805\" id=\"EX-01\" category=\"DEMO\" sentence=\"true\">\n"
    "<EventCoding sourcecode=\"ALD\" targetcode=\"BRN\" eventcode=\"042\"></EventCoding>\n"
    "<Text>\n"
    "  Aldovia &amp; Brenland &lt;signed&gt; a &quot;truce&quot; at Vel&#233;z &#x2014; it&apos;s final.\n"
    "</Text>\n"
    "<Parse>(ROOT (S (NP (NNP Aldovia)) (VP (VBD signed))))</Parse>\n"
    "</Sentence>\n"
    "\n"
    "<Sentence id='EX-02' date='2015-08-06'>\n"
    "<Text><![CDATA[Rock & roll <b>stays</b>]]> here</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"20150807\" id=\"EX-03\">\n"
    "<Parse>no text here</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"20150231\" id=\"EX-04\"><Text>bad date</Text></Sentence>\n"
    "<Sentence date=\"20150808\" id=\"EX-05\">\n"
    "<Text>missing end tag</Text>\n"
    "<Sentence date=\"20150809\"><Text>\n"
    "no id\n"
    "</Text></Sentence>\n"
    "</Sentences>\n";

static void check_petr_stream(dyad_reader *r, const char *stem) {
    dyad_article a;
    dyad_error err;
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.id, "EX-01");
    CHECK_STR(a.date, "2015-08-05");
    CHECK_STR(a.text, "Aldovia & Brenland <signed> a \"truce\" at Vel\xC3\xA9z \xE2\x80\x94 it's final.");
    CHECK_INT(a.text_len, strlen(a.text));
    CHECK_INT(a.line, 4);
    CHECK_STR(a.title, "");

    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.id, "EX-02");
    CHECK_STR(a.date, "2015-08-06");
    CHECK_STR(a.text, "Rock & roll <b>stays</b> here");
    CHECK_INT(a.line, 12);

    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.line, 15);
    CHECK(strstr(err.message, "<Text>") != NULL);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_ERR_DATE);
    CHECK_INT(err.line, 18);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.line, 19);
    CHECK_INT(dyad_reader_failures(r), 3);

    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    char want[600];
    snprintf(want, sizeof want, "%s-21", stem);
    CHECK_STR(a.id, want);
    CHECK_STR(a.date, "2015-08-09");
    CHECK_STR(a.text, "no id");
    CHECK_INT(a.line, 21);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
    CHECK_INT(dyad_reader_failures(r), 3);
}

static void test_xml(void) {
    dyad_error err;
    dyad_reader *r = dyad_reader_open_buffer(petr_xml, strlen(petr_xml), "records.xml", DYAD_INPUT_AUTO, &err);
    check_petr_stream(r, "records");
    dyad_reader_close(r);

    const char *gz = tmp_path("records.xml.gz");
    write_gz(gz, petr_xml, strlen(petr_xml));
    r = dyad_reader_open(gz, DYAD_INPUT_AUTO, &err);
    CHECK(r != NULL);
    if (r) {
        char stem[600];
        snprintf(stem, sizeof stem, "dyad-test-read-%ld-records", (long)getpid());
        check_petr_stream(r, stem);
        dyad_reader_close(r);
    }
    unlink(gz);

    /* an unterminated record at the end */
    const char *cut = "<Sentence id=\"a\" date=\"20150805\"><Text>cut off";
    r = dyad_reader_open_buffer(cut, strlen(cut), "cut.xml", DYAD_INPUT_AUTO, &err);
    dyad_article a;
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_ERR_PARSE);
    CHECK_INT(err.line, 1);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_EOF);
    dyad_reader_close(r);
}

static void test_xml_large_file(void) {
    /* many records and one huge one, through the streaming window */
    dyad_buf b = {0};
    dy_buf_puts(&b, "<Sentences>\n");
    int n = 3000;
    for (int i = 0; i < n; i++) {
        dy_buf_printf(&b, "<Sentence date=\"20150805\" id=\"R%d\">\n<Text>\nRecord %d &amp; more.\n</Text>\n", i, i);
        if (i == 1500) {
            dy_buf_puts(&b, "<Parse>");
            for (int k = 0; k < 200000; k++) dy_buf_puts(&b, "(NP x) ");
            dy_buf_puts(&b, "</Parse>\n");
        }
        dy_buf_puts(&b, "</Sentence>\n");
    }
    dy_buf_puts(&b, "</Sentences>\n");
    const char *path = tmp_path("many.xml");
    write_file(path, b.data, b.len);
    dyad_error err;
    dyad_reader *r = dyad_reader_open(path, DYAD_INPUT_AUTO, &err);
    CHECK(r != NULL);
    if (r) {
        dyad_article a;
        int ok = 1, got = 0;
        long line = 2;
        while (dyad_reader_next(r, &a, &err) == DYAD_OK) {
            char id[32], text[64];
            snprintf(id, sizeof id, "R%d", got);
            snprintf(text, sizeof text, "Record %d & more.", got);
            if (strcmp(a.id, id) || strcmp(a.text, text) || a.line != line) {
                if (ok) fprintf(stderr, "  record %d: id %s line %ld (want %ld)\n", got, a.id, a.line, line);
                ok = 0;
            }
            line += got == 1500 ? 6 : 5;
            got++;
        }
        CHECK(ok);
        CHECK_INT(got, n);
        CHECK_INT(dyad_reader_failures(r), 0);
        dyad_reader_close(r);
    }
    unlink(path);
    dyad_buf_free(&b);
}

/* ------------------------------------------------------------------ the development corpus */

static void test_dev_corpus(void) {
    SKIP_IF_NO_SHARED();
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/dev.docs.jsonl", SHARED_DIR());
    dyad_error err;
    dyad_reader *r = dyad_reader_open(path, DYAD_INPUT_AUTO, &err);
    CHECK(r != NULL);
    if (!r) return;
    dyad_article a;
    int n = 0, rc;
    while ((rc = dyad_reader_next(r, &a, &err)) != DYAD_EOF) {
        CHECK_INT(rc, DYAD_OK);
        if (rc != DYAD_OK) continue;
        n++;
        char id[16];
        snprintf(id, sizeof id, "d%02d", n);
        CHECK_STR(a.id, id);
        CHECK(dy_date_to_days(a.date, NULL) == 0);
        CHECK(a.text_len > 200);
        CHECK(a.title[0] != '\0');
        CHECK(strncmp(a.url, "http", 4) == 0);
        CHECK_INT(a.line, n);
    }
    CHECK_INT(n, 15);
    CHECK_INT(dyad_reader_failures(r), 0);
    dyad_reader_close(r);
    /* spot checks of the dates against the file */
    r = dyad_reader_open(path, DYAD_INPUT_JSONL, &err);
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.date, "2002-10-17");
    dyad_reader_close(r);
}

static void test_seed_article(void) {
    SKIP_IF_NO_SHARED();
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/seed-article.md", SHARED_DIR());
    dyad_error err;
    dyad_reader *r = dyad_reader_open(path, DYAD_INPUT_AUTO, &err);
    if (!r) {
        t_skipped++;
        fprintf(stderr, "test_seed_article: skipped: %s not present\n", path);
        return;
    }
    dyad_article a;
    CHECK_INT(dyad_reader_next(r, &a, &err), DYAD_OK);
    CHECK_STR(a.id, "seed-article");
    CHECK_STR(a.date, "2025-02-14");
    CHECK(a.title[0] != '\0' && a.title[0] != '#');
    CHECK(a.body_start > 0 && a.body_start < a.text_len);
    /* the body starts with a paragraph, not with the header */
    const char *body = a.text + a.body_start;
    while (*body == '\n') body++;
    CHECK(strncmp(body, "14 February", 11) != 0);
    CHECK(strstr(a.text, a.title) < body);
    CHECK(strstr(body, "14 February 2025") == NULL || strstr(body, "14 February 2025") > body + 10);
    dyad_reader_close(r);
}

int main(void) {
    dy_arena_init(&arena);
    RUN(test_jsonl_buffer);
    RUN(test_jsonl_file_and_gzip);
    RUN(test_jsonl_long_lines);
    RUN(test_open_errors);
    RUN(test_format_by_extension);
    RUN(test_markdown_header);
    RUN(test_header_variants);
    RUN(test_text_file_gzip);
    RUN(test_xml);
    RUN(test_xml_large_file);
    RUN(test_dev_corpus);
    RUN(test_seed_article);
    dy_arena_free(&arena);
    return test_summary("read");
}
