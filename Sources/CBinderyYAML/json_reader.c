/* A reader for plain JSON that builds the arena libyaml's events would: the same nodes in the same order, with the
   same positions, styles and texts. libyaml reads JSON at about 100 MB/s, a fifth of a GitHub-sized generation's
   parse; this reads it several times faster.

   It takes only what it knows libyaml reads the same way, and declines everything else, which libyaml then parses
   (and reports, if it is an error): the reader itself never reports an error, so every message stays libyaml's.
   What it takes:
   - a root object or array, after a byte order mark or not, with spaces and line breaks (LF, CR LF) around it,
     tabs inside it and on its last line after it;
   - strings without raw control characters, line breaks or byte order marks, in valid UTF-8 of characters libyaml
     accepts, with JSON's escapes; a surrogate pair is the character it encodes, as the surrogate rewrite
     (json_surrogates.c) makes libyaml read it;
   - numbers as JSON writes them, `true`, `false` and `null`;
   - a key followed on its line by its colon, at most 1000 characters from the key's start: libyaml forgets a
     key 1024 characters before its colon, or on an earlier line.
   Whatever the builder refuses (a duplicate key, the depth limit) declines too.

   Positions are those libyaml gives: lines are counted at line feeds, and columns in characters (UTF-8 lead
   bytes) from the line's start. */

#include "builder.h"
#include "json_reader.h"
#include "text_decode.h"
#include "text_scan.h"

#include <stdlib.h>
#include <string.h>

/* How far a key's colon may be from its start, in characters: libyaml's 1024, with room to spare. */
#define KEY_REACH 1000

typedef struct {
    const unsigned char *input;
    size_t length;
    size_t position;
    /* The current line (0-based), the offset of its first byte, and how many UTF-8 continuation bytes it has
       before `position` (a column counts characters). */
    size_t line, line_start, continuations;
    /* Decoded text of a string with escapes. */
    unsigned char *text;
    size_t text_capacity;
} reader;

static yaml_mark_t mark_at(const reader *r, size_t position) {
    yaml_mark_t mark = {position, r->line, position - r->line_start - r->continuations};
    return mark;
}

/* Skips spaces, line breaks and, where `tabs`, tabs. Returns 0 at a bare CR. */
static int skip_space(reader *r, int tabs) {
    const unsigned char *input = r->input;
    size_t i = r->position, length = r->length;
    while (i < length) {
        unsigned char c = input[i];
        if (c == ' ') {
            i = bindery_skip_spaces(input, i, length);
        } else if (c == '\t' && tabs) {
            i++;
        } else if (c == '\n') {
            i++;
            r->line++;
            r->line_start = i;
            r->continuations = 0;
        } else if (c == '\r') {
            if (i + 1 >= length || input[i + 1] != '\n') {
                return 0;
            }
            i += 2;
            r->line++;
            r->line_start = i;
            r->continuations = 0;
        } else {
            break;
        }
    }
    r->position = i;
    return 1;
}

/* The string at `r->position` (a quote), added as a double-quoted scalar. Returns 0 to decline. */
static int read_string(reader *r, builder *b) {
    const unsigned char *input = r->input;
    size_t start = r->position + 1, i = start, length = r->length;
    int escaped = 0;
    yaml_mark_t mark = mark_at(r, r->position);
    for (;;) {
        i = bindery_skip_plain_string_bytes(input, i, length);
        if (i >= length) {
            return 0;
        }
        unsigned char c = input[i];
        if (c == '"') {
            break;
        }
        if (c == '\\') {
            if (i + 1 >= length) {
                return 0;
            }
            escaped = 1;
            i += 2;
        } else if (c < 0x20 || c == 0x7F) {
            return 0;
        } else if (c < 0x80) {
            i++;
        } else {
            size_t width = bindery_accepted_character(input + i, length - i);
            if (width == 0) {
                return 0;
            }
            r->continuations += width - 1;
            i += width;
        }
    }
    r->position = i + 1;
    if (!escaped) {
        return bindery_add_scalar(b, BINDERY_YAML_STYLE_DOUBLE_QUOTED, input + start, i - start, NULL, NULL, mark);
    }
    long decoded = bindery_decode_json_escapes(input, start, i, &r->text, &r->text_capacity, 0);
    return decoded >= 0 &&
           bindery_add_scalar(b, BINDERY_YAML_STYLE_DOUBLE_QUOTED, r->text, (size_t)decoded, NULL, NULL, mark);
}

static int is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

/* A number, `true`, `false` or `null` at `r->position`, added as a plain scalar. Returns 0 to decline. */
static int read_literal(reader *r, builder *b) {
    const unsigned char *input = r->input;
    size_t start = r->position, i = start, length = r->length;
    unsigned char c = input[i];
    if (c == 't' || c == 'f' || c == 'n') {
        const char *word = c == 't' ? "true" : c == 'f' ? "false" : "null";
        size_t size = strlen(word);
        if (length - i < size || memcmp(input + i, word, size) != 0) {
            return 0;
        }
        i += size;
    } else {
        if (i < length && input[i] == '-') {
            i++;
        }
        if (i >= length || !is_digit(input[i])) {
            return 0;
        }
        if (input[i] == '0') {
            i++;
        } else {
            while (i < length && is_digit(input[i])) {
                i++;
            }
        }
        if (i < length && input[i] == '.') {
            i++;
            if (i >= length || !is_digit(input[i])) {
                return 0;
            }
            while (i < length && is_digit(input[i])) {
                i++;
            }
        }
        if (i < length && (input[i] == 'e' || input[i] == 'E')) {
            i++;
            if (i < length && (input[i] == '+' || input[i] == '-')) {
                i++;
            }
            if (i >= length || !is_digit(input[i])) {
                return 0;
            }
            while (i < length && is_digit(input[i])) {
                i++;
            }
        }
    }
    /* What follows must end the scalar for libyaml too. */
    if (i < length) {
        unsigned char next = input[i];
        if (next != ' ' && next != '\t' && next != '\n' && next != '\r' && next != ',' && next != ']' &&
            next != '}') {
            return 0;
        }
    }
    yaml_mark_t mark = mark_at(r, start);
    r->position = i;
    return bindery_add_scalar(b, BINDERY_YAML_STYLE_PLAIN, input + start, i - start, NULL, NULL, mark);
}

/* What the reader expects next. */
typedef enum { EXPECT_VALUE, EXPECT_KEY, AFTER_VALUE } expectation;

/* Reads the whole document into `b`; returns 0 to decline. */
static int read_document(reader *r, builder *b) {
    const unsigned char *input = r->input;
    expectation next = EXPECT_VALUE;
    for (;;) {
        if (next == AFTER_VALUE && b->open_count == 0) {
            /* The root has ended: spaces and tabs may follow on its line (libyaml skips tabs there until a line
               break), then only spaces and line breaks. */
            while (r->position < r->length && (input[r->position] == ' ' || input[r->position] == '\t')) {
                r->position++;
            }
            return skip_space(r, 0) && r->position == r->length;
        }
        /* Tabs separate tokens inside the root only. */
        if (!skip_space(r, b->open_count > 0) || r->position >= r->length) {
            return 0;
        }
        unsigned char c = input[r->position];
        yaml_mark_t mark = mark_at(r, r->position);
        switch (next) {
        case EXPECT_VALUE:
            if (c == '{' || c == '[') {
                uint8_t kind = c == '{' ? BINDERY_YAML_KIND_MAPPING : BINDERY_YAML_KIND_SEQUENCE;
                if (!bindery_start_collection(b, kind, 1, NULL, NULL, mark)) {
                    return 0;
                }
                r->position++;
                if (!skip_space(r, 1) || r->position >= r->length) {
                    return 0;
                }
                if (input[r->position] == (c == '{' ? '}' : ']')) {
                    if (!bindery_end_collection(b, mark_at(r, r->position))) {
                        return 0;
                    }
                    r->position++;
                    next = AFTER_VALUE;
                } else {
                    next = c == '{' ? EXPECT_KEY : EXPECT_VALUE;
                }
            } else if (b->open_count == 0) {
                return 0;
            } else if (!(c == '"' ? read_string(r, b) : read_literal(r, b))) {
                return 0;
            } else {
                next = AFTER_VALUE;
            }
            break;
        case EXPECT_KEY: {
            /* The key, and its colon on the same line. */
            size_t key_start = r->position, key_line = r->line, key_continuations = r->continuations;
            if (c != '"' || !read_string(r, b) || !skip_space(r, 1) || r->position >= r->length) {
                return 0;
            }
            /* On the same line, the continuation bytes since the key's start are the key's own. */
            if (input[r->position] != ':' || r->line != key_line ||
                r->position - key_start - (r->continuations - key_continuations) > KEY_REACH) {
                return 0;
            }
            r->position++;
            next = EXPECT_VALUE;
            break;
        }
        case AFTER_VALUE: {
            uint8_t kind = b->nodes[b->open[b->open_count - 1].node].kind;
            if (c == (kind == BINDERY_YAML_KIND_MAPPING ? '}' : ']')) {
                if (!bindery_end_collection(b, mark)) {
                    return 0;
                }
                r->position++;
            } else if (c == ',') {
                r->position++;
                next = kind == BINDERY_YAML_KIND_MAPPING ? EXPECT_KEY : EXPECT_VALUE;
            } else {
                return 0;
            }
            break;
        }
        }
    }
}

/* The document of `input`, from `start` on. */
static int read_json(const unsigned char *input, size_t length, size_t start, builder *b) {
    reader r;
    memset(&r, 0, sizeof r);
    r.input = input;
    r.length = length;
    /* Columns count from after a byte order mark. */
    r.position = r.line_start = start;
    int ok = read_document(&r, b);
    free(r.text);
    return ok;
}

int bindery_json_read(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                      bindery_yaml_document *out) {
    return bindery_run_reader(input, length, limits, out, read_json);
}
