/* YAML merge keys (https://yaml.org/type/merge.html): `<<: *base` or `<<: [*a, *b]` in a mapping.

   Applied when the mapping ends, so the result is an ordinary mapping in the arena and readers never see `<<`.
   The merged pairs take the place of the `<<` pair, in the order of their source mapping. A key written in the
   mapping itself wins over a merged one wherever it is written; within a sequence an earlier mapping wins over a
   later one. Merged pairs are the source's own key and value nodes (shared, like aliases), so they keep the
   positions where they were written. A source mapping has been merged itself when it ended, so merges of merges
   need no recursion. A mapping merged more than once is merged through aliases, which count the nodes they stand
   for against bindery_yaml_limits.max_alias_nodes (limits.c): that also bounds the pairs merges copy. Only a plain `<<` (or one tagged `!!merge`) is a merge key: a quoted "<<" is a key, which
   also keeps JSON, where every key is quoted, free of merges. */

#include "builder.h"

#include <string.h>

#define MERGE_TAG "tag:yaml.org,2002:merge"

int bindery_is_merge_key(const builder *b, uint32_t node) {
    const bindery_yaml_node *key = &b->nodes[node];
    if (key->kind != BINDERY_YAML_KIND_SCALAR || key->style != BINDERY_YAML_STYLE_PLAIN || key->text_length != 2 ||
        memcmp(b->strings + key->text_offset, "<<", 2) != 0) {
        return 0;
    }
    return key->tag_length == 0 ||
           (key->tag_length == sizeof MERGE_TAG - 1 &&
            memcmp(b->strings + key->tag_offset, MERGE_TAG, sizeof MERGE_TAG - 1) == 0);
}

static const char *kind_name(const bindery_yaml_node *node) {
    switch (node->kind) {
    case BINDERY_YAML_KIND_SCALAR:
        return "a scalar";
    case BINDERY_YAML_KIND_SEQUENCE:
        return "a sequence";
    default:
        return "a mapping";
    }
}

static uint64_t hash_key(const builder *b, uint32_t node) {
    const bindery_yaml_node *key = &b->nodes[node];
    uint64_t hash = 1469598103934665603ULL; /* FNV-1a */
    if (key->kind != BINDERY_YAML_KIND_SCALAR) {
        return (hash ^ node) * 1099511628211ULL;
    }
    const unsigned char *bytes = (const unsigned char *)b->strings + key->text_offset;
    for (uint32_t i = 0; i < key->text_length; i++) {
        hash ^= bytes[i];
        hash *= 1099511628211ULL;
    }
    return hash;
}

/* Scalar keys are the same key when their text is (as for duplicate detection); other keys when they are the
   same node. */
static int same_key(const builder *b, uint32_t lhs, uint32_t rhs) {
    if (lhs == rhs) {
        return 1;
    }
    const bindery_yaml_node *left = &b->nodes[lhs], *right = &b->nodes[rhs];
    if (left->kind != BINDERY_YAML_KIND_SCALAR || right->kind != BINDERY_YAML_KIND_SCALAR) {
        return 0;
    }
    return left->text_length == right->text_length &&
           (left->text_length == 0 ||
            memcmp(b->strings + left->text_offset, b->strings + right->text_offset, left->text_length) == 0);
}

/* Adds `key` to the key set (`mask + 1` slots, a power of two); returns 1 when it was not there yet. The set never
   fills: it has more slots than keys it can receive. */
static int insert_key(builder *b, size_t mask, uint32_t key) {
    size_t index = (size_t)hash_key(b, key) & mask;
    for (;;) {
        uint32_t slot = b->merge_keys[index];
        if (slot == UINT32_MAX) {
            b->merge_keys[index] = key;
            return 1;
        }
        if (same_key(b, slot, key)) {
            return 0;
        }
        index = (index + 1) & mask;
    }
}

/* Checks that `value` (written at `mark`) can be merged and counts the pairs it brings. */
static int count_merged_pairs(builder *b, uint32_t value, pending_mark mark, size_t *pairs) {
    const bindery_yaml_node *node = &b->nodes[value];
    if (node->kind == BINDERY_YAML_KIND_MAPPING) {
        *pairs += node->child_count / 2;
        return 1;
    }
    if (node->kind != BINDERY_YAML_KIND_SEQUENCE) {
        return bindery_fail(b, mark.line, mark.column,
                            "the value of the merge key '<<' must be a mapping or a sequence of mappings, found %s",
                            kind_name(node));
    }
    for (uint32_t i = 0; i < node->child_count; i++) {
        const bindery_yaml_node *item = &b->nodes[b->children[node->first_child + i]];
        if (item->kind != BINDERY_YAML_KIND_MAPPING) {
            return bindery_fail(b, mark.line, mark.column,
                                "item %u of the merge key's sequence must be a mapping, found %s", i + 1,
                                kind_name(item));
        }
        *pairs += item->child_count / 2;
    }
    return 1;
}

/* Appends the pairs of the mapping `source` whose keys are not in the set yet. */
static void merge_mapping(builder *b, size_t mask, uint32_t source, size_t *out) {
    const bindery_yaml_node *node = &b->nodes[source];
    for (uint32_t i = 0; i + 1 < node->child_count; i += 2) {
        uint32_t key = b->children[node->first_child + i];
        if (insert_key(b, mask, key)) {
            b->merged[(*out)++] = key;
            b->merged[(*out)++] = b->children[node->first_child + i + 1];
        }
    }
}

int bindery_apply_merge_keys(builder *b, const uint32_t *run, const pending_mark *marks, size_t count,
                             yaml_mark_t mark, const uint32_t **result, size_t *result_count) {
    *result = run;
    *result_count = count;
    size_t merge_pair = SIZE_MAX;
    for (size_t i = 0; i + 1 < count; i += 2) {
        if (bindery_is_merge_key(b, run[i])) {
            merge_pair = i;
            break;
        }
    }
    if (merge_pair == SIZE_MAX) {
        return 1;
    }

    /* Validate every merge value and size the result: at most the explicit pairs plus every merged pair. */
    size_t merged_pairs = 0;
    for (size_t i = merge_pair; i + 1 < count; i += 2) {
        if (bindery_is_merge_key(b, run[i]) && !count_merged_pairs(b, run[i + 1], marks[i + 1], &merged_pairs)) {
            return 0;
        }
    }
    size_t capacity = count + 2 * merged_pairs;
    size_t slots = 16;
    while (slots <= capacity) {
        slots *= 2;
    }
    RESERVE(b, b->merged, b->merged_capacity, capacity, mark);
    RESERVE(b, b->merge_keys, b->merge_keys_capacity, slots, mark);
    memset(b->merge_keys, 0xFF, slots * sizeof *b->merge_keys);
    size_t mask = slots - 1;

    /* Keys written in the mapping win: they go into the set first. */
    for (size_t i = 0; i + 1 < count; i += 2) {
        if (!bindery_is_merge_key(b, run[i])) {
            (void)insert_key(b, mask, run[i]);
        }
    }
    size_t out = 0;
    for (size_t i = 0; i + 1 < count; i += 2) {
        if (!bindery_is_merge_key(b, run[i])) {
            b->merged[out++] = run[i];
            b->merged[out++] = run[i + 1];
            continue;
        }
        const bindery_yaml_node *value = &b->nodes[run[i + 1]];
        if (value->kind == BINDERY_YAML_KIND_MAPPING) {
            merge_mapping(b, mask, run[i + 1], &out);
        } else {
            for (uint32_t item = 0; item < value->child_count; item++) {
                merge_mapping(b, mask, b->children[value->first_child + item], &out);
            }
        }
    }
    *result = b->merged;
    *result_count = out;
    return 1;
}
