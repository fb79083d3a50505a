#ifndef BINDERY_JSON_SURROGATES_H
#define BINDERY_JSON_SURROGATES_H

#include <stddef.h>

/* libyaml rejects JSON's UTF-16 surrogate-pair escapes ("\ud83d\ude00"), which JSON writers such as
   Python's json.dumps emit for every character outside the Basic Multilingual Plane.

   If `input` lexes as JSON (strings, numbers, true/false/null, punctuation, whitespace only) and
   contains at least one surrogate-pair escape inside a string, returns a malloc'ed copy of the same
   length in which each pair is replaced by the equivalent YAML escape "\U0001F600" and the two bytes
   saved per pair are added as spaces after the string's closing quote, so every token keeps its
   byte offset, line and column. Otherwise returns NULL (and sets *out_of_memory when the copy could
   not be allocated). */
unsigned char *bindery_json_rewrite_surrogates(const unsigned char *input, size_t length, int *out_of_memory);

#endif /* BINDERY_JSON_SURROGATES_H */
