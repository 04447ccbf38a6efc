/*
 * browse.h - finding proposals to support: a list per part of the draft (newest or most
 * supported, paginated), as JSON or HTML, and one proposal's page with its support form.
 */
#ifndef KENES_BROWSE_H
#define KENES_BROWSE_H

#include "routes.h"

route_handler browse_list_json;     /* GET /api/v1/proposals?target=… */
route_handler browse_list_html;     /* GET /proposals?target=… */
route_handler browse_proposal_page; /* GET /proposals/{id} */

#endif
