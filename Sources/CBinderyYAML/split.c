/* Finding where a large JSON document can be parsed in two halves, and joining the halves' arenas. */

#include "split.h"

#include "builder.h"
#include "text_scan.h"

#include <stdlib.h>
#include <string.h>

/* How deep the scan follows objects and arrays; a deeper document is parsed whole. */
#define SPLIT_MAX_DEPTH 64

/* An open object or array: where it opened and where its cut candidates start in the candidate list. */
typedef struct {
    size_t open, open_line_start, open_line;
    size_t first_candidate;
    unsigned char kind;
    /* An object's member so far: 0 before a key, 1 after a key, 2 after its colon, 3 after its value; an array's
       item: 0 before it, 3 after it. */
    unsigned char member;
} split_frame;

/* A member boundary inside an object: the next member's line start, the comma before it, and that line. */
typedef struct {
    size_t start, comma, line;
} split_candidate;

static int is_blank(unsigned char byte) {
    return byte == ' ' || byte == '\t';
}

/* Bytes allowed outside strings: blanks, punctuation, numbers, true, false and null. */
static int is_json_token_byte(unsigned char byte) {
    if (byte >= '0' && byte <= '9') {
        return 1;
    }
    switch (byte) {
    case '-': case '+': case '.': case 'E': case 'e': case 't': case 'r': case 'u': case 'f': case 'a': case 'l':
    case 's': case 'n': case ':':
        return 1;
    default:
        return 0;
    }
}

/* The 1-based column libyaml gives `offset`: characters (UTF-8 lead bytes) since the line start, plus one. */
static uint32_t column_of(const unsigned char *input, size_t line_start, size_t offset) {
    size_t characters = 0;
    for (size_t index = line_start; index < offset; index++) {
        characters += (input[index] & 0xC0) != 0x80;
    }
    return bindery_one_based(characters);
}

int bindery_split_improves(size_t length, size_t second, size_t *best_cost) {
    size_t cost = length - second > second ? length - second : second;
    if (second < length / 5 || cost >= *best_cost) {
        return 0;
    }
    *best_cost = cost;
    return 1;
}

/* A token (a string when `is_string`, an object or array when `is_container`) starts in the innermost object or
   array: an object's member moves on (a quoted key, then after its colon a value), and so does an array's item.
   Returns 0 where the token does not fit (a key without its colon, a value without a key, two items without a
   comma), which a cut could hide or change. */
static int token_starts(split_frame *frames, size_t depth, int is_string, int is_container) {
    if (depth == 0) {
        return is_container;
    }
    split_frame *frame = &frames[depth - 1];
    if (frame->kind != '{') {
        /* An array's items are separated by commas (libyaml reads `[1"x"]` as one plain scalar). */
        if (frame->member != 0) {
            return 0;
        }
        frame->member = 3;
        return 1;
    }
    switch (frame->member) {
    case 0:
        /* A key, quoted: libyaml reads a plain key such as `a:1` as one scalar, and an object or array cannot be
           one (a complex key). */
        frame->member = 1;
        return is_string;
    case 2:
        frame->member = 3;
        return 1;
    default:
        return 0;
    }
}

int bindery_json_find_split(const unsigned char *input, size_t length, bindery_split *split) {
    split_frame frames[SPLIT_MAX_DEPTH];
    size_t depth = 0;
    split_candidate *candidates = NULL;
    size_t candidate_count = 0, candidate_capacity = 0;
    size_t line = 0, line_start = 0;
    int seen_root = 0, found = 0, in_scalar = 0;
    size_t best_cost = length, best_open = 0, best_open_line_start = 0;
    size_t index = 0;
    while (index < length) {
        unsigned char byte = input[index];
        if (byte == '"') {
            if (!token_starts(frames, depth, 1, 0)) {
                goto fail;
            }
            in_scalar = 0;
            index++;
            for (;;) {
                index = bindery_skip_plain_string_bytes(input, index, length);
                if (index >= length) {
                    goto fail;
                }
                unsigned char inside = input[index];
                if (inside == '"') {
                    break;
                }
                if (inside == '\\') {
                    /* An escaped line break joins lines libyaml counts; a surrogate escape (\uD800 to \uDFFF)
                       fails libyaml's parse, and the whole document is retried with them rewritten
                       (json_surrogates.h), so the halves would only be parsed in vain. */
                    if (index + 1 >= length || input[index + 1] == '\n' || input[index + 1] == '\r' ||
                        input[index + 1] >= 0x80) {
                        goto fail;
                    }
                    if (index + 3 < length && input[index + 1] == 'u' && (input[index + 2] | 0x20) == 'd') {
                        unsigned char digit = input[index + 3] | 0x20;
                        if ((digit >= '8' && digit <= '9') || digit == 'a' || digit == 'b') {
                            goto fail;
                        }
                    }
                    index += 2;
                    continue;
                }
                /* Control characters are not JSON; NEL, LS and PS are line breaks to libyaml, and it reads a
                   byte order mark as a blank. */
                if (inside < 0x20 || (inside == 0xC2 && index + 1 < length && input[index + 1] == 0x85) ||
                    (inside == 0xE2 && index + 2 < length && input[index + 1] == 0x80 &&
                     (input[index + 2] == 0xA8 || input[index + 2] == 0xA9)) ||
                    (inside == 0xEF && index + 2 < length && input[index + 1] == 0xBB && input[index + 2] == 0xBF)) {
                    goto fail;
                }
                index++;
            }
            index++;
            continue;
        }
        if (is_json_token_byte(byte) && byte != ':') {
            /* A number, true, false or null: a token where the previous byte was not part of one. */
            if (!in_scalar && !token_starts(frames, depth, 0, 0)) {
                goto fail;
            }
            in_scalar = 1;
            index++;
            continue;
        }
        in_scalar = 0;
        switch (byte) {
        case '\n':
            line++;
            line_start = index + 1;
            break;
        case '\r':
            if (index + 1 >= length || input[index + 1] != '\n') {
                goto fail;
            }
            break;
        case ' ':
            index = bindery_skip_spaces(input, index, length);
            continue;
        case '\t':
            break;
        case '{':
        case '[':
            if (depth == 0 && (seen_root || byte != '{')) {
                goto fail;
            }
            if (depth == SPLIT_MAX_DEPTH || !token_starts(frames, depth, 0, 1)) {
                goto fail;
            }
            seen_root = 1;
            frames[depth].open = index;
            frames[depth].open_line_start = line_start;
            frames[depth].open_line = line;
            frames[depth].first_candidate = candidate_count;
            frames[depth].kind = byte;
            frames[depth].member = 0;
            depth++;
            break;
        case ':':
            /* Only after an object's key (in an array it would make an implicit pair, a level deeper). */
            if (depth == 0 || frames[depth - 1].kind != '{' || frames[depth - 1].member != 1) {
                goto fail;
            }
            frames[depth - 1].member = 2;
            break;
        case '}':
        case ']': {
            if (depth == 0) {
                goto fail;
            }
            split_frame frame = frames[--depth];
            /* A collection closes after a value (or empty, or after a trailing comma), never after a bare key. */
            if ((byte == '}') != (frame.kind == '{') || (frame.member != 0 && frame.member != 3)) {
                goto fail;
            }
            /* An object below the root whose closing brace starts its line (after blanks). */
            size_t blank = line_start;
            while (blank < index && is_blank(input[blank])) {
                blank++;
            }
            if (frame.kind == '{' && depth >= 1 && blank == index) {
                for (size_t c = frame.first_candidate; c < candidate_count; c++) {
                    if (candidates[c].start >= line_start) {
                        continue;
                    }
                    if (bindery_split_improves(length, line_start - candidates[c].start, &best_cost)) {
                        found = 1;
                        split->flow = 1;
                        split->start = candidates[c].start;
                        split->end = line_start;
                        split->comma = candidates[c].comma;
                        split->start_line = candidates[c].line;
                        split->end_line = line;
                        split->open_line = bindery_one_based(frame.open_line);
                        best_open = frame.open;
                        best_open_line_start = frame.open_line_start;
                        split->depth = (uint32_t)depth + 1;
                    }
                }
            }
            candidate_count = frame.first_candidate;
            break;
        }
        case ',': {
            /* In an object, a comma ends a member that has its value; a cut candidate when it ends its line below
               the root, the next line starting with a key. */
            if (depth == 0) {
                goto fail;
            }
            split_frame *frame = &frames[depth - 1];
            if (frame->member != 3) {
                goto fail;
            }
            frame->member = 0;
            if (depth >= 2 && frame->kind == '{') {
                size_t after = index + 1;
                while (after < length && is_blank(input[after])) {
                    after++;
                }
                size_t next = after < length && input[after] == '\n' ? after + 1
                              : after + 1 < length && input[after] == '\r' && input[after + 1] == '\n' ? after + 2
                                                                                                         : 0;
                size_t key = next;
                while (next != 0 && key < length && is_blank(input[key])) {
                    key++;
                }
                if (next != 0 && key < length && input[key] == '"') {
                    split_candidate *grown =
                        bindery_reserve(candidates, &candidate_capacity, candidate_count + 1, sizeof *candidates);
                    if (grown == NULL) {
                        goto fail;
                    }
                    candidates = grown;
                    split_candidate candidate = {next, index, line + 1};
                    candidates[candidate_count++] = candidate;
                }
            }
            break;
        }
        default:
            goto fail;
        }
        index++;
    }
    free(candidates);
    /* Counted once, for the cut taken: for every brace, or every better cut, it was quadratic on long lines. */
    if (seen_root && depth == 0 && found) {
        split->open_column = column_of(input, best_open_line_start, best_open);
        return 1;
    }
    return 0;
fail:
    free(candidates);
    return 0;
}

/* Hashes of scalar key texts, for finding a key both halves have. */
typedef struct {
    uint64_t hash;
    uint32_t offset, length;
} key_hash;

static uint64_t hash_bytes(const char *bytes, uint32_t length) {
    uint64_t hash = 14695981039346656037ULL;
    for (uint32_t index = 0; index < length; index++) {
        hash = (hash ^ (unsigned char)bytes[index]) * 1099511628211ULL;
    }
    return hash;
}

static int compare_key_hashes(const void *lhs, const void *rhs) {
    uint64_t a = ((const key_hash *)lhs)->hash, b = ((const key_hash *)rhs)->hash;
    return a < b ? -1 : a > b;
}

/* Whether a key of `second`'s root is also a key of `first`'s mapping `object` (by text, as the whole parse's
   duplicate check compares scalar keys), or a key is not a scalar: the whole parse must decide. Sets
   *out_of_memory on allocation failure. */
static int keys_overlap(const bindery_yaml_document *first, uint32_t object, const bindery_yaml_document *second,
                        int *out_of_memory) {
    const bindery_yaml_node *mapping = &first->nodes[object];
    size_t count = mapping->child_count / 2;
    key_hash *hashes = malloc((count ? count : 1) * sizeof *hashes);
    if (hashes == NULL) {
        *out_of_memory = 1;
        return 1;
    }
    for (size_t pair = 0; pair < count; pair++) {
        const bindery_yaml_node *key = &first->nodes[first->children[mapping->first_child + 2 * pair]];
        if (key->kind != BINDERY_YAML_KIND_SCALAR) {
            free(hashes);
            return 1;
        }
        key_hash entry = {hash_bytes(first->strings + key->text_offset, key->text_length), key->text_offset,
                          key->text_length};
        hashes[pair] = entry;
    }
    qsort(hashes, count, sizeof *hashes, compare_key_hashes);
    const bindery_yaml_node *root = &second->nodes[second->root];
    int overlap = 0;
    for (size_t pair = 0; pair < root->child_count / 2 && !overlap; pair++) {
        const bindery_yaml_node *key = &second->nodes[second->children[root->first_child + 2 * pair]];
        if (key->kind != BINDERY_YAML_KIND_SCALAR) {
            overlap = 1;
            break;
        }
        uint64_t hash = hash_bytes(second->strings + key->text_offset, key->text_length);
        size_t low = 0, high = count;
        while (low < high) {
            size_t middle = low + (high - low) / 2;
            if (hashes[middle].hash < hash) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        for (size_t at = low; at < count && hashes[at].hash == hash; at++) {
            if (hashes[at].length == key->text_length &&
                (key->text_length == 0 || memcmp(first->strings + hashes[at].offset,
                                                 second->strings + key->text_offset, key->text_length) == 0)) {
                overlap = 1;
                break;
            }
        }
    }
    free(hashes);
    return overlap;
}

int bindery_join_halves(bindery_yaml_document *first, const bindery_yaml_document *second,
                        const bindery_split *split, bindery_yaml_document *out) {
    if (second->root != 0 || second->node_count == 0 || second->nodes[0].kind != BINDERY_YAML_KIND_MAPPING) {
        return 0;
    }
    /* A JSON second half starts with an added line (its brace). */
    uint32_t second_line_offset = (uint32_t)split->start_line - (split->flow ? 1 : 0);
    if (!split->flow) {
        /* The block mapping the second half is starts at the cut's key, and its first pair is that key's. */
        const bindery_yaml_node *root = &second->nodes[0];
        if (root->line + second_line_offset != bindery_one_based(split->start_line) ||
            root->column != split->open_column || root->child_count == 0) {
            return 0;
        }
    }
    /* The first half's nodes after the cut are those on or after the cut's line; nodes are in document order. */
    uint32_t cut_line = bindery_one_based(split->start_line);
    size_t cut = first->node_count;
    for (size_t index = 0; index < first->node_count; index++) {
        if (first->nodes[index].line >= cut_line) {
            cut = index;
            break;
        }
    }
    /* The object cut in two: the mapping that starts at its opening brace. */
    size_t object = SIZE_MAX;
    for (size_t index = cut; index-- > 0;) {
        const bindery_yaml_node *node = &first->nodes[index];
        if (node->kind == BINDERY_YAML_KIND_MAPPING && node->line == split->open_line &&
            node->column == split->open_column) {
            object = index;
            break;
        }
    }
    if (object == SIZE_MAX) {
        return 0;
    }
    /* The object's nodes end right before the cut (its last pair's value, and that value's last descendants, are
       the last nodes before it): a cut anywhere but at one of its member boundaries would end it elsewhere. */
    size_t last = object;
    while (first->nodes[last].kind != BINDERY_YAML_KIND_SCALAR && first->nodes[last].child_count > 0) {
        last = first->children[first->nodes[last].first_child + first->nodes[last].child_count - 1];
    }
    if (last + 1 != cut) {
        return 0;
    }
    /* In block YAML the object is the value of a pair of the root mapping, and the root's next key, if any, is the
       first node after the cut. */
    if (!split->flow) {
        const bindery_yaml_node *root = &first->nodes[first->root];
        size_t pairs = root->kind == BINDERY_YAML_KIND_MAPPING ? root->child_count / 2 : 0;
        size_t pair = 0;
        while (pair < pairs && first->children[root->first_child + 2 * pair + 1] != object) {
            pair++;
        }
        if (pair == pairs || (pair + 1 < pairs ? first->children[root->first_child + 2 * pair + 2] != cut
                                               : cut != first->node_count)) {
            return 0;
        }
    }
    int out_of_memory = 0;
    if (keys_overlap(first, (uint32_t)object, second, &out_of_memory)) {
        return 0;
    }
    /* In block YAML, what follows the mapping in the first half (the next key of the root) starts the line after
       the cut, at column 1: had the cut been inside a scalar, the first half would read on differently. */
    if (!split->flow && cut < first->node_count &&
        (first->nodes[cut].line != cut_line || first->nodes[cut].column != 1)) {
        return 0;
    }
    /* The second half's nodes but its root go between the first half's before and after the cut; the object's
       pairs, the first half's then the second's, get a run of their own at the end of the children. */
    const bindery_yaml_node *second_root = &second->nodes[0];
    size_t added = second->node_count - 1;
    size_t node_count = first->node_count + added;
    size_t object_pairs = first->nodes[object].child_count;
    size_t run = first->children_count + second->children_count;
    size_t children_count = run + object_pairs + second_root->child_count;
    size_t strings_length = first->strings_length + second->strings_length;
    if (node_count >= UINT32_MAX || children_count >= UINT32_MAX || strings_length >= UINT32_MAX) {
        return 0;
    }
    /* The first half's arrays grow in place (a copy of the whole arena would be the parse's peak memory); each
       is stored back at once, so that the caller frees it whatever fails next. */
    bindery_yaml_node *nodes = realloc(first->nodes, node_count * sizeof *nodes);
    if (nodes == NULL) {
        return 0;
    }
    first->nodes = nodes;
    uint32_t *children = realloc(first->children, (children_count ? children_count : 1) * sizeof *children);
    if (children == NULL) {
        return 0;
    }
    first->children = children;
    char *strings = realloc(first->strings, strings_length + 1);
    if (strings == NULL) {
        return 0;
    }
    first->strings = strings;

    uint32_t line_shift = (uint32_t)(split->end_line - split->start_line);
    memmove(nodes + cut + added, nodes + cut, (first->node_count - cut) * sizeof *nodes);
    for (size_t index = cut + added; index < node_count; index++) {
        nodes[index].line += line_shift;
    }
    uint32_t first_children = (uint32_t)first->children_count;
    uint32_t first_strings = (uint32_t)first->strings_length;
    for (size_t index = 1; index < second->node_count; index++) {
        bindery_yaml_node node = second->nodes[index];
        node.line += second_line_offset;
        node.text_offset += first_strings;
        node.tag_offset += first_strings;
        if (node.kind != BINDERY_YAML_KIND_SCALAR) {
            node.first_child += first_children;
        }
        nodes[cut + index - 1] = node;
    }
    for (size_t index = 0; index < first->children_count; index++) {
        if (children[index] >= cut) {
            children[index] += (uint32_t)added;
        }
    }
    for (size_t index = 0; index < second->children_count; index++) {
        children[first_children + index] = (uint32_t)cut + second->children[index] - 1;
    }
    uint32_t object_first_child = nodes[object].first_child;
    memcpy(children + run, children + object_first_child, object_pairs * sizeof *children);
    memcpy(children + run + object_pairs, children + first_children + second_root->first_child,
           second_root->child_count * sizeof *children);
    nodes[object].first_child = (uint32_t)run;
    nodes[object].child_count = (uint32_t)(object_pairs + second_root->child_count);
    if (second->strings_length > 0) {
        memcpy(strings + first->strings_length, second->strings, second->strings_length);
    }

    memset(out, 0, sizeof *out);
    out->nodes = nodes;
    out->node_count = node_count;
    out->children = children;
    out->children_count = children_count;
    out->strings = strings;
    out->strings_length = strings_length;
    out->root = first->root < cut ? first->root : first->root + (uint32_t)added;
    /* Moved into `out`. */
    first->nodes = NULL;
    first->children = NULL;
    first->strings = NULL;
    first->node_count = first->children_count = first->strings_length = 0;
    return 1;
}
