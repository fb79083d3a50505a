
#ifndef BINDERY_BUILDER_H
#define BINDERY_BUILDER_H

/* Internal: the state shared by the parts of the arena builder (not part of the public API). */

#include "bindery_yaml.h"

#include <yaml.h>

#include <stddef.h>
#include <stdint.h>

/* Marks a collection whose end event has not been seen yet (stored in first_child). */
#define OPEN_COLLECTION UINT32_MAX
/* At most this many bytes of a key or anchor name are quoted in an error message. */
#define QUOTED_TEXT_LIMIT 120
/* Buffer size that always holds a quoted text (4 bytes per escaped byte, "...", NUL). */
#define QUOTED_TEXT_CAPACITY (4 * QUOTED_TEXT_LIMIT + 16)

#if defined(__GNUC__) || defined(__clang__)
#define BINDERY_PRINTF(format_index, first_argument) __attribute__((format(printf, format_index, first_argument)))
#else
#define BINDERY_PRINTF(format_index, first_argument)
#endif

/* A collection whose end event is still to come; its children start at pending[pending_start]. */
typedef struct {
    uint32_t node;
    size_t pending_start;
} open_collection;

/* One slot of the anchor table; the name bytes live in builder.anchor_names. */
typedef struct {
    uint64_t hash;
    size_t name_offset;
    size_t name_length;
    uint32_t node;
    uint32_t used;
} anchor_slot;

/* 1-based position at which a pending child appeared: the node's own start, or the alias. */
typedef struct {
    uint32_t line, column;
} pending_mark;

/* A scalar key of a large mapping, sorted to find duplicates; `pair` is the pair's index, `merge` is 1 for a
   merge key. */
typedef struct {
    uint32_t text_offset;
    uint32_t text_length;
    uint32_t pair;
    uint32_t merge;
} key_entry;

/* Everything one parse builds. nodes/children/strings become the result; the rest is scratch. */
typedef struct {
    bindery_yaml_node *nodes;
    size_t node_count, node_capacity;
    uint32_t *children;
    size_t children_count, children_capacity;
    char *strings;
    size_t strings_length, strings_capacity;

    /* Children of all open collections (and the document root), innermost run last, with the
       position each child appeared at (differs from the node's position for aliases). */
    uint32_t *pending;
    pending_mark *pending_marks;
    size_t pending_count, pending_capacity, pending_marks_capacity;
    open_collection *open;
    size_t open_count, open_capacity;

    /* Anchor name -> node, open addressing with linear probing; capacity is a power of two. */
    anchor_slot *anchors;
    size_t anchor_count, anchor_capacity;
    char *anchor_names;
    size_t anchor_names_length, anchor_names_capacity;

    /* Scratch space for duplicate detection in large mappings. */
    key_entry *keys;
    size_t keys_capacity;

    /* Merge keys: the merged run of a mapping and the set of its keys (node indices, UINT32_MAX is empty). */
    uint32_t *merged;
    size_t merged_capacity;
    uint32_t *merge_keys;
    size_t merge_keys_capacity;

    /* What the tree stands for with aliases expanded, against the limits: per node, how deep its collections nest
       (0 for a scalar) and how many nodes it has; `expanded` is the number of nodes of the whole tree so far. */
    bindery_yaml_limits limits;
    uint32_t *heights;
    size_t heights_capacity;
    uint64_t *sizes;
    size_t sizes_capacity;
    uint64_t expanded;
    /* Set by a source of events without aliases (the JSON reader): no node is measured, as none is aliased. */
    int no_aliases;

    size_t document_count;
    bindery_yaml_document *out;
} builder;

/* builder.c: errors, growable arrays, nodes. All functions returning int return 0 after
   recording an error (only the first error is kept) and 1 on success. */

uint32_t bindery_one_based(size_t zero_based);
int bindery_fail(builder *b, uint32_t line, uint32_t column, const char *format, ...) BINDERY_PRINTF(4, 5);
int bindery_fail_at_mark(builder *b, yaml_mark_t mark, const char *message);
void *bindery_reserve(void *buffer, size_t *capacity, size_t needed, size_t element_size);
int bindery_push_pending(builder *b, uint32_t node, yaml_mark_t mark);
int bindery_append_string(builder *b, const void *bytes, size_t length, uint32_t *offset, yaml_mark_t mark);
int bindery_add_node(builder *b, uint8_t kind, uint8_t style, yaml_mark_t mark, const yaml_char_t *tag,
                     uint32_t *index);
void bindery_free_scratch(builder *b);

/* Grows `array` to hold `needed` elements or records "out of memory" and returns 0 from the caller. */
#define RESERVE(b, array, capacity, needed, mark)                                           \
    do {                                                                                    \
        void *reserved_ = bindery_reserve((array), &(capacity), (needed), sizeof *(array)); \
        if (reserved_ == NULL) {                                                            \
            return bindery_fail_at_mark((b), (mark), "out of memory");                      \
        }                                                                                   \
        (array) = reserved_;                                                                \
    } while (0)

/* Starts a parse of `length` bytes into `out` (zeroed), from a source with aliases or without (`no_aliases`): the
   arrays are sized from the input, to avoid most reallocations (JSON averages roughly one node per 10-15 input
   bytes); a failure here is harmless, they grow later. */
void bindery_builder_begin(builder *b, bindery_yaml_document *out, const bindery_yaml_limits *limits, size_t length,
                           int no_aliases);
/* Ends a parse: frees the scratch space and, when `ok`, gives the arena to `out`; else frees it and makes sure
   `out` holds an error. */
void bindery_builder_end(builder *b, int ok);

/* What a reader of the shim's own does (json_reader.c, yaml_reader.c): reads `input[start..<length]` (`start` past
   a byte order mark, which libyaml drops) into `b`, freeing its own scratch space, and returns 1; or 0 to decline. */
typedef int (*bindery_reader)(const unsigned char *input, size_t length, size_t start, builder *b);

/* Runs `read` over a builder for `input` into `out`, the document libyaml's events would make, and returns 1; or,
   when the input is longer than the limit or `read` declines, leaves `out` zeroed and returns 0 (libyaml is to
   parse it, and report any error). */
int bindery_run_reader(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                       bindery_yaml_document *out, bindery_reader read);

/* events.c: what each event adds to the arena. */
int bindery_start_collection(builder *b, uint8_t kind, int flow, const yaml_char_t *anchor, const yaml_char_t *tag,
                             yaml_mark_t mark);
int bindery_end_collection(builder *b, yaml_mark_t mark);
int bindery_add_scalar(builder *b, uint8_t style, const void *value, size_t length, const yaml_char_t *anchor,
                       const yaml_char_t *tag, yaml_mark_t mark);
/* After the stream: picks the root, or adds an empty plain scalar at 1:1 for an empty stream. */
int bindery_finish_document(builder *b);

/* parser_errors.c */

void bindery_quote_text(char *buffer, size_t capacity, const unsigned char *bytes, size_t length);
int bindery_fail_from_parser(builder *b, const yaml_parser_t *parser, const unsigned char *input, size_t length);

/* limits.c */

/* Fails when the input is longer than the limit. */
int bindery_check_length(builder *b, size_t length);
/* Fails when a collection starting at `mark` nests deeper than the limit. */
int bindery_check_depth(builder *b, yaml_mark_t mark);
/* Records how deep the ended collection `node` nests and how many nodes it stands for, from its children `run`. */
void bindery_measure_collection(builder *b, uint32_t node, const uint32_t *run, size_t count);
/* Fails when an alias of `node` at `mark` nests deeper, or makes the tree larger, than the limits allow; else
   counts what it adds. */
int bindery_check_alias(builder *b, uint32_t node, yaml_mark_t mark);

/* anchors.c */

int bindery_define_anchor(builder *b, const yaml_char_t *anchor, uint32_t node, yaml_mark_t mark);
int bindery_resolve_alias(builder *b, const yaml_char_t *anchor, yaml_mark_t mark);

/* duplicate_keys.c */

int bindery_check_duplicate_keys(builder *b, const uint32_t *run, const pending_mark *marks, size_t count,
                                 yaml_mark_t mark);

/* merge_keys.c */

/* Whether the node is a merge key: a plain `<<` without a tag, or tagged `!!merge`. */
int bindery_is_merge_key(const builder *b, uint32_t node);
/* Applies the merge keys of the key/value run of a mapping (duplicates already checked): `*result` is the run to
   store, `run` itself when there is no merge key, else scratch space valid until the next call. */
int bindery_apply_merge_keys(builder *b, const uint32_t *run, const pending_mark *marks, size_t count,
                             yaml_mark_t mark, const uint32_t **result, size_t *result_count);

#endif /* BINDERY_BUILDER_H */
