/*
 * handlers.h - what every handler shares (the interface language, the structure, a proposal
 * read for an action or a page, a message page), and the small handlers of handlers.c.
 *
 * A handler answers exactly once through the reply_* helpers of request.h; a function
 * returning a document (new reference, the caller's) has answered when it returns NULL.
 */
#ifndef KENES_HANDLERS_H
#define KENES_HANDLERS_H

#include <jansson.h>
#include <stdbool.h>

#include "lang.h"
#include "routes.h"

/* The interface language: ?lang=, else the form's ui_lang (may be NULL), else Accept-Language. */
enum lang handler_lang(const struct request *req, const char *ui_lang);
/* The consultation structure, reloaded when stale; false when there is none to be had. */
bool handler_structure_ready(struct request *req);
/* A published proposal's JSON, or NULL with a 404/503/500 reply made. */
json_t *handler_fetch_proposal(struct request *req, const char *id);
/* The same without any reply: NULL when it cannot be read. */
json_t *handler_read_proposal(struct request *req, const char *id);
/* The same checks, cheaper: {"consultation": slug} of a published proposal. */
json_t *handler_fetch_consultation(struct request *req, const char *id);
/* A short HTML page answering `status` with a title and a text (i18n keys). */
void handler_message_page(struct request *req, int status, enum lang lang, const char *title_key,
			  const char *text_key);
/* The HTML 404 page. */
void handler_not_found_page(struct request *req);
/* For a page: true when a fetch found its document; false otherwise, its 404 (req->status)
 * then answered as the HTML 404 page; any other failure stays as the fetch answered it. */
bool handler_found_or_page(struct request *req, const json_t *doc);

route_handler handler_form_page;    /* GET / */
route_handler handler_receipt_page; /* GET /proposals/{id}/receipt */
route_handler handler_proposal;     /* GET /api/v1/proposals/{id} */
route_handler handler_health;       /* GET /healthz */
route_handler handler_metrics;      /* GET /metrics (Prometheus text) */

#endif
