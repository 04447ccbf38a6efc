/*
 * progress.h - a progress bar on standard error, drawn only when it is a terminal.
 *
 *   refresh  [##########----------]  52%  52000/100000 changes  3.1s
 *
 * In a pipe, a file or under cron nothing is drawn: logs and reports stay clean. A bar is
 * redrawn at most ten times a second, and erased by progress_done.
 */
#ifndef KENES_PROGRESS_H
#define KENES_PROGRESS_H

#include <stdbool.h>
#include <time.h>

struct progress {
	bool enabled;
	bool drawn;
	const char *label;
	struct timespec started, last;
};

/* enabled: the caller's choice (e.g. not --quiet); it is also off unless stderr is a tty. */
void progress_start(struct progress *p, const char *label, bool enabled);
/* done of total `unit` (e.g. "changes"); total 0 shows a count without a bar. */
void progress_update(struct progress *p, long long done, long long total, const char *unit);
void progress_done(struct progress *p);

/* The bar as text, without escapes, for tests: "[####------]  40%  4/10 changes". */
void progress_format(char *out, size_t outlen, int width, long long done, long long total, const char *unit);

#endif
