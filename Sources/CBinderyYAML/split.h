#ifndef BINDERY_SPLIT_H
#define BINDERY_SPLIT_H

/* Internal: where a large document can be parsed in two halves at once (not part of the public API).

   libyaml parses one document on one thread, and for a large description that is most of a run's serial time.
   Some member boundaries of a large mapping are easy to find without parsing, and the mapping's later members
   are then a document of their own:

   - JSON (`flow`): a line that ends with the comma after a member, inside an object, followed by a line that
     starts (after blanks) with the next member's key. With that comma blanked out, the rest is still one
     document:

         first half:  input[0..<start] (input[comma] a space) + input[end..<length]
         second half: "{\n" + input[start..<end] + "}"

   - Block YAML: a line that starts a key of a block mapping that is the value of a key of the root mapping
     (`paths:`), outside every multi-line scalar and flow collection:

         first half:  input[0..<start] + input[end..<length]
         second half: input[start..<end] (a block mapping, indented as it was)

   `start` and `end` are line starts, so every node keeps its column; the second half's lines are off by a
   constant, and so are the first half's after the cut. */

#include "bindery_yaml.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    /* 1 for a JSON cut (the second half wrapped in braces, the comma blanked), 0 for a block YAML cut. */
    int flow;
    /* The line start where the second half begins: its first member's key is on this line. */
    size_t start;
    /* JSON: the line start of the line holding (after blanks only) the object's closing brace. YAML: the start of
       the first line after the mapping, or the input's end. */
    size_t end;
    /* JSON: the comma that ends the member before `start`. */
    size_t comma;
    /* 0-based lines of `start` and `end`. */
    size_t start_line, end_line;
    /* 1-based line and column (in characters, as libyaml counts) of the mapping cut in two, as its node has
       them: a JSON object's opening brace, a block mapping's first key. */
    uint32_t open_line, open_column;
    /* How deep the mapping is, the document's root at 1. */
    uint32_t depth;
} bindery_split;

/* Whether a cut whose second half holds `second` of the input's `length` bytes is worth taking and halves the
   input better than the best so far (its larger half `*best_cost` bytes, `length` before any): the second half is
   at least a fifth of the input. Updates *best_cost when it is. */
int bindery_split_improves(size_t length, size_t second, size_t *best_cost);

/* Finds the cut whose halves are closest in size, inside an object below the root. Returns 0 (no cut) unless
   `input` is one JSON object written with nothing but JSON's tokens and blanks, each member of an object a key, a
   colon and a value, with line feeds (or CR LF) as its only line breaks and none escaped in a string (libyaml also
   breaks lines at U+0085, U+2028 and U+2029, which would shift the count), nesting at most 64 deep, and the second
   half is at least a fifth of the input. */
int bindery_json_find_split(const unsigned char *input, size_t length, bindery_split *split);

/* The same for a document written in block YAML: a cut in a block mapping that is the value of a key of the root
   block mapping, at the key that halves the document best. Returns 0 (no cut) unless every line is understood:
   no tabs in indentation, no directives, document markers, anchors, aliases, tags, merge keys, complex keys,
   comments inside flow collections or byte order marks, line feeds (or CR LF) as the only line breaks, and the
   second half is at least a fifth of the input. */
int bindery_yaml_find_split(const unsigned char *input, size_t length, bindery_split *split);

/* Joins the halves parsed from `split`'s cut into `out`, as one parse of the whole document would have made it:
   the same nodes in the same order (document order), positions and texts. It checks what a wrong cut would have
   changed: the cut mapping's nodes end right before the cut in the first half, and in block YAML the mapping is
   the value of a root pair whose next key follows the cut. Returns 1 on success, having moved
   `first`'s arrays (grown) into `out`; 0, with `out` untouched, when the halves cannot be joined (a key both
   halves have, which a whole parse rejects, or an allocation failure). The caller destroys `first` and `second`
   either way. */
int bindery_join_halves(bindery_yaml_document *first, const bindery_yaml_document *second,
                             const bindery_split *split, bindery_yaml_document *out);

#endif /* BINDERY_SPLIT_H */
