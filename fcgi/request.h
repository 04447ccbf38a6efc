/*
 * request.h - one HTTP request as the handlers see it, and the response they build:
 * main.c fills the input side from FastCGI parameters and the body, calls the router, then
 * writes status, headers and body back; handlers answer through reply.h and never touch
 * libfcgi, which keeps them testable. Input strings are borrowed from libfcgi for the
 * request's lifetime; the response buffers are the request's, freed by request_free.
 */
#ifndef KENES_REQUEST_H
#define KENES_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "metrics.h"

struct db;
struct settings;

struct request {
	/* in, "" when absent */
	const char *method, *path /* without the query */, *query;
	const char *content_type, *accept_language, *host, *origin, *sec_fetch_site, *idempotency_key,
		*authorization, *cookie; /* the request's headers */
	/* Set by nginx: its request id, the SSO's subject and staff role (the settings'
	   trusted_subject_param and trusted_role_param), the client's address as it saw it. */
	const char *request_id, *trusted_subject, *trusted_role, *remote_addr;
	bool https; /* served over TLS (nginx's HTTPS parameter is "on") */
	const char *body;
	size_t body_len;
	struct db *db, *read_db; /* read_db: a standby for routes that may lag, or db itself */
	const struct settings *settings;
	/* out */
	enum route_label route; /* for metrics; set by routes_dispatch (routes.h) */
	int status;
	struct buf headers, out; /* extra "Name: value\r\n" lines; the body */
	const char *out_type;
	/* A streamed answer (reply_stream_begin): main.c's hook sends status and headers at the
	   first flush, then what `out` holds at each, and empties it (NULL: it stays in `out`). */
	void (*flush)(struct request *req);
	void *flush_arg; /* the hook's (main.c: the FastCGI request) */
	bool streaming;  /* reply_stream_begin was called */
	bool sent;       /* the hook has sent the status and headers */
	/* The hand-off (batch.h): `finish` sends and frees it from any thread (NULL: handlers wait).
	   A job in `handed_off`: the writer answers, with `structure` and no db, read_db. */
	void (*finish)(struct request *req);
	struct batch_job *handed_off;
	struct structure_snapshot *structure;
};

void request_init(struct request *req);
void request_free(struct request *req);

bool request_is_get(const struct request *req); /* GET or HEAD */
/* True when the media type (before any ';') equals type, ignoring case. */
bool request_content_type_is(const struct request *req, const char *type);
/* The first value of a query parameter, decoded, copied into out; false when absent or bad. */
bool request_query_param(const struct request *req, const char *name, char *out, size_t outlen);

#endif
