/*
 * jsonbody.h - parsing a JSON request body strictly.
 *
 * The body must be one JSON object, valid UTF-8, without duplicate keys, NUL in strings,
 * or nesting deeper than JSONBODY_MAX_DEPTH. Returns a new reference (caller json_decref)
 * or NULL with a 400 error appended to errs.
 */
#ifndef KENES_JSONBODY_H
#define KENES_JSONBODY_H

#include <jansson.h>
#include <stddef.h>

#include "errors.h"

#define JSONBODY_MAX_DEPTH 16

json_t *jsonbody_parse(const char *body, size_t len, struct errors *errs);

#endif
