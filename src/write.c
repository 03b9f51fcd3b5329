/*
 * write.c - the output stage: a coded document's events as JSON Lines or Phoenix TSV.
 *
 * Algorithm: one pass over the event array, formatting each event into the caller's growable
 * buffer; spans are turned back into the original text's bytes for the *_text fields, so every
 * event can be audited against the article without re-running the coder.
 */
#include "engine.h"

#include <stdio.h>
#include <string.h>

/* Appends the decimal digits of v (the JSON writer's hot path: no printf). */
static void put_uint(dyad_buf *b, unsigned long v) {
    char tmp[24];
    int n = 0;
    do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) dy_buf_putc(b, tmp[--n]);
}

/* ,"key":  (with the comma when asked) */
static void json_key(dyad_buf *b, const char *key, int comma) {
    if (comma) dy_buf_putc(b, ',');
    dy_buf_putc(b, '"');
    dy_buf_puts(b, key);
    dy_buf_append(b, "\":", 2);
}

static void json_str(dyad_buf *b, const char *key, const char *s, size_t n, int comma) {
    json_key(b, key, comma);
    dy_buf_putc(b, '"');
    dy_buf_json_escape(b, s, n);
    dy_buf_putc(b, '"');
}

static void json_span(dyad_buf *b, const dyad_doc *doc, const char *key, dyad_span sp) {
    char k[32];
    size_t kl = strlen(key);
    if (kl > 20) kl = 20;
    memcpy(k, key, kl);
    if (sp.end > sp.start && sp.end <= doc->orig_len) {
        memcpy(k + kl, "_span", 6);
        json_key(b, k, 1);
        dy_buf_putc(b, '[');
        put_uint(b, sp.start);
        dy_buf_putc(b, ',');
        put_uint(b, sp.end);
        dy_buf_putc(b, ']');
        memcpy(k + kl, "_text", 6);
        json_str(b, k, doc->orig + sp.start, sp.end - sp.start, 1);
    } else {
        memcpy(k + kl, "_span", 6);
        json_key(b, k, 1);
        dy_buf_puts(b, "null");
        memcpy(k + kl, "_text", 6);
        json_key(b, k, 1);
        dy_buf_puts(b, "null");
    }
}

/* A coordinate in 1e-5 degrees as a decimal with the trailing zeros dropped ("-37.81"). */
static void put_degree(dyad_buf *b, int32_t v) {
    if (v < 0) { dy_buf_putc(b, '-'); v = -v; }
    put_uint(b, (unsigned long)v / 100000);
    unsigned f = (unsigned)v % 100000;
    if (!f) return;
    char tmp[6];
    for (int i = 4; i >= 0; i--) { tmp[i] = (char)('0' + f % 10); f /= 10; }
    int n = 5;
    while (n > 1 && tmp[n - 1] == '0') n--;
    dy_buf_putc(b, '.');
    dy_buf_append(b, tmp, (size_t)n);
}

/* "place", "place_span", "place_country", "lat", "lon" (null when unknown) */
static void json_place(dyad_buf *b, const dyad_doc *doc, const dyad_event *e) {
    dyad_span sp = e->place_span;
    if (sp.end > sp.start && sp.end <= doc->orig_len) {
        json_str(b, "place", doc->orig + sp.start, sp.end - sp.start, 1);
        dy_buf_puts(b, ",\"place_span\":[");
        put_uint(b, sp.start);
        dy_buf_putc(b, ',');
        put_uint(b, sp.end);
        dy_buf_putc(b, ']');
        json_str(b, "place_country", e->place_country, strlen(e->place_country), 1);
    } else {
        dy_buf_puts(b, ",\"place\":null,\"place_span\":null,\"place_country\":null");
    }
    if (e->lat != DYAD_NOCOORD && e->lon != DYAD_NOCOORD && sp.end > sp.start) {
        dy_buf_puts(b, ",\"lat\":");
        put_degree(b, e->lat);
        dy_buf_puts(b, ",\"lon\":");
        put_degree(b, e->lon);
    } else {
        dy_buf_puts(b, ",\"lat\":null,\"lon\":null");
    }
}

static void write_json(const dyad_doc *doc, const dyad_event *e, dyad_buf *b) {
    const char *st = dyad_doc_sentence_text(doc, e->sentence);
    dy_buf_puts(b, "{");
    json_str(b, "doc", doc->id, strlen(doc->id), 0);
    json_key(b, "sentence", 1);
    put_uint(b, e->sentence);
    json_str(b, "text", st, strlen(st), 1);
    json_str(b, "source", e->source, strlen(e->source), 1);
    if (e->target[0]) json_str(b, "target", e->target, strlen(e->target), 1);
    else dy_buf_puts(b, ",\"target\":null");
    json_str(b, "code", e->code, strlen(e->code), 1);
    json_str(b, "name", e->cameo->name, strlen(e->cameo->name), 1);
    json_str(b, "root", e->cameo->root, strlen(e->cameo->root), 1);
    dy_buf_printf(b, ",\"quad\":%d,\"penta\":%d,\"goldstein\":%.1f", e->cameo->quad, e->cameo->penta, e->cameo->goldstein);
    if (e->cameo->plover[0]) json_str(b, "plover", e->cameo->plover, strlen(e->cameo->plover), 1);
    else dy_buf_puts(b, ",\"plover\":null");
    if (e->cameo->plover_mode[0]) json_str(b, "plover_mode", e->cameo->plover_mode, strlen(e->cameo->plover_mode), 1);
    else dy_buf_puts(b, ",\"plover_mode\":null");
    json_str(b, "modality", dyad_modality_name(e->modality), strlen(dyad_modality_name(e->modality)), 1);
    if (e->date[0]) json_str(b, "date", e->date, strlen(e->date), 1);
    else dy_buf_puts(b, ",\"date\":null");
    json_str(b, "pub_date", doc->date, strlen(doc->date), 1);
    json_span(b, doc, "source", e->source_span);
    json_span(b, doc, "verb", e->verb_span);
    json_span(b, doc, "target", e->target_span);
    json_key(b, "rule", 1);
    dy_buf_putc(b, '"');
    dy_buf_json_escape(b, e->rule_file, strlen(e->rule_file));
    dy_buf_putc(b, ':');
    put_uint(b, e->rule_line);
    dy_buf_putc(b, '"');
    if (e->frame) json_str(b, "frame", e->frame, strlen(e->frame), 1);
    else dy_buf_puts(b, ",\"frame\":null");
    if (e->speaker[0]) json_str(b, "speaker", e->speaker, strlen(e->speaker), 1);
    else dy_buf_puts(b, ",\"speaker\":null");
    json_span(b, doc, "speaker", e->speaker_span);
    dy_buf_puts(b, e->quoted ? ",\"quote\":true" : ",\"quote\":false");
    json_place(b, doc, e);
    dy_buf_puts(b, ",\"issues\":[");
    for (int k = 0; k < e->nissues && k < DYAD_MAX_ISSUES; k++) {
        if (k) dy_buf_putc(b, ',');
        dy_buf_putc(b, '"');
        dy_buf_json_escape(b, e->issues[k], strlen(e->issues[k]));
        dy_buf_putc(b, '"');
    }
    dy_buf_putc(b, ']');
    /* two decimals without printf (the writer is on the hot path): 0 <= confidence <= 1 */
    float cf = e->confidence < 0 ? 0 : e->confidence > 1 ? 1 : e->confidence;
    unsigned hundredths = (unsigned)((double)cf * 100.0 + 0.5);
    char num[5] = {(char)('0' + hundredths / 100), '.', (char)('0' + hundredths / 10 % 10), (char)('0' + hundredths % 10), 0};
    dy_buf_puts(b, ",\"confidence\":");
    dy_buf_puts(b, num);
    dy_buf_puts(b, "}\n");
}

/* Splits an actor code into entity (country / IGO) and role (the agent codes after it). */
static void split_actor(const char *code, char entity[16], char role[16]) {
    entity[0] = role[0] = 0;
    if (!code[0]) return;
    if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3)) {
        snprintf(entity, 16, "%s", code);
        return;
    }
    snprintf(entity, 16, "%.3s", code);
    snprintf(role, 16, "%s", strlen(code) > 3 ? code + 3 : "");
}

static void tsv_field(dyad_buf *b, const char *s) {
    for (; *s; s++) dy_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

static void write_phoenix(const dyad_doc *doc, const dyad_event *e, size_t idx, dyad_buf *b) {
    char se[16], sr[16], te[16], tr[16];
    split_actor(e->source, se, sr);
    split_actor(e->target, te, tr);
    const char *date = e->date[0] ? e->date : doc->date;
    int y = 0, m = 0, d = 0;
    if (date && strlen(date) == 10) sscanf(date, "%d-%d-%d", &y, &m, &d);
    /* 1 EventID 2 Date 3 Year 4 Month 5 Day */
    tsv_field(b, doc->id);
    dy_buf_printf(b, "-%u-%zu\t%04d%02d%02d\t%d\t%d\t%d\t", e->sentence, idx, y, m, d, y, m, d);
    /* 6-9 source full, entity, role, attribute; 10-13 target */
    dy_buf_printf(b, "%s\t%s\t%s\t\t%s\t%s\t%s\t\t", e->source, se, sr, e->target, te, tr);
    /* 14 EventCode 15 EventRootCode 16 PentaClass 17 GoldsteinScore 18 Issues ("TOPIC,N;TOPIC,N") */
    dy_buf_printf(b, "%s\t%s\t%d\t%.1f\t", e->code, e->cameo->root, e->cameo->penta, e->cameo->goldstein);
    for (int k = 0; k < e->nissues && k < DYAD_MAX_ISSUES; k++)
        dy_buf_printf(b, "%s%s,%u", k ? ";" : "", e->issues[k], (unsigned)e->issue_count[k]);
    dy_buf_putc(b, '\t');
    /* 19 Lat 20 Lon 21 LocationName 22 StateName (not known) 23 CountryCode */
    if (e->place_span.end > e->place_span.start && e->place_span.end <= doc->orig_len) {
        if (e->lat != DYAD_NOCOORD && e->lon != DYAD_NOCOORD) {
            put_degree(b, e->lat);
            dy_buf_putc(b, '\t');
            put_degree(b, e->lon);
            dy_buf_putc(b, '\t');
        } else {
            dy_buf_puts(b, "\t\t");
        }
        for (uint32_t i = e->place_span.start; i < e->place_span.end; i++) {
            char ch = doc->orig[i];
            dy_buf_putc(b, (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch);
        }
        dy_buf_puts(b, "\t\t");
        tsv_field(b, e->place_country);
        dy_buf_putc(b, '\t');
    } else {
        dy_buf_puts(b, "\t\t\t\t\t");
    }
    /* 24 SentenceID 25 URLs 26 NewsSources */
    tsv_field(b, doc->id);
    dy_buf_printf(b, "_%u\t", e->sentence);
    tsv_field(b, doc->url ? doc->url : "");
    dy_buf_putc(b, '\t');
    tsv_field(b, doc->source ? doc->source : "");
    dy_buf_putc(b, '\n');
}

int dyad_write_events(const dyad_doc *doc, dyad_format fmt, dyad_buf *out) {
    if (!doc || !out) return DYAD_ERR_ARG;
    size_t before = out->len;
    for (size_t i = 0; i < doc->events.len; i++) {
        const dyad_event *e = &doc->events.items[i];
        if (fmt == DYAD_FORMAT_PHOENIX) write_phoenix(doc, e, i, out);
        else write_json(doc, e, out);
    }
    /* the dy_buf helpers fail only on allocation failure; check the buffer grew consistently */
    if (doc->events.len && out->len == before) return DYAD_ERR_NOMEM;
    return DYAD_OK;
}
