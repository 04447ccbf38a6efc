#include "validate.h"

#include <stdio.h>
#include <string.h>

#include "identity.h"
#include "text.h"

static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool import_timestamp_parse(const char *s, time_t *out)
{
	static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, mo, d, h, mi, sec, off = 0;
	struct tm tm = { 0 };
	const char *z;

	if (strlen(s) < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    s[13] != ':' || s[16] != ':')
		return false;
	y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	h = digits(s + 11, 2), mi = digits(s + 14, 2), sec = digits(s + 17, 2);
	if (y < 2000 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 ||
	    sec > 59 || d > month_days[mo - 1] + (mo == 2 && leap(y)))
		return false;
	z = s + 19;
	if (*z == '.') {
		if (z[1] < '0' || z[1] > '9')
			return false;
		for (z++; *z >= '0' && *z <= '9'; z++)
			;
	}
	if ((*z == 'Z' || *z == 'z') && z[1] == '\0') {
		off = 0;
	} else if ((*z == '+' || *z == '-') && strlen(z) == 6 && z[3] == ':') {
		int oh = digits(z + 1, 2), om = digits(z + 4, 2);

		if (oh < 0 || oh > 14 || om < 0 || om > 59)
			return false;
		off = (oh * 60 + om) * 60 * (*z == '-' ? -1 : 1);
	} else {
		return false;
	}
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*out = timegm(&tm) - off;
	return true;
}

static bool known_source(const struct import_rules *rules, const char *code, const char **out)
{
	for (int i = 0; i < rules->source_count; i++)
		if (strcmp(rules->sources[i], code) == 0) {
			*out = rules->sources[i];
			return true;
		}
	return false;
}

bool import_validate_source_known(const struct import_rules *rules, const char *code)
{
	const char *found;

	return known_source(rules, code, &found);
}

static void validate_source(const struct import_record *rec, const struct import_rules *rules,
			    struct import_row *row, struct errors *errs)
{
	const char *code = rec->source ? rec->source : rules->default_source;

	if (!code) {
		errors_add(errs, ERROR_INVALID, "required", "source",
			   "source is required (a column, or --source)");
		return;
	}
	if (!known_source(rules, code, &row->source))
		errors_add(errs, ERROR_INVALID, "unknown_source", "source", "unknown source \"%.40s\"", code);
}

static void validate_source_id(const struct import_record *rec, struct import_row *row, struct errors *errs)
{
	const char *id = rec->source_id;

	if (!id) {
		errors_add(errs, ERROR_INVALID, "required", "source_id", "source_id is required");
		return;
	}
	if (!text_is_clean_line(id, strlen(id)))
		errors_add(errs, ERROR_MALFORMED, "invalid_source_id", "source_id",
			   "source_id is not valid UTF-8 or holds control characters");
	else if (strlen(id) > IMPORT_SOURCE_ID_MAX)
		errors_add(errs, ERROR_INVALID, "source_id_too_long", "source_id",
			   "source_id has more than %d bytes", IMPORT_SOURCE_ID_MAX);
	else
		row->source_id = id;
}

static void validate_submitted_at(const struct import_record *rec, const struct import_rules *rules,
				  struct import_row *row, struct errors *errs)
{
	time_t t;

	if (!rec->submitted_at)
		return;
	if (!import_timestamp_parse(rec->submitted_at, &t))
		errors_add(
			errs, ERROR_INVALID, "invalid_submitted_at", "submitted_at",
			"submitted_at must be a date and time with a zone, e.g. 2026-02-08T12:30:09+05:00");
	else if (t > rules->now + 300)
		errors_add(errs, ERROR_INVALID, "submitted_in_future", "submitted_at",
			   "submitted_at is in the future");
	else
		row->submitted_at = rec->submitted_at;
}

/* As the handler under the "iin" policy (identity_from_iin); pseudonymised with a key. */
static void validate_iin(const struct import_record *rec, const struct import_rules *rules,
			 struct import_row *row, struct errors *errs)
{
	const char *consultation =
		rules->pseudonyms && row->p.consultation ? row->p.consultation->slug : NULL;

	identity_from_iin(consultation, rec->in.iin, rules->now, false, row->submitter, &row->has_submitter,
			  errs);
}

bool import_validate(struct import_record *rec, const struct import_rules *rules, struct import_row *row)
{
	struct errors *errs = &rec->errs;

	memset(row, 0, sizeof(*row));
	/* As the API: a body that could not be read (400, 413) is not validated further. */
	if (errors_unreadable(errs))
		return false;
	rec->in.channel = "import";
	proposal_validate(&rec->in, &row->p, errs);
	validate_iin(rec, rules, row, errs);
	validate_source(rec, rules, row, errs);
	validate_source_id(rec, row, errs);
	validate_submitted_at(rec, rules, row, errs);
	return errs->count == 0;
}

void import_row_free(struct import_row *row)
{
	proposal_free(&row->p);
	memset(row, 0, sizeof(*row));
}
