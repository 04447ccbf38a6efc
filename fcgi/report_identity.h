/*
 * report_identity.h - POST /api/v1/proposals/{id}/report-identity: "this was filed in my
 * name". The database raises a moderators' flag only for the proposal's own submitter.
 */
#ifndef KENES_REPORT_IDENTITY_H
#define KENES_REPORT_IDENTITY_H

#include "routes.h"

route_handler report_identity_handle;

#endif
