#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static enum log_level min_level = L_INFO;
static _Thread_local char request_id[64];
static const char *const level_names[] = { "debug", "info", "warn", "error" };

void log_set_level(enum log_level level)
{
	min_level = level;
}

bool log_parse_level(const char *name, enum log_level *out)
{
	for (int i = L_DEBUG; i <= L_ERROR; i++) {
		if (strcmp(name, level_names[i]) == 0) {
			*out = (enum log_level)i;
			return true;
		}
	}
	return false;
}

void log_set_request_id(const char *id)
{
	size_t n = 0;

	/* The id comes from nginx, but keep the log line parseable whatever it holds. */
	for (; id && id[n] && n < sizeof(request_id) - 1; n++)
		request_id[n] = (id[n] > ' ' && id[n] < 127) ? id[n] : '?';
	request_id[n] = '\0';
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	char line[2048];
	struct timespec ts;
	struct tm tm;
	size_t n;
	va_list ap;

	if (level < min_level)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%S", &tm);
	n += (size_t)snprintf(line + n, sizeof(line) - n, ".%03ldZ %s [%d] ", ts.tv_nsec / 1000000,
			      level_names[level], (int)getpid());
	if (request_id[0])
		n += (size_t)snprintf(line + n, sizeof(line) - n, "req=%s ", request_id);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	/* One write per line so lines from several workers never interleave. */
	n = strlen(line);
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	for (size_t i = 0; i < n; i++)
		if (line[i] == '\n')
			line[i] = ' ';
	line[n++] = '\n';
	if (write(STDERR_FILENO, line, n) < 0)
		return;
}
