#ifndef BINDERY_YAML_H
#define BINDERY_YAML_H

/// Single-call YAML parsing into a compact node arena.
///
/// `bindery_yaml_parse` runs the libyaml event loop over an in-memory buffer and
/// returns the whole (single) document as flat arrays, so callers never talk to
/// libyaml per event. Anchors and aliases are resolved (an alias refers to the
/// anchored node, so the tree is a DAG; `bindery_yaml_limits` bounds the tree it
/// stands for), merge keys (a plain `<<`) are applied (the merged pairs are the
/// source mapping's own nodes), duplicate scalar keys are rejected and no other
/// YAML 1.1 type resolution is performed: scalars are bytes + style + tag.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Node kinds (`bindery_yaml_node.kind`).
enum {
    BINDERY_YAML_KIND_SCALAR = 1,
    BINDERY_YAML_KIND_SEQUENCE = 2,
    BINDERY_YAML_KIND_MAPPING = 3,
};

/// Styles (`bindery_yaml_node.style`). Scalars use 1-5, collections 0-1.
enum {
    BINDERY_YAML_STYLE_BLOCK = 0,
    BINDERY_YAML_STYLE_FLOW = 1,
    BINDERY_YAML_STYLE_PLAIN = 1,
    BINDERY_YAML_STYLE_SINGLE_QUOTED = 2,
    BINDERY_YAML_STYLE_DOUBLE_QUOTED = 3,
    BINDERY_YAML_STYLE_LITERAL = 4,
    BINDERY_YAML_STYLE_FOLDED = 5,
};

/// Capacity of `bindery_yaml_document.message`, including the terminating NUL.
#define BINDERY_YAML_MESSAGE_CAPACITY 512

/// One node of the arena.
typedef struct bindery_yaml_node {
    /// `BINDERY_YAML_KIND_*`.
    uint8_t kind;
    /// Scalars: 1 plain, 2 single-quoted, 3 double-quoted, 4 literal, 5 folded.
    /// Collections: 0 block, 1 flow.
    uint8_t style;
    /// 1-based line and column (in characters) of the node's start mark. For a node with
    /// an anchor or tag this is the position of the anchor/tag.
    uint32_t line, column;
    /// Scalar value bytes (UTF-8) in the string pool; may contain NUL bytes. 0/0 for collections.
    uint32_t text_offset, text_length;
    /// Tag text in the string pool as resolved by libyaml (e.g. "tag:yaml.org,2002:str").
    /// `tag_length == 0` means the node has no explicit tag.
    uint32_t tag_offset, tag_length;
    /// Range in the `children` array. A sequence has one entry per item, a mapping two
    /// entries per pair (key, value, key, value, ...), so `child_count` is always the
    /// number of `children` entries. Scalars have 0/0.
    uint32_t first_child, child_count;
} bindery_yaml_node;

/// The parse result. Zero-initialise before use; release with `bindery_yaml_document_destroy`.
typedef struct bindery_yaml_document {
    bindery_yaml_node *nodes;
    size_t node_count;
    uint32_t *children;
    size_t children_count;
    char *strings;
    size_t strings_length;
    /// Index of the root node in `nodes`.
    uint32_t root;

    /// Nonzero when the parse failed; then all arrays above are NULL/0 and `message`,
    /// `error_line`, `error_column` (1-based) describe the first error.
    int failed;
    char message[BINDERY_YAML_MESSAGE_CAPACITY];
    uint32_t error_line, error_column;

    /// 1 when the document was parsed in two halves on two threads (see `bindery_yaml_options`): the nodes are
    /// those one parse makes.
    int parsed_in_halves;
    /// 1 when the document was read by the JSON reader rather than libyaml (see `bindery_yaml_options`): the nodes
    /// are those libyaml's parse makes.
    int read_as_json;
    /// 1 when the document was read by the block-YAML reader rather than libyaml (see `bindery_yaml_options`): the
    /// nodes are those libyaml's parse makes.
    int read_as_block_yaml;
} bindery_yaml_document;

/// Default `bindery_yaml_limits.max_bytes`: 64 MiB.
#define BINDERY_YAML_DEFAULT_MAX_BYTES 67108864
/// Default `bindery_yaml_limits.max_depth`.
#define BINDERY_YAML_DEFAULT_MAX_DEPTH 512
/// Default `bindery_yaml_limits.max_alias_nodes`.
#define BINDERY_YAML_DEFAULT_MAX_ALIAS_NODES 1000000

/// What a parse accepts; crossing a limit is an error at the place it is crossed. A field left 0 takes its default.
typedef struct bindery_yaml_limits {
    /// The largest input, in bytes (an error at 1:1).
    size_t max_bytes;
    /// How deep collections may nest, the root collection being at depth 1, counting what aliases bring in: an
    /// alias of a collection N deep, written at depth D, nests D + N - 1 deep (an error at the collection or alias).
    uint32_t max_depth;
    /// How many nodes aliases may add to the document: each alias adds the nodes of the tree it stands for,
    /// counting the aliases inside that tree again (an error at the alias that crosses the limit). Aliases are
    /// shared in the arena, but whoever walks the tree meets every node they add; without a limit a few lines
    /// of aliases of aliases stand for billions of nodes. Merge keys merge what aliases bring in, so they are
    /// counted there.
    uint64_t max_alias_nodes;
} bindery_yaml_limits;

/// Parses exactly one YAML (or JSON) document from `input[0..<length]`.
///
/// `out` is overwritten completely. Returns 0 on success. On failure returns nonzero, sets
/// `out->failed`, fills `out->message` and the error position, and leaves no memory allocated.
/// An empty stream yields a root that is an empty plain scalar at 1:1.
/// `input` may be NULL when `length` is 0. `limits` may be NULL for the defaults.
int bindery_yaml_parse_limited(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                               bindery_yaml_document *out);

/// Default `bindery_yaml_options.split_min_bytes`: 512 KiB.
#define BINDERY_YAML_DEFAULT_SPLIT_MIN_BYTES 524288

/// How a parse may go about it (not what it accepts: the result is the same). Zero-initialise for the defaults.
typedef struct bindery_yaml_options {
    /// A document of at least this many bytes may be parsed in two halves at once, on two threads, each by
    /// libyaml, and the halves joined, where a member boundary of a large mapping is easy to find without parsing:
    /// in JSON, a line ending with a member's comma inside an object below the root, the next line starting with a
    /// key; in block YAML, a key line of a mapping that is the value of a root key, outside every multi-line scalar
    /// and flow collection. The nodes, their order, positions and texts are those one parse makes; whenever either
    /// half fails, or the halves have a key in common, the document is parsed again in one piece, so errors are
    /// too. 0 takes the default; `SIZE_MAX` never splits.
    size_t split_min_bytes;
    /// Nonzero: a JSON document is parsed by libyaml too. By default, a document that starts with `{` or `[` is
    /// first read by Bindery's JSON reader, which builds the arena libyaml's events would, several times faster;
    /// it takes only plain JSON that libyaml reads the same way, and leaves anything else (an error included) to
    /// libyaml.
    int json_by_libyaml;
    /// Nonzero: any other document is parsed by libyaml too. By default, it is first read by Bindery's block-YAML
    /// reader, which builds the arena libyaml's events would, several times faster; it takes only the block YAML
    /// descriptions are written in (no comments, anchors, tags or flow collections but `[]` and `{}`, quoted
    /// scalars on one line), in text without tabs or carriage returns, that libyaml reads the same way, and leaves
    /// anything else (an error included) to libyaml.
    int yaml_by_libyaml;
} bindery_yaml_options;

/// `bindery_yaml_parse_limited` with `options` (NULL for the defaults).
int bindery_yaml_parse_with_options(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                                    const bindery_yaml_options *options, bindery_yaml_document *out);

/// `bindery_yaml_parse_limited` with the default limits.
int bindery_yaml_parse(const unsigned char *input, size_t length, bindery_yaml_document *out);

/// Frees the arrays of a document filled by `bindery_yaml_parse` and resets them to NULL/0.
/// Safe to call on a failed or already destroyed document.
void bindery_yaml_document_destroy(bindery_yaml_document *doc);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_YAML_H */
