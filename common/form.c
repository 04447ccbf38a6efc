#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..len) into a new string; false on a bad or NUL escape. */
static bool decode(const char *s, size_t len, char **out, size_t *out_len)
{
	char *d = xmalloc(len + 1);
	size_t j = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '+') {
			d[j++] = ' ';
		} else if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= len)
				goto bad;
			hi = hex_value(s[i + 1]);
			lo = hex_value(s[i + 2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				goto bad;
			d[j++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (s[i] == '\0') {
			goto bad;
		} else {
			d[j++] = s[i];
		}
	}
	d[j] = '\0';
	*out = d;
	*out_len = j;
	return true;
bad:
	free(d);
	return false;
}

bool form_parse(const char *body, size_t len, struct form *out)
{
	const char *p = body, *end = body + len;

	out->count = 0;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		struct form_field *f;
		size_t name_len;

		if (stop == p) { /* empty pair, as in "a=1&&b=2" */
			p = stop + 1;
			continue;
		}
		if (out->count == FORM_MAX_FIELDS)
			goto bad;
		f = &out->fields[out->count];
		if (!decode(p, (size_t)((eq ? eq : stop) - p), &f->name, &name_len))
			goto bad;
		if (!decode(eq ? eq + 1 : stop, eq ? (size_t)(stop - eq - 1) : 0, &f->value, &f->value_len)) {
			free(f->name);
			goto bad;
		}
		out->count++;
		p = amp ? amp + 1 : end;
	}
	return true;
bad:
	form_free(out);
	return false;
}

const struct form_field *form_get(const struct form *f, const char *name)
{
	for (int i = 0; i < f->count; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}

const char *form_value(const struct form *f, const char *name)
{
	const struct form_field *v = form_get(f, name);

	return v && *v->value ? v->value : NULL;
}

void form_free(struct form *f)
{
	for (int i = 0; i < f->count; i++) {
		free(f->fields[i].name);
		free(f->fields[i].value);
	}
	f->count = 0;
}
