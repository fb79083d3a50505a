#ifndef BINDERY_TEXT_SCAN_H
#define BINDERY_TEXT_SCAN_H

/* Internal: byte-level helpers the scans for a cut, the JSON reader, the surrogate rewrite and the error positions
   share. */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The length of the UTF-8 byte order mark `input` starts with: 3, or 0 without one (libyaml drops it). */
static inline size_t bindery_bom_length(const unsigned char *input, size_t length) {
    return length >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? 3 : 0;
}

/* The four hex digits at `p` (the caller guarantees four bytes) in `*value`; 0 when one is not a hex digit. */
static inline int bindery_hex4(const unsigned char *p, unsigned *value) {
    unsigned result = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = p[i];
        unsigned digit;
        if (c >= '0' && c <= '9') {
            digit = (unsigned)(c - '0');
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            digit = (unsigned)((c | 0x20) - 'a' + 10);
        } else {
            return 0;
        }
        result = result * 16 + digit;
    }
    *value = result;
    return 1;
}

/* The first byte at or after `index` that is a quote, a backslash, a control character, DEL or not ASCII, eight
   bytes at a time (most of a description is the text of its strings); at most 7 bytes before `length`, which the
   caller reads one by one. */
static inline size_t bindery_skip_plain_string_bytes(const unsigned char *input, size_t index, size_t length) {
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    while (index + 8 <= length) {
        uint64_t word;
        memcpy(&word, input + index, sizeof word);
        uint64_t quote = word ^ (ones * '"'), backslash = word ^ (ones * '\\'), del = word ^ (ones * 0x7F);
        uint64_t special = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((del - ones) & ~del) |
                           ((word - ones * 0x20) & ~word) | word;
        if (special & high) {
            break;
        }
        index += 8;
    }
    return index;
}

/* The first byte at or after `index` that is not a space, eight at a time (indentation). */
static inline size_t bindery_skip_spaces(const unsigned char *input, size_t index, size_t length) {
    const uint64_t spaces = 0x2020202020202020ULL;
    while (index + 8 <= length) {
        uint64_t word;
        memcpy(&word, input + index, sizeof word);
        if (word != spaces) {
            break;
        }
        index += 8;
    }
    while (index < length && input[index] == ' ') {
        index++;
    }
    return index;
}

#endif /* BINDERY_TEXT_SCAN_H */
