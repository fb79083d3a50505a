/* Anchors and aliases: an anchor table (name -> node, newest definition wins) and alias resolution. */

#include "builder.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const unsigned char *bytes, size_t length) {
    uint64_t hash = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < length; i++) {
        hash ^= bytes[i];
        hash *= 1099511628211ULL;
    }
    return hash;
}

static anchor_slot *find_anchor_slot(anchor_slot *slots, size_t capacity, const char *names, uint64_t hash,
                                     const unsigned char *name, size_t length) {
    size_t index = (size_t)hash & (capacity - 1);
    for (;;) {
        anchor_slot *slot = &slots[index];
        if (!slot->used || (slot->hash == hash && slot->name_length == length &&
                            memcmp(names + slot->name_offset, name, length) == 0)) {
            return slot;
        }
        index = (index + 1) & (capacity - 1);
    }
}

static int grow_anchor_table(builder *b, yaml_mark_t mark) {
    size_t capacity = b->anchor_capacity == 0 ? 16 : b->anchor_capacity;
    while ((b->anchor_count + 1) * 2 > capacity) {
        if (capacity > SIZE_MAX / 2 / sizeof(anchor_slot)) {
            return bindery_fail_at_mark(b, mark, "out of memory");
        }
        capacity *= 2;
    }
    if (capacity == b->anchor_capacity) {
        return 1;
    }
    anchor_slot *slots = calloc(capacity, sizeof *slots);
    if (slots == NULL) {
        return bindery_fail_at_mark(b, mark, "out of memory");
    }
    for (size_t i = 0; i < b->anchor_capacity; i++) {
        anchor_slot *old = &b->anchors[i];
        if (old->used) {
            *find_anchor_slot(slots, capacity, b->anchor_names, old->hash,
                              (const unsigned char *)b->anchor_names + old->name_offset, old->name_length) = *old;
        }
    }
    free(b->anchors);
    b->anchors = slots;
    b->anchor_capacity = capacity;
    return 1;
}

/* Defines (or redefines: the newest definition wins) an anchor. */
int bindery_define_anchor(builder *b, const yaml_char_t *anchor, uint32_t node, yaml_mark_t mark) {
    if (anchor == NULL) {
        return 1;
    }
    if (!grow_anchor_table(b, mark)) {
        return 0;
    }
    size_t length = strlen((const char *)anchor);
    uint64_t hash = hash_bytes(anchor, length);
    anchor_slot *slot = find_anchor_slot(b->anchors, b->anchor_capacity, b->anchor_names, hash, anchor, length);
    if (slot->used) {
        slot->node = node;
        return 1;
    }
    RESERVE(b, b->anchor_names, b->anchor_names_capacity, b->anchor_names_length + length, mark);
    memcpy(b->anchor_names + b->anchor_names_length, anchor, length);
    slot->hash = hash;
    slot->name_offset = b->anchor_names_length;
    slot->name_length = length;
    slot->node = node;
    slot->used = 1;
    b->anchor_names_length += length;
    b->anchor_count++;
    return 1;
}

int bindery_resolve_alias(builder *b, const yaml_char_t *anchor, yaml_mark_t mark) {
    size_t length = strlen((const char *)anchor);
    char quoted[QUOTED_TEXT_CAPACITY];
    if (b->anchor_capacity > 0) {
        uint64_t hash = hash_bytes(anchor, length);
        anchor_slot *slot = find_anchor_slot(b->anchors, b->anchor_capacity, b->anchor_names, hash, anchor, length);
        if (slot->used) {
            const bindery_yaml_node *target = &b->nodes[slot->node];
            if (target->kind != BINDERY_YAML_KIND_SCALAR && target->first_child == OPEN_COLLECTION) {
                bindery_quote_text(quoted, sizeof quoted, anchor, length);
                return bindery_fail(b, bindery_one_based(mark.line), bindery_one_based(mark.column),
                                    "recursive alias '%s'", quoted);
            }
            return bindery_check_alias(b, slot->node, mark) && bindery_push_pending(b, slot->node, mark);
        }
    }
    bindery_quote_text(quoted, sizeof quoted, anchor, length);
    return bindery_fail(b, bindery_one_based(mark.line), bindery_one_based(mark.column), "unknown anchor '%s'", quoted);
}
