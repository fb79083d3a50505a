/* Finding where a large block YAML document can be parsed in two halves (split.h).

   The scan goes line by line and keeps only what decides whether a line's first character starts a node of the
   block structure: whether a quoted scalar or a flow collection is still open from an earlier line, and whether
   the line belongs to a scalar that an earlier line started (a block scalar's content, a plain scalar's
   continuation: lines indented more than the key or item that owns the scalar). Anything it does not follow
   exactly (anchors, aliases, tags, merge keys, complex keys, directives, document markers, comments inside flow
   collections, byte order marks, tabs in indentation, line breaks other than LF and CR LF) means no cut. */

#include "split.h"

#include "builder.h"
#include "text_scan.h"

#include <stdlib.h>
#include <string.h>

/* A key line of the mapping being cut: where it starts and its 0-based line. */
typedef struct {
    size_t start, line;
} yaml_candidate;

/* What the lines before the current one left open. */
typedef struct {
    /* A quoted scalar that continues on the next line: its quote, or 0. */
    unsigned char quote;
    /* How deep the flow collections open at the line's end nest. */
    size_t flow_depth;
    /* The lines indented more than this belong to a scalar an earlier line started (-1: none). */
    long scalar_owner;
    /* The column of the key or item whose value the current line leaves empty, for the next lines (-1: none). */
    long empty_owner;
} yaml_scan;

/* Whether a blank (or the line's end) is at `index`: what makes `:` end a key and `-` start an item. */
static int is_space_or_end(const unsigned char *input, size_t index, size_t end) {
    return index >= end || input[index] == ' ' || input[index] == '\t';
}

/* Skips blanks; returns the first other index (or `end`). */
static size_t skip_blanks(const unsigned char *input, size_t index, size_t end) {
    while (index < end && (input[index] == ' ' || input[index] == '\t')) {
        index++;
    }
    return index;
}

/* Whether only blanks and a comment are left on the line from `index`. */
static int rest_is_comment(const unsigned char *input, size_t index, size_t end) {
    index = skip_blanks(input, index, end);
    return index >= end || input[index] == '#';
}

/* Scans a quoted scalar's text from `index` (after the opening quote, or at a line's start when it continues).
   Returns the index after the closing quote, or `end` with scan->quote still set when the line ends first. */
static size_t scan_quoted(const unsigned char *input, size_t index, size_t end, yaml_scan *scan) {
    while (index < end) {
        unsigned char byte = input[index];
        if (scan->quote == '"' && byte == '\\') {
            index += 2;
            continue;
        }
        if (byte == scan->quote) {
            if (scan->quote == '\'' && index + 1 < end && input[index + 1] == '\'') {
                index += 2;
                continue;
            }
            scan->quote = 0;
            return index + 1;
        }
        index++;
    }
    return end;
}

/* Scans flow collections from `index` until they close or the line ends. Quotes start quoted scalars only where a
   node starts (after `[`, `{`, `,`, `:` and blanks); elsewhere they are part of a plain scalar. Returns the index
   after the outermost closing bracket, or `end`; 0 when the collection holds something not followed exactly. */
static size_t scan_flow(const unsigned char *input, size_t index, size_t end, yaml_scan *scan) {
    int node_start = 1, after_quote = 0;
    while (index < end) {
        if (scan->quote != 0) {
            index = scan_quoted(input, index, end, scan);
            node_start = 0;
            after_quote = scan->quote == 0;
            continue;
        }
        unsigned char byte = input[index];
        int quoted_before = after_quote;
        after_quote = 0;
        switch (byte) {
        case '[':
        case '{':
            scan->flow_depth++;
            node_start = 1;
            break;
        case ']':
        case '}':
            if (scan->flow_depth == 0) {
                return 0;
            }
            scan->flow_depth--;
            node_start = 0;
            if (scan->flow_depth == 0) {
                return index + 1;
            }
            break;
        case ',':
            node_start = 1;
            break;
        case ':':
            /* A value indicator after a quoted key or before a blank or indicator; otherwise part of a plain
               scalar (`[x:'y]` is the scalar `x:'y`). */
            node_start = quoted_before || index + 1 >= end || input[index + 1] == ' ' || input[index + 1] == '\t' ||
                         input[index + 1] == ',' || input[index + 1] == '[' || input[index + 1] == ']' ||
                         input[index + 1] == '{' || input[index + 1] == '}';
            break;
        case '#':
            /* libyaml starts a comment at `#` wherever a token may start, blank before it or not. */
            return 0;
        case ' ':
        case '\t':
            break;
        case '"':
        case '\'':
            if (node_start) {
                scan->quote = byte;
            }
            node_start = 0;
            break;
        case '&':
        case '*':
        case '!':
        case '?':
            if (node_start) {
                return 0;
            }
            break;
        default:
            node_start = 0;
            break;
        }
        index++;
    }
    return end;
}

/* Reads the node that starts at `index` (after any `- ` and `key: `), owned by the key or item at column `owner`:
   what it leaves open for the next lines. Returns 0 for what the scan does not follow. */
static int scan_value(const unsigned char *input, size_t index, size_t end, long owner, yaml_scan *scan) {
    if (index >= end || input[index] == '#') {
        scan->empty_owner = owner; /* nested content, if any, on the next lines */
        return 1;
    }
    switch (input[index]) {
    case '&':
    case '*':
    case '!':
    case '?':
    case '%':
    case '@':
    case '`':
        return 0;
    case '"':
    case '\'': {
        scan->quote = input[index];
        size_t after = scan_quoted(input, index + 1, end, scan);
        return scan->quote != 0 || rest_is_comment(input, after, end);
    }
    case '[':
    case '{': {
        size_t after = scan_flow(input, index, end, scan);
        if (after == 0) {
            return 0;
        }
        return scan->flow_depth > 0 || scan->quote != 0 || rest_is_comment(input, after, end);
    }
    default:
        /* A block scalar's content, or a plain scalar's continuation: the lines indented more than the owner. */
        scan->scalar_owner = owner;
        return 1;
    }
}

/* Reads a structural line whose first character is at `index` (column `column`): items, a key, its value.
   `parent` is the column of the key or item whose value the line above left empty (-1: none): a scalar written
   on a line of its own is that value, and libyaml reads on its later lines as far as they are indented more than
   `parent`. Sets *is_key when the line (after any items) is a key. Returns 0 for what the scan does not
   follow. */
static int scan_line(const unsigned char *input, size_t index, size_t end, long column, long parent, yaml_scan *scan,
                     int *is_key) {
    *is_key = 0;
    long owner = column;
    int is_item = 0;
    size_t line_start = index - (size_t)column;
    while (index < end && input[index] == '-' && is_space_or_end(input, index + 1, end)) {
        owner = (long)(index - line_start);
        is_item = 1;
        index = skip_blanks(input, index + 1, end);
    }
    if (index >= end || input[index] == '#') {
        scan->empty_owner = owner;
        return 1;
    }
    /* A scalar on a line of its own is the value of the key or item above, which owns its later lines. */
    if (!is_item) {
        owner = parent >= 0 && parent < column ? parent : -1;
    }
    unsigned char first = input[index];
    if (first == '"' || first == '\'') {
        scan->quote = first;
        size_t after = scan_quoted(input, index + 1, end, scan);
        if (scan->quote != 0) {
            return 1; /* a quoted scalar that goes on (keys are one line) */
        }
        after = skip_blanks(input, after, end);
        if (after < end && input[after] == ':' && is_space_or_end(input, after + 1, end)) {
            *is_key = 1;
            return scan_value(input, skip_blanks(input, after + 1, end), end, (long)(index - line_start), scan);
        }
        return rest_is_comment(input, after, end);
    }
    if (first == '[' || first == '{' || first == '|' || first == '>' || first == '&' || first == '*' ||
        first == '!' || first == '?' || first == '%' || first == '@' || first == '`') {
        /* Flow collections and block scalars as items or on lines of their own, and what the scan does not
           follow. */
        if ((first == '|' || first == '>') && owner < 0) {
            return 0;
        }
        return first == '[' || first == '{' || first == '|' || first == '>'
                   ? scan_value(input, index, end, owner, scan)
                   : 0;
    }
    /* A plain key ends at `: ` (or `:` at the line's end); ` #` starts a comment; otherwise the line is a plain
       scalar. */
    size_t comment = end;
    for (const unsigned char *hash = memchr(input + index, '#', end - index); hash != NULL;
         hash = memchr(hash + 1, '#', (size_t)(input + end - hash - 1))) {
        if ((size_t)(hash - input) > index && (hash[-1] == ' ' || hash[-1] == '\t')) {
            comment = (size_t)(hash - input);
            break;
        }
    }
    for (const unsigned char *colon = memchr(input + index, ':', comment - index); colon != NULL;
         colon = memchr(colon + 1, ':', (size_t)(input + comment - colon - 1))) {
        size_t at = (size_t)(colon - input);
        if (is_space_or_end(input, at + 1, end)) {
            *is_key = 1;
            return scan_value(input, skip_blanks(input, at + 1, end), end, (long)(index - line_start), scan);
        }
    }
    if (owner < 0) {
        return 0;
    }
    scan->scalar_owner = owner;
    return 1;
}

/* Whether `input` breaks lines only with LF and CR LF (libyaml also breaks them at a lone CR, U+0085, U+2028 and
   U+2029, which would shift the line count) and has no byte order mark. */
static int has_only_line_feeds(const unsigned char *input, size_t length) {
    /* A UTF-16 byte order mark: libyaml would read the first half as UTF-16 and the second as UTF-8. */
    if (length >= 2 && ((input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF))) {
        return 0;
    }
    if (bindery_bom_length(input, length) > 0) {
        return 0;
    }
    const unsigned char *end = input + length;
    for (const unsigned char *at = memchr(input, '\r', length); at != NULL;
         at = memchr(at + 1, '\r', (size_t)(end - at - 1))) {
        if (at + 1 >= end || at[1] != '\n') {
            return 0;
        }
    }
    for (const unsigned char *at = memchr(input, 0xC2, length); at != NULL;
         at = memchr(at + 1, 0xC2, (size_t)(end - at - 1))) {
        if (at + 1 < end && at[1] == 0x85) {
            return 0;
        }
    }
    for (const unsigned char *at = memchr(input, 0xE2, length); at != NULL;
         at = memchr(at + 1, 0xE2, (size_t)(end - at - 1))) {
        if (at + 2 < end && at[1] == 0x80 && (at[2] == 0xA8 || at[2] == 0xA9)) {
            return 0;
        }
    }
    return 1;
}

/* Whether `bytes[0..<count]` occurs in `input`. */
static int contains(const unsigned char *input, size_t length, const char *bytes, size_t count) {
    const unsigned char *end = input + length;
    for (const unsigned char *at = memchr(input, bytes[0], length); at != NULL && (size_t)(end - at) >= count;
         at = memchr(at + 1, bytes[0], (size_t)(end - at - 1))) {
        if (memcmp(at, bytes, count) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Takes the best of `candidates` (the mapping's key lines after its first) as *split when it halves the input
   better than *best_cost does; the mapping's first key is at 0-based `mapping_line`, indented `indent`, and it
   ends at `end` (a line start, or the input's end), on 0-based line `end_line`. */
static void consider_cuts(const yaml_candidate *candidates, size_t count, size_t length, size_t end, size_t end_line,
                          size_t mapping_line, long indent, size_t *best_cost, bindery_split *split, int *found) {
    for (size_t c = 0; c < count; c++) {
        if (bindery_split_improves(length, end - candidates[c].start, best_cost)) {
            *found = 1;
            split->flow = 0;
            split->start = candidates[c].start;
            split->end = end;
            split->comma = 0;
            split->start_line = candidates[c].line;
            split->end_line = end_line;
            split->open_line = bindery_one_based(mapping_line);
            split->open_column = bindery_one_based((size_t)indent);
            split->depth = 2;
        }
    }
}

int bindery_yaml_find_split(const unsigned char *input, size_t length, bindery_split *split) {
    yaml_scan scan = {0, 0, -1, -1};
    yaml_candidate *candidates = NULL;
    size_t candidate_count = 0, candidate_capacity = 0;
    /* The mapping being cut: its keys' indentation (-1 while there is none), its first key. */
    long mapping_indent = -1;
    size_t mapping_line = 0;
    int awaiting_mapping = 0, in_root_sequence = 0, seen_root = 0, found = 0;
    size_t best_cost = length;
    /* Merge keys move pairs between mappings, and libyaml reads a byte order mark anywhere as a blank. */
    if (!has_only_line_feeds(input, length) || contains(input, length, "<<", 2) ||
        contains(input, length, "\xEF\xBB\xBF", 3)) {
        return 0;
    }
    size_t line = 0, line_start = 0;
    while (line_start < length) {
        const unsigned char *found_end = memchr(input + line_start, '\n', length - line_start);
        size_t line_end = found_end != NULL ? (size_t)(found_end - input) : length;
        size_t next = line_end < length ? line_end + 1 : length;
        size_t end = line_end > line_start && input[line_end - 1] == '\r' ? line_end - 1 : line_end;

        if (scan.quote != 0 || scan.flow_depth > 0) {
            size_t after = scan.flow_depth > 0 ? scan_flow(input, line_start, end, &scan)
                                               : scan_quoted(input, line_start, end, &scan);
            if (after == 0 && scan.flow_depth > 0) {
                goto fail;
            }
            if (scan.quote == 0 && scan.flow_depth == 0 && !rest_is_comment(input, after, end)) {
                goto fail;
            }
        } else {
            size_t first = line_start;
            while (first < end && input[first] == ' ') {
                first++;
            }
            long indent = (long)(first - line_start);
            int blank =
                first >= end || input[first] == '#' || (input[first] == '\t' && rest_is_comment(input, first, end));
            if (!blank && input[first] == '\t') {
                goto fail;
            }
            if (!blank && scan.scalar_owner >= 0 && indent > scan.scalar_owner) {
                blank = 1; /* a scalar's content or continuation */
            }
            if (!blank) {
                scan.scalar_owner = -1;
                long parent = scan.empty_owner;
                scan.empty_owner = -1;
                if (indent == 0) {
                    if (end - first >= 3 &&
                        (memcmp(input + first, "---", 3) == 0 || memcmp(input + first, "...", 3) == 0)) {
                        goto fail;
                    }
                    int starts_item = input[first] == '-' && is_space_or_end(input, first + 1, end);
                    /* The mapping being cut ends here. */
                    if (mapping_indent >= 0) {
                        consider_cuts(candidates, candidate_count, length, line_start, line, mapping_line,
                                      mapping_indent, &best_cost, split, &found);
                    }
                    mapping_indent = -1;
                    candidate_count = 0;
                    int is_key;
                    if (starts_item) {
                        /* An item of a sequence as unindented as its key (`tags:` then `- name: a`). */
                        if (!(awaiting_mapping || in_root_sequence) ||
                            !scan_line(input, first, end, 0, parent, &scan, &is_key)) {
                            goto fail;
                        }
                        awaiting_mapping = 0;
                        in_root_sequence = 1;
                    } else {
                        seen_root = 1;
                        in_root_sequence = 0;
                        if (!scan_line(input, first, end, 0, parent, &scan, &is_key) || !is_key) {
                            goto fail;
                        }
                        /* `key:` alone: a block mapping may follow, indented. */
                        awaiting_mapping = scan.empty_owner == 0;
                    }
                } else {
                    if (!seen_root) {
                        goto fail;
                    }
                    int starts_item = input[first] == '-' && is_space_or_end(input, first + 1, end);
                    if (awaiting_mapping) {
                        awaiting_mapping = 0;
                        if (!starts_item) {
                            mapping_indent = indent;
                            mapping_line = line;
                        }
                    } else if (mapping_indent >= 0 && indent < mapping_indent) {
                        goto fail;
                    } else if (mapping_indent >= 0 && indent == mapping_indent && !starts_item) {
                        yaml_candidate *grown =
                            bindery_reserve(candidates, &candidate_capacity, candidate_count + 1, sizeof *candidates);
                        if (grown == NULL) {
                            goto fail;
                        }
                        candidates = grown;
                        yaml_candidate candidate = {line_start, line};
                        candidates[candidate_count++] = candidate;
                    }
                    int is_key;
                    if (!scan_line(input, first, end, indent, parent, &scan, &is_key)) {
                        goto fail;
                    }
                    if (mapping_indent >= 0 && indent == mapping_indent && !starts_item && !is_key) {
                        goto fail;
                    }
                }
            }
        }
        line++;
        line_start = next;
    }
    if (scan.quote != 0 || scan.flow_depth > 0) {
        goto fail;
    }
    /* The mapping being cut may end the document. */
    if (mapping_indent >= 0) {
        consider_cuts(candidates, candidate_count, length, length, line, mapping_line, mapping_indent, &best_cost,
                      split, &found);
    }
    free(candidates);
    return seen_root && found;
fail:
    free(candidates);
    return 0;
}
