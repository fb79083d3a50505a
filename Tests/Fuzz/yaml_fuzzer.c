/* libFuzzer harness for the C shim (Sources/CBinderyYAML): bytes -> node arena.

   Parses the input with the default limits and with tight ones (so that small inputs reach them), and checks what
   bindery_yaml.h promises of each result: a failure has a message, a 1-based position and no arrays; a success has
   a root, every child index names a node, every text and tag lies inside the string pool, kinds and styles are in
   range, a mapping has an even number of children, and the tree the arena stands for (aliases expanded, measured
   here independently) is within the limits. What the tight limits accept the defaults accept too, as the same
   arena. Any broken promise aborts, so it is reported like a crash. Built and run by Tests/Fuzz/run.sh. */

#include "bindery_yaml.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(condition)                                                                 \
    do {                                                                                 \
        if (!(condition)) {                                                              \
            fprintf(stderr, "yaml_fuzzer: broken promise: %s (line %d)\n", #condition, __LINE__); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

static void check_failure(const bindery_yaml_document *doc) {
    CHECK(doc->failed);
    CHECK(doc->nodes == NULL && doc->node_count == 0);
    CHECK(doc->children == NULL && doc->children_count == 0);
    CHECK(doc->strings == NULL && doc->strings_length == 0);
    CHECK(memchr(doc->message, 0, sizeof doc->message) != NULL);
    CHECK(doc->message[0] != 0);
    CHECK(doc->error_line >= 1 && doc->error_column >= 1);
}

/* How deep the collections of `index` nest (0 for a scalar) and how many nodes it stands for, aliases expanded;
   memoized, as aliases make the arena a DAG. The recursion is as deep as the limit on nesting. */
typedef struct {
    uint32_t *heights;
    uint64_t *sizes;
} measures;

static void measure(const bindery_yaml_document *doc, measures *m, uint32_t index) {
    if (m->sizes[index] != 0) {
        return;
    }
    const bindery_yaml_node *node = &doc->nodes[index];
    uint32_t height = 0;
    uint64_t size = 1;
    for (uint32_t c = 0; c < node->child_count; c++) {
        uint32_t child = doc->children[node->first_child + c];
        measure(doc, m, child);
        height = m->heights[child] > height ? m->heights[child] : height;
        size += m->sizes[child];
    }
    m->heights[index] = node->kind == BINDERY_YAML_KIND_SCALAR ? 0 : height + 1;
    m->sizes[index] = size;
}

static void check_limits(const bindery_yaml_document *doc, const bindery_yaml_limits *limits) {
    measures m = {calloc(doc->node_count, sizeof(uint32_t)), calloc(doc->node_count, sizeof(uint64_t))};
    CHECK(m.heights != NULL && m.sizes != NULL);
    measure(doc, &m, doc->root);
    CHECK(m.heights[doc->root] <= limits->max_depth);
    /* Nodes the root does not reach (an anchored value redefined before use, say) count once. */
    CHECK(m.sizes[doc->root] <= doc->node_count + limits->max_alias_nodes);
    free(m.heights);
    free(m.sizes);
}

static void check_success(const bindery_yaml_document *doc) {
    CHECK(!doc->failed);
    CHECK(doc->node_count > 0 && doc->root < doc->node_count);
    /* Touch every byte of the pool so that AddressSanitizer sees its whole extent. */
    volatile unsigned char sink = 0;
    for (size_t i = 0; i < doc->strings_length; i++) {
        sink ^= (unsigned char)doc->strings[i];
    }
    (void)sink;
    for (size_t i = 0; i < doc->node_count; i++) {
        const bindery_yaml_node *node = &doc->nodes[i];
        CHECK(node->line >= 1 && node->column >= 1);
        CHECK((uint64_t)node->tag_offset + node->tag_length <= doc->strings_length);
        switch (node->kind) {
        case BINDERY_YAML_KIND_SCALAR:
            CHECK(node->style >= BINDERY_YAML_STYLE_PLAIN && node->style <= BINDERY_YAML_STYLE_FOLDED);
            CHECK((uint64_t)node->text_offset + node->text_length <= doc->strings_length);
            CHECK(node->child_count == 0);
            break;
        case BINDERY_YAML_KIND_MAPPING:
            CHECK(node->child_count % 2 == 0);
            /* fall through */
        case BINDERY_YAML_KIND_SEQUENCE:
            CHECK(node->style == BINDERY_YAML_STYLE_BLOCK || node->style == BINDERY_YAML_STYLE_FLOW);
            CHECK(node->text_length == 0);
            CHECK((uint64_t)node->first_child + node->child_count <= doc->children_count);
            for (uint32_t c = 0; c < node->child_count; c++) {
                uint32_t child = doc->children[node->first_child + c];
                CHECK(child < doc->node_count);
                /* Children come before their parent ends, aliases refer back: a node never contains itself. */
                CHECK(child != i);
            }
            break;
        default:
            CHECK(!"unknown node kind");
        }
    }
}

/* Parses with `limits` (NULL: the defaults) and checks the result; returns whether the parse succeeded, with the
   number of nodes. */
static int parse_and_check(const uint8_t *data, size_t size, const bindery_yaml_limits *limits,
                           size_t *node_count) {
    static const bindery_yaml_limits defaults = {BINDERY_YAML_DEFAULT_MAX_BYTES, BINDERY_YAML_DEFAULT_MAX_DEPTH,
                                                 BINDERY_YAML_DEFAULT_MAX_ALIAS_NODES};
    bindery_yaml_document doc;
    memset(&doc, 0xA5, sizeof doc); /* the parser must overwrite everything */
    int status = limits == NULL ? bindery_yaml_parse(data, size, &doc)
                                : bindery_yaml_parse_limited(data, size, limits, &doc);
    if (status == 0) {
        check_success(&doc);
        check_limits(&doc, limits == NULL ? &defaults : limits);
        *node_count = doc.node_count;
    } else {
        check_failure(&doc);
    }
    bindery_yaml_document_destroy(&doc);
    bindery_yaml_document_destroy(&doc); /* destroying twice is allowed */
    return status == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const bindery_yaml_limits tight = {4096, 6, 40};
    size_t tight_nodes = 0, default_nodes = 0;
    int tight_ok = parse_and_check(data, size, &tight, &tight_nodes);
    int default_ok = parse_and_check(data, size, NULL, &default_nodes);
    if (tight_ok) {
        CHECK(default_ok && default_nodes == tight_nodes);
    }
    return 0;
}
