/* The libyaml event loop that builds the node arena, and the public entry points. */

#include "builder.h"
#include "split.h"
#include "json_surrogates.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libyaml's message for escapes it cannot decode, such as JSON surrogate pairs. */
#define INVALID_ESCAPE_PROBLEM "found invalid Unicode character escape code"

static int start_collection(builder *b, uint8_t kind, int flow, const yaml_char_t *anchor, const yaml_char_t *tag,
                            yaml_mark_t mark) {
    uint32_t index;
    if (!bindery_check_depth(b, mark) || !bindery_add_node(b, kind, flow ? BINDERY_YAML_STYLE_FLOW : BINDERY_YAML_STYLE_BLOCK, mark, tag, &index)) {
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

static int end_collection(builder *b, yaml_mark_t mark) {
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
    bindery_measure_collection(b, entry.node, run, count);
    bindery_yaml_node *node = &b->nodes[entry.node];
    node->first_child = (uint32_t)b->children_count;
    node->child_count = (uint32_t)count;
    b->children_count += count;
    b->pending_count = entry.pending_start;
    return 1;
}

static int add_scalar(builder *b, const yaml_event_t *event) {
    uint32_t index;
    uint8_t style = (uint8_t)event->data.scalar.style;
    if (style < BINDERY_YAML_STYLE_PLAIN || style > BINDERY_YAML_STYLE_FOLDED) {
        style = BINDERY_YAML_STYLE_PLAIN;
    }
    if (!bindery_add_node(b, BINDERY_YAML_KIND_SCALAR, style, event->start_mark, event->data.scalar.tag, &index)) {
        return 0;
    }
    uint32_t offset;
    if (!bindery_append_string(b, event->data.scalar.value, event->data.scalar.length, &offset, event->start_mark)) {
        return 0;
    }
    b->nodes[index].text_offset = offset;
    b->nodes[index].text_length = (uint32_t)event->data.scalar.length;
    return bindery_define_anchor(b, event->data.scalar.anchor, index, event->start_mark) &&
           bindery_push_pending(b, index, event->start_mark);
}

/* Handles one event; returns 0 on error. Sets *done at the end of the stream. */
static int handle_event(builder *b, const yaml_event_t *event, int *done) {
    switch (event->type) {
    case YAML_STREAM_END_EVENT:
        *done = 1;
        return 1;
    case YAML_DOCUMENT_START_EVENT:
        if (b->document_count > 0) {
            return bindery_fail_at_mark(b, event->start_mark, "expected a single YAML document");
        }
        b->document_count++;
        return 1;
    case YAML_SCALAR_EVENT:
        return add_scalar(b, event);
    case YAML_ALIAS_EVENT:
        return bindery_resolve_alias(b, event->data.alias.anchor, event->start_mark);
    case YAML_SEQUENCE_START_EVENT:
        return start_collection(b, BINDERY_YAML_KIND_SEQUENCE,
                                event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE,
                                event->data.sequence_start.anchor, event->data.sequence_start.tag, event->start_mark);
    case YAML_MAPPING_START_EVENT:
        return start_collection(b, BINDERY_YAML_KIND_MAPPING,
                                event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE,
                                event->data.mapping_start.anchor, event->data.mapping_start.tag, event->start_mark);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return end_collection(b, event->start_mark);
    default:
        return 1;
    }
}

/* After the stream: pick the root, or synthesise an empty plain scalar for an empty stream. */
static int finish_document(builder *b) {
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

/* A half of a document parsed in halves: up to four runs of bytes read one after the other, so that the halves
   are not copied out of the input (4 MB of fresh pages for Stripe's description). */
typedef struct {
    const unsigned char *bytes[4];
    size_t lengths[4];
    size_t count;
    /* Where libyaml's next read starts. */
    size_t current, offset;
} input_pieces;

/* libyaml's read handler for `input_pieces`. */
static int read_pieces(void *data, unsigned char *buffer, size_t size, size_t *size_read) {
    input_pieces *pieces = data;
    *size_read = 0;
    while (*size_read < size && pieces->current < pieces->count) {
        size_t left = pieces->lengths[pieces->current] - pieces->offset;
        if (left == 0) {
            pieces->current++;
            pieces->offset = 0;
            continue;
        }
        size_t taken = left < size - *size_read ? left : size - *size_read;
        memcpy(buffer + *size_read, pieces->bytes[pieces->current] + pieces->offset, taken);
        *size_read += taken;
        pieces->offset += taken;
    }
    return 1;
}

/* Parses `input[0..<length]`, or, when `pieces` is given, the bytes of its pieces (`length` their total, `input`
   NULL: an error then names its position but quotes no text). */
static int parse_input(const unsigned char *input, size_t length, input_pieces *pieces,
                       const bindery_yaml_limits *limits, bindery_yaml_document *out) {
    static const unsigned char empty[1] = {0};
    builder b;
    memset(&b, 0, sizeof b);
    memset(out, 0, sizeof *out);
    b.out = out;
    b.limits = *limits;
    if (input == NULL && pieces == NULL) {
        if (length != 0) {
            bindery_fail(&b, 1, 1, "no input");
            return 1;
        }
        input = empty;
    }
    if (!bindery_check_length(&b, length)) {
        return 1;
    }

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        bindery_fail(&b, 1, 1, "out of memory");
        return 1;
    }
    if (pieces != NULL) {
        yaml_parser_set_input(&parser, read_pieces, pieces);
    } else {
        yaml_parser_set_input_string(&parser, input, length);
    }

    /* Pre-size the arrays from the input size to avoid most reallocations (JSON averages
       roughly one node per 10-15 input bytes). Failures here are harmless: arrays grow later. */
    size_t estimate = length / 16 + 16;
    void *reserved = bindery_reserve(NULL, &b.node_capacity, estimate, sizeof *b.nodes);
    b.nodes = reserved;
    reserved = bindery_reserve(NULL, &b.children_capacity, estimate, sizeof *b.children);
    b.children = reserved;
    reserved = bindery_reserve(NULL, &b.heights_capacity, estimate, sizeof *b.heights);
    b.heights = reserved;
    reserved = bindery_reserve(NULL, &b.sizes_capacity, estimate, sizeof *b.sizes);
    b.sizes = reserved;
    reserved = bindery_reserve(NULL, &b.strings_capacity, length / 2 + 16, 1);
    b.strings = reserved;

    int ok = 1;
    int done = 0;
    while (ok && !done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            ok = bindery_fail_from_parser(&b, &parser, input, pieces != NULL ? 0 : length);
            break;
        }
        ok = handle_event(&b, &event, &done);
        yaml_event_delete(&event);
    }
    if (ok) {
        ok = finish_document(&b);
    }
    yaml_parser_delete(&parser);
    bindery_free_scratch(&b);

    if (!ok) {
        free(b.nodes);
        free(b.children);
        free(b.strings);
        if (!out->failed) {
            bindery_fail(&b, 1, 1, "unknown error");
        }
        return 1;
    }
    out->nodes = b.nodes;
    out->node_count = b.node_count;
    out->children = b.children;
    out->children_count = b.children_count;
    out->strings = b.strings;
    out->strings_length = b.strings_length;
    return 0;
}

/* One half of a document parsed in halves (`parse_in_halves`). */
typedef struct {
    input_pieces pieces;
    size_t length;
    bindery_yaml_limits limits;
    bindery_yaml_document document;
    int status;
} half_parse;

static void *parse_half(void *argument) {
    half_parse *half = argument;
    half->status = parse_input(NULL, half->length, &half->pieces, &half->limits, &half->document);
    return NULL;
}

static void add_piece(half_parse *half, const unsigned char *bytes, size_t length) {
    half->pieces.bytes[half->pieces.count] = bytes;
    half->pieces.lengths[half->pieces.count] = length;
    half->pieces.count++;
    half->length += length;
}

/* Parses the halves `split` cuts `input` into, the second on another thread, and joins them into `out`. Returns 0
   on success; otherwise `out` is zeroed and the document is to be parsed whole (which reports any error). */
static int parse_in_halves(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                           const bindery_split *split, bindery_yaml_document *out) {
    memset(out, 0, sizeof *out);
    /* The second half's root stands for the cut object: its nodes are `depth - 1` deeper than it counts. */
    if (limits->max_depth <= split->depth - 1) {
        return 1;
    }
    /* JSON: the second half in braces, the comma before it blanked. */
    static const unsigned char open_brace[2] = {'{', '\n'}, close_brace[1] = {'}'}, blank[1] = {' '};
    half_parse later, earlier;
    memset(&later, 0, sizeof later);
    memset(&earlier, 0, sizeof earlier);
    if (split->flow) {
        add_piece(&later, open_brace, sizeof open_brace);
    }
    add_piece(&later, input + split->start, split->end - split->start);
    if (split->flow) {
        add_piece(&later, close_brace, sizeof close_brace);
        add_piece(&earlier, input, split->comma);
        add_piece(&earlier, blank, sizeof blank);
        add_piece(&earlier, input + split->comma + 1, split->start - split->comma - 1);
    } else {
        add_piece(&earlier, input, split->start);
    }
    add_piece(&earlier, input + split->end, length - split->end);
    later.limits = *limits;
    later.limits.max_depth -= split->depth - 1;
    earlier.limits = *limits;
    pthread_t thread;
    if (pthread_create(&thread, NULL, parse_half, &later) != 0) {
        return 1;
    }
    parse_half(&earlier);
    pthread_join(thread, NULL);
    int joined = earlier.status == 0 && later.status == 0 &&
                 bindery_join_halves(&earlier.document, &later.document, split, out);
    bindery_yaml_document_destroy(&earlier.document);
    bindery_yaml_document_destroy(&later.document);
    if (!joined) {
        memset(out, 0, sizeof *out);
        return 1;
    }
    out->parsed_in_halves = 1;
    return 0;
}

/* A cut of `input`: by the JSON scan for a document that starts with `{`, none for one that starts with `[`
   (neither scan cuts a sequence, and the YAML scan only a block mapping), else by the YAML scan. */
static int find_split(const unsigned char *input, size_t length, bindery_split *split) {
    size_t first = 0;
    while (first < length && (input[first] == ' ' || input[first] == '\t' || input[first] == '\n' ||
                              input[first] == '\r')) {
        first++;
    }
    if (first < length && input[first] == '[') {
        return 0;
    }
    return first < length && input[first] == '{' ? bindery_json_find_split(input, length, split)
                                                 : bindery_yaml_find_split(input, length, split);
}

int bindery_yaml_parse_with_options(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                                    const bindery_yaml_options *options, bindery_yaml_document *out) {
    bindery_yaml_limits chosen = {BINDERY_YAML_DEFAULT_MAX_BYTES, BINDERY_YAML_DEFAULT_MAX_DEPTH,
                                  BINDERY_YAML_DEFAULT_MAX_ALIAS_NODES};
    if (limits != NULL) {
        chosen.max_bytes = limits->max_bytes != 0 ? limits->max_bytes : chosen.max_bytes;
        chosen.max_depth = limits->max_depth != 0 ? limits->max_depth : chosen.max_depth;
        chosen.max_alias_nodes = limits->max_alias_nodes != 0 ? limits->max_alias_nodes : chosen.max_alias_nodes;
    }
    size_t split_min_bytes = options != NULL && options->split_min_bytes != 0 ? options->split_min_bytes
                                                                              : BINDERY_YAML_DEFAULT_SPLIT_MIN_BYTES;
    bindery_split split;
    if (input != NULL && length >= split_min_bytes && length <= chosen.max_bytes &&
        find_split(input, length, &split) &&
        parse_in_halves(input, length, &chosen, &split, out) == 0) {
        return 0;
    }
    int status = parse_input(input, length, NULL, &chosen, out);
    if (status != 0 && input != NULL &&
        strncmp(out->message, INVALID_ESCAPE_PROBLEM, sizeof INVALID_ESCAPE_PROBLEM - 1) == 0) {
        /* Possibly JSON with surrogate-pair escapes: retry once with them rewritten (same offsets). */
        int out_of_memory;
        unsigned char *rewritten = bindery_json_rewrite_surrogates(input, length, &out_of_memory);
        if (rewritten != NULL) {
            status = parse_input(rewritten, length, NULL, &chosen, out);
            free(rewritten);
        } else if (out_of_memory) {
            uint32_t line = out->error_line, column = out->error_column;
            memset(out, 0, sizeof *out);
            out->failed = 1;
            out->error_line = line;
            out->error_column = column;
            snprintf(out->message, sizeof out->message, "out of memory");
        }
    }
    return status;
}

int bindery_yaml_parse_limited(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                               bindery_yaml_document *out) {
    return bindery_yaml_parse_with_options(input, length, limits, NULL, out);
}

int bindery_yaml_parse(const unsigned char *input, size_t length, bindery_yaml_document *out) {
    return bindery_yaml_parse_limited(input, length, NULL, out);
}

void bindery_yaml_document_destroy(bindery_yaml_document *doc) {
    if (doc == NULL) {
        return;
    }
    free(doc->nodes);
    free(doc->children);
    free(doc->strings);
    doc->nodes = NULL;
    doc->node_count = 0;
    doc->children = NULL;
    doc->children_count = 0;
    doc->strings = NULL;
    doc->strings_length = 0;
}
