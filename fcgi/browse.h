/*
 * browse.h - finding proposals to support: a list per part of the draft (newest or most
 * supported, paginated), as JSON or HTML, and one proposal's page with its support form.
 */
#ifndef KENES_BROWSE_H
#define KENES_BROWSE_H

#include "routes.h"

route_handler browse_list; /* GET /api/v1/proposals?target=… (arg "json"), /proposals (arg "html") */
route_handler browse_proposal_page; /* GET /proposals/{id} */

#endif
