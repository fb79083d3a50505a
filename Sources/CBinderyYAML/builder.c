/* Arena builder basics: error recording, growable arrays, the string pool and node creation. */

#include "builder.h"
#include "text_scan.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t bindery_one_based(size_t zero_based) {
    return zero_based >= UINT32_MAX ? UINT32_MAX : (uint32_t)(zero_based + 1);
}

/* Records the first error; always returns 0 so callers can `return bindery_fail(...)`. */
int bindery_fail(builder *b, uint32_t line, uint32_t column, const char *format, ...) {
    bindery_yaml_document *out = b->out;
    if (out->failed) {
        return 0;
    }
    out->failed = 1;
    out->error_line = line;
    out->error_column = column;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(out->message, sizeof out->message, format, arguments);
    va_end(arguments);
    return 0;
}

int bindery_fail_at_mark(builder *b, yaml_mark_t mark, const char *message) {
    return bindery_fail(b, bindery_one_based(mark.line), bindery_one_based(mark.column), "%s", message);
}

/* Ensures room for `needed` elements, growing geometrically. Returns the (possibly moved)
   buffer, or NULL on failure, in which case `buffer` is untouched and still owned by the caller. */
void *bindery_reserve(void *buffer, size_t *capacity, size_t needed, size_t element_size) {
    if (needed <= *capacity) {
        return buffer;
    }
    size_t new_capacity = *capacity < 16 ? 16 : *capacity;
    while (new_capacity < needed) {
        new_capacity = new_capacity > SIZE_MAX / 2 ? needed : new_capacity * 2;
    }
    if (new_capacity > SIZE_MAX / element_size) {
        return NULL;
    }
    void *grown = realloc(buffer, new_capacity * element_size);
    if (grown != NULL) {
        *capacity = new_capacity;
    }
    return grown;
}

int bindery_push_pending(builder *b, uint32_t node, yaml_mark_t mark) {
    RESERVE(b, b->pending, b->pending_capacity, b->pending_count + 1, mark);
    RESERVE(b, b->pending_marks, b->pending_marks_capacity, b->pending_count + 1, mark);
    pending_mark position = {bindery_one_based(mark.line), bindery_one_based(mark.column)};
    b->pending[b->pending_count] = node;
    b->pending_marks[b->pending_count] = position;
    b->pending_count++;
    return 1;
}

/* Appends bytes to the string pool; returns 0 on failure. */
int bindery_append_string(builder *b, const void *bytes, size_t length, uint32_t *offset, yaml_mark_t mark) {
    if (length > UINT32_MAX - b->strings_length) {
        return bindery_fail_at_mark(b, mark, "document too large");
    }
    RESERVE(b, b->strings, b->strings_capacity, b->strings_length + length, mark);
    if (length > 0) {
        memcpy(b->strings + b->strings_length, bytes, length);
    }
    *offset = (uint32_t)b->strings_length;
    b->strings_length += length;
    return 1;
}

int bindery_add_node(builder *b, uint8_t kind, uint8_t style, yaml_mark_t mark, const yaml_char_t *tag,
                     uint32_t *index) {
    if (b->node_count >= OPEN_COLLECTION) {
        return bindery_fail_at_mark(b, mark, "document too large");
    }
    RESERVE(b, b->nodes, b->node_capacity, b->node_count + 1, mark);
    if (!b->no_aliases) {
        RESERVE(b, b->heights, b->heights_capacity, b->node_count + 1, mark);
        RESERVE(b, b->sizes, b->sizes_capacity, b->node_count + 1, mark);
    }
    bindery_yaml_node node;
    memset(&node, 0, sizeof node);
    node.kind = kind;
    node.style = style;
    node.line = bindery_one_based(mark.line);
    node.column = bindery_one_based(mark.column);
    if (tag != NULL) {
        size_t tag_length = strlen((const char *)tag);
        if (!bindery_append_string(b, tag, tag_length, &node.tag_offset, mark)) {
            return 0;
        }
        node.tag_length = (uint32_t)tag_length;
    }
    *index = (uint32_t)b->node_count;
    b->nodes[b->node_count] = node;
    if (!b->no_aliases) {
        b->heights[b->node_count] = 0;
        b->sizes[b->node_count] = 1;
    }
    b->node_count++;
    b->expanded++;
    return 1;
}

void bindery_free_scratch(builder *b) {
    free(b->pending);
    free(b->pending_marks);
    free(b->open);
    free(b->anchors);
    free(b->anchor_names);
    free(b->keys);
    free(b->merged);
    free(b->merge_keys);
    free(b->heights);
    free(b->sizes);
}

void bindery_builder_begin(builder *b, bindery_yaml_document *out, const bindery_yaml_limits *limits, size_t length,
                           int no_aliases) {
    memset(b, 0, sizeof *b);
    memset(out, 0, sizeof *out);
    b->out = out;
    b->limits = *limits;
    b->no_aliases = no_aliases;
    size_t estimate = length / 16 + 16;
    b->nodes = bindery_reserve(NULL, &b->node_capacity, estimate, sizeof *b->nodes);
    b->children = bindery_reserve(NULL, &b->children_capacity, estimate, sizeof *b->children);
    if (!no_aliases) {
        b->heights = bindery_reserve(NULL, &b->heights_capacity, estimate, sizeof *b->heights);
        b->sizes = bindery_reserve(NULL, &b->sizes_capacity, estimate, sizeof *b->sizes);
    }
    b->strings = bindery_reserve(NULL, &b->strings_capacity, length / 2 + 16, 1);
}

void bindery_builder_end(builder *b, int ok) {
    bindery_free_scratch(b);
    bindery_yaml_document *out = b->out;
    if (!ok) {
        free(b->nodes);
        free(b->children);
        free(b->strings);
        if (!out->failed) {
            bindery_fail(b, 1, 1, "unknown error");
        }
        return;
    }
    out->nodes = b->nodes;
    out->node_count = b->node_count;
    out->children = b->children;
    out->children_count = b->children_count;
    out->strings = b->strings;
    out->strings_length = b->strings_length;
}

int bindery_run_reader(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                       bindery_yaml_document *out, bindery_reader read) {
    if (input == NULL || length > limits->max_bytes) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    builder b;
    bindery_builder_begin(&b, out, limits, length, 1);
    b.document_count = 1;
    int ok = read(input, length, bindery_bom_length(input, length), &b) && bindery_finish_document(&b);
    bindery_builder_end(&b, ok);
    if (!ok) {
        memset(out, 0, sizeof *out);
    }
    return ok;
}
