/* The limits of bindery_yaml_limits: the input's size, how deep collections nest and how many nodes aliases add.

   Aliases share nodes in the arena, so the arena stays as small as the text, but the tree it stands for does not:
   ten aliases of a list of ten aliases of … (the "billion laughs") stand for 10^n nodes, and an alias of a deeply
   nested collection written deep inside another nests twice as deep. Whoever walks the tree pays for what it
   stands for, so that is what is limited: each node records how deep it nests and how many nodes it stands for
   (known once it ends, and an alias only refers to a node that has ended), and an alias adds those. */

#include "builder.h"

#include <inttypes.h>

#define MEBIBYTE ((size_t)1024 * 1024)

int bindery_check_length(builder *b, size_t length) {
    size_t limit = b->limits.max_bytes;
    if (length <= limit) {
        return 1;
    }
    if (limit % MEBIBYTE == 0) {
        return bindery_fail(b, 1, 1, "the document is larger than %zu MiB (the limit)", limit / MEBIBYTE);
    }
    return bindery_fail(b, 1, 1, "the document is larger than %zu bytes (the limit)", limit);
}

int bindery_check_depth(builder *b, yaml_mark_t mark) {
    if (b->open_count < b->limits.max_depth) {
        return 1;
    }
    return bindery_fail(b, bindery_one_based(mark.line), bindery_one_based(mark.column),
                        "collections nest more than %" PRIu32 " levels deep here (the limit)",
                        b->limits.max_depth);
}

void bindery_measure_collection(builder *b, uint32_t node, const uint32_t *run, size_t count) {
    uint32_t height = 0;
    uint64_t size = 1;
    for (size_t i = 0; i < count; i++) {
        uint32_t child = run[i];
        if (b->heights[child] > height) {
            height = b->heights[child];
        }
        /* Sizes stay below the limit (b->expanded would have crossed it first), so the sum cannot overflow. */
        size += b->sizes[child];
    }
    b->heights[node] = height + 1;
    b->sizes[node] = size;
}

int bindery_check_alias(builder *b, uint32_t node, yaml_mark_t mark) {
    uint32_t line = bindery_one_based(mark.line), column = bindery_one_based(mark.column);
    /* Written inside open_count collections, the alias's collections nest that much deeper. */
    if (b->heights[node] > b->limits.max_depth - b->open_count) {
        return bindery_fail(b, line, column,
                            "this alias nests collections more than %" PRIu32 " levels deep (the limit)",
                            b->limits.max_depth);
    }
    /* The alias stands for sizes[node] nodes; the node itself is already counted once. */
    b->expanded += b->sizes[node];
    if (b->expanded - b->node_count > b->limits.max_alias_nodes) {
        return bindery_fail(b, line, column,
                            "aliases add more than %" PRIu64
                            " nodes to the document (the limit): each counts every node it stands for",
                            b->limits.max_alias_nodes);
    }
    return 1;
}
