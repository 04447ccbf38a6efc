#include "progress.h"

#include <stdio.h>
#include <unistd.h>

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void progress_start(struct progress *p, const char *label, bool enabled)
{
	p->enabled = enabled && isatty(STDERR_FILENO);
	p->drawn = false;
	p->label = label;
	clock_gettime(CLOCK_MONOTONIC, &p->started);
	p->last.tv_sec = 0;
	p->last.tv_nsec = 0;
}

void progress_format(char *out, size_t outlen, int width, long long done, long long total, const char *unit)
{
	char bar[128];
	int filled, i;

	if (total <= 0) {
		snprintf(out, outlen, "%lld %s", done, unit);
		return;
	}
	if (done > total)
		done = total;
	if (width > (int)sizeof(bar) - 3)
		width = (int)sizeof(bar) - 3;
	filled = (int)(done * width / total);
	bar[0] = '[';
	for (i = 0; i < width; i++)
		bar[i + 1] = i < filled ? '#' : '-';
	bar[width + 1] = ']';
	bar[width + 2] = '\0';
	snprintf(out, outlen, "%s %3lld%%  %lld/%lld %s", bar, done * 100 / total, done, total, unit);
}

void progress_update(struct progress *p, long long done, long long total, const char *unit)
{
	struct timespec now;
	char line[256];

	if (!p->enabled)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (p->drawn && seconds_between(&p->last, &now) < 0.1 && done < total)
		return;
	p->last = now;
	progress_format(line, sizeof(line), 24, done, total, unit);
	/* \r and erase-line redraw in place. */
	fprintf(stderr, "\r\033[K%-8s %s  %.1fs", p->label, line, seconds_between(&p->started, &now));
	fflush(stderr);
	p->drawn = true;
}

void progress_done(struct progress *p)
{
	if (p->enabled && p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->drawn = false;
}
