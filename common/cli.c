#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum { CLI_MAX = 32, LONG_ONLY = 256 };

/* The row an option's getopt value stands for, or -1. */
static int row_of(int c, const struct cli_option *opts, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (c == (opts[i].letter ? opts[i].letter : LONG_ONLY + (int)i))
			return (int)i;
	return -1;
}

enum cli_result cli_parse(int argc, char **argv, const struct cli_option *opts, size_t count, void *out,
			  int *first, const char **bad)
{
	struct option longs[CLI_MAX + 1] = { { 0 } };
	char shorts[2 * CLI_MAX + 2] = ":";
	size_t s = 1;
	int c;

	if (count > CLI_MAX)
		abort(); /* a program's table, not input: raise CLI_MAX */
	for (size_t i = 0; i < count; i++) {
		int val = opts[i].letter ? opts[i].letter : LONG_ONLY + (int)i;

		longs[i] =
			(struct option){ opts[i].name, opts[i].takes_value ? required_argument : no_argument,
					 NULL, val };
		if (opts[i].letter) {
			shorts[s++] = opts[i].letter;
			if (opts[i].takes_value)
				shorts[s++] = ':';
		}
	}
	opterr = 0;
	optind = 0; /* glibc: start afresh, also for a second call */
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		int row = row_of(c, opts, count);

		if (c == ':' || c == '?' || row < 0) {
			*bad = argv[optind - 1];
			return c == ':' ? CLI_NO_VALUE : CLI_UNKNOWN;
		}
		if (opts[row].takes_value)
			*(const char **)((char *)out + opts[row].offset) = optarg;
		else
			*(bool *)((char *)out + opts[row].offset) = true;
	}
	*first = optind;
	return CLI_OK;
}
