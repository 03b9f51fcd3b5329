/*
 * test_json.c - the JSON Lines record parser (src/json.c): values, escapes, surrogates, invalid
 * UTF-8, error offsets, nesting depth and the field limit.
 */
#include "internal.h"
#include "test.h"

#include <stdlib.h>
#include <string.h>

static dy_arena arena;
static dy_json_field fields[16];
static size_t count, err_off;

static int parse(const char *s) {
    dy_arena_reset(&arena);
    return dy_json_parse_object(s, strlen(s), &arena, fields, 16, &count, &err_off);
}

static const char *str(const char *key) {
    const dy_json_field *f = dy_json_get(fields, count, key);
    return f ? f->val : NULL;
}

static void test_values(void) {
    CHECK_INT(parse(" { \"id\" : \"a1\", \"n\": -12.5e+3, \"t\": true, \"f\": false, \"z\": null,"
                    " \"o\": {\"x\": [1, {\"y\": \"}\"}]}, \"arr\": [ ], \"e\": \"\" } \r\n"), DYAD_OK);
    CHECK_INT(count, 8);
    CHECK_STR(str("id"), "a1");
    CHECK_INT(dy_json_get(fields, count, "id")->type, DY_JSON_STRING);
    CHECK_STR(str("n"), "-12.5e+3");
    CHECK_INT(dy_json_get(fields, count, "n")->type, DY_JSON_NUMBER);
    CHECK_INT(dy_json_get(fields, count, "t")->type, DY_JSON_TRUE);
    CHECK_INT(dy_json_get(fields, count, "f")->type, DY_JSON_FALSE);
    CHECK_INT(dy_json_get(fields, count, "z")->type, DY_JSON_NULL);
    CHECK_STR(str("z"), "null");
    CHECK_STR(str("o"), "{\"x\": [1, {\"y\": \"}\"}]}");
    CHECK_INT(dy_json_get(fields, count, "o")->type, DY_JSON_OBJECT);
    CHECK_STR(str("arr"), "[ ]");
    CHECK_INT(dy_json_get(fields, count, "arr")->type, DY_JSON_ARRAY);
    CHECK_STR(str("e"), "");
    CHECK_INT(dy_json_get(fields, count, "e")->val_len, 0);
    CHECK(dy_json_get(fields, count, "missing") == NULL);

    CHECK_INT(parse("{}"), DYAD_OK);
    CHECK_INT(count, 0);
    /* duplicate keys: the first wins */
    CHECK_INT(parse("{\"k\":\"first\",\"k\":\"second\"}"), DYAD_OK);
    CHECK_STR(str("k"), "first");
    /* numbers in their JSON forms */
    CHECK_INT(parse("{\"a\":0,\"b\":-0.0,\"c\":1E5,\"d\":123456789012345678901234567890}"), DYAD_OK);
    CHECK_STR(str("d"), "123456789012345678901234567890");
}

static void test_escapes(void) {
    CHECK_INT(parse("{\"s\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\"}"), DYAD_OK);
    CHECK_STR(str("s"), "q\" b\\ s/ \b\f\n\r\t end");
    CHECK_INT(parse("{\"s\":\"caf\\u00e9 \\u20AC \\u0041\"}"), DYAD_OK);
    CHECK_STR(str("s"), "caf\xC3\xA9 \xE2\x82\xAC A");
    /* an escaped key */
    CHECK_INT(parse("{\"t\\u0069tle\":\"x\"}"), DYAD_OK);
    CHECK_STR(str("title"), "x");
    /* \u0000 would cut a C string: replaced */
    CHECK_INT(parse("{\"s\":\"a\\u0000b\"}"), DYAD_OK);
    CHECK_STR(str("s"), "a\xEF\xBF\xBD" "b");
    CHECK_INT(dy_json_get(fields, count, "s")->val_len, 5);
}

static void test_surrogates(void) {
    CHECK_INT(parse("{\"s\":\"\\ud83d\\ude00!\"}"), DYAD_OK);          /* U+1F600 */
    CHECK_STR(str("s"), "\xF0\x9F\x98\x80!");
    CHECK_INT(parse("{\"s\":\"\\uD834\\uDD1E\"}"), DYAD_OK);           /* U+1D11E */
    CHECK_STR(str("s"), "\xF0\x9D\x84\x9E");
    CHECK_INT(parse("{\"s\":\"a\\ud800b\"}"), DYAD_OK);                /* lone high */
    CHECK_STR(str("s"), "a\xEF\xBF\xBD" "b");
    CHECK_INT(parse("{\"s\":\"a\\udc00b\"}"), DYAD_OK);                /* lone low */
    CHECK_STR(str("s"), "a\xEF\xBF\xBD" "b");
    CHECK_INT(parse("{\"s\":\"\\ud800\\u0041\"}"), DYAD_OK);           /* high, then not low */
    CHECK_STR(str("s"), "\xEF\xBF\xBD" "A");
    CHECK_INT(parse("{\"s\":\"\\ud800\\ud800\\udc00\"}"), DYAD_OK);    /* lone high, then a pair */
    CHECK_STR(str("s"), "\xEF\xBF\xBD\xF0\x90\x80\x80");
    CHECK_INT(parse("{\"s\":\"\\ud800\"}"), DYAD_OK);                  /* high at the end */
    CHECK_STR(str("s"), "\xEF\xBF\xBD");
}

static void test_invalid_utf8(void) {
    CHECK_INT(parse("{\"s\":\"a\xFF" "b\"}"), DYAD_OK);
    CHECK_STR(str("s"), "a\xEF\xBF\xBD" "b");
    CHECK_INT(parse("{\"s\":\"\xC3\"}"), DYAD_OK);                     /* truncated sequence */
    CHECK_STR(str("s"), "\xEF\xBF\xBD");
    CHECK_INT(parse("{\"s\":\"\xC0\xAF\"}"), DYAD_OK);                 /* overlong: two bad bytes */
    CHECK_STR(str("s"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_INT(parse("{\"s\":\"\xED\xA0\x80\"}"), DYAD_OK);             /* an encoded surrogate */
    CHECK_STR(str("s"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_INT(parse("{\"s\":\"\xE2\x82" "x\"}"), DYAD_OK);             /* maximal subpart: one U+FFFD */
    CHECK_STR(str("s"), "\xEF\xBF\xBD" "x");
    CHECK_INT(parse("{\"s\":\"\xF4\x90\x80\x80\"}"), DYAD_OK);         /* above U+10FFFF */
    CHECK_STR(str("s"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    /* valid multi-byte text passes unchanged */
    CHECK_INT(parse("{\"s\":\"Zelens'kyi \xD0\x97\xD0\xB5 \xE2\x80\x94 \xF0\x9F\x98\x80\"}"), DYAD_OK);
    CHECK_STR(str("s"), "Zelens'kyi \xD0\x97\xD0\xB5 \xE2\x80\x94 \xF0\x9F\x98\x80");
    /* every byte invalid: the worst-case growth still fits */
    char big[300];
    strcpy(big, "{\"s\":\"");
    size_t n = strlen(big);
    for (int i = 0; i < 200; i++) big[n++] = (char)0xFF;
    strcpy(big + n, "\"}");
    CHECK_INT(parse(big), DYAD_OK);
    CHECK_INT(dy_json_get(fields, count, "s")->val_len, 600);
}

static void expect_error(const char *s, size_t off) {
    size_t c = 99;
    dy_arena_reset(&arena);
    int rc = dy_json_parse_object(s, strlen(s), &arena, fields, 16, &c, &err_off);
    CHECK_INT(rc, DYAD_ERR_PARSE);
    if (rc == DYAD_ERR_PARSE && err_off != off)
        fprintf(stderr, "  (input: %s)\n", s);
    CHECK_INT(err_off, off);
}

static void test_malformed(void) {
    expect_error("", 0);
    expect_error("   ", 3);
    expect_error("[1,2]", 0);
    expect_error("{\"a\" 1}", 5);                 /* missing colon */
    expect_error("{\"a\":1,}", 7);                /* trailing comma */
    expect_error("{\"a\":1} x", 8);               /* trailing garbage */
    expect_error("{\"a\":1}{}", 7);
    expect_error("{\"a\":\"abc", 9);              /* unterminated string: at the end */
    expect_error("{\"a\":\"x\\qy\"}", 7);         /* bad escape: at the backslash */
    expect_error("{\"a\":\"\\u12G4\"}", 6);       /* bad \u */
    expect_error("{\"a\":\"tab\there\"}", 9);     /* raw control character */
    expect_error("{\"a\":01}", 6);                /* leading zero */
    expect_error("{\"a\":1.}", 7);
    expect_error("{\"a\":-}", 6);
    expect_error("{\"a\":1e}", 7);
    expect_error("{\"a\":tru}", 8);
    expect_error("{\"a\":nul", 8);
    expect_error("{\"a\":bogus}", 5);
    expect_error("{a:1}", 1);                     /* unquoted key */
    expect_error("{\"a\":[1,]}", 8);
    expect_error("{\"a\":[1 2]}", 8);
    expect_error("{\"a\":{\"b\"}}", 9);
    expect_error("{\"a\":1", 6);                  /* unterminated object */
    expect_error("{\"a\":'x'}", 5);
}

static char *nested(int levels, char open, char close) {
    size_t n = (size_t)levels;
    char *s = malloc(2 * n + 8);
    memcpy(s, "{\"d\":", 5);
    memset(s + 5, open, n);
    memset(s + 5 + n, close, n);
    strcpy(s + 5 + 2 * n, "}");
    return s;
}

static void test_depth(void) {
    /* the record is level 1: 63 nested arrays make 64 levels, the limit */
    char *ok = nested(63, '[', ']');
    CHECK_INT(parse(ok), DYAD_OK);
    CHECK_INT(dy_json_get(fields, count, "d")->val_len, 126);
    free(ok);
    char *deep = nested(64, '[', ']');
    CHECK_INT(parse(deep), DYAD_ERR_PARSE);
    CHECK_INT(err_off, 5 + 63);                   /* the 65th-level bracket */
    free(deep);
    /* a pathological line fails fast and does not overflow the stack */
    char *huge = nested(100000, '[', ']');
    CHECK_INT(parse(huge), DYAD_ERR_PARSE);
    free(huge);
    /* objects count as levels too */
    size_t n = 0;
    char *objs = malloc(64 * 8 + 16);
    n += (size_t)sprintf(objs, "{\"a\":");
    for (int i = 0; i < 64; i++) n += (size_t)sprintf(objs + n, "{\"a\":");
    strcpy(objs + n, "1");
    n++;
    for (int i = 0; i < 65; i++) objs[n++] = '}';
    objs[n] = '\0';
    CHECK_INT(parse(objs), DYAD_ERR_PARSE);
    free(objs);
}

static void test_max_fields(void) {
    const char *s = "{\"a\":\"1\",\"b\":2,\"c\":\"3\",\"d\":[4]}";
    dy_arena_reset(&arena);
    CHECK_INT(dy_json_parse_object(s, strlen(s), &arena, fields, 2, &count, &err_off), DYAD_OK);
    CHECK_INT(count, 2);
    CHECK_STR(str("b"), "2");
    CHECK(dy_json_get(fields, count, "c") == NULL);
    /* fields beyond the limit are still validated */
    const char *bad = "{\"a\":\"1\",\"b\":2,\"c\":\"\\x\"}";
    dy_arena_reset(&arena);
    CHECK_INT(dy_json_parse_object(bad, strlen(bad), &arena, fields, 2, &count, &err_off), DYAD_ERR_PARSE);
    CHECK_INT(err_off, 20);
    /* max 0: a pure validator */
    CHECK_INT(dy_json_parse_object(s, strlen(s), &arena, NULL, 0, &count, &err_off), DYAD_OK);
    CHECK_INT(count, 0);
}

static void test_not_nul_terminated(void) {
    /* the parser reads exactly n bytes */
    const char buf[] = "{\"a\":\"xy\"}GARBAGE";
    dy_arena_reset(&arena);
    CHECK_INT(dy_json_parse_object(buf, 10, &arena, fields, 16, &count, &err_off), DYAD_OK);
    CHECK_STR(str("a"), "xy");
    CHECK_INT(dy_json_parse_object(buf, 8, &arena, fields, 16, &count, &err_off), DYAD_ERR_PARSE);
    CHECK_INT(err_off, 8);
}

static void test_long_string(void) {
    /* a 4 MB text value: linear time, exact length */
    size_t n = 4u << 20;
    char *s = malloc(n + 32);
    strcpy(s, "{\"text\":\"");
    size_t k = strlen(s);
    for (size_t i = 0; i < n; i++) s[k + i] = (char)('a' + i % 26);
    strcpy(s + k + n, "\"}");
    dy_arena_reset(&arena);
    CHECK_INT(dy_json_parse_object(s, strlen(s), &arena, fields, 16, &count, &err_off), DYAD_OK);
    CHECK_INT(dy_json_get(fields, count, "text")->val_len, n);
    free(s);
}

int main(void) {
    dy_arena_init(&arena);
    RUN(test_values);
    RUN(test_escapes);
    RUN(test_surrogates);
    RUN(test_invalid_utf8);
    RUN(test_malformed);
    RUN(test_depth);
    RUN(test_max_fields);
    RUN(test_not_nul_terminated);
    RUN(test_long_string);
    dy_arena_free(&arena);
    return test_summary("json");
}
