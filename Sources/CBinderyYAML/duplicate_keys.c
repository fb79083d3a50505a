/* Duplicate scalar key detection for mappings: pairwise for small mappings, stable merge sort for large ones.
   A merge key (plain `<<`) is a key of its own kind: it never equals a quoted "<<", but two merge keys are
   duplicates. Keys a merge brings in are not checked: the mapping's own keys override them. */

#include "builder.h"

#include <string.h>

/* Mappings with at most this many pairs are checked pairwise; larger ones are sorted. */
#define SMALL_MAPPING_PAIRS 16

/* Whether two pool ranges hold the same bytes (an empty range may have no pool at all). */
static int same_text(const builder *b, uint32_t lhs_offset, uint32_t rhs_offset, uint32_t length) {
    return length == 0 || memcmp(b->strings + lhs_offset, b->strings + rhs_offset, length) == 0;
}

/* Orders keys by kind, length, then bytes: only equality matters, so this cheap order suffices. */
static int key_entry_less(const builder *b, const key_entry *lhs, const key_entry *rhs) {
    if (lhs->merge != rhs->merge) {
        return lhs->merge < rhs->merge;
    }
    if (lhs->text_length != rhs->text_length) {
        return lhs->text_length < rhs->text_length;
    }
    return lhs->text_length > 0 &&
           memcmp(b->strings + lhs->text_offset, b->strings + rhs->text_offset, lhs->text_length) < 0;
}

static int key_entry_equal(const builder *b, const key_entry *lhs, const key_entry *rhs) {
    return lhs->merge == rhs->merge && lhs->text_length == rhs->text_length &&
           same_text(b, lhs->text_offset, rhs->text_offset, lhs->text_length);
}

/* Stable bottom-up merge sort of `entries[0..<count]` using `scratch` (same size). Returns the
   array that holds the sorted result (either `entries` or `scratch`). */
static key_entry *merge_sort_keys(const builder *b, key_entry *entries, key_entry *scratch, size_t count) {
    key_entry *source = entries, *target = scratch;
    for (size_t width = 1; width < count; width *= 2) {
        for (size_t low = 0; low < count; low += 2 * width) {
            size_t middle = low + width < count ? low + width : count;
            size_t high = middle + width < count ? middle + width : count;
            size_t left = low, right = middle, out = low;
            while (left < middle && right < high) {
                /* Take from the right only when strictly smaller: keeps equal keys in document order. */
                target[out++] = key_entry_less(b, &source[right], &source[left]) ? source[right++] : source[left++];
            }
            while (left < middle) {
                target[out++] = source[left++];
            }
            while (right < high) {
                target[out++] = source[right++];
            }
        }
        key_entry *swap = source;
        source = target;
        target = swap;
    }
    return source;
}

/* Checks the key/value run `run[0..<count]` (positions in `marks`) of a mapping for duplicate
   scalar keys and reports the earliest second occurrence in document order. */
int bindery_check_duplicate_keys(builder *b, const uint32_t *run, const pending_mark *marks, size_t count,
                                 yaml_mark_t mark) {
    size_t pairs = count / 2;
    size_t duplicate = SIZE_MAX;
    if (pairs < 2) {
        return 1;
    }
    if (pairs <= SMALL_MAPPING_PAIRS) {
        for (size_t i = 1; i < pairs && duplicate == SIZE_MAX; i++) {
            const bindery_yaml_node *key = &b->nodes[run[2 * i]];
            if (key->kind != BINDERY_YAML_KIND_SCALAR) {
                continue;
            }
            int merge = bindery_is_merge_key(b, run[2 * i]);
            for (size_t j = 0; j < i; j++) {
                const bindery_yaml_node *other = &b->nodes[run[2 * j]];
                if (other->kind == BINDERY_YAML_KIND_SCALAR && other->text_length == key->text_length &&
                    bindery_is_merge_key(b, run[2 * j]) == merge &&
                    same_text(b, other->text_offset, key->text_offset, key->text_length)) {
                    duplicate = i;
                    break;
                }
            }
        }
    } else {
        RESERVE(b, b->keys, b->keys_capacity, 2 * pairs, mark);
        key_entry *entries = b->keys;
        size_t scalar_keys = 0;
        for (size_t i = 0; i < pairs; i++) {
            const bindery_yaml_node *key = &b->nodes[run[2 * i]];
            if (key->kind == BINDERY_YAML_KIND_SCALAR) {
                key_entry entry = {key->text_offset, key->text_length, (uint32_t)i,
                                   (uint32_t)bindery_is_merge_key(b, run[2 * i])};
                entries[scalar_keys++] = entry;
            }
        }
        key_entry *sorted = merge_sort_keys(b, entries, entries + pairs, scalar_keys);
        for (size_t i = 1; i < scalar_keys; i++) {
            if (sorted[i].pair < duplicate && key_entry_equal(b, &sorted[i - 1], &sorted[i])) {
                duplicate = sorted[i].pair;
            }
        }
    }
    if (duplicate == SIZE_MAX) {
        return 1;
    }
    const bindery_yaml_node *key = &b->nodes[run[2 * duplicate]];
    char quoted[QUOTED_TEXT_CAPACITY];
    bindery_quote_text(quoted, sizeof quoted, (const unsigned char *)b->strings + key->text_offset, key->text_length);
    return bindery_fail(b, marks[2 * duplicate].line, marks[2 * duplicate].column, "duplicate key '%s'", quoted);
}
