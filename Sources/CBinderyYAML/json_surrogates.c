/* Workaround for libyaml rejecting JSON surrogate-pair escapes; see json_surrogates.h. */

#include "json_surrogates.h"
#include "text_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether `input[start..<end]` is true, false, null or a JSON number. */
static int is_json_literal(const unsigned char *input, size_t start, size_t end) {
    size_t length = end - start;
    const char *text = (const char *)input + start;
    if ((length == 4 && (memcmp(text, "true", 4) == 0 || memcmp(text, "null", 4) == 0)) ||
        (length == 5 && memcmp(text, "false", 5) == 0)) {
        return 1;
    }
    size_t i = start;
    if (i < end && input[i] == '-') {
        i++;
    }
    if (i >= end || input[i] < '0' || input[i] > '9') {
        return 0;
    }
    for (; i < end; i++) {
        unsigned char c = input[i];
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
            return 0;
        }
    }
    return 1;
}

static int is_literal_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' ||
           c == '-';
}

/* Copies the string token starting at input[*position] (a quote) to output, rewriting surrogate
   pairs. Returns 0 if the token is not a valid JSON string; sets *rewrote when a pair was found. */
static int copy_string(const unsigned char *input, size_t length, size_t *position, unsigned char *output,
                       int *rewrote) {
    size_t i = *position + 1, o = *position + 1;
    size_t saved = 0;
    output[*position] = '"';
    while (i < length) {
        unsigned char c = input[i];
        if (c == '"') {
            output[o++] = '"';
            memset(output + o, ' ', saved);
            *position = i + 1;
            return 1;
        }
        if (c < 0x20) {
            return 0;
        }
        if (c != '\\') {
            output[o++] = input[i++];
            continue;
        }
        if (i + 1 >= length) {
            return 0;
        }
        unsigned high, low;
        if (input[i + 1] == 'u' && i + 12 <= length && bindery_hex4(input + i + 2, &high) && high >= 0xD800 &&
            high <= 0xDBFF && input[i + 6] == '\\' && input[i + 7] == 'u' && bindery_hex4(input + i + 8, &low) &&
            low >= 0xDC00 && low <= 0xDFFF) {
            unsigned scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
            char escape[11];
            snprintf(escape, sizeof escape, "\\U%08X", scalar);
            memcpy(output + o, escape, 10);
            o += 10;
            i += 12;
            saved += 2;
            *rewrote = 1;
        } else {
            output[o++] = input[i++];
            output[o++] = input[i++];
        }
    }
    return 0;
}

unsigned char *bindery_json_rewrite_surrogates(const unsigned char *input, size_t length, int *out_of_memory) {
    *out_of_memory = 0;
    unsigned char *output = malloc(length > 0 ? length : 1);
    if (output == NULL) {
        *out_of_memory = 1;
        return NULL;
    }
    size_t i = bindery_bom_length(input, length);
    int after_value = 0, rewrote = 0;
    memcpy(output, input, i);
    while (i < length) {
        unsigned char c = input[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            output[i++] = c;
        } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',') {
            output[i++] = c;
            after_value = 0;
        } else if (c == '"' && !after_value) {
            if (!copy_string(input, length, &i, output, &rewrote)) {
                break;
            }
            after_value = 1;
        } else if (is_literal_byte(c) && !after_value) {
            size_t start = i;
            while (i < length && is_literal_byte(input[i])) {
                output[i] = input[i];
                i++;
            }
            if (!is_json_literal(input, start, i)) {
                break;
            }
            after_value = 1;
        } else {
            break; /* not JSON */
        }
    }
    if (i < length || !rewrote) {
        free(output);
        return NULL;
    }
    return output;
}
