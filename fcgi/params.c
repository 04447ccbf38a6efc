#include "params.h"

#include <string.h>

#include "reply.h"
#include "util.h"

bool params_one_of(const char *value, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(value, list[i]) == 0)
			return true;
	return false;
}

void params_check_names(const struct form *f, const char *const *names, size_t n, const char *refused,
			struct errors *errs)
{
	for (int i = 0; i < f->count; i++) {
		const char *name = f->fields[i].name;

		if (!params_one_of(name, names, n) || (refused && strcmp(name, refused) == 0))
			errors_add(errs, ERROR_INVALID, "unknown_parameter", name,
				   "unknown parameter \"%.40s\"", name);
		else if (form_get(f, name) != &f->fields[i])
			errors_add(errs, ERROR_INVALID, "repeated_parameter", name, "%s is given twice",
				   name);
	}
}

bool params_slug_valid(const char *slug)
{
	size_t n = strlen(slug);

	if (n == 0 || n > 63)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((slug[i] >= 'a' && slug[i] <= 'z') || (slug[i] >= '0' && slug[i] <= '9') ||
		      (slug[i] == '-' && i > 0)))
			return false;
	return true;
}

const char *params_consultation(const struct form *f, struct errors *errs)
{
	const struct form_field *v = form_get(f, "consultation");

	if (!v || !*v->value)
		return NULL;
	if (!params_slug_valid(v->value))
		errors_add(errs, ERROR_INVALID, "unknown_consultation", "consultation",
			   "there is no such consultation");
	return v->value;
}

const char *params_lang(const struct form *f, const char *fallback, struct errors *errs)
{
	const struct form_field *v = form_get(f, "lang");

	if (!v)
		return fallback;
	if (!params_one_of(v->value, (const char *const[]){ "kk", "ru", "en" }, 3))
		errors_add(errs, ERROR_INVALID, "invalid_lang", "lang", "lang must be kk, ru or en");
	return v->value;
}

const char *params_consultation_required(const struct form *f, struct errors *errs)
{
	const char *slug = params_consultation(f, errs);

	if (!slug && !errs->count)
		errors_add(errs, ERROR_INVALID, "required", "consultation", "consultation is required");
	return slug;
}

const char *params_version(const struct form *f, struct errors *errs)
{
	const struct form_field *v = form_get(f, "version");
	long n;

	if (v && (v->value[0] == '0' || !parse_long(v->value, 1, 9999, &n)))
		errors_add(errs, ERROR_INVALID, "invalid_version", "version",
			   "version must be a version number");
	return v ? v->value : NULL;
}

bool params_format_csv(const char *value, struct errors *errs)
{
	if (strcmp(value, "csv") != 0 && strcmp(value, "json") != 0)
		errors_add(errs, ERROR_INVALID, "invalid_format", "format", "format must be json or csv");
	return strcmp(value, "csv") == 0;
}

bool params_bom(const struct form *f, struct errors *errs)
{
	const struct form_field *v = form_get(f, "bom");

	if (!v)
		return false;
	if (strcmp(v->value, "1") != 0 && strcmp(v->value, "0") != 0)
		errors_add(errs, ERROR_INVALID, "invalid_bom", "bom", "bom must be 0 or 1");
	return strcmp(v->value, "1") == 0;
}

bool params_read_or_reply(struct request *req, struct form *f, params_parse *parse, void *query)
{
	struct errors errs = { .count = 0 };

	if (!form_parse(req->query, strlen(req->query), f)) { /* frees what it parsed */
		reply_error(req, 400, "bad_request", "the query string is malformed");
		return false;
	}
	parse(f, query, &errs);
	if (errs.count)
		reply_errors(req, &errs);
	return errs.count == 0;
}
