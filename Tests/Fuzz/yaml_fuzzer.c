/* libFuzzer harness for the C shim (Sources/CBinderyYAML): bytes -> node arena.

   Parses the input and checks what bindery_yaml.h promises of the result: a failure has a message, a 1-based
   position and no arrays; a success has a root, every child index names a node, every text and tag lies inside
   the string pool, kinds and styles are in range and a mapping has an even number of children. Any broken
   promise aborts, so it is reported like a crash. Built and run by Tests/Fuzz/run.sh. */

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    bindery_yaml_document doc;
    memset(&doc, 0xA5, sizeof doc); /* the parser must overwrite everything */
    int status = bindery_yaml_parse(data, size, &doc);
    if (status == 0) {
        check_success(&doc);
    } else {
        check_failure(&doc);
    }
    bindery_yaml_document_destroy(&doc);
    bindery_yaml_document_destroy(&doc); /* destroying twice is allowed */
    return 0;
}
