/*
 * submit.h - POST /api/v1/proposals: a proposal from the JSON API or the web form, checked
 * by common/proposal.h's rules and stored through fcgi/proposal_store.h.
 */
#ifndef KENES_SUBMIT_H
#define KENES_SUBMIT_H

#include "routes.h"

route_handler submit_handle;

#endif
