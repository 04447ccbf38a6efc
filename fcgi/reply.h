/*
 * reply.h - the answer a handler builds into its struct request: status, headers, body.
 *
 * A handler answers once. Error classes (common/errors.h) become HTTP statuses here and
 * nowhere else. Functions that take a JSON document steal it; text is copied.
 */
#ifndef KENES_REPLY_H
#define KENES_REPLY_H

#include <jansson.h>

#include "errors.h"
#include "request.h"

struct db_error;

void reply_header(struct request *req, const char *name, const char *value);
/* Serialises and steals `doc`. */
void reply_json(struct request *req, int status, json_t *doc);
/* A JSON text that is already serialised (borrowed, copied). */
void reply_json_text(struct request *req, int status, const char *json);
/* A document as PostgreSQL prints a jsonb (borrowed), answered in the bytes reply_json would
 * have written for it (json_text.h), without a Jansson tree in between. */
void reply_jsonb_text(struct request *req, int status, const char *jsonb_text);
/* The HTTP status of an error class (errors.h), and the class of a status a database outcome
 * gave (404, 409, 422, 429; any other is ERROR_INTERNAL). */
int reply_status_of(enum error_class kind);
enum error_class reply_class_of(int status);
/* {"error":{"code":..,"field":..,"message":..}} plus "errors":[...] of the same class. */
void reply_errors(struct request *req, const struct errors *errs);
void reply_error(struct request *req, int status, const char *code, const char *message);
void reply_unavailable(struct request *req);
void reply_redirect(struct request *req, int status, const char *location);
void reply_html(struct request *req, int status, struct buf *html); /* steals html's bytes */
/* After a failed call on db: 422 for a date that does not exist (a query's from or to), 503
 * when the database is unavailable, else 500; logs why, with `what` was being done. */
void reply_db_failure(struct request *req, struct db *db, const char *what);
/* The same for an error another connection met (the batch writer's). */
void reply_db_error(struct request *req, const struct db_error *e, const char *what);
/*
 * A streamed answer, for an export of any length in constant memory: the status and type
 * now, then the body in pieces, each written into req->out and sent by reply_stream_flush.
 * Once the first piece is sent the status cannot change: a failure later can only cut the
 * body short (and is logged by the caller).
 */
void reply_stream_begin(struct request *req, int status, const char *type);
/* Sends what req->out holds (and the headers first, once) and empties it. */
void reply_stream_flush(struct request *req);
/* 405 with Allow. */
void reply_method_not_allowed(struct request *req, const char *allow);

#endif
