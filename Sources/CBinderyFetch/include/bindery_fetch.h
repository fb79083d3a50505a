#ifndef BINDERY_FETCH_H
#define BINDERY_FETCH_H

#include <stddef.h>

/// How a fetch ended.
typedef enum bindery_fetch_outcome {
    BINDERY_FETCH_OK = 0,
    /// libcurl could not be loaded; `message` says why.
    BINDERY_FETCH_NO_LIBCURL,
    /// The server answered with a status other than 2xx, in `status`.
    BINDERY_FETCH_HTTP_STATUS,
    /// The document is larger than the maximum size.
    BINDERY_FETCH_TOO_LARGE,
    /// No whole answer within the timeout.
    BINDERY_FETCH_TIMED_OUT,
    BINDERY_FETCH_CANNOT_CONNECT,
    BINDERY_FETCH_UNKNOWN_HOST,
    /// Anything else; `message` is libcurl's.
    BINDERY_FETCH_FAILED,
} bindery_fetch_outcome;

typedef struct bindery_fetch_result {
    bindery_fetch_outcome outcome;
    /// The document (`BINDERY_FETCH_OK`), malloc'ed: `bindery_fetch_free` frees it.
    unsigned char *bytes;
    size_t count;
    /// The HTTP status, for `BINDERY_FETCH_HTTP_STATUS`.
    long status;
    char message[512];
} bindery_fetch_result;

/// Fetches `url` (http or https, redirects followed) through libcurl, loaded with `dlopen` the first time, so that a
/// run that fetches nothing never loads it: at most `maximum_size` bytes, within `timeout_ms` milliseconds.
void bindery_fetch(const char *url, long timeout_ms, size_t maximum_size, bindery_fetch_result *result);

void bindery_fetch_free(bindery_fetch_result *result);

#endif
