#ifndef BINDERY_TEXT_DECODE_H
#define BINDERY_TEXT_DECODE_H

/* Internal: what the JSON reader and the block-YAML reader share to read text as libyaml does (text_decode.c). */

#include <stddef.h>

/* The length of the UTF-8 character at `p` (a byte of 0x80 or above, `left` bytes to the end) if libyaml takes it
   as a character of a scalar, else 0: not valid UTF-8, not printable, a line break (U+0085, U+2028, U+2029) or a
   byte order mark. */
size_t bindery_accepted_character(const unsigned char *p, size_t left);

/* Decodes the JSON escapes of the double-quoted text `input[start..<end]` (whose escapes are complete) into
   `*text`, grown as needed (`*capacity`); returns its length, or -1 to decline: another escape of YAML's own, a
   lone surrogate, or no memory. With `yaml`, for a document libyaml reads as YAML, `\ ` is a space, and a surrogate
   pair declines too: libyaml decodes no surrogate, and the surrogate rewrite (json_surrogates.c) serves JSON alone.
   The text is never longer than the input. */
long bindery_decode_json_escapes(const unsigned char *input, size_t start, size_t end, unsigned char **text,
                                 size_t *capacity, int yaml);

#endif /* BINDERY_TEXT_DECODE_H */
