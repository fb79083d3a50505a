/* Reading text as libyaml does, for the JSON reader (json_reader.c) and the block-YAML reader (yaml_reader.c). */

#include "text_decode.h"

#include "builder.h"
#include "text_scan.h"

size_t bindery_accepted_character(const unsigned char *p, size_t left) {
    unsigned char c = p[0];
    if (c >= 0xC2 && c <= 0xDF) {
        if (left < 2 || (p[1] & 0xC0) != 0x80) {
            return 0;
        }
        unsigned value = ((unsigned)(c & 0x1F) << 6) | (p[1] & 0x3F);
        return value >= 0xA0 ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) {
            return 0;
        }
        unsigned value = ((unsigned)(c & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        if (value < 0x800 || (value >= 0xD800 && value <= 0xDFFF) || value == 0x2028 || value == 0x2029 ||
            value == 0xFEFF || value > 0xFFFD) {
            return 0;
        }
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
            return 0;
        }
        unsigned value = ((unsigned)(c & 0x07) << 18) | ((unsigned)(p[1] & 0x3F) << 12) |
                         ((unsigned)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        return value >= 0x10000 && value <= 0x10FFFF ? 4 : 0;
    }
    return 0;
}

static size_t put_utf8(unsigned char *out, unsigned long value) {
    if (value < 0x80) {
        out[0] = (unsigned char)value;
        return 1;
    }
    if (value < 0x800) {
        out[0] = (unsigned char)(0xC0 | (value >> 6));
        out[1] = (unsigned char)(0x80 | (value & 0x3F));
        return 2;
    }
    if (value < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (value >> 12));
        out[1] = (unsigned char)(0x80 | ((value >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (value & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (value >> 18));
    out[1] = (unsigned char)(0x80 | ((value >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((value >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (value & 0x3F));
    return 4;
}

/* The four hex digits at `input[at]`, before `end`, or -1. */
static long hex4(const unsigned char *input, size_t at, size_t end) {
    unsigned value;
    return at + 4 <= end && bindery_hex4(input + at, &value) ? (long)value : -1;
}

long bindery_decode_json_escapes(const unsigned char *input, size_t start, size_t end, unsigned char **text,
                                 size_t *capacity, int yaml) {
    void *grown = bindery_reserve(*text, capacity, end - start, 1);
    if (grown == NULL) {
        return -1;
    }
    *text = grown;
    unsigned char *out = *text;
    size_t o = 0, i = start;
    while (i < end) {
        unsigned char c = input[i];
        if (c != '\\') {
            out[o++] = c;
            i++;
            continue;
        }
        unsigned char escape = input[i + 1];
        i += 2;
        switch (escape) {
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case '/': out[o++] = '/'; break;
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case ' ':
            if (!yaml) {
                return -1;
            }
            out[o++] = ' ';
            break;
        case 'u': {
            long value = hex4(input, i, end);
            if (value < 0) {
                return -1;
            }
            i += 4;
            /* libyaml decodes no surrogate; the surrogate rewrite (json_surrogates.c) serves JSON alone. */
            if ((value >= 0xDC00 && value <= 0xDFFF) || (yaml && value >= 0xD800 && value <= 0xDBFF)) {
                return -1;
            }
            if (value >= 0xD800 && value <= 0xDBFF) {
                long low = i + 6 <= end && input[i] == '\\' && input[i + 1] == 'u' ? hex4(input, i + 2, end) : -1;
                if (low < 0xDC00 || low > 0xDFFF) {
                    return -1;
                }
                i += 6;
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
            }
            o += put_utf8(out + o, (unsigned long)value);
            break;
        }
        default:
            return -1;
        }
    }
    return (long)o;
}
