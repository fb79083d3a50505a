/* Error messages: libyaml parser errors and quoting of user text in messages. */

#include "builder.h"
#include "text_scan.h"

#include <string.h>

static uint32_t clamp_u32(size_t value) {
    return value > UINT32_MAX ? UINT32_MAX : (uint32_t)value;
}

/* Writes `bytes` into `buffer` (capacity > 4*limit+8) for use inside '...', escaping control
   characters and quotes and truncating long text at a UTF-8 boundary with "...". */
void bindery_quote_text(char *buffer, size_t capacity, const unsigned char *bytes, size_t length) {
    static const char hex[] = "0123456789ABCDEF";
    size_t limit = length;
    int truncated = 0;
    if (limit > QUOTED_TEXT_LIMIT) {
        limit = QUOTED_TEXT_LIMIT;
        while (limit > 0 && (bytes[limit] & 0xC0) == 0x80) {
            limit--;
        }
        truncated = 1;
    }
    size_t used = 0;
    for (size_t i = 0; i < limit && used + 8 < capacity; i++) {
        unsigned char c = bytes[i];
        if (c == '\n') {
            buffer[used++] = '\\';
            buffer[used++] = 'n';
        } else if (c == '\t') {
            buffer[used++] = '\\';
            buffer[used++] = 't';
        } else if (c == '\'' || c == '\\') {
            buffer[used++] = '\\';
            buffer[used++] = (char)c;
        } else if (c < 0x20 || c == 0x7F) {
            buffer[used++] = '\\';
            buffer[used++] = 'x';
            buffer[used++] = hex[c >> 4];
            buffer[used++] = hex[c & 0xF];
        } else {
            buffer[used++] = (char)c;
        }
    }
    if (truncated && used + 4 < capacity) {
        memcpy(buffer + used, "...", 3);
        used += 3;
    }
    buffer[used] = '\0';
}

/* Reader errors only carry a byte offset: derive the 1-based line and column (in characters). */
static void position_of_offset(const unsigned char *input, size_t length, size_t offset, uint32_t *line,
                               uint32_t *column) {
    size_t current_line = 1, current_column = 1, start = 0;
    if (offset > length) {
        offset = length;
    }
    size_t bom = bindery_bom_length(input, length); /* libyaml does not count a UTF-8 byte order mark */
    if (offset >= bom) {
        start = bom;
    }
    for (size_t i = start; i < offset; i++) {
        unsigned char c = input[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= length || input[i + 1] != '\n'))) {
            current_line++;
            current_column = 1;
        } else if (c != '\r' && (c & 0xC0) != 0x80) {
            current_column++;
        }
    }
    *line = clamp_u32(current_line);
    *column = clamp_u32(current_column);
}

/* The byte at 0-based `line` and `column` (in characters) of the input, or -1 past its end. */
static int byte_at(const unsigned char *input, size_t length, size_t line, size_t column) {
    size_t i = bindery_bom_length(input, length);
    for (; line > 0 && i < length; i++) {
        if (input[i] == '\n' || (input[i] == '\r' && (i + 1 >= length || input[i + 1] != '\n'))) {
            line--;
        }
    }
    for (; i < length; i++) {
        if ((input[i] & 0xC0) == 0x80) {
            continue;
        }
        if (column == 0) {
            return input[i];
        }
        column--;
    }
    return -1;
}

int bindery_fail_from_parser(builder *b, const yaml_parser_t *parser, const unsigned char *input, size_t length) {
    const char *problem = parser->problem ? parser->problem : "unknown YAML error";
    switch (parser->error) {
    case YAML_MEMORY_ERROR:
        return bindery_fail_at_mark(b, parser->mark, "out of memory");
    case YAML_READER_ERROR: {
        uint32_t line, column;
        position_of_offset(input, length, parser->problem_offset, &line, &column);
        if (parser->problem_value >= 0) {
            return bindery_fail(b, line, column, "%s (0x%02X)", problem, (unsigned)parser->problem_value);
        }
        return bindery_fail(b, line, column, "%s", problem);
    }
    default: {
        uint32_t line = bindery_one_based(parser->problem_mark.line);
        uint32_t column = bindery_one_based(parser->problem_mark.column);
        /* libyaml's words for a tab where YAML wants indentation or a token say nothing of the tab. */
        if (strcmp(problem, "found character that cannot start any token") == 0 &&
            byte_at(input, length, parser->problem_mark.line, parser->problem_mark.column) == '\t') {
            return bindery_fail(b, line, column, "a tab cannot indent YAML or separate its tokens; use spaces");
        }
        if (parser->context == NULL) {
            return bindery_fail(b, line, column, "%s", problem);
        }
        uint32_t context_line = bindery_one_based(parser->context_mark.line);
        uint32_t context_column = bindery_one_based(parser->context_mark.column);
        if (context_line == line && context_column == column) {
            return bindery_fail(b, line, column, "%s %s", problem, parser->context);
        }
        return bindery_fail(b, line, column, "%s %s that started at %u:%u", problem, parser->context,
                            (unsigned)context_line, (unsigned)context_column);
    }
    }
}
