/*
 * log.h - one line per event on stderr, for operators.
 *
 *   2026-11-27T18:20:01.123Z info [1234] req=4f1c... proposal 17 stored
 *
 * The request id (nginx's $request_id) is set per request so that every line a request
 * causes can be found with one grep. Strings passed in are copied; nothing is retained.
 */
#ifndef KENES_LOG_H
#define KENES_LOG_H

#include <stdbool.h>

enum log_level { L_DEBUG, L_INFO, L_WARN, L_ERROR };

void log_set_level(enum log_level level);
bool log_parse_level(const char *name, enum log_level *out);
void log_set_request_id(const char *id); /* NULL clears it */
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_debug(...) log_msg(L_DEBUG, __VA_ARGS__)
#define log_info(...)  log_msg(L_INFO, __VA_ARGS__)
#define log_warn(...)  log_msg(L_WARN, __VA_ARGS__)
#define log_error(...) log_msg(L_ERROR, __VA_ARGS__)

#endif
