/*
 * cli.h - command-line options as a table (the programs' getopt_long in one place). Each
 * row names a long option, its short letter (0: none) and where its value goes in the
 * caller's struct: a bool set for a flag, a const char * for an option that takes a value
 * (borrowed from argv). Operands may stand between options, as GNU getopt allows.
 */
#ifndef KENES_CLI_H
#define KENES_CLI_H

#include <stdbool.h>
#include <stddef.h>

struct cli_option {
	const char *name;
	char letter;
	bool takes_value;
	size_t offset; /* offsetof the bool or const char * in the caller's struct */
};

enum cli_result { CLI_OK, CLI_UNKNOWN, CLI_NO_VALUE };

/* Reads argv's options into out. CLI_OK with *first the index of the first operand; else
 * *bad is the argument at fault (nothing printed: the caller says it its way). */
enum cli_result cli_parse(int argc, char **argv, const struct cli_option *opts, size_t count, void *out,
			  int *first, const char **bad);

#endif
