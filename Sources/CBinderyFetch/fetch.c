// libcurl's easy interface, called through `dlopen` and `dlsym`: the option and information numbers below are
// libcurl's ABI (curl.h), stable since libcurl 7.

#include "bindery_fetch.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void CURL;
typedef int CURLcode;
typedef size_t (*write_callback)(char *, size_t, size_t, void *);

enum {
    CURLE_OK = 0,
    CURLE_COULDNT_RESOLVE_HOST = 6,
    CURLE_COULDNT_CONNECT = 7,
    CURLE_WRITE_ERROR = 23,
    CURLE_OPERATION_TIMEDOUT = 28,
    CURLE_FILESIZE_EXCEEDED = 63,
};

enum {
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_MAXREDIRS = 68,
    CURLOPT_NOSIGNAL = 99,
    CURLOPT_TIMEOUT_MS = 155,
    CURLOPT_PROTOCOLS = 181,
    CURLOPT_REDIR_PROTOCOLS = 182,
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_URL = 10002,
    CURLOPT_ERRORBUFFER = 10010,
    CURLOPT_USERAGENT = 10018,
    CURLOPT_ACCEPT_ENCODING = 10102,
    CURLOPT_PROTOCOLS_STR = 10318,
    CURLOPT_REDIR_PROTOCOLS_STR = 10319,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_MAXFILESIZE_LARGE = 30117,
};

enum { CURLINFO_RESPONSE_CODE = 0x200000 + 2 };
enum { CURL_GLOBAL_ALL = 3, CURLPROTO_HTTP = 1, CURLPROTO_HTTPS = 2, CURL_ERROR_SIZE = 256 };

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, int, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    char failure[400];
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    static const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl.4.dylib", "libcurl.dylib"};
    void *library = NULL;
    for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
        library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        const char *error = dlerror();
        snprintf(curl.failure, sizeof curl.failure, "%s", error ? error : "libcurl not found");
        return;
    }
    *(void **)&curl.global_init = dlsym(library, "curl_global_init");
    *(void **)&curl.easy_init = dlsym(library, "curl_easy_init");
    *(void **)&curl.easy_setopt = dlsym(library, "curl_easy_setopt");
    *(void **)&curl.easy_perform = dlsym(library, "curl_easy_perform");
    *(void **)&curl.easy_getinfo = dlsym(library, "curl_easy_getinfo");
    *(void **)&curl.easy_cleanup = dlsym(library, "curl_easy_cleanup");
    *(void **)&curl.easy_strerror = dlsym(library, "curl_easy_strerror");
    if (!curl.global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform || !curl.easy_getinfo
        || !curl.easy_cleanup || !curl.easy_strerror) {
        snprintf(curl.failure, sizeof curl.failure, "the libcurl found lacks its easy interface");
        curl.easy_init = NULL;
        return;
    }
    if (curl.global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
        snprintf(curl.failure, sizeof curl.failure, "curl_global_init failed");
        curl.easy_init = NULL;
    }
}

/// One transfer: the bytes so far, and why it was stopped, if it was.
typedef struct transfer {
    CURL *handle;
    unsigned char *bytes;
    size_t count;
    size_t capacity;
    size_t maximum;
    int checked_status;
    bindery_fetch_outcome stopped;
    long status;
} transfer;

static int is_success(long status) { return status >= 200 && status < 300; }

static size_t receive(char *data, size_t size, size_t count, void *context) {
    transfer *current = context;
    size_t length = size * count;
    // The status is known once the body starts: a document is refused at its status before a byte is kept.
    if (!current->checked_status) {
        current->checked_status = 1;
        long status = 0;
        curl.easy_getinfo(current->handle, CURLINFO_RESPONSE_CODE, &status);
        if (!is_success(status)) {
            current->stopped = BINDERY_FETCH_HTTP_STATUS;
            current->status = status;
            return 0;
        }
    }
    if (length > current->maximum - current->count) {
        current->stopped = BINDERY_FETCH_TOO_LARGE;
        return 0;
    }
    if (current->count + length > current->capacity) {
        size_t capacity = current->capacity ? current->capacity : 64 << 10;
        while (capacity < current->count + length) capacity *= 2;
        if (capacity > current->maximum) capacity = current->maximum;
        unsigned char *bytes = realloc(current->bytes, capacity ? capacity : 1);
        if (bytes == NULL) {
            current->stopped = BINDERY_FETCH_FAILED;
            return 0;
        }
        current->bytes = bytes;
        current->capacity = capacity;
    }
    memcpy(current->bytes + current->count, data, length);
    current->count += length;
    return length;
}

void bindery_fetch(const char *url, long timeout_ms, size_t maximum_size, bindery_fetch_result *result) {
    memset(result, 0, sizeof *result);
    pthread_once(&load_once, load);
    if (curl.easy_init == NULL) {
        result->outcome = BINDERY_FETCH_NO_LIBCURL;
        snprintf(result->message, sizeof result->message, "%s", curl.failure);
        return;
    }
    CURL *handle = curl.easy_init();
    if (handle == NULL) {
        result->outcome = BINDERY_FETCH_FAILED;
        snprintf(result->message, sizeof result->message, "curl_easy_init failed");
        return;
    }
    transfer current = {.handle = handle, .maximum = maximum_size};
    char error[CURL_ERROR_SIZE] = {0};
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, (write_callback)receive);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, (void *)&current);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(handle, CURLOPT_MAXREDIRS, 10L);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");
    curl.easy_setopt(handle, CURLOPT_USERAGENT, "bindery");
    curl.easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, (long long)maximum_size);
    // Only http and https, also after a redirect (the string options are libcurl 7.85 and later).
    if (curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK) {
        curl.easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    }
    if (curl.easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") != CURLE_OK) {
        curl.easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    }
    CURLcode code = curl.easy_perform(handle);
    long status = 0;
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    curl.easy_cleanup(handle);

    if (current.stopped != BINDERY_FETCH_OK) {
        result->outcome = current.stopped;
        result->status = current.status;
    } else if (code == CURLE_OK && !is_success(status)) {
        result->outcome = BINDERY_FETCH_HTTP_STATUS;
        result->status = status;
    } else if (code != CURLE_OK) {
        switch (code) {
        case CURLE_OPERATION_TIMEDOUT: result->outcome = BINDERY_FETCH_TIMED_OUT; break;
        case CURLE_COULDNT_CONNECT: result->outcome = BINDERY_FETCH_CANNOT_CONNECT; break;
        case CURLE_COULDNT_RESOLVE_HOST: result->outcome = BINDERY_FETCH_UNKNOWN_HOST; break;
        case CURLE_FILESIZE_EXCEEDED: result->outcome = BINDERY_FETCH_TOO_LARGE; break;
        default:
            result->outcome = BINDERY_FETCH_FAILED;
            snprintf(result->message, sizeof result->message, "%s", error[0] ? error : curl.easy_strerror(code));
        }
    }
    if (result->outcome == BINDERY_FETCH_OK) {
        result->bytes = current.bytes;
        result->count = current.count;
    } else {
        free(current.bytes);
    }
}

void bindery_fetch_free(bindery_fetch_result *result) {
    free(result->bytes);
    result->bytes = NULL;
    result->count = 0;
}
