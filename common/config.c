#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct config_option *find(const struct config_option *opts, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(opts[i].name, name) == 0)
			return &opts[i];
	return NULL;
}

static bool set_value(const struct config_option *o, void *settings, const char *value, const char *source,
		      char *err, size_t errlen)
{
	char *base = settings;

	if (o->type == CONFIG_STRING) {
		char **slot = (char **)(void *)(base + o->offset);
		free(*slot);
		*slot = xstrdup(value);
		return true;
	}
	if (!parse_long(value, o->min, o->max, (long *)(void *)(base + o->offset))) {
		snprintf(err, errlen, "%s: %s must be an integer between %ld and %ld, not \"%s\"", source,
			 o->name, o->min, o->max, value);
		return false;
	}
	return true;
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static bool load_file(const struct config_option *opts, size_t n, void *settings, const char *path, char *err,
		      size_t errlen)
{
	char line[4096], source[512];
	FILE *f = fopen(path, "r");
	int lineno = 0;
	bool ok = true;

	if (!f) {
		snprintf(err, errlen, "cannot open config file %s: %s", path, strerror(errno));
		return false;
	}
	while (ok && fgets(line, sizeof(line), f)) {
		char *eq, *name, *value;
		const struct config_option *o;

		lineno++;
		name = trim(line);
		if (*name == '\0' || *name == '#')
			continue;
		snprintf(source, sizeof(source), "%s:%d", path, lineno);
		eq = strchr(name, '=');
		if (!eq) {
			snprintf(err, errlen, "%s: expected name = value", source);
			ok = false;
			break;
		}
		*eq = '\0';
		name = trim(name);
		value = trim(eq + 1);
		o = find(opts, n, name);
		if (!o) {
			snprintf(err, errlen, "%s: unknown setting \"%s\"", source, name);
			ok = false;
			break;
		}
		ok = set_value(o, settings, value, source, err, errlen);
	}
	fclose(f);
	return ok;
}

bool config_load(const struct config_option *opts, size_t n, void *settings, const char *path, char *err,
		 size_t errlen)
{
	for (size_t i = 0; i < n; i++)
		if (!set_value(&opts[i], settings, opts[i].default_value, "default", err, errlen))
			return false;
	if (path && !load_file(opts, n, settings, path, err, errlen))
		return false;
	for (size_t i = 0; i < n; i++) {
		char env[128];
		const char *value;
		size_t j = 0;

		j = (size_t)snprintf(env, sizeof(env), "KENES_");
		for (const char *p = opts[i].name; *p && j < sizeof(env) - 1; p++)
			env[j++] = (char)toupper((unsigned char)*p);
		env[j] = '\0';
		value = getenv(env);
		if (value && !set_value(&opts[i], settings, value, env, err, errlen))
			return false;
	}
	return true;
}

void config_free(const struct config_option *opts, size_t n, void *settings)
{
	char *base = settings;

	for (size_t i = 0; i < n; i++) {
		if (opts[i].type == CONFIG_STRING) {
			char **slot = (char **)(void *)(base + opts[i].offset);
			free(*slot);
			*slot = NULL;
		}
	}
}

void config_usage(const struct config_option *opts, size_t n)
{
	printf("Settings (config file `name = value`, or environment KENES_<NAME>):\n");
	for (size_t i = 0; i < n; i++) {
		printf("  %-18s %s", opts[i].name, opts[i].help);
		if (opts[i].type == CONFIG_INT)
			printf(" [%ld..%ld]", opts[i].min, opts[i].max);
		printf(" (default: \"%s\")\n", opts[i].default_value);
	}
}
