/*
 * request.h - one HTTP request as the handlers see it, and the response they build.
 *
 * main.c fills the input side from FastCGI parameters and the body, calls the router, then
 * writes status, headers and body back. Handlers never touch libfcgi, which keeps them
 * testable. Input strings are borrowed from libfcgi for the request's lifetime; the
 * response buffers are owned by the request and freed by request_free.
 */
#ifndef KENES_REQUEST_H
#define KENES_REQUEST_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "errors.h"
#include "metrics.h"

struct db;
struct settings;

struct request {
	/* in */
	const char *method;
	const char *path;  /* the URI path, without the query */
	const char *query; /* "" when absent */
	const char *content_type;
	const char *accept_language;
	const char *request_id;
	const char *host;            /* Host header */
	const char *origin;          /* Origin header, "" when absent */
	const char *sec_fetch_site;  /* Sec-Fetch-Site header, "" when absent */
	const char *idempotency_key; /* Idempotency-Key header, "" when absent */
	const char *trusted_subject; /* set by nginx from the SSO (see trusted_subject_param) */
	const char *authorization;   /* Authorization header, "" when absent */
	const char *body;
	size_t body_len;
	struct db *db;
	/* For read-only routes that may lag (tallies, reports): a standby, or db itself. */
	struct db *read_db;
	const struct settings *settings;
	/* out */
	enum route route; /* for metrics; set by route_request */
	int status;
	struct buf headers; /* extra "Name: value\r\n" lines */
	struct buf out;     /* the body */
	const char *out_type;
};

void request_init(struct request *req);
void request_free(struct request *req);

/* Routes and answers one request. */
void route_request(struct request *req);

bool request_is_get(const struct request *req); /* GET or HEAD */
/* True when the media type (before any ';') equals type, ignoring case. */
bool request_content_type_is(const struct request *req, const char *type);
/* The first value of a query parameter, decoded, copied into out; false when absent or bad. */
bool request_query_param(const struct request *req, const char *name, char *out, size_t outlen);

void reply_header(struct request *req, const char *name, const char *value);
/* Serialises and steals `doc`. */
void reply_json(struct request *req, int status, json_t *doc);
/* A JSON text that is already serialised (borrowed, copied). */
void reply_json_text(struct request *req, int status, const char *json);
/* {"error":{"code":..,"field":..,"message":..}} plus "errors":[...] when there are several. */
void reply_errors(struct request *req, const struct errors *errs);
void reply_error(struct request *req, int status, const char *code, const char *message);
void reply_unavailable(struct request *req);
void reply_redirect(struct request *req, int status, const char *location);
void reply_html(struct request *req, int status, struct buf *html); /* steals html's bytes */
/* 405 with Allow. */
void reply_method_not_allowed(struct request *req, const char *allow);

#endif
