/* The builder's event-level entry points: what a collection's start and end, and a scalar, add to the arena. The
   libyaml event loop (bindery_yaml.c) and the JSON reader (json_reader.c) both build through these. */

#include "builder.h"

#include <string.h>

int bindery_start_collection(builder *b, uint8_t kind, int flow, const yaml_char_t *anchor, const yaml_char_t *tag,
                             yaml_mark_t mark) {
    uint32_t index;
    uint8_t style = flow ? BINDERY_YAML_STYLE_FLOW : BINDERY_YAML_STYLE_BLOCK;
    if (!bindery_check_depth(b, mark) || !bindery_add_node(b, kind, style, mark, tag, &index)) {
        return 0;
    }
    b->nodes[index].first_child = OPEN_COLLECTION;
    if (!bindery_define_anchor(b, anchor, index, mark) || !bindery_push_pending(b, index, mark)) {
        return 0;
    }
    RESERVE(b, b->open, b->open_capacity, b->open_count + 1, mark);
    open_collection entry = {index, b->pending_count};
    b->open[b->open_count++] = entry;
    return 1;
}

int bindery_end_collection(builder *b, yaml_mark_t mark) {
    if (b->open_count == 0) {
        return bindery_fail_at_mark(b, mark, "unbalanced collection end");
    }
    open_collection entry = b->open[--b->open_count];
    size_t count = b->pending_count - entry.pending_start;
    const uint32_t *run = b->pending + entry.pending_start;
    const pending_mark *marks = b->pending_marks + entry.pending_start;
    if (b->nodes[entry.node].kind == BINDERY_YAML_KIND_MAPPING &&
        (!bindery_check_duplicate_keys(b, run, marks, count, mark) ||
         !bindery_apply_merge_keys(b, run, marks, count, mark, &run, &count))) {
        return 0;
    }
    if (b->children_count + count > UINT32_MAX) {
        return bindery_fail_at_mark(b, mark, "document too large");
    }
    RESERVE(b, b->children, b->children_capacity, b->children_count + count, mark);
    if (count > 0) {
        memcpy(b->children + b->children_count, run, count * sizeof *run);
    }
    if (!b->no_aliases) {
        bindery_measure_collection(b, entry.node, run, count);
    }
    bindery_yaml_node *node = &b->nodes[entry.node];
    node->first_child = (uint32_t)b->children_count;
    node->child_count = (uint32_t)count;
    b->children_count += count;
    b->pending_count = entry.pending_start;
    return 1;
}

int bindery_add_scalar(builder *b, uint8_t style, const void *value, size_t length, const yaml_char_t *anchor,
                       const yaml_char_t *tag, yaml_mark_t mark) {
    uint32_t index;
    if (style < BINDERY_YAML_STYLE_PLAIN || style > BINDERY_YAML_STYLE_FOLDED) {
        style = BINDERY_YAML_STYLE_PLAIN;
    }
    if (!bindery_add_node(b, BINDERY_YAML_KIND_SCALAR, style, mark, tag, &index)) {
        return 0;
    }
    uint32_t offset;
    if (!bindery_append_string(b, value, length, &offset, mark)) {
        return 0;
    }
    b->nodes[index].text_offset = offset;
    b->nodes[index].text_length = (uint32_t)length;
    return bindery_define_anchor(b, anchor, index, mark) && bindery_push_pending(b, index, mark);
}

int bindery_finish_document(builder *b) {
    yaml_mark_t start = {0, 0, 0};
    if (b->pending_count == 0) {
        uint32_t index;
        if (!bindery_add_node(b, BINDERY_YAML_KIND_SCALAR, BINDERY_YAML_STYLE_PLAIN, start, NULL, &index) ||
            !bindery_push_pending(b, index, start)) {
            return 0;
        }
    }
    if (b->pending_count != 1 || b->open_count != 0) {
        return bindery_fail_at_mark(b, start, "unbalanced document");
    }
    b->out->root = b->pending[0];
    return 1;
}
