#ifndef BINDERY_JSON_SPLIT_H
#define BINDERY_JSON_SPLIT_H

/* Internal: where a large JSON document can be parsed in two halves at once (not part of the public API).

   libyaml parses one document on one thread, and for a large description that is most of a run's serial time.
   A pretty-printed JSON document has member boundaries that are easy to find without parsing: a line that ends
   with the comma after a member, inside an object, followed by a line that starts (after blanks) with the next
   member's key. Cut there, the object's later members are a flow mapping of their own, and the rest of the
   document, with that comma blanked out, is still one document:

       first half:  input[0..<start] (input[comma] a space) + input[end..<length]
       second half: "{\n" + input[start..<end] + "}"

   `start` and `end` are line starts, so every node keeps its column; the second half's lines are off by a
   constant, and so are the first half's after the cut. */

#include "bindery_yaml.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    /* The line start where the second half begins: its first member's key is on this line. */
    size_t start;
    /* The line start of the line holding (after blanks only) the object's closing brace. */
    size_t end;
    /* The comma that ends the member before `start`. */
    size_t comma;
    /* 0-based lines of `start` and `end`. */
    size_t start_line, end_line;
    /* 1-based line and column (in characters, as libyaml counts) of the object's opening brace. */
    uint32_t open_line, open_column;
    /* How deep the object is, the document's root object at 1. */
    uint32_t depth;
} bindery_json_split;

/* Finds the cut whose halves are closest in size, inside an object below the root. Returns 0 (no cut) unless
   `input` is one JSON object written with nothing but JSON's tokens and blanks, with line feeds (or CR LF) as
   its only line breaks (libyaml also breaks lines at U+0085, U+2028 and U+2029, which would shift the count),
   nesting at most 64 deep, and the second half is at least a fifth of the input. */
int bindery_json_find_split(const unsigned char *input, size_t length, bindery_json_split *split);

/* Joins the halves parsed from `split`'s cut into `out`, as one parse of the whole document would have made it:
   the same nodes in the same order (document order), positions and texts. Returns 1 on success, having moved
   `first`'s arrays (grown) into `out`; 0, with `out` untouched, when the halves cannot be joined (a key both
   halves have, which a whole parse rejects, or an allocation failure). The caller destroys `first` and `second`
   either way. */
int bindery_json_join_halves(bindery_yaml_document *first, const bindery_yaml_document *second,
                             const bindery_json_split *split, bindery_yaml_document *out);

#endif /* BINDERY_JSON_SPLIT_H */
