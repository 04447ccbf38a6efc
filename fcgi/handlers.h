/*
 * handlers.h - the request handlers routes.c dispatches to, and the helpers they share.
 * Each handler answers exactly once through the reply_* helpers of request.h.
 */
#ifndef KENES_HANDLERS_H
#define KENES_HANDLERS_H

#include <jansson.h>
#include <stdbool.h>

#include "i18n.h"
#include "request.h"

/* POST /api/v1/proposals (JSON or the form). */
void handle_submit(struct request *req);
/* POST and DELETE /api/v1/proposals/{id}/supports (JSON or a form). */
void handle_support(struct request *req, const char *id);
/* POST /api/v1/proposals/{id}/report-identity (JSON or a form): "filed in my name". */
void handle_report_identity(struct request *req, const char *id);
/* GET /api/v1/proposals?target=… (JSON) and /proposals?target=… (HTML). */
void handle_list(struct request *req, bool html);
/* GET /proposals/{id} (HTML): the proposal and a form to support it. */
void handle_proposal_page(struct request *req, const char *id);

/* The interface language: ?lang=, else the form's ui_lang (may be NULL), else Accept-Language. */
enum lang handler_lang(const struct request *req, const char *ui_lang);
/* The consultation structure, reloaded when stale; false when there is none to be had. */
bool handler_structure_ready(struct request *req);
/* A published proposal's JSON (new reference), or NULL with a 404/503/500 reply made. */
json_t *handler_fetch_proposal(struct request *req, const char *id);
/* The same without any reply: NULL when it cannot be read. */
json_t *handler_read_proposal(struct request *req, const char *id);
/* The same checks, cheaper: {"consultation": slug} of a published proposal (new reference). */
json_t *handler_fetch_consultation(struct request *req, const char *id);
/* A short HTML page answering `status` with a title and a text (i18n keys). */
void handler_message_page(struct request *req, int status, enum lang lang, const char *title_key,
			  const char *text_key);

#endif
