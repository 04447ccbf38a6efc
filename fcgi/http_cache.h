/*
 * http_cache.h - what an answer says to caches (nginx's microcache, browsers): the public
 * reads are `public, max-age=1` with an ETag and answer 304 to a matching If-None-Match;
 * every other answer is `private, no-store`. Pure functions on borrowed strings.
 */
#ifndef KENES_HTTP_CACHE_H
#define KENES_HTTP_CACHE_H

#include <stdbool.h>
#include <stddef.h>

/* A quoted strong validator: '"' + 32 hex digits + '"'. */
#define HTTP_CACHE_ETAG_LEN 34

/* The ETag of a body: a 128-bit BLAKE2b hash of its bytes, quoted. */
void http_cache_etag(const char *body, size_t len, char out[HTTP_CACHE_ETAG_LEN + 1]);
/* Whether an If-None-Match value ("*", or a comma-separated list of tags, weak ones too:
   RFC 9110 compares them weakly) names etag. NULL or "" never does. */
bool http_cache_matches(const char *if_none_match, const char *etag);

#endif
