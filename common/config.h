/*
 * config.h - settings as a table of (name, type, default, bounds).
 *
 * A program describes its settings with an array of config_option, each pointing into its
 * own settings struct. config_load fills them from the defaults, then an optional file of
 * `name = value` lines, then environment variables KENES_<NAME> (upper case), later sources
 * winning. String values are owned by the settings struct: release them with config_free.
 */
#ifndef KENES_CONFIG_H
#define KENES_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

enum config_type { CONFIG_STRING, CONFIG_INT };

struct config_option {
	const char *name;
	enum config_type type;
	const char *default_value;
	long min, max; /* CONFIG_INT only */
	size_t offset; /* of a `char *` or a `long` in the settings struct */
	const char *help;
};

/* Returns false and writes a one-line reason to err when a value is unknown or invalid. */
bool config_load(const struct config_option *opts, size_t n, void *settings, const char *path, char *err,
		 size_t errlen);
void config_free(const struct config_option *opts, size_t n, void *settings);
/* Prints every option with its default and help, for --help. */
void config_usage(const struct config_option *opts, size_t n);

#endif
