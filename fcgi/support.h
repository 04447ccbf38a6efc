/*
 * support.h - POST /api/v1/proposals/{id}/supports gives a person's support, DELETE (or a
 * form's action=withdraw) takes it back; stored by the group-commit writer (batch.h).
 */
#ifndef KENES_SUPPORT_H
#define KENES_SUPPORT_H

#include "routes.h"

route_handler support_handle;

#endif
