#ifndef BINDERY_YAML_READER_H
#define BINDERY_YAML_READER_H

/* Internal: the block-YAML reader (yaml_reader.c). */

#include "bindery_yaml.h"

#include <stddef.h>

/* Reads `input[0..<length]` into `out` as libyaml would parse it, and returns 1; or declines, leaving `out`
   zeroed, and returns 0, for a document that is not block YAML as the reader takes it, or that the builder
   refuses. It never reports an error: a declined document is for libyaml to parse. */
int bindery_block_yaml_read(const unsigned char *input, size_t length, const bindery_yaml_limits *limits,
                            bindery_yaml_document *out);

#endif /* BINDERY_YAML_READER_H */
