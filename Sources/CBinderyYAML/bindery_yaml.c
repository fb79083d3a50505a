/* The libyaml event loop that builds the node arena, and the public entry points. */

#include "builder.h"
#include "split.h"
#include "json_reader.h"
#include "yaml_reader.h"
#include "json_surrogates.h"
#include "text_scan.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libyaml's message for escapes it cannot decode, such as JSON surrogate pairs. */
#define INVALID_ESCAPE_PROBLEM "found invalid Unicode character escape code"

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
        return bindery_add_scalar(b, (uint8_t)event->data.scalar.style, event->data.scalar.value,
                                  event->data.scalar.length, event->data.scalar.anchor, event->data.scalar.tag,
                                  event->start_mark);
    case YAML_ALIAS_EVENT:
        return bindery_resolve_alias(b, event->data.alias.anchor, event->start_mark);
    case YAML_SEQUENCE_START_EVENT:
        return bindery_start_collection(b, BINDERY_YAML_KIND_SEQUENCE,
                                        event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE,
                                        event->data.sequence_start.anchor, event->data.sequence_start.tag,
                                        event->start_mark);
    case YAML_MAPPING_START_EVENT:
        return bindery_start_collection(b, BINDERY_YAML_KIND_MAPPING,
                                        event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE,
                                        event->data.mapping_start.anchor, event->data.mapping_start.tag,
                                        event->start_mark);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return bindery_end_collection(b, event->start_mark);
    default:
        return 1;
    }
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
    bindery_builder_begin(&b, out, limits, length, 0);
    if (input == NULL && pieces == NULL) {
        if (length != 0) {
            bindery_fail(&b, 1, 1, "no input");
            bindery_builder_end(&b, 0);
            return 1;
        }
        input = empty;
    }
    if (!bindery_check_length(&b, length)) {
        bindery_builder_end(&b, 0);
        return 1;
    }

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        bindery_fail(&b, 1, 1, "out of memory");
        bindery_builder_end(&b, 0);
        return 1;
    }
    if (pieces != NULL) {
        yaml_parser_set_input(&parser, read_pieces, pieces);
    } else {
        yaml_parser_set_input_string(&parser, input, length);
    }

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
        ok = bindery_finish_document(&b);
    }
    yaml_parser_delete(&parser);
    bindery_builder_end(&b, ok);
    return ok ? 0 : 1;
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

/* The first byte of `input` that is not white space (nor a byte order mark at the start), or 0. */
static unsigned char first_byte(const unsigned char *input, size_t length) {
    size_t first = bindery_bom_length(input, length);
    while (first < length && (input[first] == ' ' || input[first] == '\t' || input[first] == '\n' ||
                              input[first] == '\r')) {
        first++;
    }
    return first < length ? input[first] : 0;
}

/* A cut of `input`, which starts with `first`: by the JSON scan for a document that starts with `{`, none for one
   that starts with `[` (neither scan cuts a sequence, and the YAML scan only a block mapping), else by the YAML
   scan. */
static int find_split(const unsigned char *input, size_t length, unsigned char first, bindery_split *split) {
    if (first == '[') {
        return 0;
    }
    return first == '{' ? bindery_json_find_split(input, length, split)
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
    unsigned char first = input != NULL ? first_byte(input, length) : 0;
    int json_by_libyaml = options != NULL && options->json_by_libyaml;
    if ((first == '{' || first == '[') && !json_by_libyaml && bindery_json_read(input, length, &chosen, out)) {
        out->read_as_json = 1;
        return 0;
    }
    int yaml_by_libyaml = options != NULL && options->yaml_by_libyaml;
    if (first != '{' && first != '[' && first != 0 && !yaml_by_libyaml &&
        bindery_block_yaml_read(input, length, &chosen, out)) {
        out->read_as_block_yaml = 1;
        return 0;
    }
    bindery_split split;
    if (input != NULL && length >= split_min_bytes && length <= chosen.max_bytes &&
        find_split(input, length, first, &split) &&
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
