/* A reader for the block YAML API descriptions are written in, that builds the arena libyaml's events would: the
   same nodes in the same order, with the same positions, styles and texts. libyaml reads YAML at about 70 MB/s, on
   Stripe's description the longest serial stretch of a generation; this reads it several times faster.

   Like the JSON reader (json_reader.c), it takes only what it knows libyaml reads the same way, and declines
   everything else, which libyaml then parses (and reports, if it is an error); the reader itself never reports an
   error. What it takes:
   - text of printable characters and line feeds, in valid UTF-8, after a byte order mark or not: no tab, no
     carriage return, no other control character anywhere;
   - a root that is a block mapping or a block sequence, alone in the stream: a document start marker (`---`) may
     come first, on a line of its own, but no directive and no other marker;
   - block mappings whose keys are plain, single-quoted or double-quoted scalars on one line, each followed at
     once by its colon (at most 1000 characters from the key's start) and a space or a line break;
   - block sequences, an entry's node on the dash's line (a compact mapping or sequence too) or below it, and
     sequences as values at their key's indentation;
   - plain scalars, over several lines too; single- and double-quoted scalars, over several lines too (each
     indented past the collection's), with JSON's escapes, `\ ` and escaped line breaks; literal and folded block
     scalars, with their chomping and indentation indicators; flow sequences on one line, of quoted scalars and
     plain ones of letters, digits and `_./+-`; and `{}`;
   - comments: on lines of their own, and after a space at the end of a line.
   It declines anchors, aliases, tags, explicit keys (`?`), merge keys (`<<`), empty values, any other flow
   collection, YAML's other escapes, and whatever the builder refuses (a duplicate key, the depth limit).

   The scalars are read by ports of libyaml's scanners (`yaml_parser_scan_plain_scalar`,
   `yaml_parser_scan_flow_scalar`, `yaml_parser_scan_block_scalar`), restricted to what is taken above. Positions
   are those libyaml gives: lines are counted at line feeds, columns in characters from the line's start. */

#include "builder.h"
#include "text_decode.h"
#include "text_scan.h"
#include "yaml_reader.h"

#include <stdlib.h>
#include <string.h>

/* How far a key's colon may be from its start, in characters: libyaml's 1024, with room to spare. */
#define KEY_REACH 1000

typedef struct {
    const unsigned char *input;
    size_t length;
    size_t pos;
    /* The current line (0-based) and the offset of its first byte. */
    size_t line, line_start;
    /* The text of a scalar that is not a slice of the input. */
    unsigned char *text;
    size_t text_length, text_capacity;
    /* The last column asked (``column_of``): at `counted_position`, on the line starting at `counted_line_start`. */
    size_t counted_line_start, counted_position, counted_column;
    /* Before the root: a document start marker (`---`) may come first. */
    int before_root;
    /* The decoded escapes of a run of a double-quoted scalar over several lines. */
    unsigned char *escaped;
    size_t escaped_capacity;
} reader;

/* Whether `input[start..<length]` holds only printable characters libyaml accepts and line feeds. */
static int is_plain_text(const unsigned char *input, size_t start, size_t length) {
    const uint64_t low = 0x7F7F7F7F7F7F7F7FULL, high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
    size_t i = start;
    while (i < length) {
        /* Eight bytes at a time, each tested exactly: below 0x20 but a line feed, DEL, or not ASCII. */
        while (i + 8 <= length) {
            uint64_t word;
            memcpy(&word, input + i, sizeof word);
            uint64_t control = ~(((word & low) + ones * 0x60) | word) & high;
            uint64_t feed = word ^ (ones * '\n'), del = word ^ (ones * 0x7F);
            uint64_t is_feed = ~(((feed & low) + low) | feed) & high;
            uint64_t is_del = ~(((del & low) + low) | del) & high;
            if ((control & ~is_feed) | is_del | (word & high)) {
                break;
            }
            i += 8;
        }
        if (i >= length) {
            break;
        }
        unsigned char c = input[i];
        if (c == '\n' || (c >= 0x20 && c < 0x7F)) {
            i++;
        } else if (c < 0x80) {
            return 0;
        } else {
            size_t width = bindery_accepted_character(input + i, length - i);
            if (width == 0) {
                return 0;
            }
            i += width;
        }
    }
    return 1;
}

/* The column of `position` on the current line, in characters: its bytes less the UTF-8 continuation bytes, eight
   at a time, counted on from the last column asked on the line when it is not past `position` (a line of many
   entries, `[a, b, …]`, is counted once, not once an entry). */
static size_t column_of(reader *r, size_t position) {
    size_t from = r->line_start, column = 0;
    if (r->counted_line_start == r->line_start && r->counted_position <= position) {
        from = r->counted_position;
        column = r->counted_column;
    }
    const unsigned char *line = r->input + from;
    size_t count = position - from, continuations = 0, i = 0;
    for (; i + 8 <= count; i += 8) {
        uint64_t word;
        memcpy(&word, line + i, sizeof word);
        uint64_t high = word & 0x8080808080808080ULL;
        if (high != 0) {
            /* 10xxxxxx: the high bit set, the next one clear. */
            continuations += (size_t)__builtin_popcountll(high & ~(word << 1));
        }
    }
    for (; i < count; i++) {
        continuations += (line[i] & 0xC0) == 0x80;
    }
    column += count - continuations;
    r->counted_line_start = r->line_start;
    r->counted_position = position;
    r->counted_column = column;
    return column;
}

static yaml_mark_t mark_at(reader *r, size_t position) {
    yaml_mark_t mark = {position, r->line, column_of(r, position)};
    return mark;
}

static int is_blank_or_end(const reader *r, size_t at) {
    return at >= r->length || r->input[at] == ' ' || r->input[at] == '\n';
}

/* Whether only spaces precede `r->pos` on its line: it is the first token of its line. */
static int at_line_content(const reader *r) {
    return bindery_skip_spaces(r->input, r->line_start, r->pos) == r->pos;
}

/* Whether a comment starts at `at`: a `#` at the start of its line or after a space (libyaml takes one after a
   quote or a bracket too, which the reader declines). */
static int is_comment(const reader *r, size_t at) {
    return at < r->length && r->input[at] == '#' && (at == r->line_start || r->input[at - 1] == ' ');
}

/* Moves from a comment's `#` to the end of its line. */
static void skip_comment(reader *r) {
    const unsigned char *end = memchr(r->input + r->pos, '\n', r->length - r->pos);
    r->pos = end != NULL ? (size_t)(end - r->input) : r->length;
}

/* Whether the line starting at `at` starts with `---` or `...`, which libyaml takes for a document marker when a
   space, a line break or the end follows (the reader declines the other such lines too). */
static int starts_with_marker(const reader *r, size_t at) {
    const unsigned char *input = r->input;
    return at == r->line_start && at + 2 < r->length && (input[at] == '-' || input[at] == '.') &&
           input[at + 1] == input[at] && input[at + 2] == input[at];
}

/* Whether the rest of the line from `r->pos` is blank: spaces, then a line break, a comment or the end. */
static int rest_is_blank(reader *r) {
    r->pos = bindery_skip_spaces(r->input, r->pos, r->length);
    return r->pos >= r->length || r->input[r->pos] == '\n' || is_comment(r, r->pos);
}

/* Skips spaces, comments and line breaks to the next token (or the end). Returns 0 to decline at a `#` that is not
   a comment, a directive, or a line starting with `---` or `...`. */
static int skip_to_content(reader *r) {
    const unsigned char *input = r->input;
    for (;;) {
        r->pos = bindery_skip_spaces(input, r->pos, r->length);
        if (r->pos >= r->length) {
            return 1;
        }
        unsigned char c = input[r->pos];
        if (c == '#') {
            if (!is_comment(r, r->pos)) {
                return 0;
            }
            skip_comment(r);
            continue;
        }
        if (c == '\n') {
            r->pos++;
            r->line++;
            r->line_start = r->pos;
            continue;
        }
        if (r->pos == r->line_start) {
            if (c == '%') {
                return 0;
            }
            if (starts_with_marker(r, r->pos)) {
                /* One document start marker before the root, alone on its line but for a comment. */
                if (c == '-' && r->before_root && is_blank_or_end(r, r->pos + 3)) {
                    r->before_root = 0;
                    r->pos += 3;
                    if (!rest_is_blank(r)) {
                        return 0;
                    }
                    continue;
                }
                return 0;
            }
        }
        return 1;
    }
}

/* After a value: the rest of its line must be blank. Moves to the next token. Returns 0 to decline. */
static int finish_value(reader *r) {
    return (at_line_content(r) || rest_is_blank(r)) && skip_to_content(r);
}

/* Whether a block sequence entry starts at `at`: a dash, then a space, a line break or the end. */
static int is_entry(const reader *r, size_t at) {
    return at < r->length && r->input[at] == '-' && is_blank_or_end(r, at + 1);
}

/* Whether a plain scalar may start at `at`, as libyaml decides in block context (less: `?` and `:` never start
   one here). */
static int starts_plain(const reader *r, size_t at) {
    switch (r->input[at]) {
    case '-': return !is_blank_or_end(r, at + 1);
    case ' ': case '\n':
    case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*': case '!':
    case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
        return 0;
    default: return 1;
    }
}

/* The end of the quoted scalar starting at `at` (its closing quote) on the same line, or 0. */
static size_t closing_quote(const reader *r, size_t at) {
    const unsigned char *input = r->input;
    unsigned char quote = input[at];
    size_t i = at + 1;
    while (i < r->length) {
        unsigned char c = input[i];
        if (c == '\n') {
            return 0;
        }
        if (c == quote) {
            if (quote == '\'' && i + 1 < r->length && input[i + 1] == '\'') {
                i += 2;
                continue;
            }
            return i;
        }
        if (c == '\\' && quote == '"') {
            if (i + 1 >= r->length || input[i + 1] == '\n') {
                return 0;
            }
            i += 2;
            continue;
        }
        i++;
    }
    return 0;
}

/* Whether a key starts at `at`: a scalar on this line right before a colon and a space, a line break or the end,
   close enough for libyaml to remember it. `*colon` is where its colon is. */
static int find_key(const reader *r, size_t at, size_t *colon) {
    const unsigned char *input = r->input;
    size_t i;
    if (input[at] == '\'' || input[at] == '"') {
        size_t end = closing_quote(r, at);
        if (end == 0) {
            return 0;
        }
        i = end + 1;
        if (i >= r->length || input[i] != ':') {
            return 0;
        }
    } else if (starts_plain(r, at)) {
        for (i = at;; i++) {
            if (i >= r->length || input[i] == '\n') {
                return 0;
            }
            if (input[i] == ':' && is_blank_or_end(r, i + 1)) {
                break;
            }
            if (input[i] == '#' && input[i - 1] == ' ') {
                return 0;
            }
        }
        if (input[i - 1] == ' ') {
            return 0;
        }
    } else {
        return 0;
    }
    if (!is_blank_or_end(r, i + 1)) {
        return 0;
    }
    /* Bytes are at least as many as characters. */
    if (i - at > KEY_REACH) {
        size_t characters = 0;
        for (size_t k = at; k < i; k++) {
            characters += (input[k] & 0xC0) != 0x80;
        }
        if (characters > KEY_REACH) {
            return 0;
        }
    }
    *colon = i;
    return 1;
}

static int reserve_text(reader *r, size_t needed) {
    if (needed <= r->text_capacity) {
        return 1;
    }
    void *grown = bindery_reserve(r->text, &r->text_capacity, needed, 1);
    if (grown == NULL) {
        return 0;
    }
    r->text = grown;
    return 1;
}

static int append_text(reader *r, const unsigned char *bytes, size_t count) {
    if (count == 0) {
        return 1;
    }
    if (!reserve_text(r, r->text_length + count)) {
        return 0;
    }
    memcpy(r->text + r->text_length, bytes, count);
    r->text_length += count;
    return 1;
}

static int append_repeated(reader *r, unsigned char byte, size_t count) {
    if (count == 0) {
        return 1;
    }
    if (!reserve_text(r, r->text_length + count)) {
        return 0;
    }
    memset(r->text + r->text_length, byte, count);
    r->text_length += count;
    return 1;
}

/* Appends the text of a single-quoted scalar's `input[start..<end]`, each `''` one quote. */
static int append_single_quoted(reader *r, size_t start, size_t end) {
    if (!reserve_text(r, r->text_length + (end - start))) {
        return 0;
    }
    for (size_t i = start; i < end; i++) {
        r->text[r->text_length++] = r->input[i];
        if (r->input[i] == '\'') {
            i++;
        }
    }
    return 1;
}

/* A line break folded as libyaml folds the lines of plain and quoted scalars: a space, or the empty lines after
   it as line feeds. */
static int append_folded(reader *r, size_t trailing_breaks) {
    return trailing_breaks == 0 ? append_repeated(r, ' ', 1) : append_repeated(r, '\n', trailing_breaks);
}

/* The quoted scalar at `r->pos`, which ends on its line at `end`, added. Returns 0 to decline. */
static int read_quoted(reader *r, builder *b, size_t end) {
    const unsigned char *input = r->input;
    size_t start = r->pos + 1;
    yaml_mark_t mark = mark_at(r, r->pos);
    r->pos = end + 1;
    if (input[start - 1] == '"') {
        if (memchr(input + start, '\\', end - start) == NULL) {
            return bindery_add_scalar(b, BINDERY_YAML_STYLE_DOUBLE_QUOTED, input + start, end - start, NULL, NULL,
                                      mark);
        }
        long decoded = bindery_decode_json_escapes(input, start, end, &r->text, &r->text_capacity, 1);
        return decoded >= 0 && bindery_add_scalar(b, BINDERY_YAML_STYLE_DOUBLE_QUOTED, r->text, (size_t)decoded,
                                                  NULL, NULL, mark);
    }
    if (memchr(input + start, '\'', end - start) == NULL) {
        return bindery_add_scalar(b, BINDERY_YAML_STYLE_SINGLE_QUOTED, input + start, end - start, NULL, NULL, mark);
    }
    r->text_length = 0;
    return append_single_quoted(r, start, end) &&
           bindery_add_scalar(b, BINDERY_YAML_STYLE_SINGLE_QUOTED, r->text, r->text_length, NULL, NULL, mark);
}

/* The quoted scalar at `r->pos` that goes on past its line, in a collection indented `parent` columns, added:
   libyaml's `yaml_parser_scan_flow_scalar`, its lines folded as a plain scalar's. Returns 0 to decline: at an
   escaped line break, a line not indented past the collection, a line starting with `---` or `...`, or no
   closing quote. */
static int read_quoted_lines(reader *r, builder *b, long parent) {
    const unsigned char *input = r->input;
    size_t length = r->length;
    unsigned char quote = input[r->pos];
    yaml_mark_t mark = mark_at(r, r->pos);
    size_t pos = r->pos + 1;
    r->text_length = 0;
    for (;;) {
        if (pos >= length) {
            return 0;
        }
        if (starts_with_marker(r, pos)) {
            return 0;
        }
        /* A run of characters up to a blank, an escaped line break or the closing quote. */
        size_t run = pos;
        int escaped_break = 0;
        while (pos < length && input[pos] != ' ' && input[pos] != '\n') {
            unsigned char c = input[pos];
            if (c == quote) {
                if (quote == '\'' && pos + 1 < length && input[pos + 1] == '\'') {
                    pos += 2;
                    continue;
                }
                break;
            }
            if (c == '\\' && quote == '"') {
                if (pos + 1 >= length) {
                    return 0;
                }
                if (input[pos + 1] == '\n') {
                    escaped_break = 1;
                    break;
                }
                pos += 2;
                continue;
            }
            pos++;
        }
        if (quote == '"' && pos > run) {
            long decoded = bindery_decode_json_escapes(input, run, pos, &r->escaped, &r->escaped_capacity, 1);
            if (decoded < 0 || !append_text(r, r->escaped, (size_t)decoded)) {
                return 0;
            }
        } else if (quote == '\'' && !append_single_quoted(r, run, pos)) {
            return 0;
        }
        if (pos >= length) {
            return 0;
        }
        if (input[pos] == quote && !escaped_break) {
            break;
        }
        /* Blanks: spaces kept on their line, line breaks folded; an escaped line break is dropped. */
        size_t spaces_start = pos, spaces_end = pos;
        int leading_blanks = escaped_break, folded_break = !escaped_break;
        size_t trailing_breaks = 0;
        if (escaped_break) {
            pos += 2;
            r->line++;
            r->line_start = pos;
        }
        while (pos < length && (input[pos] == ' ' || input[pos] == '\n')) {
            if (input[pos] == ' ') {
                if (!leading_blanks) {
                    spaces_end = pos + 1;
                }
                pos++;
            } else {
                if (leading_blanks) {
                    trailing_breaks++;
                }
                leading_blanks = 1;
                pos++;
                r->line++;
                r->line_start = pos;
            }
        }
        if (leading_blanks) {
            /* libyaml does not look at the indentation of a quoted scalar's lines; a line that is not past the
               collection's is declined, whatever libyaml would make of it. */
            if (pos < length && input[pos] != quote && (long)(pos - r->line_start) <= parent) {
                return 0;
            }
            if (!(folded_break ? append_folded(r, trailing_breaks) : append_repeated(r, '\n', trailing_breaks))) {
                return 0;
            }
        } else if (!append_text(r, input + spaces_start, spaces_end - spaces_start)) {
            return 0;
        }
    }
    r->pos = pos + 1;
    uint8_t style = quote == '"' ? BINDERY_YAML_STYLE_DOUBLE_QUOTED : BINDERY_YAML_STYLE_SINGLE_QUOTED;
    return bindery_add_scalar(b, style, r->text, r->text_length, NULL, NULL, mark);
}

/* The key at `r->pos`, whose colon is at `colon`, added; moves past the colon. Returns 0 to decline. */
static int read_key(reader *r, builder *b, size_t colon) {
    const unsigned char *input = r->input;
    if (input[r->pos] == '\'' || input[r->pos] == '"') {
        if (!read_quoted(r, b, colon - 1)) {
            return 0;
        }
    } else {
        size_t start = r->pos;
        /* A merge key: the builder merges what aliases bring in, which a source without aliases never measures. */
        if (colon - start == 2 && input[start] == '<' && input[start + 1] == '<') {
            return 0;
        }
        if (!bindery_add_scalar(b, BINDERY_YAML_STYLE_PLAIN, input + start, colon - start, NULL, NULL,
                                mark_at(r, start))) {
            return 0;
        }
    }
    r->pos = colon + 1;
    return 1;
}

/* The plain scalar at `r->pos`, in a collection indented `parent` columns, added: libyaml's
   `yaml_parser_scan_plain_scalar` in block context. Returns 0 to decline. */
static int read_plain(reader *r, builder *b, long parent) {
    const unsigned char *input = r->input;
    size_t length = r->length;
    long indent = parent + 1;
    size_t start = r->pos, pos = r->pos;
    yaml_mark_t mark = mark_at(r, start);
    /* Runs of the input the scalar is made of, kept as one slice while they are contiguous. */
    size_t slice_start = start, slice_end = start;
    int copied = 0;
    int leading_blanks = 0;
    size_t trailing_breaks = 0;
    size_t spaces_start = 0, spaces_end = 0;
    r->text_length = 0;
    for (;;) {
        if (pos >= length || input[pos] == '#') {
            break;
        }
        if (starts_with_marker(r, pos) && is_blank_or_end(r, pos + 3)) {
            break;
        }
        size_t run = pos;
        while (pos < length) {
            unsigned char c = input[pos];
            if (c == ' ' || c == '\n' || (c == ':' && is_blank_or_end(r, pos + 1))) {
                break;
            }
            pos++;
        }
        if (pos > run) {
            if (leading_blanks || spaces_end > spaces_start) {
                /* The scalar is no longer one slice: what it has so far is copied. */
                if (!copied) {
                    if (!append_text(r, input + slice_start, slice_end - slice_start)) {
                        return 0;
                    }
                    copied = 1;
                }
                if (leading_blanks) {
                    if (!append_folded(r, trailing_breaks)) {
                        return 0;
                    }
                    trailing_breaks = 0;
                    leading_blanks = 0;
                } else if (!append_text(r, input + spaces_start, spaces_end - spaces_start)) {
                    return 0;
                }
                spaces_start = spaces_end = 0;
            }
            if (copied) {
                if (!append_text(r, input + run, pos - run)) {
                    return 0;
                }
            } else {
                slice_end = pos;
            }
        }
        if (pos >= length || (input[pos] != ' ' && input[pos] != '\n')) {
            break;
        }
        while (pos < length && (input[pos] == ' ' || input[pos] == '\n')) {
            if (input[pos] == ' ') {
                size_t end = bindery_skip_spaces(input, pos, length);
                if (!leading_blanks) {
                    if (spaces_end == spaces_start) {
                        spaces_start = pos;
                    }
                    spaces_end = end;
                }
                pos = end;
            } else {
                if (!leading_blanks) {
                    spaces_start = spaces_end = 0;
                    leading_blanks = 1;
                } else {
                    trailing_breaks++;
                }
                pos++;
                r->line++;
                r->line_start = pos;
            }
        }
        /* Spaces alone precede `pos` on its line after a line break. */
        if (leading_blanks && (long)(pos - r->line_start) < indent) {
            break;
        }
    }
    r->pos = pos;
    if (copied) {
        return bindery_add_scalar(b, BINDERY_YAML_STYLE_PLAIN, r->text, r->text_length, NULL, NULL, mark);
    }
    return bindery_add_scalar(b, BINDERY_YAML_STYLE_PLAIN, input + slice_start, slice_end - slice_start, NULL, NULL,
                              mark);
}

/* libyaml's `yaml_parser_scan_block_scalar_breaks`: skips the indentation and the empty lines before a line of a
   block scalar, counting the line breaks, and finds the indentation when it is not known yet (`*indent` 0). */
static void block_scalar_breaks(reader *r, long *indent, size_t *breaks, long parent) {
    const unsigned char *input = r->input;
    long max_indent = 0;
    for (;;) {
        size_t limit = r->length;
        if (*indent != 0 && r->line_start + (size_t)*indent < limit) {
            limit = r->line_start + (size_t)*indent;
        }
        r->pos = bindery_skip_spaces(input, r->pos, limit);
        if ((long)(r->pos - r->line_start) > max_indent) {
            max_indent = (long)(r->pos - r->line_start);
        }
        if (r->pos >= r->length || input[r->pos] != '\n') {
            break;
        }
        r->pos++;
        r->line++;
        r->line_start = r->pos;
        (*breaks)++;
    }
    if (*indent == 0) {
        *indent = max_indent;
        if (*indent < parent + 1) {
            *indent = parent + 1;
        }
        if (*indent < 1) {
            *indent = 1;
        }
    }
}

/* The block scalar at `r->pos` (its `|` or `>`), in a collection indented `parent` columns, added: libyaml's
   `yaml_parser_scan_block_scalar`. Returns 0 to decline. */
static int read_block_scalar(reader *r, builder *b, long parent) {
    const unsigned char *input = r->input;
    size_t length = r->length;
    yaml_mark_t mark = mark_at(r, r->pos);
    int literal = input[r->pos] == '|';
    int chomping = 0;
    long increment = 0;
    r->pos++;
    for (int indicator = 0; indicator < 2 && r->pos < length; indicator++) {
        unsigned char c = input[r->pos];
        if ((c == '+' || c == '-') && chomping == 0) {
            chomping = c == '+' ? 1 : -1;
        } else if (c >= '1' && c <= '9' && increment == 0) {
            increment = c - '0';
        } else {
            break;
        }
        r->pos++;
    }
    if (!rest_is_blank(r)) {
        return 0;
    }
    if (r->pos < length && input[r->pos] == '#') {
        skip_comment(r);
    }
    if (r->pos < length) {
        r->pos++;
        r->line++;
        r->line_start = r->pos;
    }
    long indent = increment ? (parent >= 0 ? parent + increment : increment) : 0;
    size_t trailing_breaks = 0;
    int leading_break = 0, leading_blank = 0;
    r->text_length = 0;
    block_scalar_breaks(r, &indent, &trailing_breaks, parent);
    while ((long)(r->pos - r->line_start) == indent && r->pos < length) {
        int trailing_blank = input[r->pos] == ' ';
        if (!literal && leading_break && !leading_blank && !trailing_blank) {
            if (trailing_breaks == 0 && !append_repeated(r, ' ', 1)) {
                return 0;
            }
            leading_break = 0;
        } else if (leading_break) {
            if (!append_repeated(r, '\n', 1)) {
                return 0;
            }
            leading_break = 0;
        }
        if (!append_repeated(r, '\n', trailing_breaks)) {
            return 0;
        }
        trailing_breaks = 0;
        leading_blank = input[r->pos] == ' ';
        const unsigned char *line_end = memchr(input + r->pos, '\n', length - r->pos);
        size_t end = line_end != NULL ? (size_t)(line_end - input) : length;
        if (!append_text(r, input + r->pos, end - r->pos)) {
            return 0;
        }
        r->pos = end;
        if (end < length) {
            r->pos++;
            r->line++;
            r->line_start = r->pos;
            leading_break = 1;
        }
        block_scalar_breaks(r, &indent, &trailing_breaks, parent);
    }
    if (chomping != -1 && leading_break && !append_repeated(r, '\n', 1)) {
        return 0;
    }
    if (chomping == 1 && !append_repeated(r, '\n', trailing_breaks)) {
        return 0;
    }
    uint8_t style = literal ? BINDERY_YAML_STYLE_LITERAL : BINDERY_YAML_STYLE_FOLDED;
    return bindery_add_scalar(b, style, r->text, r->text_length, NULL, NULL, mark);
}

/* Whether `c` may be in a plain scalar of a flow sequence as the reader takes it: letters, digits and `_./+-`
   (libyaml ends such a scalar at a space, `,`, `[`, `]`, `{`, `}`, and `:` or `#` in some places; none of these is
   taken). */
static int is_flow_plain(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '/' || c == '+' || c == '-';
}

/* The flow sequence at `r->pos` (its `[`), on one line, added: empty, or of scalars, each quoted or plain of
   `is_flow_plain` characters (not starting with `-` but before a digit or a letter), separated by commas. Returns 0
   to decline: anything else, a trailing comma among them. */
static int read_flow_sequence(reader *r, builder *b) {
    const unsigned char *input = r->input;
    size_t length = r->length;
    if (!bindery_start_collection(b, BINDERY_YAML_KIND_SEQUENCE, 1, NULL, NULL, mark_at(r, r->pos))) {
        return 0;
    }
    r->pos = bindery_skip_spaces(input, r->pos + 1, length);
    if (r->pos < length && input[r->pos] != ']') {
        for (;;) {
            if (r->pos >= length) {
                return 0;
            }
            unsigned char c = input[r->pos];
            if (c == '\'' || c == '"') {
                size_t end = closing_quote(r, r->pos);
                if (end == 0 || !read_quoted(r, b, end)) {
                    return 0;
                }
            } else if (is_flow_plain(c)) {
                size_t start = r->pos, end = start;
                while (end < length && is_flow_plain(input[end])) {
                    end++;
                }
                if (c == '-' && (end == start + 1 || !is_flow_plain(input[start + 1]) || input[start + 1] == '-')) {
                    return 0;
                }
                if (!bindery_add_scalar(b, BINDERY_YAML_STYLE_PLAIN, input + start, end - start, NULL, NULL,
                                        mark_at(r, start))) {
                    return 0;
                }
                r->pos = end;
            } else {
                return 0;
            }
            r->pos = bindery_skip_spaces(input, r->pos, length);
            if (r->pos < length && input[r->pos] == ']') {
                break;
            }
            if (r->pos >= length || input[r->pos] != ',') {
                return 0;
            }
            r->pos = bindery_skip_spaces(input, r->pos + 1, length);
        }
    }
    if (r->pos >= length || input[r->pos] != ']') {
        return 0;
    }
    int ok = bindery_end_collection(b, mark_at(r, r->pos));
    r->pos++;
    return ok;
}

/* A scalar, a flow sequence or `{}` at `r->pos`, in a collection indented `parent` columns, added; then the rest of its
   line. Returns 0 to decline. */
static int read_value(reader *r, builder *b, long parent) {
    const unsigned char *input = r->input;
    unsigned char c = input[r->pos];
    int ok;
    if (c == '\'' || c == '"') {
        size_t end = closing_quote(r, r->pos);
        ok = end != 0 ? read_quoted(r, b, end) : read_quoted_lines(r, b, parent);
    } else if (c == '|' || c == '>') {
        ok = read_block_scalar(r, b, parent);
    } else if (c == '[') {
        ok = read_flow_sequence(r, b);
    } else if (c == '{') {
        /* Empty, with spaces inside or not. */
        size_t end = bindery_skip_spaces(input, r->pos + 1, r->length);
        if (end >= r->length || input[end] != '}') {
            return 0;
        }
        ok = bindery_start_collection(b, BINDERY_YAML_KIND_MAPPING, 1, NULL, NULL, mark_at(r, r->pos)) &&
             bindery_end_collection(b, mark_at(r, end));
        r->pos = end + 1;
    } else if (starts_plain(r, r->pos)) {
        ok = read_plain(r, b, parent);
    } else {
        return 0;
    }
    return ok && finish_value(r);
}

static int read_node(reader *r, builder *b, long parent);
static int read_sequence_at(reader *r, builder *b, size_t column, int indentless);

/* The block mapping whose first key is at `r->pos`, at `column`, its colon at `colon`. Returns at the first token
   after it (or the end), or 0 to decline. */
static int read_mapping(reader *r, builder *b, size_t column, size_t colon) {
    if (!bindery_start_collection(b, BINDERY_YAML_KIND_MAPPING, 0, NULL, NULL, mark_at(r, r->pos))) {
        return 0;
    }
    for (int first = 1;; first = 0) {
        if ((!first && !find_key(r, r->pos, &colon)) || !read_key(r, b, colon)) {
            return 0;
        }
        if (!rest_is_blank(r)) {
            if (!read_value(r, b, (long)column)) {
                return 0;
            }
        } else {
            /* The value is below its key: more indented, or a sequence at the key's indentation. */
            if (!skip_to_content(r) || r->pos >= r->length) {
                return 0;
            }
            size_t below = r->pos - r->line_start;
            int ok = below > column                           ? read_node(r, b, (long)column)
                     : below == column && is_entry(r, r->pos) ? read_sequence_at(r, b, column, 1)
                                                              : 0;
            if (!ok) {
                return 0;
            }
        }
        if (r->pos >= r->length) {
            break;
        }
        size_t next = r->pos - r->line_start;
        if (next < column) {
            break;
        }
        if (next > column) {
            return 0;
        }
    }
    return bindery_end_collection(b, mark_at(r, r->pos));
}

/* The block sequence whose first dash is at `r->pos`, at `column`; `indentless`: the value of a key at the same
   indentation, which ends at the next key. Returns at the first token after it (or the end), or 0 to decline. */
static int read_sequence_at(reader *r, builder *b, size_t column, int indentless) {
    if (!bindery_start_collection(b, BINDERY_YAML_KIND_SEQUENCE, 0, NULL, NULL, mark_at(r, r->pos))) {
        return 0;
    }
    for (;;) {
        r->pos++;
        if (!rest_is_blank(r)) {
            /* The entry on the dash's line: a scalar, or a compact mapping or sequence. */
            if (!read_node(r, b, (long)column)) {
                return 0;
            }
        } else if (!skip_to_content(r) || r->pos >= r->length || r->pos - r->line_start <= column ||
                   !read_node(r, b, (long)column)) {
            return 0;
        }
        if (r->pos >= r->length) {
            break;
        }
        size_t next = r->pos - r->line_start;
        if (next == column && is_entry(r, r->pos)) {
            continue;
        }
        if (next < column || (indentless && next == column)) {
            break;
        }
        return 0;
    }
    return bindery_end_collection(b, mark_at(r, r->pos));
}

/* The node at `r->pos`, in a collection indented `parent` columns (-1 for the root, which must be a collection):
   a block sequence or mapping starting here, or a value. */
static int read_node(reader *r, builder *b, long parent) {
    size_t column = column_of(r, r->pos);
    if (is_entry(r, r->pos)) {
        return read_sequence_at(r, b, column, 0);
    }
    size_t colon;
    if (find_key(r, r->pos, &colon)) {
        return read_mapping(r, b, column, colon);
    }
    return parent >= 0 && read_value(r, b, parent);
}

/* The document of `input`, from `start` on. */
static int read_yaml(const unsigned char *input, size_t length, size_t start, builder *b) {
    if (!is_plain_text(input, start, length)) {
        return 0;
    }
    reader r;
    memset(&r, 0, sizeof r);
    r.input = input;
    r.length = length;
    /* Columns count from after a byte order mark. */
    r.pos = r.line_start = start;
    r.before_root = 1;
    int ok = skip_to_content(&r) && r.pos < length;
    r.before_root = 0;
    ok = ok && read_node(&r, b, -1) && r.pos == length;
    free(r.text);
    free(r.escaped);
    return ok;
}

int bindery_block_yaml_read(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                            bindery_yaml_document *out) {
    return bindery_run_reader(input, length, limits, out, read_yaml);
}
